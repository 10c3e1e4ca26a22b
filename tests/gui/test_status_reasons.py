"""The status window and the balloon after issue 19: the next sync is never a time already past,
and a brand announced once is never announced again — not after a restart, nor when another
brand appears (services.notices keeps what was told)."""

from __future__ import annotations

import json
import time

import pytest

from shopsync.config import load_settings
from shopsync.services.status import status_of


@pytest.fixture
def french(qapp):
    from shopsync.gui import i18n

    i18n.install("fr")
    yield
    i18n.install("fr")


def test_the_next_sync_is_never_a_time_already_past(qtbot, french, make_hub, empty_home, wait_io):
    from shopsync.gui.windows.status import StatusWindow

    hub = make_hub(load_settings(empty_home))
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    wait_io(hub)
    assert 0 < window._next_clock.interval() <= 30_000  # asked again while the window is open
    state = hub.scheduler.state
    state.retry_at = time.time() + 3600
    window.show_next_run()
    assert window.next_run.text() == time.strftime("%H:%M", time.localtime(state.retry_at))
    state.retry_at = time.time() - 120  # that time has passed (the PC slept, the run is due)
    window.show_next_run()
    assert window.next_run.text() == "bientôt"
    hub.running = True
    window.show_next_run()
    assert window.next_run.text() == "en cours"
    hub.running, state.retry_at = False, None
    window.show_next_run()
    assert window.next_run.text() == "non planifiée"  # this test's hub has no timed jobs


def test_a_brand_is_announced_once_even_across_restarts(qtbot, french, make_hub, empty_home, wait_io):
    from shopsync.gui.controller import AppController

    settings = load_settings(empty_home)
    ran = [{"id": 1, "status": "ok", "ended_at": time.time()}]

    first = make_hub(settings)
    wait_io(first)
    tray = AppController(first, use_tray=False).tray
    first.set_status(status_of(ran, undecided=["LOTUS"]).as_dict())
    assert tray.messages[-1] == ("ShopSync : à vérifier", "1 nouvelle marque à décider (LOTUS).")
    wait_io(first)  # remembered through the I/O thread
    saved = json.loads((empty_home / "notices.json").read_text(encoding="utf-8"))
    assert saved["announced_brands"] == ["lotus"]
    first.set_status(status_of(ran, undecided=["LOTUS", "ROLEX"]).as_dict())
    assert tray.messages[-1][1] == "1 nouvelle marque à décider (ROLEX)."  # not LOTUS again
    assert len(tray.messages) == 2
    first.shutdown()

    # The app restarts: what was told is read back with the status.
    again = make_hub(settings)
    again.refresh_status()
    wait_io(again)
    assert again.announced_brands == {"lotus", "rolex"}
    tray = AppController(again, use_tray=False).tray
    again.set_status(status_of(ran, undecided=["ROLEX", "LOTUS"]).as_dict())
    assert tray.messages == []
    again.set_status(status_of(ran, undecided=["LOTUS", "ROLEX", "BERING"]).as_dict())
    assert tray.messages == [("ShopSync : à vérifier", "1 nouvelle marque à décider (BERING).")]


def test_a_failed_sync_balloon_gives_its_reason(qtbot, french, make_hub, empty_home, wait_io):
    from shopsync.gui.controller import AppController

    hub = make_hub(load_settings(empty_home))
    wait_io(hub)
    tray = AppController(hub, use_tray=False).tray
    failed = [{"id": 3, "status": "error", "message": "le disque est plein : rien n'a été modifié"}]
    hub.set_status(status_of(failed).as_dict())
    assert tray.messages[-1] == (
        "ShopSync : à vérifier",
        "La dernière synchronisation a échoué : le disque est plein : rien n'a été modifié",
    )
