"""Issue 13 (memory over days): the tray app aborted with "Fatal Python error: none_dealloc"
after ~125–150 exports. PySide6 6.12 on CPython 3.11 drops one reference to None per Qt call
that returns void (setText, setIcon, setToolTip, menu.clear, processEvents…), and a sync moves
the tray and the status window through thousands of them. Python < 3.12 frees None when its
count reaches zero; these tests drive the real hub, tray and status window and check that
None's count lasts for years of syncs (shopsync.gui.qtcompat gives it a reserve)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

SYNCS_PER_YEAR = 365 * 24 * 3600 // 5  # one export every 5 s, all year (the shop in the issue)


def _status(run_id: int) -> dict:
    """A status with None values everywhere a real one has them (the tray's and the window's
    views read them all)."""
    return {
        "state": "ok",
        "last_run": {"id": run_id, "status": "ok", "message": "", "finished_at": None},
        "pending_since": None,
        "local_store": {"rebuilt": None, "problem": None},
        "held": None,
        "scheduler": {"paused": False, "next_run": None, "last_trigger": None},
    }


def test_void_qt_calls_cannot_use_up_none(qapp):
    """A bare void call, repeated: the count of None stays far above what a year of calls
    would take, whatever the binding loses per call."""
    import shopsync.gui.qtcompat  # noqa: F401 - what the app imports before any Qt work

    calls = 5000
    before = sys.getrefcount(None)
    for _ in range(calls):
        QApplication.processEvents()
    lost_per_call = max(0, before - sys.getrefcount(None)) / calls
    year_of_calls = 1000 * 3600 * 24 * 365  # a thousand void calls a second
    assert sys.getrefcount(None) > lost_per_call * year_of_calls


def test_a_year_of_syncs_through_the_tray_and_status_window_keeps_none_alive(
    qtbot, make_hub, wait_io, empty_home
):
    """The signals of one run, as the scheduler's worker sends them, through the real hub to the
    real tray and status window; the references to None they cost must not add up to None's
    count over a year of syncs."""
    from shopsync.config import load_settings
    from shopsync.gui.controller import AppController

    hub = make_hub(load_settings(empty_home))
    wait_io(hub)
    controller = AppController(hub, use_tray=False)
    controller.show_status()
    wait_io(hub)
    cycles = 60

    def one_run(run_id: int) -> None:
        hub._on_core_event("run_started", {"trigger": "export", "full": None})
        for done in range(0, 101, 20):
            hub._on_core_event("progress", {"phase": "upload", "done": done, "total": 100})
        hub._on_core_event("scheduler", {"paused": False, "next_run": None, "last_trigger": None})
        hub._on_core_event("platform", {"last_signal_at": None, "offline": False, "doing": None})
        hub._on_core_event("run_finished", {"summary": None})
        hub.set_status(_status(run_id))

    one_run(0)
    wait_io(hub)
    before = sys.getrefcount(None)
    for run_id in range(1, cycles + 1):
        one_run(run_id)
        qtbot.wait(1)
    wait_io(hub)
    assert controller.tray.current is not None and not hub.running
    lost_per_sync = max(0, before - sys.getrefcount(None)) / cycles
    assert sys.getrefcount(None) > lost_per_sync * SYNCS_PER_YEAR, (lost_per_sync, sys.getrefcount(None))
