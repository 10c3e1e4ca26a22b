"""The cached ERP view: the last complete ERP read, kept so that an unchanged export is not
parsed again and a broken one never replaces a good one; and, for a database source read by its
changes, its rows by key, which a delta (changed and deleted rows) updates in place."""

from __future__ import annotations

import json
import sqlite3
import time
from decimal import Decimal

import sqlite_utils

from shopsync.model import ReadResult, StockLine
from shopsync.store import cursors
from shopsync.store.cursors import StoredCursor
from shopsync.store.db import transaction


def save_read(db: sqlite_utils.Database, result: ReadResult) -> None:
    """Replace the cached read with a complete new one, in one transaction."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM erp_items")
        conn.executemany("INSERT OR REPLACE INTO erp_items VALUES (?,?,?,?,?,?,?,?,?)",
                         _item_rows(result.lines))
        _save_summary(conn, result)


def last_read(db: sqlite_utils.Database) -> dict | None:
    row = db.conn.execute(
        "SELECT source, content_hash, read_at, raw_lines, items, rejected, problems FROM erp_read"
    ).fetchone()
    if row is None:
        return None
    keys = ("source", "content_hash", "read_at", "raw_lines", "items", "rejected", "problems")
    out = dict(zip(keys, row, strict=True))
    out["problems"] = json.loads(out["problems"] or "[]")
    return out


def load_lines(db: sqlite_utils.Database) -> list[StockLine]:
    return [
        StockLine(
            reference=r[0],
            size=r[1] or None,
            brand=r[2],
            designation=r[3],
            quantity=r[4],
            price=None if r[5] is None else Decimal(r[5]),
            ean=r[6],
            status=r[7],
            line=r[8],
        )
        for r in db.conn.execute(
            "SELECT reference, size, brand, designation, quantity, price, ean, status, line "
            "FROM erp_items"
        )
    ]


def erp_brands(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """ERP brands with their item counts (distinct references)."""
    return [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT brand, COUNT(DISTINCT reference) FROM erp_items WHERE brand IS NOT NULL "
            "AND brand != '' GROUP BY brand ORDER BY brand"
        )
    ]


# -- the rows of a source read by its changes (erp_rows) -------------------------------------


class RowView:
    """The cached rows as a change tracker may ask about them (`erp.changes.CachedView`)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def count(self) -> int:
        return self._db.conn.execute("SELECT COUNT(*) FROM erp_rows").fetchone()[0]

    def keys(self) -> set[str]:
        return {r[0] for r in self._db.conn.execute("SELECT key FROM erp_rows")}


def load_rows(db: sqlite_utils.Database) -> dict[str, tuple[int, list[str]]]:
    """key -> (stable row number, cells). The number (SQLite's rowid, kept by updates) is the
    row's "line" in messages and in the StockLines, so that a change elsewhere never renumbers
    a line the rules compare with the previous run's."""
    return {
        r[0]: (r[1], json.loads(r[2]))
        for r in db.conn.execute("SELECT key, rowid, cells FROM erp_rows")
    }


def _upsert_rows(conn: sqlite3.Connection, rows: dict[str, list[str]]) -> None:
    conn.executemany(
        "INSERT INTO erp_rows(key, cells) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET cells = excluded.cells WHERE cells != excluded.cells",
        ((k, json.dumps(c, ensure_ascii=False)) for k, c in rows.items()),
    )


def _delete_rows(conn: sqlite3.Connection, keys: set[str]) -> None:
    conn.executemany("DELETE FROM erp_rows WHERE key = ?", ((k,) for k in keys))


def next_row_numbers(db: sqlite_utils.Database, keys: list[str]) -> dict[str, int]:
    """The row numbers new keys will get (after the largest one used), for building lines
    before the rows are written."""
    top = db.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM erp_rows").fetchone()[0]
    return {key: top + i for i, key in enumerate(keys, 1)}


def save_view(
    db: sqlite_utils.Database,
    result: ReadResult,
    *,
    changed: dict[str, list[str]],
    deleted: set[str],
    whole: bool,
    cursor: StoredCursor,
) -> int:
    """One transaction: the rows (all of them when `whole`, else the delta), the ERP view's
    lines (only those that changed are written), the read's summary row and the cursor.
    Returns how many lines of the view changed."""
    new = {(ln.reference, ln.size or ""): ln for ln in result.lines}
    with transaction(db) as conn:
        if whole:
            present = {r[0] for r in conn.execute("SELECT key FROM erp_rows")}
            deleted = present - set(changed)
        _upsert_rows(conn, changed)
        _delete_rows(conn, deleted)
        old = {(ln.reference, ln.size or ""): ln for ln in load_lines(db)}
        gone = [k for k in old if k not in new]
        moved = [ln for k, ln in new.items() if old.get(k) != ln]
        conn.executemany("DELETE FROM erp_items WHERE reference = ? AND size = ?", gone)
        conn.executemany(
            "INSERT OR REPLACE INTO erp_items VALUES (?,?,?,?,?,?,?,?,?)", _item_rows(moved)
        )
        _save_summary(conn, result)
        cursors.save(conn, cursor)
    return len(gone) + len(moved)


def _item_rows(lines: list[StockLine]) -> list[tuple]:
    return [
        (ln.reference, ln.size or "", ln.brand, ln.designation, ln.quantity,
         None if ln.price is None else str(ln.price), ln.ean, ln.status, ln.line)
        for ln in lines
    ]


def _save_summary(conn: sqlite3.Connection, result: ReadResult) -> None:
    problems = [str(p) for p in (*result.rejected, *result.warnings)][:1000]
    conn.execute(
        "INSERT OR REPLACE INTO erp_read VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        (result.source, result.content_hash, time.time(), result.raw_lines, len(result.lines),
         len(result.rejected), json.dumps(problems, ensure_ascii=False)),
    )


def save_cursor(db: sqlite_utils.Database, cursor: StoredCursor) -> None:
    """The cursor alone (it moved while the view did not)."""
    with transaction(db) as conn:
        cursors.save(conn, cursor)


def forget_rows(db: sqlite_utils.Database) -> None:
    """A file source again (the profile changed): no rows nor cursor of a database kept."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM erp_rows")
        cursors.forget(conn)
