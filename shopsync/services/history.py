"""Run history: what each sync did, for the status window and support."""

from __future__ import annotations

import time

import sqlite_utils

from shopsync.i18n import localize
from shopsync.store import runs


class HistoryService:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def recent(self, limit: int = 20) -> list[dict]:
        """The newest runs first (the engine's run rows: English keys and status words), their
        message and errors in the language shown now (stored in English: i18n.localize)."""
        rows = runs.recent_runs(self.db, limit)
        for row in rows:
            row["message"] = localize(row["message"] or "") or row["message"]
            row["errors"] = [localize(str(e)) for e in row["errors"]]
        return rows

    def changes_per_day(self, days: int = 31, now: float | None = None) -> list[tuple[str, int]]:
        """(YYYY-MM-DD local, uploaded changes) over the last `days` days, for the chart."""
        return runs.changes_per_day(self.db, (now or time.time()) - days * 86400)
