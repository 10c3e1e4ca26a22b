"""The tray on a real X server: Xvfb, a system-tray host (trayer or stalonetray) and xdotool
clicking the icon like a person. Everything else in tests/gui runs offscreen, where no system
tray exists, so this is the only test that sees the icon embedded, its menu and Quitter's exit.

Skipped unless Xvfb, a tray host and xdotool are installed (Debian: `apt-get install xvfb
trayer xdotool`). It starts them on a display number Xvfb picks itself and stops them after.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("x11_tray_probe.py")
TRAY_HOSTS = {
    "trayer": ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
               "--height", "32", "--transparent", "false", "--SetDockType", "true"],
    "stalonetray": ["stalonetray"],
}


def _tray_host() -> list[str] | None:
    for name, argv in TRAY_HOSTS.items():
        if shutil.which(name):
            return argv
    return None


pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only"),
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)"),
    pytest.mark.skipif(_tray_host() is None, reason="no system-tray host (apt-get install trayer)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed"),
]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.fixture
def x_display(tmp_path) -> Iterator[str]:
    """A private Xvfb (display number chosen by Xvfb: no clash with a running X) with a tray."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-noreset", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    procs = [xvfb]
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        if not number:
            pytest.fail("Xvfb did not start")
        display = f":{number}"
        env = dict(os.environ, DISPLAY=display)
        procs.append(subprocess.Popen(
            _tray_host(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
        yield display
    finally:
        for proc in reversed(procs):
            _stop(proc)


def test_real_tray_icon_menu_actions_and_quit(x_display, demo_home, tmp_path):
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(PROBE), "--home", str(demo_home.home)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    lines = proc.stdout.strip().splitlines()
    assert lines, f"no report from the probe (exit {proc.returncode}):\n{proc.stderr}"
    report = json.loads(lines[-1])
    print(f"\nreal tray check in {time.monotonic() - started:.1f} s: {report}")
    assert "error" not in report, report.get("error")
    assert report["tray_available"] and report["has_tray"]
    x, y, width, height = report["icon_geometry"]
    assert width > 0 and height > 0 and (x, y) != (0, 0)  # embedded in the tray host
    assert report["tooltip"].startswith("ShopSync — À vérifier")
    assert report["balloons"] == ["1 nouvelle marque à décider (BIJOUX FANTAISIE)."]
    assert report["balloon_on_screen"]  # drawn by Qt next to the icon (XEmbed trays)
    assert report["menu"][2:] == [
        "Synchroniser maintenant", "Statut", "Marques", "Références", "Paramètres", "Pause", "Quitter",
    ]
    assert report["menu_keys"] == ["sync", "status", "brands", "references", "settings", "pause", "quit"]
    assert report["windows_opened"] == ["brands", "references", "settings", "status"]
    assert report["paused_menu"] == "Reprendre" and report["paused_icon"] == "paused"
    assert report["sync_outcome"] in ("ok", "unchanged")
    assert report["worst_ui_gap_ms"] < 250
    assert report["balloons_after_syncs"] == 1  # no balloon for ordinary syncs
    # Quitter: main() returned 0 and nothing was printed on stderr (no traceback, no Qt warning).
    assert report["exit_code"] == 0 and proc.returncode == 0
    assert proc.stderr.strip() == "", proc.stderr
