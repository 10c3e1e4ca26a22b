"""The tray and the status window tell a full disk and a rebuilt local database."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from shopsync.gui import state as st
from shopsync.services.status import REBUILT_NOTICE_SECONDS, status_of


def _app():
    return QApplication.instance() or QApplication([])


def test_a_refusing_disk_is_a_reason_for_attention():
    _app()
    message = "le disque est plein : /home/shop/ShopSync (0 Ko libres). Rien n'a été modifié"
    status = status_of([{"status": "ok"}], local_store={"problem": message})
    view = st.view(status)
    assert view.icon == "attention"
    assert message in view.detail


def test_a_rebuild_is_told_for_a_few_days_then_becomes_history():
    _app()
    recent = {"at": time.time() - 3600, "moved_to": "shopsync.db.damaged-x"}
    status = status_of([{"status": "ok"}], local_store={"rebuilt": recent})
    reasons = st.attention_reasons(status)
    assert any("reconstruite le" in text for text in reasons.values())
    old = dict(recent, at=time.time() - REBUILT_NOTICE_SECONDS - 60)
    status = status_of([{"status": "ok"}], local_store={"rebuilt": old})
    assert st.attention_reasons(status) == {}


def test_status_signals_keep_the_reference_count_of_none():
    """A `Signal(dict)` dropped a reference to None per None value: the tray aborted
    ("none_dealloc") after ~100 exports. The hub's dict signals must not."""
    import sys

    from shopsync.gui.hub import AppHub
    from shopsync.gui.qtcompat import emit

    _app()
    payload = {"local_store": {"rebuilt": None, "problem": None}, "pending_since": None}
    for name in ("status_changed", "run_started", "scheduler_changed", "platform_changed"):
        signal = getattr(AppHub, name)
        holder = type("Holder", (AppHub.__mro__[1],), {name: signal})()  # the signal, not the hub
        received = []
        getattr(holder, name).connect(lambda data, seen=received: seen.append(len(data)))
        before = sys.getrefcount(None)
        for _ in range(200):
            emit(getattr(holder, name), payload)
        assert len(received) == 200
        assert sys.getrefcount(None) - before > -50, name
