"""The cursor of an ERP source read by its changes (table `erp_cursor`, one row).

Kept in the store so that it survives restarts: a connector started again asks the ERP only
for what changed while it was away. It is written in the same transaction as the rows it
accounts for (`erp_cache.save_view`), so that a crash can never leave the cursor ahead of the
cached view. `source` names the source it belongs to (server, data class, query...): another
source means the cursor is forgotten and the source read whole.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass(frozen=True, slots=True)
class StoredCursor:
    source: str
    mode: str
    headers: list[str]  # the order of the cells kept in `erp_rows`
    state: dict[str, Any]  # the source's own words (`shopsync.erp.changes.Cursor.as_json`)
    at: float


def load(db: sqlite_utils.Database) -> StoredCursor | None:
    row = db.conn.execute("SELECT source, mode, headers, state, at FROM erp_cursor").fetchone()
    if row is None:
        return None
    try:
        return StoredCursor(row[0], row[1], json.loads(row[2]), json.loads(row[3]), row[4])
    except ValueError:
        return None  # unreadable: as if never read (a full read follows)


def save(conn: sqlite3.Connection, cursor: StoredCursor) -> None:
    """Inside the caller's transaction (with the rows it accounts for)."""
    conn.execute(
        "INSERT OR REPLACE INTO erp_cursor VALUES (1, ?, ?, ?, ?, ?)",
        (cursor.source, cursor.mode, json.dumps(cursor.headers, ensure_ascii=False),
         json.dumps(cursor.state), cursor.at),
    )


def forget(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM erp_cursor")
