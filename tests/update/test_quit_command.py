"""`shopsync quit --wait` (what an IT provider runs before a silent msiexec, and what the Windows
update helper sends): the real tray app, started as its own process, closes through its
single-instance channel; the Qt-free client (`shopsync/instance_link.py`) is what talks to it.
A tray app asked to close this way installs nothing on its way out (the installer does)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shopsync.instance_link import Message, listening, send

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="tests/windows covers the pipe")


def _start_tray(home: Path, tmp_path: Path) -> subprocess.Popen:
    ready = tmp_path / "ready"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPSYNC_READY_FILE=str(ready))
    proc = subprocess.Popen([sys.executable, "-m", "shopsync", "gui", "--home", str(home),
                             "--minimized"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"the tray app did not start: {out}\n{err}")
        time.sleep(0.05)
    return proc


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shopsync", *args, "--home", str(home)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    from shopsync.config import load_settings, update_config
    from shopsync.update.state import write_state

    home = load_settings(tmp_path / "shop").home
    export = tmp_path / "stock.csv"
    export.write_text("reference;quantity\n", encoding="utf-8")
    update_config(home, {"erp": {"path": str(export)}, "site": {"url": "http://127.0.0.1:9"}})
    # An update downloaded and due: a tray app closing by itself would try to install it.
    msi = home / "update" / "downloads" / "shopsync-9.9.9-linux.tar.gz"
    msi.parent.mkdir(parents=True)
    msi.write_bytes(b"x")
    write_state(home, available="9.9.9", downloaded=str(msi), last_check="2026-12-06T07:00:00+00:00")
    return home


def test_quit_wait_closes_the_running_tray_app_and_installs_nothing(home: Path, tmp_path: Path) -> None:
    from shopsync.update.state import read_state

    state_before = read_state(home)
    tray = _start_tray(home, tmp_path)
    try:
        assert listening(home)
        done = _cli(home, "quit", "--wait", "--timeout", "60")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "s'est fermé" in done.stdout
        assert tray.wait(30) == 0  # the process itself ends, exit code 0
    finally:
        if tray.poll() is None:
            tray.kill()
        _out, err = tray.communicate()
    assert "Traceback" not in err, err
    assert not listening(home)
    log = (home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "asked to quit through the single-instance channel" in log
    assert "shopsync.update.service" not in log  # no install attempt on the way out
    # at_exit did not run: no update round on the way out (its check rewrites `last_check`,
    # its install attempt `last_apply`); only the start's `last_run` was added.
    state_after = read_state(home)
    assert state_after.pop("last_run")
    assert state_after == state_before


def test_quit_when_nothing_runs_says_so_and_exits_zero(home: Path) -> None:
    done = _cli(home, "quit", "--wait", "--timeout", "5")
    assert done.returncode == 0 and "n'était pas ouvert" in done.stdout, done.stdout + done.stderr


def test_a_show_line_still_only_shows_and_a_bare_connection_does_nothing(
    home: Path, tmp_path: Path
) -> None:
    """What older versions send ("show") and `listening` (connect, say nothing) never close it."""
    tray = _start_tray(home, tmp_path)
    try:
        assert listening(home) and send(home, Message.SHOW)
        assert listening(home)  # still there after both
        assert tray.poll() is None
        assert send(home, Message.QUIT)
        assert tray.wait(30) == 0
    finally:
        if tray.poll() is None:
            tray.kill()
        tray.communicate()
