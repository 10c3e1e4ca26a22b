"""One instance per user and home: a second launch wakes the first and exits 0; a socket left
behind by a crash is recovered."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from shopsync.gui.single import SingleInstance


def test_second_instance_wakes_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            second = SingleInstance(tmp_path)
            assert second.claim() is False
        other_home = SingleInstance(tmp_path / "other")
        assert other_home.claim()  # another home folder is another instance
        other_home.release()
    finally:
        first.release()


def test_second_launch_of_the_app_exits_zero(qtbot, tmp_path, capsys):
    from shopsync.gui import app

    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert app.main(["--home", str(tmp_path)]) == 0
        assert "déjà ouvert" in capsys.readouterr().out
    finally:
        first.release()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files only")
def test_stale_socket_after_a_crash_is_recovered(qtbot, tmp_path):
    name = SingleInstance(tmp_path).name
    path = Path(QDir.tempPath()) / name
    path.unlink(missing_ok=True)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # bound, never listening, never unlinked: what a crash leaves
    crashed.close()
    assert path.exists()
    instance = SingleInstance(tmp_path)
    try:
        assert instance.claim()
        assert instance.server is not None and instance.server.isListening()
    finally:
        instance.release()
