"""This installation's agent id: a random UUID kept in the home folder.

Stable for a home folder (updates use it for staged rollout, a heartbeat can report it), and
meaningless outside it: it says nothing about the shop, the PC or the person.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

FILE_NAME = "agent-id"


def _read(path: Path) -> str | None:
    try:
        return str(uuid.UUID(path.read_text(encoding="ascii").strip()))
    except (OSError, ValueError):
        return None


def agent_id(home: Path) -> str:
    """The id stored in `home/agent-id`, created on first use (two processes agree on one)."""
    path = Path(home) / FILE_NAME
    existing = _read(path)
    if existing:
        return existing
    fresh = str(uuid.uuid4())
    tmp = path.with_name(f"{FILE_NAME}.{fresh}.tmp")
    tmp.write_text(fresh + "\n", encoding="ascii")
    try:
        os.link(tmp, path)  # fails if another process wrote its id first: use that one
        return fresh
    except FileExistsError:
        winner = _read(path)
        if winner:
            return winner
        os.replace(tmp, path)  # a damaged file: a new id is all it can be
        return fresh
    finally:
        tmp.unlink(missing_ok=True)
