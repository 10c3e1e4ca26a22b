"""The WooCommerce target against the stand-in, over real HTTP on 127.0.0.1.

Each test drives the target the way the engine does (built by `shopsync.site.factory`) and
then looks at what the shop holds and at what was sent to it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from standin import WooState, running_standin

from shopsync.errors import SiteAuthError, SiteRejected, SiteUnreachable
from shopsync.model import OrderLine
from shopsync.site.factory import Purpose, SiteTargets
from shopsync.site.woocommerce import open_target
from shopsync.sync.port import Capability, TargetKind

KEY, SECRET = "ck_0123456789abcdef", "cs_fedcba9876543210"
CREDENTIALS = f"{KEY}:{SECRET}"
BACKORDER = {
    "backorder": {
        "enabled": True,
        "restock_days": 10,
        "message": "Sur commande, expédié sous {days} jours",
    }
}


def simple(state: WooState, sku: str, brand: str, **fields) -> dict:
    body = {"name": sku, "type": "simple", "sku": sku, "regular_price": "100",
            "manage_stock": True, "stock_quantity": 1,
            "attributes": [{"name": "Marque", "options": [brand]}], **fields}  # fmt: skip
    return state.new_product(body)


def ring(state: WooState, sku: str, sizes: dict[str, str]) -> dict:
    parent = state.new_product({
        "name": "Alliance or jaune", "type": "variable", "sku": sku,
        "attributes": [{"name": "Marque", "options": ["Alliance"]},
                       {"name": "Taille", "options": list(sizes), "variation": True}],
    })  # fmt: skip
    for size, price in sizes.items():
        state.new_variation(parent, {"sku": f"{sku}-{size}", "regular_price": price,
                                     "manage_stock": True, "stock_quantity": 0,
                                     "attributes": [{"name": "Taille", "option": size}]})  # fmt: skip
    return parent


@pytest.fixture
def shop() -> Iterator[tuple[WooState, str]]:
    state = WooState(KEY, SECRET)
    # manage_stock off: trap #11943 (stock_quantity dropped while it is off)
    simple(state, "T137.407.11.041.00", "Tissot", manage_stock=False, regular_price="695")
    simple(state, "CRB4084600", "Cartier", regular_price="6150")
    simple(state, "ZZ-OFF-1", "Inconnue")
    ring(state, "AL/1234.56", {"50": "850.00", "52": "890.00", "56.5": "920.00"})
    state.new_product({"name": "Coffret", "type": "grouped", "sku": "GRP-1"})
    state.new_product({"name": "Sans référence", "type": "simple"})
    with running_standin(state) as url:
        yield state, url


def target_for(
    url: str, *, sleeps: list[float] | None = None, purpose: Purpose = Purpose.SYNC, **kw
):
    recorded = sleeps if sleeps is not None else []
    return SiteTargets(
        url, kind="woocommerce", token=kw.pop("token", CREDENTIALS),
        options={"brand_attribute": "Marque", "backorder": BACKORDER, **kw},
        sleep=recorded.append,
    ).open(purpose)  # fmt: skip


def item(reference: str, version: int, *, published=True, availability="in_stock", quantity=1,
         price="100.00", sizes=()) -> dict:  # fmt: skip
    return {"reference": reference, "version": version, "published": published,
            "availability": availability, "quantity": quantity, "price": price,
            "sizes": [{"size": s, "quantity": q, "price": p} for s, q, p in sizes]}  # fmt: skip


def by_sku(state: WooState, sku: str) -> dict:
    return next(p for p in state.products.values() if p["sku"] == sku)


def meta(record: dict, key: str):
    return next((m["value"] for m in record["meta_data"] if m["key"] == key), None)


def test_the_factory_builds_a_woocommerce_target_that_says_what_it_cannot_do(shop):
    _, url = shop
    with target_for(url) as target:
        assert target.kind is TargetKind.WOOCOMMERCE
        assert target.max_batch == 100
        assert Capability.WEB_ORDERS in target.capabilities
        for missing in (Capability.HEARTBEAT, Capability.SUPPORT_REQUESTS, Capability.LISTING_REQUESTS,
                        Capability.CONNECTION_REPORT, Capability.DIAGNOSTICS, Capability.IDEMPOTENT_BATCHES):  # fmt: skip
            assert missing not in target.capabilities
        with pytest.raises(SiteRejected) as refused:
            target.send_listing_requests([{"reference": "X"}])
        assert refused.value.status_code == 404


def test_catalogue_reads_skus_brands_and_ring_sizes(shop):
    _, url = shop
    with target_for(url) as target:
        catalog = {p.reference: p for p in target.catalog()}
    assert set(catalog) == {"T137.407.11.041.00", "CRB4084600", "ZZ-OFF-1", "AL/1234.56"}
    assert catalog["T137.407.11.041.00"].brand == "Tissot"
    assert catalog["AL/1234.56"].has_sizes and catalog["AL/1234.56"].sizes == ("50", "52", "56.5")
    assert not catalog["CRB4084600"].has_sizes


def test_brand_comes_from_the_product_brand_taxonomy_before_the_attribute():
    state = WooState(KEY, SECRET, brands=True)
    simple(state, "T1", "Attribut", brands=[{"name": "Tissot"}])
    simple(state, "T2", "Longines")
    with running_standin(state) as url, target_for(url) as target:
        brands = {p.reference: p.brand for p in target.catalog()}
    assert brands == {"T1": "Tissot", "T2": "Longines"}


def test_the_seed_rules_land_in_woocommerce_fields(shop):
    state, url = shop
    items = [
        item("T137.407.11.041.00", 1, quantity=2, price="700.00"),
        item("CRB4084600", 1, availability="backorder", quantity=0, price="6150.00"),
        item("ZZ-OFF-1", 1, published=False, availability="out_of_stock", quantity=0, price=None),
        item("AL/1234.56", 1, quantity=3, price="890.00",
             sizes=[("52", 1, "890.00"), ("56.5", 2, "950.00")]),
    ]  # fmt: skip
    with target_for(url) as target:
        target.catalog()
        results = target.send_batch(items, "key-1")
    assert [r.status for r in results] == ["accepted"] * 4
    tissot = by_sku(state, "T137.407.11.041.00")
    assert (tissot["manage_stock"], tissot["stock_quantity"], tissot["stock_status"]) == (
        True,
        2,
        "instock",
    )
    assert tissot["regular_price"] == "700.00"
    cartier = by_sku(state, "CRB4084600")
    assert (cartier["stock_quantity"], cartier["backorders"], cartier["stock_status"]) == (
        0,
        "notify",
        "onbackorder",
    )
    assert meta(cartier, "_shopsync_backorder_message") == "Sur commande, expédié sous 10 jours"
    off = by_sku(state, "ZZ-OFF-1")
    assert off["status"] == "draft"  # unpublished, never deleted
    parent = by_sku(state, "AL/1234.56")
    sizes = {v["attributes"][0]["option"]: v for v in state.variations[parent["id"]].values()}
    assert {s: (v["stock_quantity"], v["regular_price"]) for s, v in sizes.items()} == {
        "50": (0, "890.00"),
        "52": (1, "890.00"),
        "56.5": (2, "950.00"),
    }
    assert meta(parent, "_shopsync_version") == "1"
    writes = list(state.bodies)
    for _path, body in writes:
        for update in body.get("update", []):
            assert "stock_status" not in update  # never relied on (#34869), derived by the shop
            assert "variations" not in update  # sizes only through variations/batch (#11736)
    assert any(path.endswith("/variations/batch") for path, _ in writes)


def test_preorder_is_orderable_with_its_own_mark(shop):
    state, url = shop
    with target_for(url) as target:
        target.send_batch([item("CRB4084600", 3, availability="preorder", quantity=0)], "k")
        states = {s["reference"]: s for s in target.products()}
    cartier = by_sku(state, "CRB4084600")
    assert (
        cartier["backorders"] == "notify" and meta(cartier, "_shopsync_availability") == "preorder"
    )
    assert states["CRB4084600"]["availability"] == "preorder"


def test_nothing_is_sent_when_the_shop_already_shows_the_state(shop):
    state, url = shop
    items = [item("CRB4084600", 1, quantity=4), item("AL/1234.56", 1, sizes=[("50", 1, "890.00")])]
    with target_for(url) as target:
        target.send_batch(items, "a")
        writes = len(state.bodies)
        again = target.send_batch([dict(i, version=2) for i in items], "b")
    assert [r.status for r in again] == ["accepted", "accepted"]
    assert len(state.bodies) == writes  # compared, found equal, nothing written


def test_an_interrupted_batch_is_safe_to_repeat_and_a_web_order_in_between_is_not_undone(shop):
    state, url = shop
    items = [item("CRB4084600", 5, quantity=1), item("AL/1234.56", 5, sizes=[("52", 1, "890.00")])]
    state.drop_after_next_write()  # the sizes are written, then the answer is lost
    with (
        open_target(url, CREDENTIALS, retries=0, connect_timeout=5, read_timeout=10) as target,
        pytest.raises(SiteUnreachable),
    ):
        target.send_batch(items, "k")
    cartier = by_sku(state, "CRB4084600")
    state.new_order(
        {"status": "processing", "line_items": [{"product_id": cartier["id"], "quantity": 1}]}
    )
    assert cartier["stock_quantity"] == 0  # web order (the write never reached CRB: 1 → 0)
    with target_for(url) as target:
        first = target.send_batch(items, "k")
        parents_written = sum(1 for path, _ in state.bodies if path == "products/batch")
        again = target.send_batch(items, "k")
    assert [r.status for r in first] == ["accepted", "accepted"]
    assert [r.status for r in again] == ["ignored", "ignored"]  # the site holds version 5
    assert sum(1 for path, _ in state.bodies if path == "products/batch") == parents_written
    parent = by_sku(state, "AL/1234.56")
    assert len([p for p in state.products.values() if p["sku"] == "AL/1234.56"]) == 1
    assert meta(parent, "_shopsync_version") == "5"
    size_52 = next(v for v in state.variations[parent["id"]].values() if v["sku"].endswith("-52"))
    assert size_52["stock_quantity"] == 1  # the sizes went before the version that vouches for them
    # a web order after the state landed is not undone by a late replay of the same batch
    state.new_order(
        {"status": "processing", "line_items": [{"product_id": cartier["id"], "quantity": 1}]}
    )
    with target_for(url) as target:
        late = target.send_batch(items, "k")
    assert late[0].status == "ignored" and by_sku(state, "CRB4084600")["stock_quantity"] == 0


def test_a_lost_answer_is_read_again_before_writing_again(shop):
    state, url = shop
    sleeps: list[float] = []
    state.drop_after_next_write()
    with target_for(url, sleeps=sleeps) as target:
        results = target.send_batch([item("CRB4084600", 9, quantity=3)], "k")
    cartier = by_sku(state, "CRB4084600")
    assert results[0].status == "ignored"  # the first attempt landed; the retry saw it
    assert cartier["stock_quantity"] == 3 and len(sleeps) == 1
    assert state.writes[cartier["id"]] == 2  # its creation, then one write: never twice


def test_per_item_errors_are_kept_as_refusals(shop):
    state, url = shop
    state.refused[by_sku(state, "CRB4084600")["id"]] = "woocommerce_rest_cannot_edit"
    with target_for(url) as target:
        results = target.send_batch(
            [item("CRB4084600", 1, quantity=2), item("T137.407.11.041.00", 1, quantity=2),
             item("NOT-ON-THE-SHOP", 1), item("CRB4084600-BAD", 1)], "k")  # fmt: skip
    verdicts = [(r.reference, r.status, r.reason) for r in results]
    assert verdicts == [
        ("CRB4084600", "rejected", "woocommerce_rest_cannot_edit"),
        ("T137.407.11.041.00", "accepted", None),
        ("NOT-ON-THE-SHOP", "rejected", "unknown_reference"),
        ("CRB4084600-BAD", "rejected", "unknown_reference"),
    ]
    assert by_sku(state, "T137.407.11.041.00")["stock_quantity"] == 2


def test_sizes_for_a_simple_product_and_no_sizes_for_a_ring_are_refused(shop):
    _, url = shop
    with target_for(url) as target:
        results = target.send_batch(
            [item("CRB4084600", 1, sizes=[("52", 1, "1.00")]), item("AL/1234.56", 1)], "k")  # fmt: skip
    assert [(r.status, r.reason) for r in results] == [
        ("rejected", "unexpected_sizes"),
        ("rejected", "missing_sizes"),
    ]


def test_batches_hold_at_most_100_writes_and_products_are_never_created():
    state = WooState(KEY, SECRET)
    for n in range(250):
        simple(state, f"REF-{n:03d}", "Tissot", stock_quantity=0)
    before = len(state.products)
    with running_standin(state) as url, target_for(url) as target:
        results = target.send_batch([item(f"REF-{n:03d}", 1, quantity=n + 1) for n in range(250)]
                                    + [item("NEW-ONE", 1)], "k")  # fmt: skip
    assert sum(r.status == "accepted" for r in results) == 250
    sizes = [len(body["update"]) for path, body in state.bodies if path == "products/batch"]
    assert max(sizes) <= 100 and sum(sizes) == 250 and sizes == [25] * 10
    assert all("create" not in body for _, body in state.bodies)
    assert len(state.products) == before
    assert by_sku(state, "REF-249")["stock_quantity"] == 250


def test_a_busy_shop_is_retried_with_backoff(shop):
    state, url = shop
    sleeps: list[float] = []
    state.fail_next(1, 429, retry_after=2)
    state.fail_next(2, 503)
    with target_for(url, sleeps=sleeps) as target:
        results = target.send_batch([item("CRB4084600", 1, quantity=7)], "k")
    assert results[0].status == "accepted"
    assert len(sleeps) == 3 and sleeps[0] >= 2  # Retry-After honoured
    assert by_sku(state, "CRB4084600")["stock_quantity"] == 7


def test_open_orders_are_the_processing_and_on_hold_ones_with_ring_sizes(shop):
    state, url = shop
    cartier, parent = by_sku(state, "CRB4084600"), by_sku(state, "AL/1234.56")
    size_52 = next(
        v for v in state.variations[parent["id"]].values() if v["attributes"][0]["option"] == "52"
    )
    state.new_order({"status": "processing", "line_items": [
        {"product_id": cartier["id"], "quantity": 1},
        {"product_id": parent["id"], "variation_id": size_52["id"], "quantity": 1}]})  # fmt: skip
    state.new_order(
        {"status": "on-hold", "line_items": [{"product_id": cartier["id"], "quantity": 2}]}
    )
    state.new_order(
        {"status": "completed", "line_items": [{"product_id": cartier["id"], "quantity": 1}]}
    )
    with target_for(url) as target:
        orders = target.open_orders()
    assert [(o.status, o.lines) for o in orders] == [
        ("processing", (OrderLine("AL/1234.56", 1, "52"), OrderLine("CRB4084600", 1))),
        ("on-hold", (OrderLine("CRB4084600", 2),)),
    ]
    assert all(o.placed_at == state.clock for o in orders)


def test_the_state_is_read_from_variations_not_from_the_parent_stock_status(shop):
    state, url = shop
    with target_for(url) as target:
        target.send_batch([item("AL/1234.56", 1, quantity=0, availability="backorder",
                                sizes=[("52", 0, "890.00")])], "k")  # fmt: skip
        states = {s["reference"]: s for s in target.products()}
    ring_state = states["AL/1234.56"]
    assert ring_state["availability"] == "backorder" and ring_state["quantity"] == 0
    assert [s["size"] for s in ring_state["sizes"]] == ["50", "52", "56.5"]
    assert "GRP-1" not in states  # a grouped product has no stock of its own: left alone


def test_a_new_backorder_message_is_rewritten_on_the_products_that_show_it(shop):
    state, url = shop
    with target_for(url) as target:
        target.send_batch([item("CRB4084600", 1, availability="backorder", quantity=0)], "k")
        target.put_settings(
            {"backorder": {"enabled": True, "restock_days": 21, "message": "Sous {days} jours"}}
        )
    assert meta(by_sku(state, "CRB4084600"), "_shopsync_backorder_message") == "Sous 21 jours"
    assert meta(by_sku(state, "T137.407.11.041.00"), "_shopsync_backorder_message") is None


def test_a_wrong_key_is_told_and_the_credentials_never_reach_a_log(shop, caplog):
    state, url = shop
    caplog.set_level(logging.DEBUG)
    with target_for(url, token="ck_wrong:cs_wrong", purpose=Purpose.FIRST_CONNECTION) as target:
        assert target.health()["authenticated"] is False
        with pytest.raises(SiteAuthError):
            target.send_batch([item("CRB4084600", 1)], "k")
    state.fail_next(1, 503)
    with target_for(url) as target:
        assert target.health()["authenticated"] is True
        assert SECRET not in repr(target.http._net._http.auth)
    text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    assert SECRET not in text and KEY not in text and "cs_wrong" not in text


def test_a_one_sale_run_asks_for_its_skus_by_name_not_for_every_page():
    state = WooState(KEY, SECRET)
    for n in range(250):
        simple(state, f"REF-{n:03d}", "Tissot")
    with running_standin(state) as url, target_for(url) as target:
        results = target.send_batch(
            [item("REF-042", 2, quantity=0, availability="out_of_stock")], "k"
        )
    assert results[0].status == "accepted"
    assert [m for m, p in state.requests if p.endswith("/products")] == [
        "GET",
        "GET",
    ]  # by SKU, then its state
    assert by_sku(state, "REF-042")["stock_status"] == "outofstock"


def test_turning_the_rule_off_never_blanks_what_products_show(shop):
    state, url = shop
    with target_for(url) as target:
        target.send_batch([item("CRB4084600", 1, availability="backorder", quantity=0)], "k")
        target.put_settings({"backorder": {"enabled": False, "restock_days": 10, "message": ""}})
    message = meta(by_sku(state, "CRB4084600"), "_shopsync_backorder_message")
    assert message == "Sur commande, expédié sous 10 jours"  # leaves with its own next state


def test_a_message_lost_on_the_shop_is_written_back_with_the_rule(shop):
    state, url = shop
    with target_for(url) as target:
        target.send_batch([item("CRB4084600", 1, availability="backorder", quantity=0)], "k")
    cartier = by_sku(state, "CRB4084600")
    state._meta(cartier, [{"key": "_shopsync_backorder_message", "value": ""}])  # blanked by hand
    with target_for(url) as target:
        target.put_settings(BACKORDER)
    assert meta(cartier, "_shopsync_backorder_message") == "Sur commande, expédié sous 10 jours"
    assert meta(by_sku(state, "ZZ-OFF-1"), "_shopsync_backorder_message") is None  # not ShopSync's
