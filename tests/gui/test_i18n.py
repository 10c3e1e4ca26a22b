"""Translations: French (source language, with plural forms) and English load and apply."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from shopsync.paths import resources_dir

TS_DIR = resources_dir() / "translations"


@pytest.fixture
def restore_language(qapp):
    from shopsync.gui import i18n

    yield i18n
    i18n.install("fr")


def test_french_strings_load_with_plural_forms(restore_language):
    i18n = restore_language
    assert (TS_DIR / "shopsync_fr.qm").exists()
    assert i18n.install("fr") == "fr"
    assert QCoreApplication.translate("Tray", "Synchroniser maintenant") == "Synchroniser maintenant"
    one = QCoreApplication.translate("State", "%n nouvelle(s) marque(s) à décider (%1).", None, 1)
    many = QCoreApplication.translate("State", "%n nouvelle(s) marque(s) à décider (%1).", None, 3)
    assert one == "1 nouvelle marque à décider (%1)."
    assert many == "3 nouvelles marques à décider (%1)."
    # Qt's own strings too (standard buttons of the settings window).
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Enregistrer"


def test_english_applies_to_code_and_forms(qtbot, restore_language, make_hub, empty_home):
    from shopsync.config import load_settings
    from shopsync.gui.windows.status import StatusWindow

    i18n = restore_language
    assert i18n.install("en") == "en"
    assert QCoreApplication.translate("Tray", "Synchroniser maintenant") == "Sync now"
    hub = make_hub(load_settings(empty_home))
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    assert window.sync_button.text() == "Sync now"  # from ui/status.ui
    assert window.windowTitle() == "ShopSync — Status"  # from code


def test_the_schedule_own_states_speak_english_too(restore_language):
    """The tray's words for the scheduler's own states (paused, setting up, syncing, retry)
    were once plain `_t("…")` calls that lupdate never collected: English shops read French."""
    from shopsync.gui.state import view

    i18n = restore_language
    i18n.install("en")
    assert view({"scheduler": {"paused": True}}).headline == "Paused"
    setting_up = view({"scheduler": {"setting_up": True}})
    assert (setting_up.headline, setting_up.detail) == (
        "Setting up", "Syncing will start when the setup assistant is finished.")
    assert view({}, running=True).headline == "Syncing…"
    assert "Retrying at " in view({"state": "offline", "scheduler": {"retry_at": 1e9}}).detail
    i18n.install("fr")
    assert view({"scheduler": {"paused": True}}).headline == "En pause"


def test_every_string_has_an_english_translation():
    tree = ET.parse(TS_DIR / "shopsync_en.ts")
    unfinished = [
        m.find("source").text
        for m in tree.getroot().iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == [], "run resources/translations/update_translations.py and translate"


def test_auto_follows_the_system(restore_language, monkeypatch):
    from PySide6.QtCore import QLocale

    i18n = restore_language
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert i18n.resolve("auto") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve("auto") == "fr"  # a language we do not have: the shop's French
    assert i18n.resolve("en") == "en"


def test_signal_emits_keep_python_refcounts_right(qapp):
    """PySide6 6.12 loses a reference to True on each emit; our emit() gives it back."""
    from PySide6.QtCore import QObject, Signal

    from shopsync.gui.qtcompat import emit

    class Probe(QObject):
        fired = Signal(object)

    probe = Probe()
    probe.fired.connect(lambda _x: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emit(probe.fired, {"paused": True})
    assert abs(sys.getrefcount(True) - before) < 5


def test_qt_own_file_dialog_and_numbers_speak_french(qtbot, restore_language):
    """Qt's file dialog says "Regarder dans :" (qtbase_fr.qm lacks its accelerated labels; the
    app fills them), and numbers, sizes and durations follow the shop's locale."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from shopsync.gui.locale import number_text, percent_text, seconds_text, size_text

    i18n = restore_language
    i18n.install("fr")
    dialog = QFileDialog(None, "Exporter un diagnostic")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
    assert "Regarder dans\u00a0:" in labels and "Fichiers de type\u00a0:" in labels, labels
    assert not any("Look in" in text or "Files of" in text for text in labels)
    assert seconds_text(0.43) == "0,4 s" and number_text(12345) == "12\u202f345"
    assert size_text(57856) == "56,5 ko" and percent_text(0.92) == "92\u00a0%"
    i18n.install("en")
    assert seconds_text(0.43) == "0.4 s" and number_text(12345) == "12,345"
    assert percent_text(0.92) == "92%"
