"""The site step offers the kind of site (issue 21): walked with real widgets against the
WooCommerce stand-in on 127.0.0.1 and a real keyring backend living in memory. A refused key
pair stops the step in French with nothing kept or written; the right one is kept first, then
"Terminer" writes `[site] kind = "woocommerce"` with the URL; the settings window shows it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from shopsync.config import load_settings
from shopsync.paths import sample

from .test_wizard_checks import CLASS_NAMES, _config, _next, _wizard

# The stand-in lives with the WooCommerce tests (a folder of plain modules, not a package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site" / "woocommerce"))
from standin import WooState, running_standin  # noqa: E402

KEY, SECRET = "ck_gui0123", "cs_gui4567"


@pytest.fixture
def french(qapp):
    from shopsync.gui import i18n

    i18n.install("fr")
    yield
    i18n.install("fr")


@pytest.fixture
def woo_url(monkeypatch):
    """The stand-in with one product of the sample export; no secret in the environment."""
    monkeypatch.delenv("SHOPSYNC_SITE_TOKEN", raising=False)
    state = WooState(KEY, SECRET)
    state.new_product({"name": "Bague", "sku": "BA-001"})
    with running_standin(state) as url:
        yield url


def test_the_wizard_walked_with_woocommerce_keeps_the_key_pair_and_saves_the_kind(
    qtbot, french, make_hub, empty_home, woo_url, memory_keyring
):
    from shopsync.gui.windows.settings import SettingsWindow

    hub = make_hub(load_settings(empty_home))
    before = _config(empty_home)
    wizard = _wizard(qtbot, hub)
    site = wizard.site_page
    assert site.kind.currentData() == "shopsync"  # a Site API shop sees what it saw before
    assert site.token_label.text() == "Jeton d'accès :"
    wizard.erp_page.source.setText(str(sample("export-bijou3.csv")))
    wizard.erp_page.profile.setCurrentIndex(wizard.erp_page.profile.findData("bijou3"))
    _next(qtbot, wizard, moves=True)  # the welcome page
    _next(qtbot, wizard, moves=True)  # the export
    assert wizard.currentPage() is wizard.steps[1]
    # The whole export counted the one way (`shopsync status`, the report): 21 lines, 17 references.
    assert wizard.erp_page.preview_status.text().splitlines()[1:] == [
        "Export : 21 ligne(s) lue(s), 0 refusée(s), 0 regroupée(s) avec une autre de la même "
        "référence ; 17 référence(s) distincte(s)"
    ]

    site.kind.setCurrentIndex(site.kind.findData("woocommerce"))
    assert site.kind.currentText() == "WooCommerce"
    assert site.token_label.text() == "Clé WooCommerce (ck_…:cs_…) :"
    assert "ck_…:cs_…" in site.token.placeholderText()
    site.url.setText(woo_url)

    site.token.setText(f"{KEY}:cs_wrong")  # WooCommerce refuses this pair
    _next(qtbot, wizard, moves=False)
    said = site.check_result.text()
    assert said.startswith(f"Le site {woo_url} répond, mais refuse le jeton"), said
    assert not any(word in said for word in CLASS_NAMES), said

    site.token.setText("a-bearer-token")  # a Site API token is not a key pair: said how it is written
    _next(qtbot, wizard, moves=False)
    said = site.check_result.text()
    assert "refuse le jeton" in said and "ck_…:cs_…" in said and "a-bearer-token" not in said, said
    assert memory_keyring.store == {}  # nothing refused is kept
    assert _config(empty_home) == before  # and nothing written

    site.token.setText(f"{KEY}:{SECRET}")
    _next(qtbot, wizard, moves=True)
    assert memory_keyring.store == {("shopsync", woo_url): f"{KEY}:{SECRET}"}  # kept first
    assert _config(empty_home) == before

    while wizard.currentPage() is not wizard.ready_page:
        _next(qtbot, wizard, moves=True)
    qtbot.waitUntil(wizard.ready_page.isComplete, timeout=20000)  # checked as WooCommerce
    summary = wizard.ready_page.summary.text()
    assert summary.startswith(f"Le site {woo_url} répond et accepte le jeton : 1 produit(s) au catalogue.")
    # The stand-in sells none of the export's references: said before "Terminer".
    assert summary.endswith(
        "Rien ne sera publié : aucune référence de l'export ne correspond au catalogue du site."
    ), summary
    assert _config(empty_home) == before
    with qtbot.waitSignal(wizard.finished_setup, timeout=20000):
        wizard.accept()

    saved = load_settings(empty_home)
    assert (saved.site.kind, saved.site.url) == ("woocommerce", woo_url)
    assert '"woocommerce"' in (empty_home / "config.toml").read_text(encoding="utf-8")
    assert f"{KEY}:{SECRET}" not in (empty_home / "config.toml").read_text(encoding="utf-8")

    window = SettingsWindow(hub)  # the settings window reads the stored kind
    qtbot.addWidget(window)
    page = window.site_page
    assert page.kind.currentData() == "woocommerce" and page.url.text() == woo_url
    assert page.token_label.text() == "Clé WooCommerce (ck_…:cs_…) :"
    qtbot.waitUntil(lambda: page.origin is not None, timeout=10000)
    assert page.token.placeholderText() == "(inchangé — gardé dans le trousseau du système)"
    page.test_button.click()  # nothing typed: the kept key pair, tested as WooCommerce
    qtbot.waitUntil(lambda: "1 produit(s)" in page.check_result.text(), timeout=20000)


def test_a_site_api_shop_saves_its_url_without_a_kind_line(qtbot, french, make_hub, empty_home):
    """Default kind, unchanged: config.toml gets the URL only, as before issue 21; choosing
    WooCommerce writes the kind."""
    from shopsync.gui.windows.settings import SettingsWindow

    window = SettingsWindow(make_hub(load_settings(empty_home)))
    qtbot.addWidget(window)
    page = window.site_page
    page.url.setText("https://boutique.example")
    assert page.changes() == {"site": {"url": "https://boutique.example"}}
    page.kind.setCurrentIndex(page.kind.findData("woocommerce"))
    assert page.changes() == {"site": {"kind": "woocommerce", "url": "https://boutique.example"}}
