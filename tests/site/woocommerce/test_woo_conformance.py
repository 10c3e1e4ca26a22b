"""The conformance suite (shopsync/conformance.py) against the WooCommerce stand-in: every
check passes through the WooCommerce target, a web sale shows as an open order, and only the
prefixed test products are written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from standin import running_woocommerce

from shopsync.conformance import Suite
from shopsync.site.factory import Purpose, SiteTargets

PLAIN = "SHOPSYNC-CONFORMANCE-PLAIN"
SIZED = "SHOPSYNC-CONFORMANCE-RING"


def test_the_woocommerce_stand_in_passes_every_check_and_other_products_are_untouched():
    with running_woocommerce([PLAIN, "OTHER-1"], {SIZED: ["52", "54"]}) as shop:
        other = next(p for p in shop.state.products.values() if p["sku"] == "OTHER-1")
        # a product of the shop's on backorder, with the shop's message (ShopSync wrote it)
        on_order = shop.state.new_product({
            "name": "Sur commande", "sku": "OTHER-BO", "manage_stock": True, "stock_quantity": 0,
            "backorders": "notify",
            "meta_data": [{"key": "_shopsync_backorder_message", "value": "Expédié sous 10 jours"}],
        })  # fmt: skip
        with SiteTargets(shop.url, kind="woocommerce", token=shop.credentials).open(
            Purpose.CONFORMANCE
        ) as target:
            report = Suite(target, sell=shop.sell).run()
        written = {u["id"] for _, body in shop.state.bodies for u in body.get("update", [])}
        # whole-catalogue reads: a product list asked without a SKU (the paging check, the
        # backorder rule's readings); every write is read back by its SKU alone
        lists = [q for (method, path), q in zip(shop.state.requests, shop.state.queries, strict=True)
                 if method == "GET" and path.endswith("/products") and not {"sku", "include"} & set(q)
                 and q.get("per_page") != "1"]
        by_sku = [q for (method, path), q in zip(shop.state.requests, shop.state.queries, strict=True)
                  if method == "GET" and path.endswith("/products") and "sku" in q]
        statuses = {p["sku"]: p["status"] for p in shop.state.products.values()}
    assert report.passed, report.as_dict()
    assert len(by_sku) >= 10, by_sku
    assert len(lists) <= 6, [sorted(q.items()) for q in lists]
    outcomes = {r.name: r.outcome for r in report.results}
    assert outcomes["web_orders"] == "passed" and outcomes["ring_sizes"] == "passed"
    assert other["id"] not in written and statuses["OTHER-1"] == "draft"
    assert statuses[PLAIN] == "draft" and statuses[SIZED] == "draft"  # left unpublished
    message = next(
        m["value"] for m in on_order["meta_data"] if m["key"] == "_shopsync_backorder_message"
    )
    assert message == "Expédié sous 10 jours"  # the suite's rule change was put back as it was


def test_the_cli_runs_the_suite_against_a_woocommerce_shop(tmp_path):
    with running_woocommerce([PLAIN], {SIZED: ["52", "54"]}) as shop:
        out = subprocess.run(
            [sys.executable, "-m", "shopsync", "conformance", "--site", shop.url,
             "--kind", "woocommerce", "--json", "--home", str(tmp_path / "home")],
            capture_output=True, text=True, timeout=180,
            env={**os.environ, "SHOPSYNC_SITE_TOKEN": shop.credentials},
        )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    doc = json.loads(out.stdout)
    assert doc["passed"] is True and doc["counts"]["failed"] == 0
