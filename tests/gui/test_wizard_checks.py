"""The first-run wizard checks each step before "Suivant" (issue 19), with real widgets, a real
sandbox site on 127.0.0.1 and real keyring backends installed for the test: an empty export, a
refused token and a keyring that cannot store stop it where the shop can act, in French, with
nothing written; a full walk keeps the token first, writes config.toml at "Terminer" only, and
the running app syncs with the new settings at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shopsync.config import load_settings
from shopsync.paths import sample

from .conftest import TOKEN

CLASS_NAMES = ("PasswordSetError", "KeyringError", "KeyringUnavailable", "Exception", "Traceback")


@pytest.fixture
def french(qapp):
    from shopsync.gui import i18n

    i18n.install("fr")
    yield
    i18n.install("fr")


def _wizard(qtbot, hub):
    from shopsync.gui.windows.settings import FirstRunWizard

    wizard = FirstRunWizard(hub)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(qtbot, wizard, *, moves: bool) -> None:
    """Click "Suivant"; wait until the step's check (I/O thread) answered."""
    before = wizard.currentPage()
    wizard.next()
    if moves:
        qtbot.waitUntil(lambda: wizard.currentPage() is not before, timeout=20000)
    else:
        qtbot.waitUntil(lambda: not before.checking, timeout=20000)
        assert wizard.currentPage() is before


def _config(home: Path) -> bytes | None:
    path = home / "config.toml"
    return path.read_bytes() if path.exists() else None


def test_an_empty_export_and_a_refused_token_stop_the_wizard(
    qtbot, french, make_hub, empty_home, sandbox_url, memory_keyring, tmp_path
):
    hub = make_hub(load_settings(empty_home))
    before = _config(empty_home)
    wizard = _wizard(qtbot, hub)
    erp, site = wizard.erp_page, wizard.site_page
    _next(qtbot, wizard, moves=True)  # the welcome page
    assert wizard.currentPage() is wizard.steps[0]

    _next(qtbot, wizard, moves=False)  # no export named
    assert erp.preview_status.text().startswith("Indiquez l'export de l'ERP")

    empty = tmp_path / "stock.csv"
    empty.write_bytes("Référence;Marque;Désignation;Quantité;Prix\r\n".encode("cp1252"))
    erp.source.setText(str(empty))
    _next(qtbot, wizard, moves=False)  # a header and no stock line
    said = erp.preview_status.text()
    assert str(empty) in said and ("aucune ligne de stock" in said or "Lecture impossible" in said), said
    assert not any(word in said for word in CLASS_NAMES), said

    erp.source.setText(str(tmp_path / "absent.csv"))
    _next(qtbot, wizard, moves=False)  # not there at all
    assert erp.preview_status.text().startswith("Lecture impossible : "), erp.preview_status.text()

    erp.source.setText(str(sample("export-bijou3.csv")))
    _next(qtbot, wizard, moves=True)
    assert wizard.currentPage() is wizard.steps[1]
    assert erp.preview_status.text().startswith("Aperçu : 20 premières lignes")

    site.url.setText(sandbox_url)
    site.token.setText("not-the-token")
    _next(qtbot, wizard, moves=False)
    assert "refuse le jeton" in site.check_result.text()
    assert wizard.currentPage() is wizard.steps[1]

    assert memory_keyring.store == {}  # a refused token is not kept
    assert _config(empty_home) == before  # and nothing was written
    assert load_settings(empty_home).erp.path == ""


