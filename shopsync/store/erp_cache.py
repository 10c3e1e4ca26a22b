"""The last complete ERP read, kept so that an unchanged export is not parsed again and a
broken one never replaces a good one."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import sqlite_utils

from shopsync.model import ReadResult, StockLine
from shopsync.redaction import redact
from shopsync.store.db import transaction


def save_read(db: sqlite_utils.Database, result: ReadResult, problems: list[str]) -> None:
    """Replace the cached read with a complete new one, in one transaction."""
    rows = [
        (
            ln.reference,
            ln.size or "",
            ln.brand,
            ln.designation,
            ln.quantity,
            None if ln.price is None else str(ln.price),
            ln.ean,
            ln.status,
            ln.line,
        )
        for ln in result.lines
    ]
    problems = [redact(str(p)) for p in problems]
    with transaction(db) as conn:
        conn.execute("DELETE FROM erp_items")
        conn.executemany("INSERT OR REPLACE INTO erp_items VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.execute(
            "INSERT OR REPLACE INTO erp_read VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            (
                redact(result.source),  # an ODBC connection string may carry PWD=
                result.content_hash,
                time.time(),
                result.raw_lines,
                len(result.lines),
                len(result.rejected),
                json.dumps(problems, ensure_ascii=False),
            ),
        )


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
