"""End to end on WooCommerce: an ERP export → the real `shopsync sync --once` process with
`[site] kind = "woocommerce"` → the stand-in shop over 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from standin import WooState, running_standin

from tests.shop_fixtures import Shop

KEY, SECRET = "ck_e2e0123456789", "cs_e2e9876543210"

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("T137.407.11.041.00", "TISSOT", "PRX", "1", "375,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
    ("ZZ-UNKNOWN", "TISSOT", "PAS AU CATALOGUE", "1", "10,00", "", ""),
]


@pytest.fixture
def woo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    state = WooState(KEY, SECRET)
    for sku, brand in [("T120.417.17.041.00", "Tissot"), ("T137.407.11.041.00", "Tissot"),
                       ("F20560/1", "Festina"), ("590702HV-16", "Pandora")]:  # fmt: skip
        state.new_product({"name": sku, "sku": sku, "status": "draft", "manage_stock": False,
                           "attributes": [{"name": "Marque", "options": [brand]}]})  # fmt: skip
    with running_standin(state) as url:
        monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", f"{KEY}:{SECRET}")
        shop = Shop(tmp_path / "home", url)
        shop.configure(site={"kind": "woocommerce", "url": url})
        yield shop, state


def sync_once(shop: Shop) -> tuple[int, dict]:
    """The real CLI process with the WooCommerce key pair in SHOPSYNC_SITE_TOKEN."""
    out = shop.cli("sync", "--once", "--json", env={"SHOPSYNC_SITE_TOKEN": f"{KEY}:{SECRET}"})
    lines = out.stdout.strip().splitlines()
    return out.returncode, json.loads(lines[-1]) if lines else {"stderr": out.stderr[-500:]}


def product(state: WooState, sku: str) -> dict:
    return next(p for p in state.products.values() if p["sku"] == sku)


def test_first_sync_publishes_then_one_sale_writes_one_product(woo):
    shop, state = woo
    before = len(state.products)
    shop.write(ROWS)
    code, first = sync_once(shop)
    assert code == 0, first
    assert first["status"] == "ok" and first["uploaded"] == 3 and first["pending"] == 0
    festina = product(state, "F20560/1")
    assert (festina["status"], festina["manage_stock"], festina["stock_quantity"]) == (
        "publish",
        True,
        1,
    )
    assert festina["regular_price"] == "1290.00" and festina["stock_status"] == "instock"
    assert product(state, "590702HV-16")["status"] == "draft"  # not in the ERP: stays hidden
    assert len(state.products) == before  # ZZ-UNKNOWN is not created on the shop

    writes = len(state.bodies)
    shop.write([r if r[0] != "F20560/1" else (*r[:3], "0", *r[4:]) for r in ROWS])
    code, second = sync_once(shop)
    assert code == 0 and second["uploaded"] == 1 and second["changes"] == 1, second
    festina = product(state, "F20560/1")
    assert festina["stock_quantity"] == 0 and festina["stock_status"] == "outofstock"
    sent = [body for path, body in state.bodies[writes:] if path == "products/batch"]
    assert [[u["id"] for u in body["update"]] for body in sent] == [[festina["id"]]]

    code, third = sync_once(shop)
    assert code == 0 and third["status"] == "unchanged" and third["uploaded"] == 0


def test_until_export_an_erp_that_took_the_web_order_in_is_believed(woo):
    """`[site] web_orders_until = "export"` on WooCommerce: the order (date_created_gmt) is
    kept off while the export is older, and taken as in the ERP once an export written after
    it shows the sale."""
    import os

    shop, state = woo
    shop.configure(site={"web_orders_until": "export"})
    seastar = "T120.417.17.041.00"
    shop.write(ROWS)
    os.utime(shop.export, (state.clock - 120, state.clock - 120))  # written before the order
    assert sync_once(shop)[0] == 0
    watch = product(state, seastar)
    assert watch["stock_quantity"] == 2
    state.new_order({"status": "processing", "line_items": [{"product_id": watch["id"], "quantity": 1}]})
    watch["stock_quantity"] = 1  # (the stand-in's product does not manage stock: the shop's count)
    shop.write([*ROWS])  # rewritten, same content, still older than the order
    os.utime(shop.export, (state.clock - 60, state.clock - 60))
    code, run = sync_once(shop)
    assert code == 0 and run["web_orders"] == 1, run
    assert product(state, seastar)["stock_quantity"] == 1  # 2 in the ERP, 1 sold online
    # the ERP took the order in: its next export (after the order) says 1
    shop.write([r if r[0] != seastar else (*r[:3], "1", *r[4:]) for r in ROWS])
    os.utime(shop.export, (state.clock + 5, state.clock + 5))
    code, run = sync_once(shop)
    assert code == 0 and run["web_orders"] == 0, run
    assert product(state, seastar)["stock_quantity"] == 1  # the ERP's 1, not 1 - 1


def test_a_site_token_where_the_key_pair_belongs_is_a_clear_configuration_error(woo):
    shop, state = woo
    shop.write(ROWS)
    out = shop.cli("sync", "--once", env={"SHOPSYNC_SITE_TOKEN": "sandbox-token"})
    assert out.returncode == 2, out.stdout + out.stderr
    assert "ck_…:cs_…" in out.stdout + out.stderr and "Traceback" not in out.stderr
    assert "sandbox-token" not in out.stdout + out.stderr
    assert state.bodies == []


def test_a_web_order_is_never_undone_by_an_export_that_does_not_show_it_yet(woo):
    shop, state = woo
    shop.write(ROWS)
    assert sync_once(shop)[0] == 0
    festina = product(state, "F20560/1")
    state.new_order(
        {"status": "processing", "line_items": [{"product_id": festina["id"], "quantity": 1}]}
    )
    assert festina["stock_quantity"] == 0  # WooCommerce took the only piece
    # 10:05: the export still counts it (the shop has not entered the web order), and its
    # price moved, so the product goes out again
    repriced = [r if r[0] != "F20560/1" else (*r[:4], "1 350,00", *r[5:]) for r in ROWS]
    shop.write(repriced)
    code, run = sync_once(shop)
    assert code == 0, run
    festina = product(state, "F20560/1")
    assert festina["regular_price"] == "1350.00"
    assert (
        festina["stock_quantity"] == 0 and festina["stock_status"] == "outofstock"
    )  # not back on sale
    # the shop enters the sale (the export shows 0) and completes the order
    next(iter(state.orders.values()))["status"] = "completed"
    shop.write([r if r[0] != "F20560/1" else (*r[:3], "0", "1 350,00", *r[5:]) for r in ROWS])
    assert sync_once(shop)[0] == 0
    assert product(state, "F20560/1")["stock_quantity"] == 0
