"""Every publishing rule, scenario by scenario, against the real sandbox site."""

from __future__ import annotations

import httpx
from shop_fixtures import TOKEN

BASE = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("T137.407.11.041.00", "TISSOT", "PRX", "1", "375,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "3", "69,00", "", ""),
]


def test_new_brands_stay_off_until_mapped(shop, site):
    shop.configure(rules={"new_brands": "unmapped"})
    shop.write(BASE)
    out = shop.sync()
    assert out.exit_code == 0 and out.uploaded == 0
    assert site.product("F20560/1")["published"] is False
    brands = shop.cli("brands", "list", "--json")
    assert brands.returncode == 0, brands.stderr
    assert '"decided": false' in brands.stdout and "FESTINA" in brands.stdout

    assert shop.cli("brands", "map", "FESTINA", "--mode", "stock").returncode == 0
    out = shop.sync()
    assert out.uploaded == 1
    assert site.product("F20560/1")["published"] is True
    assert site.product("T120.417.17.041.00")["published"] is False


def test_brand_off_unpublishes_its_products(shop, site):
    shop.write(BASE)
    assert shop.sync().exit_code == 0
    assert site.product("590702HV-16")["published"] is True
    mapped = shop.cli("brands", "map", "PANDORA", "--mode", "off")
    assert mapped.returncode == 0, mapped.stderr
    out = shop.sync()
    assert out.exit_code == 0
    assert site.product("590702HV-16")["published"] is False
    assert site.product("F20560/1")["published"] is True


def test_preorder_brand_publishes_catalogue_products_not_in_stock(shop, site):
    shop.write(BASE)
    mapped = shop.cli("brands", "map", "Nomination", "--mode", "preorder")  # absent from the ERP
    assert mapped.returncode == 0, mapped.stderr
    assert shop.sync().exit_code == 0
    p = site.product("NOM-1")
    assert p["published"] is True and p["availability"] == "preorder"


def test_hold_and_preorder_statuses(shop, site):
    shop.configure(rules={"new_brands": "stock", "hold_statuses": ["NW", "NON WEB"], "preorder_statuses": ["CDE"]})
    rows = [
        ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", "non web"),
        ("T137.407.11.041.00", "TISSOT", "PRX", "0", "375,00", "", "CDE"),
        ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ]
    shop.write(rows)
    assert shop.sync().exit_code == 0
    assert site.product("T120.417.17.041.00")["published"] is False
    p = site.product("T137.407.11.041.00")
    assert p["published"] is True and p["availability"] == "preorder"
    assert site.product("F20560/1")["published"] is True


def test_backorder_rule_is_one_site_setting(shop, site):
    shop.configure(backorder={"enabled": True, "restock_days": 12, "message": "Sous {days} jours"})
    shop.write([("F20560/1", "FESTINA", "CHRONO", "0", "120,00", "", "")])
    assert shop.sync().exit_code == 0
    assert site.settings()["backorder"] == {"enabled": True, "restock_days": 12, "message": "Sous {days} jours"}
    assert site.product("F20560/1")["availability"] == "backorder"
    shop.configure(backorder={"enabled": False})
    assert shop.sync().exit_code == 0
    assert site.settings()["backorder"]["enabled"] is False
    assert site.product("F20560/1")["availability"] == "out_of_stock"


def test_ring_sizes_with_their_own_prices(shop, site):
    rows = [
        ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "1", "490,00", "T52", ""),
        ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "2", "520,00", "T.54", ""),
        ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "1", "520,00", "54", ""),
    ]
    shop.write(rows)
    assert shop.sync().exit_code == 0
    p = site.product("ALL OR 3MM")
    assert p["quantity"] == 4 and p["price"] == "490.00"
    assert p["sizes"] == [
        {"size": "52", "quantity": 1, "price": "490.00"},
        {"size": "54", "quantity": 3, "price": "520.00"},
    ]


def test_guard_holds_mass_unpublishing_until_confirmed(tmp_path, monkeypatch):
    from shop_fixtures import Shop, Site, write_catalog_rows

    from shopsync.site.sandbox.testing import running_sandbox

    catalog = [{"reference": f"R{i:03d}", "brand": "Seiko", "title": "x"} for i in range(30)]
    csv = write_catalog_rows(tmp_path / "c.csv", catalog)
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=csv) as url:
        site = Site(url, tmp_path / "site")
        shop = Shop(tmp_path / "home", url)
        rows = [(f"R{i:03d}", "SEIKO", "x", "1", "10,00", "", "") for i in range(30)]
        shop.write(rows)
        assert shop.sync().uploaded == 30
        # A half export: 28 would go, and one piece sells.
        half = [(*rows[0][:3], "0", *rows[0][4:]), rows[1]]
        shop.write(half)
        code, out = shop.cli_json("sync", "--once")
        assert code == 4 and out["status"] == "held" and out["held"] == 28
        assert out["uploaded"] == 1  # the stock update still went out
        assert site.product("R005")["published"] is True
        assert site.product("R000")["quantity"] == 0
        code, dry = shop.cli_json("sync", "--once", "--dry-run")
        assert code == 0, dry
        assert len(dry["plan"]["held"]) == 28 and site.product("R005")["published"] is True
        assert shop.cli("confirm").returncode == 0
        code, out = shop.cli_json("sync", "--once")
        assert code == 0 and out["uploaded"] == 28
        assert site.product("R005")["published"] is False


def test_small_unpublishing_goes_without_asking(shop, site):
    shop.write(BASE)
    assert shop.sync().exit_code == 0
    shop.write(BASE[1:])
    out = shop.sync()
    assert out.exit_code == 0 and out.held == 0
    assert site.product("T120.417.17.041.00")["published"] is False


def test_dry_run_sends_nothing(shop, site):
    shop.write(BASE)
    code, out = shop.cli_json("sync", "--once", "--dry-run")
    assert code == 0 and out["status"] == "dry_run" and out["uploaded"] == 0
    assert sorted(out["plan"]["publish"]) == sorted(r[0] for r in BASE)
    assert site.product("F20560/1")["published"] is False


def test_unmatched_items_become_listing_requests_once(shop, site):
    rows = [*BASE, ("T999.999", "TISSOT", "NOUVELLE MONTRE", "1", "500,00", "", "")]
    shop.write(rows)
    assert shop.sync().exit_code == 0
    shop.write([*rows[:-1], rows[-1]])  # same again (touch)
    assert shop.sync(full=True).exit_code == 0
    r = httpx.get(f"{site.url}/api/v1/listing-requests", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["reference"] for i in items] == ["T999.999"]
