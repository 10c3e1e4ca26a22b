"""The conformance suite against the sandbox (it must pass), against a target that breaks one
rule (it must say which), and as the CLI a platform developer runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from shopsync.conformance import Outcome, Suite
from shopsync.site.factory import Purpose, SiteTargets
from tests.shop_fixtures import TOKEN, write_catalog_rows

PLAIN = "SHOPSYNC-CONFORMANCE-PLAIN"
SIZED = "SHOPSYNC-CONFORMANCE-RING"


@pytest.fixture
def sandbox(tmp_path):
    from shopsync.site.sandbox.testing import running_sandbox

    catalog = write_catalog_rows(
        tmp_path / "catalog.csv",
        [
            {"reference": "OTHER-1", "brand": "Tissot", "title": "Not mine"},
            {"reference": PLAIN, "brand": "Test", "title": "Plain"},
            {"reference": SIZED, "brand": "Test", "title": "Ring", "sizes": ["52", "54"]},
        ],
    )
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog) as url:
        yield url


def _seller(url):
    def sell(reference, size):
        form = {"reference": reference, **({"size": size} if size else {})}
        r = httpx.post(f"{url}/order", data=form, headers={"Origin": url})
        assert r.status_code == 303

    return sell


def test_the_sandbox_passes_every_check_and_other_products_are_untouched(sandbox):
    target = SiteTargets(sandbox, token=TOKEN).open(Purpose.CONFORMANCE)
    with target:
        before = {p["reference"]: p for p in target.products()}["OTHER-1"]
        report = Suite(target, sell=_seller(sandbox)).run()
        after = {p["reference"]: p for p in target.products()}
    assert report.passed, report.as_dict()
    assert report.counts()["failed"] == 0 and report.counts()["skipped"] == 0
    assert after["OTHER-1"] == before  # only the prefixed products were written
    assert after[PLAIN]["published"] is False and after[SIZED]["published"] is False


class _DropsSizes:
    """A site that forgets ring sizes' own prices (keeps the product's price for each)."""

    def __init__(self, inner):
        self._inner = inner
        self.kind, self.capabilities, self.max_batch = inner.kind, inner.capabilities, inner.max_batch

    def __getattr__(self, name):
        return getattr(self._inner, name)

    @staticmethod
    def _drop(p):
        p["sizes"] = [{**s, "price": p["price"]} for s in p["sizes"]]
        return p

    def products(self, published=None):
        return [self._drop(p) for p in self._inner.products(published)]

    def product(self, reference):  # the one product the suite reads back after a write
        found = self._inner.product(reference)
        return None if found is None else self._drop(found)


def test_a_site_that_breaks_a_rule_fails_that_check_by_name(sandbox):
    with SiteTargets(sandbox, token=TOKEN).open(Purpose.CONFORMANCE) as target:
        report = Suite(_DropsSizes(target)).run()
    failed = {r.name for r in report.results if r.outcome is Outcome.FAILED}
    assert failed == {"ring_sizes"}
    assert not report.passed


def test_a_catalogue_without_test_products_is_told_what_to_create(tmp_path):
    from shopsync.site.sandbox.testing import running_sandbox

    catalog = write_catalog_rows(tmp_path / "c.csv", [{"reference": "A", "brand": "B"}])
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog) as url:
        target = SiteTargets(url, token=TOKEN).open(Purpose.CONFORMANCE)
        try:
            report = Suite(target).run()
        finally:
            target.close()
    paging = next(r for r in report.results if r.name == "catalogue_paging")
    assert paging.outcome is Outcome.FAILED and "SHOPSYNC-CONFORMANCE-" in paging.detail
    assert not report.passed


def test_the_cli_prints_one_json_document_and_says_the_verdict_in_its_exit_code(sandbox, tmp_path):
    env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN}
    out = subprocess.run(
        [sys.executable, "-m", "shopsync", "conformance", "--site", sandbox, "--json",
         "--home", str(tmp_path / "home")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["passed"] is True and doc["counts"]["failed"] == 0
    # web orders: readable, but the CLI has no way to buy on a live site
    web = next(c for c in doc["checks"] if c["name"] == "web_orders")
    assert web["outcome"] == "passed" and "readable" in web["detail"]