def test_a_keyring_that_cannot_store_is_told_at_the_site_step(
    qtbot, french, make_hub, empty_home, no_env_token, refusing_keyring
):
    sandbox_url = no_env_token
    hub = make_hub(load_settings(empty_home))
    before = _config(empty_home)
    wizard = _wizard(qtbot, hub)
    wizard.erp_page.source.setText(str(sample("export-bijou3.csv")))
    _next(qtbot, wizard, moves=True)
    _next(qtbot, wizard, moves=True)
    site = wizard.site_page
    site.url.setText(sandbox_url)
    site.token.setText(TOKEN)  # the right token: the site takes it, the keyring refuses it
    _next(qtbot, wizard, moves=False)
    said = site.check_result.text()
    assert "répond et accepte le jeton" in said
    assert "Le trousseau du système ne peut pas garder le jeton" in said
    assert "SHOPSYNC_SITE_TOKEN" in said and "Déverrouillez" in said  # how to proceed
    assert not any(word in said for word in CLASS_NAMES), said
    assert refusing_keyring.attempts == 1
    assert site.token.text() == TOKEN  # still typed: the shop can try again once unlocked
    # Not clipped: the label is as tall as its wrapped text needs.
    qtbot.waitUntil(lambda: site.check_result.height() >= site.check_result.heightForWidth(site.check_result.width()))
    assert _config(empty_home) == before


def test_a_full_walk_keeps_the_token_first_then_saves_and_syncs_with_it(
    qtbot, french, make_hub, empty_home, no_env_token, memory_keyring
):
    sandbox_url = no_env_token
    hub = make_hub(load_settings(empty_home))
    before = _config(empty_home)
    wizard = _wizard(qtbot, hub)
    erp, site = wizard.erp_page, wizard.site_page
    qtbot.waitUntil(lambda: site.origin is not None)
    # A fresh install: nothing is stored, the field does not pretend otherwise.
    assert "inchangé" not in site.token.placeholderText()
    assert "5 étapes" in wizard.intro.text() and "Quatre" not in wizard.intro.text()
    assert "l'export de l'ERP, le site, la planification, les règles et les préférences" in wizard.intro.text()

    erp.source.setText(str(sample("export-bijou3.csv")))
    erp.profile.setCurrentIndex(erp.profile.findData("bijou3"))
    _next(qtbot, wizard, moves=True)
    _next(qtbot, wizard, moves=True)
    site.url.setText(sandbox_url)
    site.token.setText(TOKEN)
    _next(qtbot, wizard, moves=True)
    # The token is kept first, config.toml is not written yet.
    assert memory_keyring.store == {("shopsync", sandbox_url): TOKEN}
    assert _config(empty_home) == before
    assert site.token.placeholderText() == "(inchangé — gardé dans le trousseau du système)"

    rules = wizard.rules_page  # the backorder message reads as the customers will read it
    assert "{days}" not in rules.message.text() and "10 jours" in rules.message.text()
    rules.restock_days.setValue(12)
    assert "12 jours" in rules.message.text()
    assert rules.changes()["backorder"]["message"] == "Disponible sur commande, expédié sous {days} jours"

    while wizard.currentPage() is not wizard.ready_page:
        _next(qtbot, wizard, moves=True)
    qtbot.waitUntil(wizard.ready_page.isComplete, timeout=20000)
    assert _config(empty_home) == before
    with qtbot.waitSignal(wizard.finished_setup, timeout=20000):
        wizard.accept()

    saved = load_settings(empty_home)
    assert saved.site.url == sandbox_url and saved.erp.path == str(sample("export-bijou3.csv"))
    assert hub.scheduler.settings.site.url == sandbox_url  # the running app took them at once
    with qtbot.waitSignal(hub.run_finished, timeout=60000) as finished:
        hub.sync_now()
    summary = finished.args[0]
    assert summary.status in ("ok", "unchanged"), summary.human()
    assert not re.search(r"127\.0\.0\.1:8765\b", summary.human())  # not the old default site


def test_the_token_field_says_when_the_token_comes_from_the_environment(
    qtbot, french, make_hub, empty_home, sandbox_url, memory_keyring
):
    hub = make_hub(load_settings(empty_home))  # the sandbox fixture set SHOPSYNC_SITE_TOKEN
    wizard = _wizard(qtbot, hub)
    site = wizard.site_page
    site.url.setText(sandbox_url)
    site.refresh_token_origin()
    qtbot.waitUntil(lambda: "SHOPSYNC_SITE_TOKEN" in site.token.placeholderText())
    assert "inchangé" not in site.token.placeholderText()


