"""The first-run wizard's site step (issue 14): it no longer starts at the sandbox's address,
and its test button says, off the UI thread, whether the site answers, takes the token and how
many products its catalogue has — the same sentences as `shopsync check --site`."""

from __future__ import annotations

from shopsync.config import load_settings


def test_wizard_site_step_tests_address_and_token(qtbot, make_hub, empty_home, sandbox_url):
    from shopsync.catalog_csv import read_catalog_csv
    from shopsync.gui.windows.settings import FirstRunWizard
    from shopsync.paths import sample

    hub = make_hub(load_settings(empty_home))
    wizard = FirstRunWizard(hub)
    qtbot.addWidget(wizard)
    page = wizard.site_page
    assert page.url.text() == ""  # not http://127.0.0.1:8765: the shop must type its site

    page.url.setText(sandbox_url)
    page.test_button.click()
    count = len(read_catalog_csv(sample("catalog.csv")))
    expected = f"Le site {sandbox_url} répond et accepte le jeton : {count} produit(s) au catalogue."
    qtbot.waitUntil(lambda: page.check_result.text() == expected, timeout=15000)
    assert page.test_button.isEnabled()

    page.token.setText("not-the-token")
    page.test_button.click()
    qtbot.waitUntil(lambda: "refuse le jeton" in page.check_result.text(), timeout=15000)

    page.url.setText("http://shop.example.com")
    page.test_button.click()
    qtbot.waitUntil(lambda: "ne convient pas" in page.check_result.text(), timeout=15000)


def test_status_window_says_when_the_site_last_heard_from_shopsync(qtbot, make_hub, demo_home):
    from shopsync.gui.windows.status import StatusWindow, platform_text

    hub = make_hub(demo_home)  # its scheduler's platform link sends a heartbeat at start
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: window.signal_label.text() == "Le site a reçu le dernier signal à l'instant.",
        timeout=15000,
    )
    now = 1_800_000_000.0
    two_minutes = {"last_signal_at": now - 150, "doing": "diagnostics"}
    assert platform_text(two_minutes, now) == (
        "Le site a reçu le dernier signal il y a 2 min\nDemande du support en cours : envoi du diagnostic"
    )
    assert "Site API v1.1" in platform_text({"unsupported": True}, now)


def test_wizard_last_step_shows_the_connection_report_before_the_first_sync(
    qtbot, make_hub, empty_home, sandbox_url
):
    from shopsync.gui.windows.settings import FirstRunWizard
    from shopsync.paths import sample

    hub = make_hub(load_settings(empty_home))
    wizard = FirstRunWizard(hub)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.erp_page.source.setText(str(sample("export-bijou3.csv")))
    wizard.erp_page.profile.setCurrentIndex(wizard.erp_page.profile.findData("bijou3"))
    wizard.site_page.url.setText(sandbox_url)
    last = wizard.pageIds()[-1]
    while wizard.currentId() != last:  # each step is checked (off the UI thread) before it moves
        before = wizard.currentId()
        wizard.next()
        qtbot.waitUntil(lambda before=before: wizard.currentId() != before, timeout=20000)
    assert wizard.currentPage() is wizard.ready_page
    summary = wizard.ready_page.summary
    qtbot.waitUntil(lambda: "référence(s) lue(s)" in summary.text(), timeout=20000)
    text = summary.text()
    assert text.startswith(f"Le site {sandbox_url} répond et accepte le jeton")
    for words in ("connectée(s) au catalogue du site", "à réécrire dans l'ERP", "marque(s) à décider"):
        assert words in text
    assert load_settings(empty_home).site.url != sandbox_url  # nothing is saved before "Finish"
