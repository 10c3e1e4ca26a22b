"""One conformance suite, every target: the real `shopsync conformance` process against the
sandbox (Site API) and the WooCommerce stand-in, and what it may touch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from standin import WooState, running_standin

from shopsync.site.sandbox.testing import running_sandbox, write_catalog

PREFIX = "SHOPSYNC-CONFORMANCE-"
KEY, SECRET = "ck_conf0123", "cs_conf4567"


def conformance(home: Path, url: str, kind: str, secret: str) -> tuple[int, dict[str, dict]]:
    out = subprocess.run(
        [sys.executable, "-m", "shopsync", "conformance", "--site", url, "--kind", kind,
         "--json", "--home", str(home)],
        capture_output=True, text=True, timeout=180,
        env={**os.environ, "SHOPSYNC_SITE_TOKEN": secret},
    )  # fmt: skip
    assert "Traceback" not in out.stderr, out.stderr
    checks = {c["check"]: c for c in map(json.loads, out.stdout.splitlines())}
    return out.returncode, checks


def test_the_suite_passes_on_the_sandbox_and_leaves_only_its_products_touched(tmp_path):
    catalog = write_catalog(tmp_path / "catalogue.csv", [
        {"reference": f"{PREFIX}1", "brand": "Test", "title": "Montre test"},
        {"reference": f"{PREFIX}RING", "brand": "Test", "title": "Alliance test", "sizes": ["52", "54"]},
        {"reference": "T137.407.11.041.00", "brand": "Tissot", "title": "PRX"},
    ])  # fmt: skip
    with running_sandbox(tmp_path / "site", token="conf-token", catalog=catalog) as url:
        code, checks = conformance(tmp_path / "home", url, "shopsync", "conf-token")
        from shopsync.site.factory import SiteTargets

        with SiteTargets(url, token="conf-token").open() as site:
            states = {s["reference"]: s for s in site.products()}
    assert code == 0, checks
    assert {c["outcome"] for c in checks.values()} <= {"passed", "skipped"}
    for name in (
        "seed_rules",
        "replay_safety",
        "ring_sizes",
        "catalogue_paging",
        "left_unpublished",
    ):
        assert checks[name]["outcome"] == "passed", checks[name]
    assert states["T137.407.11.041.00"]["version"] is None  # never written
    assert not states[f"{PREFIX}1"]["published"] and not states[f"{PREFIX}RING"]["published"]


def test_the_suite_passes_on_woocommerce_and_reads_web_orders(tmp_path):
    state = WooState(KEY, SECRET)
    other = state.new_product({"name": "PRX", "sku": "T137.407.11.041.00", "manage_stock": True,
                               "stock_quantity": 4, "regular_price": "375"})  # fmt: skip
    state.new_product({"name": "Montre test", "sku": f"{PREFIX}1", "status": "draft"})
    ring = state.new_product({"name": "Alliance test", "sku": f"{PREFIX}RING", "type": "variable",
                              "attributes": [{"name": "Taille", "options": ["52", "54"], "variation": True}]})  # fmt: skip
    for size in ("52", "54"):
        state.new_variation(
            ring,
            {"sku": f"{PREFIX}RING-{size}", "attributes": [{"name": "Taille", "option": size}]},
        )
    state.new_order(
        {"status": "processing", "line_items": [{"product_id": other["id"], "quantity": 1}]}
    )
    with running_standin(state) as url:
        code, checks = conformance(tmp_path / "home", url, "woocommerce", f"{KEY}:{SECRET}")
    assert code == 0, checks
    assert (
        checks["web_orders"]["outcome"] == "passed" and "1 open" in checks["web_orders"]["detail"]
    )
    assert checks["ring_sizes"]["outcome"] == "passed"
    touched = {body_id for path, body in state.bodies for body_id in
               [u["id"] for u in body.get("update", [])] + ([int(path.split("/")[1])] if "variations" in path else [])}  # fmt: skip
    assert other["id"] not in touched
    assert {p["sku"]: p["status"] for p in state.products.values()} == {
        "T137.407.11.041.00": "publish",
        f"{PREFIX}1": "draft",
        f"{PREFIX}RING": "draft",
    }
    assert other["stock_quantity"] == 3  # the web order, untouched by the suite


def test_a_failing_site_is_named_check_by_check(tmp_path):
    state = WooState(KEY, SECRET)
    state.new_product({"name": "PRX", "sku": "T137.407.11.041.00"})
    with running_standin(state) as url:
        code, checks = conformance(tmp_path / "home", url, "woocommerce", f"{KEY}:{SECRET}")
        wrong, wrong_checks = conformance(tmp_path / "home", url, "woocommerce", f"{KEY}:cs_wrong")
    assert code == 3 and checks["catalogue_paging"]["outcome"] == "failed"
    assert PREFIX in checks["catalogue_paging"]["detail"]
    assert wrong == 3 and wrong_checks["reachable_and_authenticated"]["outcome"] == "failed"
    assert state.bodies == []
