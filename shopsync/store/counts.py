"""The last run's counting of the export (`sync.counts.ExportCounts.as_dict()`), and the one
costly number of it remembered across processes: how many unconnected references have a
suggestion, keyed on everything that number depends on (the export's references and brands,
the catalogue, the alias decisions). Small JSON values in `meta`."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from shopsync.store.meta import get_meta, set_meta

_COUNTS = "export_counts"
_SUGGESTED = "export_suggested"


def save(db: sqlite_utils.Database, counts: dict[str, Any], counted_at: float) -> None:
    set_meta(db, _COUNTS, json.dumps({**counts, "counted_at": counted_at}))


def load(db: sqlite_utils.Database) -> dict[str, Any] | None:
    text = get_meta(db, _COUNTS)
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def suggested(db: sqlite_utils.Database, key: str) -> int | None:
    """The remembered count for `key`, or None when it was counted for other inputs."""
    text = get_meta(db, _SUGGESTED)
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    if isinstance(value, dict) and value.get("key") == key and isinstance(value.get("count"), int):
        return value["count"]
    return None


def remember_suggested(db: sqlite_utils.Database, key: str, count: int) -> None:
    set_meta(db, _SUGGESTED, json.dumps({"key": key, "count": count}))
