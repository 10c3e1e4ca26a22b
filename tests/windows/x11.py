"""An X display with a system tray (Xvfb + trayer) for the Windows tray app under Wine.

Wine docks a Windows program's notification-area icon into the X desktop's tray (XEmbed), so a
tray host on Xvfb shows whether the installed ShopSync put an icon there: the icon is a window
reparented into trayer's "panel" window. Inspected with xwininfo and xdotool, from outside the
app (the Windows process cannot be probed from inside as tests/gui/x11_tray_probe.py does).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = ("Xvfb", "trayer", "xwininfo", "xdotool")
TRAYER = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
          "--transparent", "false", "--SetDockType", "true"]
_WINDOW = re.compile(r'^\s*(0x[0-9a-f]+) (?:"([^"]*)"|\(has no name\)).*?\s(\d+)x(\d+)[+-]', re.M)


def missing_x11_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class TrayDisplay:
    """`with TrayDisplay() as d:` a private Xvfb (number chosen by Xvfb) with trayer on it."""

    def __enter__(self) -> TrayDisplay:
        read_fd, write_fd = os.pipe()
        self.procs = [subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-noreset", "-screen", "0", "1280x800x24",
             "-nolisten", "tcp"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"
        self.env = dict(os.environ, DISPLAY=self.name)
        self.procs.append(subprocess.Popen(TRAYER, env=self.env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
        self.wait(self.panel, 20, "trayer's panel")
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)

    def _x(self, *argv: str) -> str:
        done = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=20)
        return done.stdout

    def panel(self) -> str | None:
        """trayer's panel window (where docked icons go), once it exists."""
        for wid, name, _w, _h in _WINDOW.findall(self._x("xwininfo", "-root", "-children")):
            if name == "panel":
                return wid
        return None

    def tray_icons(self) -> list[str]:
        """Windows docked in the panel that are bigger than trayer's own 1x1 helpers."""
        panel = self.panel()
        if panel is None:
            return []
        tree = self._x("xwininfo", "-id", panel, "-tree")
        return [wid for wid, _name, w, h in _WINDOW.findall(tree)
                if wid != panel and int(w) > 1 and int(h) > 1]

    def find_window(self, name: str) -> list[str]:
        """Visible top-level windows whose title contains `name`."""
        return self._x("xdotool", "search", "--onlyvisible", "--name", name).split()

    def app_windows(self, cls: str = "shopsync") -> set[str]:
        """Visible windows of a Windows program (Wine sets the X class to the exe's name)."""
        return set(self._x("xdotool", "search", "--onlyvisible", "--class", cls).split())

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        """x, y, width, height of a window on the screen."""
        out = self._x("xwininfo", "-id", wid)
        value = {key: int(re.search(rf"{key}:\s+(-?\d+)", out).group(1))
                 for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")}
        return tuple(value.values())  # type: ignore[return-value]

    def screenshot(self, target: Path, windows: list[str], margin: int = 12) -> None:
        """The screen around `windows` as a PNG (Linux Qt on this display), for the docs."""
        boxes = [self.geometry(w) for w in windows]
        left = max(0, min(x for x, _y, _w, _h in boxes) - margin)
        top = max(0, min(y for _x, y, _w, _h in boxes) - margin)
        right = max(x + w for x, _y, w, _h in boxes) + margin
        bottom = max(y + h for _x, y, _w, h in boxes) + margin
        target.parent.mkdir(parents=True, exist_ok=True)
        grab = ("import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]);"
                "x, y, w, h = map(int, sys.argv[2:]);"
                "sys.exit(0 if app.primaryScreen().grabWindow(0, x, y, w, h).save(sys.argv[1]) else 1)")
        subprocess.run([sys.executable, "-c", grab, str(target), str(left), str(top),
                        str(right - left), str(bottom - top)], check=True, timeout=60,
                       env=dict(self.env, QT_QPA_PLATFORM="xcb"))

    def click(self, wid: str, button: int) -> None:
        x, y, w, h = self.geometry(wid)
        self._x("xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", str(button))

    def wait(self, test: Callable[[], object], timeout: float, what: str,
             log: Path | None = None) -> object:
        deadline = time.monotonic() + timeout
        while True:
            result = test()
            if result:
                return result
            if time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
                raise AssertionError(f"timed out after {timeout} s waiting for {what}\n{tail}")
            time.sleep(0.3)
