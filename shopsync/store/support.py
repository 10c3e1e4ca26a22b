"""Support requests the agent started or answered (shopsync/agent/requests.py): SQL only.

One row per request id, kept while the site lists it and for `FORGET_AFTER` after it stopped:
a site that lists the request again because an acknowledgement was lost gets the same answer,
and the policy (shopsync/agent/pacing.py) reads when each kind was last started from here."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from shopsync.redaction import redact
from shopsync.site.protocol import RequestKind
from shopsync.store.db import transaction

FORGET_AFTER = 24 * 3600.0  # an id the site stopped listing a day ago will not come back
_CHUNK = 500  # ids per statement (SQLite's variable limit)


def known(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """(outcome, message) of each id remembered; outcome None: started, not answered."""
    out: dict[str, tuple[str | None, str]] = {}
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for rid, outcome, message in db.conn.execute(
            f"SELECT id, outcome, message FROM support_requests WHERE id IN ({marks})", chunk
        ):
            out[rid] = (outcome, message)
    return out


def last_started(db: sqlite_utils.Database) -> dict[RequestKind, float]:
    """When each kind was last started (the pace's memory)."""
    out: dict[RequestKind, float] = {}
    for kind, at in db.conn.execute(
        "SELECT kind, MAX(started_at) FROM support_requests WHERE started_at IS NOT NULL "
        "GROUP BY kind"
    ):
        try:
            out[RequestKind(kind)] = float(at)
        except ValueError:
            continue
    return out


def started(db: sqlite_utils.Database, request_id: str, kind: str, now: float) -> None:
    """Written before the request is carried out: a crash or an unreachable site during it
    leaves a started request, which the pace holds back (never a loop of attempts)."""
    db.conn.execute(
        "INSERT INTO support_requests(id, kind, started_at, listed_at) VALUES (?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at, listed_at = excluded.listed_at",
        (request_id, kind[:100], now, now),
    )


def answered(
    db: sqlite_utils.Database, request_id: str, kind: str, outcome: str, message: str, now: float
) -> None:
    """The answer, written before the acknowledgement is sent (redacted: it may quote an error)."""
    db.conn.execute(
        "INSERT INTO support_requests(id, kind, outcome, message, answered_at, listed_at) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET outcome = excluded.outcome, "
        "message = excluded.message, answered_at = excluded.answered_at, listed_at = excluded.listed_at",
        (request_id, kind[:100], str(outcome), redact(message), now, now),
    )


def listed(db: sqlite_utils.Database, ids: Iterable[str], now: float) -> None:
    """The site lists these ids at `now`; rows it stopped listing `FORGET_AFTER` ago go."""
    ids = list(dict.fromkeys(ids))
    with transaction(db) as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"UPDATE support_requests SET listed_at = ? WHERE id IN ({marks})", [now, *chunk]
            )
        conn.execute(
            "DELETE FROM support_requests WHERE listed_at < ?",
            (now - FORGET_AFTER,),
        )
