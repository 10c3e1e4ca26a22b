"""The tray's behaviour that a real X display showed wrong (see test_tray_x11.py for the display
itself): a tray that appears after the app, balloons repeated for one lasting problem, and how
the app quits on a signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from shopsync.gui import state as st


def _status(run_id: int, status: str, message: str = "", **facts) -> dict:  # noqa: ANN003
    """A status as services/status.py classifies it (the tray never classifies by itself)."""
    from shopsync.services.status import status_of

    run = {"id": run_id, "status": status, "message": message, "ended_at": 1.0}
    return status_of([run], **facts).as_dict()


def test_a_lasting_input_error_is_one_reason_not_one_per_run():
    first = st.attention_reasons(_status(5, "input_error", "stock.csv: no header line"))
    again = st.attention_reasons(_status(6, "input_error", "stock.csv: no header line"))
    other = st.attention_reasons(_status(7, "input_error", "stock.csv: empty file"))
    assert list(first) == list(again)
    assert list(other) != list(first)
    failed = st.attention_reasons(_status(8, "error", "erreur interne (KeyError)"))
    assert list(failed) == list(st.attention_reasons(_status(9, "error", "erreur interne (KeyError)")))


def test_brand_reason_reads_as_one_sentence(qapp):
    from shopsync.gui import i18n

    i18n.install("fr")
    reasons = st.attention_reasons(_status(1, "ok", undecided=["BIJOUX FANTAISIE"]))
    assert list(reasons.values()) == ["1 nouvelle marque à décider (BIJOUX FANTAISIE)."]
    many = st.attention_reasons(_status(1, "ok", undecided=["A", "B", "C", "D"]))
    assert list(many.values()) == ["4 nouvelles marques à décider (A, B, C…)."]


def test_one_balloon_for_a_broken_export_read_by_every_sync(qtbot, make_hub, wait_io, empty_home):
    from shopsync.gui.controller import AppController

    hub = make_hub(load_empty(empty_home))
    wait_io(hub)
    controller = AppController(hub, use_tray=False)
    tray = controller.tray
    broken = "stock.csv: no header line"

    def show(status: dict, running: bool = False) -> None:
        hub.running = running
        hub.set_status(status)
        tray.refresh()

    show(_status(1, "input_error", broken))
    assert len(tray.messages) == 1 and "illisible" in tray.messages[0][1]
    show(_status(1, "input_error", broken), running=True)  # the next 5-minute sync starts
    show(_status(2, "running"))  # a status read while that run's row is open
    show(_status(2, "input_error", broken))  # ... and it fails the same way
    show(_status(3, "input_error", broken))
    assert len(tray.messages) == 1
    show(_status(4, "ok"))  # fixed: the reason went away
    show(_status(5, "input_error", broken))  # broken again: worth a new balloon
    assert len(tray.messages) == 2


def load_empty(home: Path):
    from shopsync.config import load_settings

    return load_settings(home)


def test_tray_is_asked_for_before_a_tray_exists(qtbot, make_hub, empty_home, monkeypatch):
    """At login the app may start before the panel: the icon must still be shown (Qt embeds it
    when the tray appears) and closing the status window quits only while no tray is there."""
    from shopsync.gui.controller import AppController

    available = [False]
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available[0]))
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))  # a tray may come
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(1)))
    hub = make_hub(load_empty(empty_home))
    controller = AppController(hub)
    assert controller.tray_wanted and controller.tray.icon.isVisible()
    assert not controller.has_tray
    assert not controller.tray.can_notify()
    status = controller.show_status()
    qtbot.addWidget(status)
    available[0] = True  # the panel started
    assert controller.has_tray
    status.close()
    assert quits == []  # the tray icon is there: the app goes on in it
    available[0] = False  # the panel went away
    controller.show_status().close()
    assert quits == [1]

    hidden = AppController(hub, use_tray=False)
    available[0] = True
    assert not hidden.has_tray and not hidden.tray.icon.isVisible()
    hidden.tray.icon.hide()


def test_minimized_start_waits_for_the_tray_then_shows_status(
    qtbot, make_hub, wait_io, empty_home, monkeypatch
):
    from shopsync.gui import i18n
    from shopsync.gui.app import _show_status_unless_a_tray_comes
    from shopsync.gui.controller import AppController

    i18n.install("fr")  # the balloon's wording below, whichever test ran before
    available = [False]
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available[0]))
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))  # a tray may come
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    hub = make_hub(load_empty(empty_home))
    wait_io(hub)

    late = AppController(hub)
    shown: list[str] = []
    monkeypatch.setattr(late.tray.icon, "showMessage", lambda _title, text, *_a: shown.append(text))
    hub.set_status(_status(1, "ok", undecided=["LOTUS"]))
    late.tray.refresh()
    assert late.tray.messages == [] and shown == []  # no balloon without a tray to point from
    _show_status_unless_a_tray_comes(late, 2000)
    (grace,) = [t for t in late.findChildren(QTimer) if t.isActive()]
    with qtbot.waitSignal(grace.timeout, timeout=2000):
        pass  # the app looked once and found no tray
    available[0] = True  # the panel comes within the grace period: no window
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown == ["1 nouvelle marque à décider (LOTUS)."]  # the balloon held back, now shown
    assert not grace.isActive()  # it stopped looking: no status window will come
    assert "status" not in late.windows
    late.tray.icon.hide()
    hub.set_status({})

    available[0] = False
    never = AppController(hub)
    _show_status_unless_a_tray_comes(never, 400)
    qtbot.waitUntil(lambda: "status" in never.windows and never.windows["status"].isVisible(), timeout=3000)
    qtbot.addWidget(never.windows["status"])
    never.tray.icon.hide()


def _start_app(home: Path, tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, Path]:
    ready = tmp_path / f"ready-{time.monotonic_ns()}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPSYNC_READY_FILE=str(ready))
    # A test run started in the background inherits SIGINT ignored; a person's terminal does not.
    code = (
        "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "sys.argv = ['shopsync'] + sys.argv[1:]; runpy.run_module('shopsync.gui.app', run_name='__main__')"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--home", str(home), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"the app did not start: {out}\n{err}")
        time.sleep(0.05)
    return proc, ready


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_quits_cleanly_with_exit_zero(tmp_path, empty_home, signum):
    """Ctrl-C in the terminal of `shopsync demo` (or a logout's SIGTERM) quit like Quitter; a
    SIGINT used to wait for the next slot and then crash PySide6 with SIGSEGV."""
    proc, _ready = _start_app(empty_home, tmp_path, "--no-tray")
    try:
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


def test_second_launch_prints_no_qt_warning(tmp_path, empty_home):
    first, _ready = _start_app(empty_home, tmp_path, "--no-tray")
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        second = subprocess.run(
            [sys.executable, "-m", "shopsync.gui.app", "--home", str(empty_home)],
            env=env, capture_output=True, text=True, timeout=30,
        )
        assert second.returncode == 0
        assert "déjà ouvert" in second.stdout
        assert "waitForBytesWritten" not in second.stderr, second.stderr
        first.terminate()
        _out, err = first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err


def test_without_any_tray_platform_the_icon_is_not_shown(make_hub, empty_home):
    """Offscreen (or a bare Wayland) no tray can come: the status window is the app."""
    from shopsync.gui.controller import AppController

    controller = AppController(make_hub(load_empty(empty_home)))
    assert QGuiApplication.platformName() == "offscreen"
    assert not controller.tray_wanted and not controller.tray.icon.isVisible()
    assert not controller.has_tray
