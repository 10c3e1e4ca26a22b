"""The update state file (`<home>/update/state.json`): what was seen, downloaded, installed.

Shared by the CLI, the tray app and the Windows helper (which writes its outcome there for the
tray app's next start): one small JSON object, replaced atomically, a damaged file read as
empty (the next check rebuilds it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def update_dir(home: Path) -> Path:
    return Path(home) / "update"


def _state_path(home: Path) -> Path:
    return update_dir(home) / "state.json"


def read_state(home: Path) -> dict[str, Any]:
    try:
        data = json.loads(_state_path(home).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_state(home: Path, **values: Any) -> None:
    state = read_state(home) | values
    path = _state_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)
