"""The cached ERP view: the last complete ERP read, kept so that an unchanged export is not
parsed again and a broken one never replaces a good one; and, for a database source read by its
changes, its rows by key, which a delta (changed and deleted rows) updates in place."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from decimal import Decimal

import sqlite_utils

from shopsync.i18n import english
from shopsync.model import ReadResult, StockLine
from shopsync.redaction import redact
from shopsync.store import cursors
from shopsync.store.cursors import StoredCursor
from shopsync.store.db import transaction


def save_read(db: sqlite_utils.Database, result: ReadResult, problems: list[str]) -> None:
    """Replace the cached read with a complete new one, in one transaction. Only the rows
    that differ are written: a sale in a 200,000-line export rewrites one row, not all (a
    whole rewrite took ~1.5 s and as many megabytes of WAL on every new export)."""
    rows = {(r[0], r[1]): r for r in _item_rows(result.lines)}.values()  # one per key: the last
    with transaction(db) as conn:
        stored = set(conn.execute(f"SELECT {_ITEM_COLUMNS} FROM erp_items"))
        fresh = set(rows)
        written = fresh - stored
        kept_keys = {(r[0], r[1]) for r in written}
        gone = [(r[0], r[1]) for r in stored - fresh if (r[0], r[1]) not in kept_keys]
        conn.executemany("DELETE FROM erp_items WHERE reference = ? AND size = ?", gone)
        conn.executemany("INSERT OR REPLACE INTO erp_items VALUES (?,?,?,?,?,?,?,?,?)", written)
        _save_summary(conn, result, problems)


_ITEM_COLUMNS = "reference, size, brand, designation, quantity, price, ean, status, line"


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


@dataclass(frozen=True, slots=True)
class ViewSummary:
    """The `erp_read` row of a database source's view."""

    source: str
    content_hash: str | None
    raw_lines: int
    items: int
    rejected: int
    problems: list[str]


def load_rows(db: sqlite_utils.Database) -> dict[str, tuple[int, list[str]]]:
    """key -> (stable row number, cells). The number (the row's rowid, kept by updates) is the
    row's "line" in messages and in the StockLines, so that a change elsewhere never renumbers
    a line the rules compare with the previous run's."""
    return {
        r[0]: (r[1], json.loads(r[2]))
        for r in db.conn.execute("SELECT key, rowid, cells FROM erp_rows")
    }


def save_view(
    db: sqlite_utils.Database,
    summary: ViewSummary,
    *,
    rows: dict[str, tuple[int, list[str]]],
    deleted: set[str],
    whole: bool,
    moved: list[StockLine],
    gone: list[tuple[str, str]],
    cursor: StoredCursor,
) -> None:
    """One transaction: the rows that changed (by key, with their numbers; `whole`: every row,
    the others deleted), the view's lines that moved or went, the read's summary row and the
    cursor. A crash leaves either all of it or none."""
    with transaction(db) as conn:
        if whole:
            present = {r[0] for r in conn.execute("SELECT key FROM erp_rows")}
            deleted = present - set(rows)
        conn.executemany("DELETE FROM erp_rows WHERE key = ?", ((k,) for k in deleted))
        conn.executemany(
            "INSERT INTO erp_rows(rowid, key, cells) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET cells = excluded.cells WHERE cells != excluded.cells",
            ((n, k, json.dumps(c, ensure_ascii=False)) for k, (n, c) in rows.items()),
        )
        conn.executemany("DELETE FROM erp_items WHERE reference = ? AND size = ?", gone)
        conn.executemany(
            "INSERT OR REPLACE INTO erp_items VALUES (?,?,?,?,?,?,?,?,?)", _item_rows(moved)
        )
        conn.execute(
            "INSERT OR REPLACE INTO erp_read VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            (redact(summary.source), summary.content_hash, time.time(), summary.raw_lines,
             summary.items, summary.rejected,
             json.dumps([redact(english(str(p))) for p in summary.problems[:1000]], ensure_ascii=False)),
        )
        cursors.save(conn, cursor)


def _item_rows(lines: list[StockLine]) -> list[tuple]:
    return [
        (ln.reference, ln.size or "", ln.brand, ln.designation, ln.quantity,
         None if ln.price is None else str(ln.price), ln.ean, ln.status, ln.line)
        for ln in lines
    ]


def _save_summary(conn: sqlite3.Connection, result: ReadResult, problems: list[str]) -> None:
    """The read's summary row; `problems` as listed (the first ones, the rest counted),
    redacted (an ODBC connection string may carry PWD=) and in English, like every stored
    message (`i18n.english`): `status --json` gives them whatever the shop's language."""
    conn.execute(
        "INSERT OR REPLACE INTO erp_read VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        (redact(result.source), result.content_hash, time.time(), result.raw_lines,
         len(result.lines), len(result.rejected),
         json.dumps([redact(english(str(p))) for p in problems], ensure_ascii=False)),
    )


def save_cursor(db: sqlite_utils.Database, cursor: StoredCursor) -> None:
    """The cursor alone (it moved while the view did not)."""
    with transaction(db) as conn:
        cursors.save(conn, cursor)
