"""Run history: what each sync did, for the status window, `shopsync status` and support."""

from __future__ import annotations

import json

import sqlite_utils

from shopsync.redaction import redact

COLUMNS = (
    "id", "started_at", "ended_at", "trigger", "status", "read", "changes", "uploaded",
    "pending", "held", "rejected", "message", "errors",
)


def start_run(db: sqlite_utils.Database, trigger: str, now: float) -> int:
    cur = db.conn.execute(
        "INSERT INTO runs(started_at, trigger, status) VALUES (?, ?, 'running')", (now, trigger)
    )
    return int(cur.lastrowid)


def finish_run(db: sqlite_utils.Database, run_id: int, now: float, summary: dict) -> None:
    db.conn.execute(
        "UPDATE runs SET ended_at = ?, status = ?, read = ?, changes = ?, uploaded = ?, "
        "pending = ?, held = ?, rejected = ?, message = ?, errors = ? WHERE id = ?",
        (
            now,
            summary["status"],
            summary.get("read"),
            summary.get("changes"),
            summary.get("uploaded"),
            summary.get("pending"),
            summary.get("held"),
            summary.get("rejected"),
            None if summary.get("message") is None else redact(str(summary["message"])),
            # redacted before writing: a site may echo the token in the body these quote
            json.dumps([redact(str(e)) for e in summary.get("errors", [])[:200]], ensure_ascii=False),
            run_id,
        ),
    )


def recent_runs(db: sqlite_utils.Database, limit: int = 20) -> list[dict]:
    rows = db.conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM runs ORDER BY id DESC LIMIT ?", (limit,)
    ).fetchall()
    out = []
    for row in rows:
        run = dict(zip(COLUMNS, row, strict=True))
        run["errors"] = json.loads(run["errors"] or "[]")
        out.append(run)
    return out


def changes_per_day(db: sqlite_utils.Database, since: float) -> list[tuple[str, int]]:
    """(YYYY-MM-DD local, uploaded changes) for the status window's chart."""
    return [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT date(started_at, 'unixepoch', 'localtime') AS d, SUM(COALESCE(uploaded, 0)) "
            "FROM runs WHERE started_at >= ? GROUP BY d ORDER BY d",
            (since,),
        )
    ]
