"""The seed's publishing rules, each on its own (pure functions, no I/O)."""

from decimal import Decimal

from shopsync.model import Availability, CatalogProduct, StockLine
from shopsync.rules import BrandMapping, RuleOptions, desired_states, unpublish_threshold

CATALOG = {
    "T1": CatalogProduct("T1", "Tissot"),
    "T2": CatalogProduct("T2", "Tissot"),
    "P1": CatalogProduct("P1", "Pandora"),
    "R1": CatalogProduct("R1", "Alliances", has_sizes=True),
    "C1": CatalogProduct("C1", "Casio"),
    "N1": CatalogProduct("N1", "Nomination"),
    "N2": CatalogProduct("N2", "Nomination"),
}


def mapped(*pairs):
    return {
        erp.casefold(): BrandMapping(erp, site, mode)
        for erp, site, mode in pairs
    }


def run(lines, mappings, **opts):
    connections = {ln.reference: ln.reference for ln in lines if ln.reference in CATALOG}
    return desired_states(lines, CATALOG, connections, mappings, RuleOptions(**opts))


def test_in_stock_published_with_erp_price_and_quantity():
    out = run(
        [StockLine("T1", "TISSOT", quantity=2, price=Decimal("895"))],
        mapped(("TISSOT", None, "stock")),
    )
    s = out.states["T1"]
    assert (s.published, s.availability, s.quantity, s.price) == (
        True, Availability.IN_STOCK, 2, Decimal("895"),
    )
    assert out.states["T2"].published is False  # not in the ERP: unpublished
    assert out.reasons["T2"] == "not in the ERP"


def test_sold_out_is_out_of_stock_or_backorder_with_the_site_rule():
    lines = [StockLine("T1", "TISSOT", quantity=0, price=Decimal("10"))]
    m = mapped(("TISSOT", None, "stock"))
    assert run(lines, m).states["T1"].availability == Availability.OUT_OF_STOCK
    assert run(lines, m, backorder=True).states["T1"].availability == Availability.BACKORDER
    assert run(lines, m, backorder=True).states["T1"].published is True


def test_new_brand_is_unmapped_by_default_and_flagged():
    out = run([StockLine("P1", "PANDORA", quantity=1)], {})
    assert out.states["P1"].published is False
    assert out.new_brands == ["PANDORA"]
    out = run([StockLine("P1", "PANDORA", quantity=1)], {}, new_brands="stock")
    assert out.states["P1"].published is True


def test_brand_off_and_site_brand_mapping():
    lines = [StockLine("C1", "G-SHOCK", quantity=1), StockLine("T1", "TISSOT", quantity=1)]
    out = run(lines, mapped(("G-SHOCK", "Casio", "stock"), ("TISSOT", None, "off")))
    assert out.states["C1"].published is True
    assert out.states["T1"].published is False
    assert out.reasons["T1"] == "brand off the site"


def test_preorder_brand_publishes_every_catalogue_product_of_the_brand():
    out = run([StockLine("N1", "NOMINATION", quantity=0)], mapped(("NOMINATION", None, "preorder")))
    assert out.states["N1"].availability == Availability.PREORDER
    assert out.states["N2"].published and out.states["N2"].availability == Availability.PREORDER


def test_statuses_hold_one_product_or_preorder_it():
    m = mapped(("TISSOT", None, "stock"))
    lines = [
        StockLine("T1", "TISSOT", quantity=3, status="nw "),
        StockLine("T2", "TISSOT", quantity=0, status="CDE"),
    ]
    out = run(lines, m, hold_statuses=frozenset({"nw"}), preorder_statuses=frozenset({"cde"}))
    assert out.states["T1"].published is False
    assert out.reasons["T1"] == "held by its ERP status"
    assert out.states["T2"].availability == Availability.PREORDER


def test_ring_sizes_each_with_its_price_product_price_is_lowest():
    m = mapped(("ALLIANCES", None, "stock"))
    lines = [
        StockLine("R1", "ALLIANCES", quantity=1, price=Decimal("520"), size="56.5"),
        StockLine("R1", "ALLIANCES", quantity=2, price=Decimal("490"), size="52"),
        StockLine("R1", "ALLIANCES", quantity=0, price=Decimal("560"), size="60"),
    ]
    s = run(lines, m).states["R1"]
    assert [(z.size, z.quantity, z.price) for z in s.sizes] == [
        ("52", 2, Decimal("490")), ("56.5", 1, Decimal("520")), ("60", 0, Decimal("560")),
    ]
    assert s.quantity == 3 and s.price == Decimal("490")


def test_one_size_one_price():
    m = mapped(("ALLIANCES", None, "stock"))
    s = run([StockLine("R1", "ALLIANCES", quantity=1, price=Decimal("700"), size="54")], m).states["R1"]
    assert s.price == Decimal("700") and len(s.sizes) == 1


def test_unmatched_items_of_wanted_brands_become_listing_requests():
    m = mapped(("TISSOT", None, "stock"), ("BIJOUX", None, "off"))
    lines = [StockLine("T999", "TISSOT", quantity=1), StockLine("B1", "BIJOUX", quantity=1)]
    out = run(lines, m)
    assert [ln.reference for ln in out.unmatched] == ["T999"]


def test_unpublish_threshold():
    assert unpublish_threshold(10, 10, 0.2) == 10
    assert unpublish_threshold(1000, 10, 0.2) == 200