def test_the_settings_window_keeps_the_token_first_too(
    qtbot, french, make_hub, empty_home, refusing_keyring
):
    """Saving a new token in the settings window: a refusing keyring stops the save before
    config.toml is touched, and says so without the keyring's exception."""
    from shopsync.gui.windows.settings import SettingsWindow

    hub = make_hub(load_settings(empty_home))
    before = _config(empty_home)
    window = SettingsWindow(hub)
    qtbot.addWidget(window)
    window.site_page.url.setText("https://boutique.example")
    window.site_page.token.setText("a-new-token")
    window.save()
    qtbot.waitUntil(lambda: window.message.text().startswith("Enregistrement impossible"), timeout=10000)
    said = window.message.text()
    assert "cliquez de nouveau sur « Enregistrer »" in said, said
    assert not any(word in said for word in CLASS_NAMES), said
    assert refusing_keyring.attempts == 1
    assert _config(empty_home) == before


def _runs(home: Path) -> int:
    import sqlite3

    path = home / "shopsync.db"
    if not path.exists():
        return 0
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        db.close()


def test_no_run_starts_while_the_first_run_wizard_is_open(
    qtbot, french, make_hub, empty_home, no_env_token, memory_keyring
):
    """A run during the wizard would read the settings being replaced (an empty export, the
    sandbox's address) and fail naming them: timed, watched and clicked runs all wait; the
    first run is the one the wizard asks for once it has saved."""
    from shopsync.gui.controller import AppController
    from shopsync.gui.state import view
    from shopsync.sync.vocab import Trigger

    sandbox_url = no_env_token
    hub = make_hub(load_settings(empty_home))
    controller = AppController(hub, use_tray=False)
    wizard = controller.show_wizard()
    qtbot.addWidget(wizard)
    for trigger in (Trigger.INTERVAL, Trigger.WATCH, Trigger.WAKE, Trigger.MANUAL):
        assert hub.scheduler.request(trigger) is False, trigger
    assert hub.sync_now() is False
    controller.tray.rebuild_menu()
    assert not controller.tray.actions["sync"].isEnabled()
    qtbot.waitUntil(lambda: hub.last_status.get("scheduler", {}).get("setting_up") is True)
    assert view(hub.last_status).headline == "Configuration en cours"
    assert hub.scheduler.wait_idle(10)
    assert _runs(empty_home) == 0

    erp, site = wizard.erp_page, wizard.site_page
    erp.source.setText(str(sample("export-bijou3.csv")))
    erp.profile.setCurrentIndex(erp.profile.findData("bijou3"))
    _next(qtbot, wizard, moves=True)
    _next(qtbot, wizard, moves=True)
    site.url.setText(sandbox_url)
    site.token.setText(TOKEN)
    while wizard.currentPage() is not wizard.ready_page:
        _next(qtbot, wizard, moves=True)
    qtbot.waitUntil(wizard.ready_page.isComplete, timeout=20000)
    assert _runs(empty_home) == 0
    with qtbot.waitSignal(hub.run_finished, timeout=60000) as finished:
        wizard.accept()  # saved: the controller lifts the hold and asks for the first run
    assert finished.args[0].status in ("ok", "unchanged"), finished.args[0].human()
    assert _runs(empty_home) == 1
    assert not hub.setting_up and hub.scheduler.request(Trigger.INTERVAL) is True


def test_closing_the_wizard_without_saving_lets_runs_start_again(
    qtbot, french, make_hub, empty_home
):
    from shopsync.gui.controller import AppController

    hub = make_hub(load_settings(empty_home))
    controller = AppController(hub, use_tray=False)
    wizard = controller.show_wizard()
    qtbot.addWidget(wizard)
    assert hub.setting_up and hub.sync_now() is False
    wizard.reject()
    assert not hub.setting_up
    controller.tray.rebuild_menu()
    assert controller.tray.actions["sync"].isEnabled()
