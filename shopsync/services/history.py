"""Run history: what each sync did, for the status window and support."""

from __future__ import annotations

import time

import sqlite_utils

from shopsync.store import runs


class HistoryService:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def recent(self, limit: int = 20) -> list[dict]:
        """The newest runs first (the engine's run rows: English keys and status words)."""
        return runs.recent_runs(self.db, limit)

    def changes_per_day(self, days: int = 31, now: float | None = None) -> list[tuple[str, int]]:
        """(YYYY-MM-DD local, uploaded changes) over the last `days` days, for the chart."""
        return runs.changes_per_day(self.db, (now or time.time()) - days * 86400)
