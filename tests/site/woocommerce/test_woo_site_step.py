"""The wizard's site step for both kinds of site (`services.site.test_site`), against real
servers on 127.0.0.1: the WooCommerce stand-in and the sandbox."""

from __future__ import annotations

import pytest
from standin import WooState, running_standin

import shopsync.services.site as site_step
from shopsync.agent.first_connection import SiteProblem
from shopsync.site.sandbox.testing import running_sandbox

KEY, SECRET = "ck_wizard0123", "cs_wizard4567"


@pytest.fixture
def woo_url():
    state = WooState(KEY, SECRET)
    state.new_product({"name": "PRX", "sku": "T137.407.11.041.00",
                       "attributes": [{"name": "Marque", "options": ["Tissot"]}]})  # fmt: skip
    with running_standin(state) as url:
        yield url


def test_woocommerce_with_its_key_pair_reads_the_catalogue(woo_url):
    check = site_step.test_site("woocommerce", woo_url, f"{KEY}:{SECRET}")
    assert check.ok and list(check.catalogue) == ["T137.407.11.041.00"]


@pytest.mark.parametrize(
    ("credentials", "problem"),
    [
        (None, SiteProblem.NO_TOKEN),
        (f"{KEY}:cs_wrong", SiteProblem.TOKEN_REFUSED),
        ("a-bearer-token", SiteProblem.TOKEN_REFUSED),
    ],
)
def test_woocommerce_credentials_problems_are_named(woo_url, credentials, problem):
    check = site_step.test_site("woocommerce", woo_url, credentials)
    assert check.problem is problem
    if credentials == "a-bearer-token":
        assert "ck_…:cs_…" in check.detail and "a-bearer-token" not in check.detail


def test_the_wrong_kind_of_site_is_not_mistaken_for_an_empty_one(tmp_path, woo_url):
    with running_sandbox(tmp_path / "site", token="t") as sandbox_url:
        as_woo = site_step.test_site("woocommerce", sandbox_url, f"{KEY}:{SECRET}")
    as_shopsync = site_step.test_site("shopsync", woo_url, "t")
    assert as_woo.problem is SiteProblem.NOT_A_SITE
    assert as_shopsync.problem is SiteProblem.NOT_A_SITE


def test_nothing_listening_is_unreachable_and_plain_http_off_this_machine_refused():
    assert (
        site_step.test_site("woocommerce", "http://127.0.0.1:9", "ck_a:cs_b").problem
        is SiteProblem.UNREACHABLE
    )
    bad = site_step.test_site("woocommerce", "http://shop.example", "ck_a:cs_b")
    assert bad.problem is SiteProblem.BAD_ADDRESS


def test_the_kinds_offered_default_to_the_site_api():
    assert [str(k) for k in site_step.kinds()] == ["shopsync", "woocommerce"]
