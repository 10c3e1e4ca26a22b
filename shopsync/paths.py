"""Where the shipped assets (ui/, resources/) are: the same lookup from a source checkout, an
installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def asset_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    if (package / "_data").is_dir():  # installed wheel (see pyproject force-include)
        return package / "_data"
    return package.parent  # source checkout


def resources_dir() -> Path:
    return asset_root() / "resources"


def ui_dir() -> Path:
    return asset_root() / "ui"


def sample(name: str) -> Path:
    return resources_dir() / "samples" / name
