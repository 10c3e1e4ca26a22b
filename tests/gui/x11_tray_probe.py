"""Drive the real tray app on a real X display with a system tray (Xvfb + trayer/stalonetray),
as a person would with the mouse, and print what happened as JSON on the last stdout line.

Run by tests/gui/test_tray_x11.py and scripts/xvfb-tray-check.sh, never by pytest itself:
`python tests/gui/x11_tray_probe.py --home H [--shot menu.png]` with DISPLAY set. It starts
`shopsync.gui.app.main` (the real entry point), then, from a timer inside its event loop,
clicks the tray icon with xdotool, reads the menu as Qt built it, clicks each action, and ends
with the menu's Quitter: main's return value is the exit code checked by the caller.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QSystemTrayIcon  # noqa: E402

STEP_TIMEOUT = 10.0


class ProbeFailed(Exception):
    pass


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def wait_for(what: str, test: Callable[[], object], timeout: float = STEP_TIMEOUT) -> Iterator[None]:
    """Yield (let the event loop run) until `test()` is true."""
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise ProbeFailed(f"timed out waiting for: {what}")
        yield


def pause(seconds: float) -> Iterator[None]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        yield


def find_tray():
    from shopsync.gui.tray import Tray

    trays = [o for o in gc.get_objects() if isinstance(o, Tray)]
    return trays[0] if trays else None


def find_controller():
    from shopsync.gui.controller import AppController

    return next(o for o in gc.get_objects() if isinstance(o, AppController))


def save_shot(path: str, area, margin: int = 16) -> None:  # noqa: ANN001 - a QRect
    """The screen as X shows it (ImageMagick's `import`), cut to `area` plus a margin."""
    from PySide6.QtGui import QImage

    subprocess.run(["import", "-window", "root", path], check=True, timeout=20)
    image = QImage(path)
    rect = area.adjusted(-margin, -margin, margin, margin).intersected(image.rect())
    image.copy(rect).save(path)


def steps(results: dict, shot: str | None) -> Iterator[None]:
    holder: list = []
    yield from wait_for("the app's tray object", lambda: holder.append(find_tray()) or holder[-1])
    tray = holder[-1]
    hub, controller, icon, menu = tray.hub, find_controller(), tray.icon, tray.menu
    # The icon's window first exists on its own, then the tray host reparents and moves it:
    # wait until its place has stayed the same for a while.
    seen: list = []

    def settled() -> bool:
        seen.append(icon.geometry())
        return len(seen) > 10 and seen[-1].width() > 0 and all(g == seen[-1] for g in seen[-10:])

    yield from wait_for("the icon embedded in the tray", settled)
    geo = icon.geometry()
    results["icon_geometry"] = [geo.x(), geo.y(), geo.width(), geo.height()]
    results["has_tray"] = controller.has_tray
    yield from wait_for("the first status", lambda: hub.last_status and not hub.running, 30)
    yield from pause(0.5)
    results["icon_state"] = tray.current.icon
    results["tooltip"] = icon.toolTip()
    results["balloons"] = [text for _title, text in tray.messages]
    results["windows_at_start"] = sorted(k for k, w in controller.windows.items() if w.isVisible())
    balloons = [w for w in QApplication.topLevelWidgets()
                if w.metaObject().className() == "QBalloonTip" and w.isVisible()]
    results["balloon_on_screen"] = bool(balloons)
    if shot and balloons:
        save_shot(shot.removesuffix(".png") + "-balloon.png", icon.geometry().united(balloons[0].geometry()))
    cx, cy = str(geo.center().x()), str(geo.center().y())

    def open_menu() -> Iterator[None]:
        xdotool("mousemove", cx, cy, "click", "3")
        yield from wait_for("the tray menu to open", menu.isVisible)
        yield from pause(0.3)

    def click(key: str) -> Iterator[None]:
        action = tray.actions[key]
        if not action.isEnabled():
            raise ProbeFailed(f"menu action {key!r} is disabled")
        point = menu.mapToGlobal(menu.actionGeometry(action).center())
        xdotool("mousemove", str(point.x()), str(point.y()), "click", "1")
        yield from wait_for("the menu to close", lambda: not menu.isVisible())

    def menu_texts() -> list[str]:
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    # Left click: the status window (hide it first, so that showing it is what we see).
    if "status" in controller.windows:
        controller.windows["status"].hide()
    xdotool("mousemove", cx, cy, "click", "1")
    yield from wait_for("a left click to show the status window",
                        lambda: "status" in controller.windows and controller.windows["status"].isVisible())
    controller.windows["status"].hide()

    yield from open_menu()
    results["menu"] = menu_texts()
    results["menu_keys"] = list(tray.actions)
    menu_geo = menu.geometry()
    results["menu_geometry"] = [menu_geo.x(), menu_geo.y(), menu_geo.width(), menu_geo.height()]
    if shot:
        save_shot(shot, icon.geometry().united(menu_geo))
    xdotool("key", "Escape")
    yield from wait_for("Escape to close the menu", lambda: not menu.isVisible())

    for key in ("status", "brands", "references", "settings"):
        yield from open_menu()
        yield from click(key)
        yield from wait_for(f"the {key} window",
                            lambda k=key: k in controller.windows and controller.windows[k].isVisible())
    results["windows_opened"] = sorted(k for k, w in controller.windows.items() if w.isVisible())

    yield from open_menu()
    yield from click("pause")
    yield from wait_for("Pause to pause", lambda: hub.paused)
    yield from open_menu()
    results["paused_menu"] = tray.actions["pause"].text()
    results["paused_icon"] = tray.current.icon
    finished: list[object] = []
    hub.run_finished.connect(lambda summary: finished.append(summary))
    yield from click("pause")
    yield from wait_for("Reprendre to resume", lambda: not hub.paused)
    yield from wait_for("the sync that resuming starts", lambda: finished and not hub.running, 30)

    # Synchroniser maintenant: the sync runs in the worker; the UI keeps ticking meanwhile.
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(time.monotonic()))
    yield from open_menu()
    before = len(finished)
    ticker.start()
    yield from click("sync")
    yield from wait_for("the manual sync to finish", lambda: len(finished) > before and not hub.running, 30)
    ticker.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    results["sync_outcome"] = getattr(finished[-1], "status", None)
    results["worst_ui_gap_ms"] = round(max(gaps, default=0) * 1000)
    results["balloons_after_syncs"] = len(tray.messages)

    yield from open_menu()
    yield from click("quit")  # main() returns: the caller checks its exit code
    results["quit_clicked"] = True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--shot", default=None, help="save the screen with the menu open (PNG)")
    args = parser.parse_args()

    app = QApplication(["shopsync"])
    results: dict = {}
    deadline = time.monotonic() + STEP_TIMEOUT
    while not QSystemTrayIcon.isSystemTrayAvailable():
        if time.monotonic() > deadline:
            print(json.dumps({"error": "no system tray on this display"}))
            return 3
        app.processEvents()
        time.sleep(0.1)
    results["tray_available"] = True
    results["supports_messages"] = QSystemTrayIcon.supportsMessages()

    script = steps(results, args.shot)
    driver = QTimer()
    driver.setInterval(50)

    def advance() -> None:
        try:
            next(script)
        except StopIteration:
            driver.stop()
        except Exception as exc:  # noqa: BLE001 - reported, then the app is told to end
            driver.stop()
            results["error"] = f"{exc}\n{traceback.format_exc()}"
            QApplication.exit(2)

    driver.timeout.connect(advance)
    driver.start()

    from shopsync.gui.app import main as gui_main

    code = gui_main(["--home", args.home])
    results["exit_code"] = code
    print(json.dumps(results, ensure_ascii=False))
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
