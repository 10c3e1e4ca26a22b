"""The tray and the status window tell a full disk and a rebuilt local database."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from shopsync.gui import state as st


def _app():
    return QApplication.instance() or QApplication([])


def test_a_refusing_disk_is_a_reason_for_attention():
    _app()
    message = "le disque est plein : /home/shop/ShopSync (0 Ko libres). Rien n'a été modifié"
    status = {"state": "up_to_date", "last_run": {"status": "ok"}, "local_store": {"problem": message}}
    view = st.view(status)
    assert view.icon == "attention"
    assert message in view.detail


def test_a_rebuild_is_told_for_a_few_days_then_becomes_history():
    _app()
    recent = {"at": time.time() - 3600, "moved_to": "shopsync.db.damaged-x"}
    status = {"state": "up_to_date", "last_run": {"status": "ok"}, "local_store": {"rebuilt": recent}}
    reasons = st.attention_reasons(status)
    assert any("reconstruite le" in text for text in reasons.values())
    old = dict(recent, at=time.time() - st.REBUILT_NOTICE_SECONDS - 60)
    status["local_store"]["rebuilt"] = old
    assert st.attention_reasons(status) == {}
