"""State icons (resources/icons/state-*.png, drawn by resources/icons/make_icons.py)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from shopsync.paths import resources_dir

STATES = ("ok", "sync", "offline", "attention", "paused")


@cache
def state_icon(state: str) -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64):
        path = resources_dir() / "icons" / f"state-{state}-{size}.png"
        if path.exists():
            icon.addPixmap(QPixmap(str(path)))
    return icon


@cache
def app_icon() -> QIcon:
    return state_icon("ok")
