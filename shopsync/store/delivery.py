"""The delivery journal: what was promised to the site, the outbox, batches in flight, and what
the site acknowledged.

Exactly-once rests on three writes: a change enters the outbox with a version that only grows;
a batch (its body and idempotency key) is written before it is sent; the acknowledgement is
written only after the site's 2xx, in the same transaction that retires the batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from shopsync.redaction import redact
from shopsync.store.db import get_meta, set_meta, transaction


@dataclass(frozen=True, slots=True)
class Promise:
    key: str
    version: int
    published: bool


@dataclass(frozen=True, slots=True)
class Batch:
    key: str
    items: list[dict]


def promised(db: sqlite_utils.Database) -> dict[str, Promise]:
    return {
        r[0]: Promise(r[1], r[2], bool(r[3]))
        for r in db.conn.execute("SELECT reference, hash, version, published FROM promised")
    }


def next_versions(db: sqlite_utils.Database, count: int, now: float) -> range:
    """`count` fresh versions. They grow with the clock as well as the counter, so that a
    reinstalled ShopSync (new database) still sends versions newer than the site holds; and
    with the counter when the clock goes backwards (`last + 1` wins), so they never repeat nor
    fall behind (the site keeps the highest version it saw)."""
    last = int(get_meta(db, "last_version", "0") or 0)
    start = max(last + 1, int(now * 1000))
    set_meta(db, "last_version", str(start + count - 1))
    return range(start, start + count)


def enqueue(db: sqlite_utils.Database, changes: list[tuple[str, dict, str]], now: float) -> int:
    """Put (reference, wire state, key) changes in the outbox: one pending state per reference,
    the newest replacing an older one not yet sent."""
    if not changes:
        return 0
    with transaction(db) as conn:
        versions = next_versions(db, len(changes), now)
        outbox_rows, promise_rows = [], []
        for (ref, wire, key), version in zip(changes, versions, strict=True):
            body = dict(wire, version=version)
            outbox_rows.append((ref, version, json.dumps(body, ensure_ascii=False), key, now))
            promise_rows.append((ref, key, version, int(wire["published"])))
        conn.executemany("INSERT OR REPLACE INTO outbox VALUES (?,?,?,?,?)", outbox_rows)
        conn.executemany("INSERT OR REPLACE INTO promised VALUES (?,?,?,?)", promise_rows)
        _bump_promised(db)
    return len(changes)


def observe(db: sqlite_utils.Database, states: Iterable[tuple[str, dict, str]], now: float) -> None:
    """Seed what the site shows (first connection, reconcile) as promised and acknowledged:
    its published products (an unpublished one needs nothing until it is to be shown).

    Every version seen, published or not, raises the floor of `next_versions`: on a rebuilt
    database with a clock set back (a dead CMOS battery), new versions must still be newer
    than the site's, or the site would keep its old state as the newer one."""
    highest = 0
    with transaction(db) as conn:
        for ref, wire, key in states:
            version = int(wire.get("version") or 0)
            highest = max(highest, version)
            if not wire.get("published"):
                continue
            pub = 1
            conn.execute("INSERT OR REPLACE INTO promised VALUES (?,?,?,?)", (ref, key, version, pub))
            conn.execute(
                "INSERT OR REPLACE INTO acknowledged VALUES (?,?,?,?,?,?)",
                (ref, json.dumps(wire, ensure_ascii=False), key, version, pub, now),
            )
        set_meta(db, "observed_at", str(now))
        if highest > int(get_meta(db, "last_version", "0") or 0):
            set_meta(db, "last_version", str(highest))
        _bump_promised(db)


def _bump_promised(db: sqlite_utils.Database) -> None:
    set_meta(db, "promised_gen", str(int(get_meta(db, "promised_gen", "0") or 0) + 1))


def inflight(db: sqlite_utils.Database) -> list[Batch]:
    """Batches written but not acknowledged (a crash or an outage came between)."""
    return [
        Batch(r[0], json.loads(r[1])["items"])
        for r in db.conn.execute("SELECT key, body FROM batches ORDER BY created_at, key")
    ]


def take_batch(db: sqlite_utils.Database, limit: int, now: float) -> Batch | None:
    """Move up to `limit` outbox entries into a new batch, written before it is sent."""
    with transaction(db, durable=True) as conn:
        rows = conn.execute(
            "SELECT reference, state FROM outbox ORDER BY queued_at, reference LIMIT ?", (limit,)
        ).fetchall()
        if not rows:
            return None
        items = [json.loads(r[1]) for r in rows]
        key = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO batches(key, body, items, created_at) VALUES (?, ?, ?, ?)",
            (key, json.dumps({"items": items}, ensure_ascii=False), len(items), now),
        )
        conn.executemany("DELETE FROM outbox WHERE reference = ?", [(r[0],) for r in rows])
    return Batch(key, items)


def batch_failed(db: sqlite_utils.Database, key: str, error: str) -> None:
    db.conn.execute(
        "UPDATE batches SET attempts = attempts + 1, last_error = ? WHERE key = ?",
        (redact(error), key),
    )


def split_batch(db: sqlite_utils.Database, batch: Batch, now: float) -> None:
    """The site refused the batch as too large: put its items back to go in smaller batches.
    Their versions are kept; nothing was applied (413 is answered before applying)."""
    with transaction(db) as conn:
        for item in batch.items:
            conn.execute(
                "INSERT INTO outbox VALUES (?,?,?,?,?) ON CONFLICT(reference) DO NOTHING",
                (item["reference"], item["version"], json.dumps(item, ensure_ascii=False), "", now),
            )
        conn.execute("DELETE FROM batches WHERE key = ?", (batch.key,))


def acknowledge(
    db: sqlite_utils.Database, batch: Batch, results: dict[str, tuple[str, str | None]], now: float
) -> tuple[int, int]:
    """Apply the site's 2xx answer to a batch: accepted and ignored (the site already has it or
    newer) items are acknowledged, rejected ones recorded, not retried. Returns (acked, rejected)."""
    acked = rejected = 0
    with transaction(db, durable=True) as conn:
        for item in batch.items:
            ref, version = item["reference"], item["version"]
            status, reason = results.get(ref, ("rejected", "missing from the site's answer"))
            if status == "rejected":
                rejected += 1
                # the site's words, redacted: a site may echo the token back in them
                conn.execute(
                    "INSERT OR REPLACE INTO rejections VALUES (?,?,?,?)",
                    (ref, version, None if reason is None else redact(str(reason)), now),
                )
                continue
            acked += 1
            conn.execute("DELETE FROM rejections WHERE reference = ? AND version <= ?", (ref, version))
            conn.execute(
                "INSERT INTO acknowledged VALUES (?,?,?,?,?,?) ON CONFLICT(reference) DO UPDATE SET "
                "state = excluded.state, hash = excluded.hash, version = excluded.version, "
                "published = excluded.published, at = excluded.at "
                "WHERE excluded.version > acknowledged.version",
                (ref, json.dumps(item, ensure_ascii=False), "", version, int(item["published"]), now),
            )
        conn.execute("DELETE FROM batches WHERE key = ?", (batch.key,))
    return acked, rejected


def pending_count(db: sqlite_utils.Database) -> int:
    """References with a state the site has not acknowledged (one per reference, however many
    times it changed while offline)."""
    return db.conn.execute(
        "SELECT COUNT(*) FROM (SELECT reference FROM outbox UNION "
        "SELECT json_extract(value, '$.reference') FROM batches, json_each(batches.body, '$.items'))"
    ).fetchone()[0]


def drop_if_superseded(db: sqlite_utils.Database, batch: Batch) -> bool:
    """A batch in flight whose every item has a newer state in the outbox need not go again:
    whether or not the site applied it, the newer versions win. Returns True when dropped."""
    newer = dict(db.conn.execute("SELECT reference, version FROM outbox").fetchall())
    if all(newer.get(item["reference"], -1) > item["version"] for item in batch.items):
        db.conn.execute("DELETE FROM batches WHERE key = ?", (batch.key,))
        return True
    return False


def pending_since(db: sqlite_utils.Database) -> float | None:
    row = db.conn.execute(
        "SELECT MIN(t) FROM (SELECT MIN(queued_at) AS t FROM outbox "
        "UNION ALL SELECT MIN(created_at) FROM batches)"
    ).fetchone()
    return row[0]


def rejections(db: sqlite_utils.Database) -> list[dict]:
    return [
        {"reference": r[0], "version": r[1], "reason": r[2], "at": r[3]}
        for r in db.conn.execute("SELECT reference, version, reason, at FROM rejections ORDER BY at")
    ]


def acknowledged_published(db: sqlite_utils.Database) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM promised WHERE published = 1").fetchone()[0]


# Unpublishing held by the guard ------------------------------------------------------------

def hold(db: sqlite_utils.Database, references: Iterable[str], now: float) -> None:
    with transaction(db) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO held(reference, since, confirmed) VALUES (?, ?, 0)",
            [(r, now) for r in references],
        )


def held(db: sqlite_utils.Database) -> dict[str, bool]:
    return {r[0]: bool(r[1]) for r in db.conn.execute("SELECT reference, confirmed FROM held")}


def confirm_held(db: sqlite_utils.Database) -> int:
    return db.conn.execute("UPDATE held SET confirmed = 1 WHERE confirmed = 0").rowcount


def release_held(db: sqlite_utils.Database, references: Iterable[str]) -> None:
    db.conn.executemany("DELETE FROM held WHERE reference = ?", [(r,) for r in references])


def clear_held_except(db: sqlite_utils.Database, keep: set[str]) -> None:
    """Held rows whose product no longer needs unpublishing are dropped."""
    stale = [r for r in held(db) if r not in keep]
    release_held(db, stale)


# Renamed catalogue products --------------------------------------------------------------------

_RENAMED_TABLES = ("promised", "acknowledged", "held", "rejections")


def rename_references(db: sqlite_utils.Database, renames: dict[str, str]) -> int:
    """The platform renamed products (old reference -> new): what was promised to and
    acknowledged by the site under the old reference now belongs to the new one, so the renamed
    product is neither sent again nor counted as a disappearance. Outbox states not yet sent
    follow too (their body names the reference). Returns how many references moved."""
    if not renames:
        return 0
    moved = 0
    with transaction(db) as conn:
        for old, new in renames.items():
            for table in _RENAMED_TABLES:
                conn.execute(f"UPDATE OR IGNORE {table} SET reference = ? WHERE reference = ?", (new, old))
            row = conn.execute("SELECT state FROM outbox WHERE reference = ?", (old,)).fetchone()
            if row is not None:
                body = dict(json.loads(row[0]), reference=new)
                conn.execute(
                    "UPDATE OR IGNORE outbox SET reference = ?, state = ? WHERE reference = ?",
                    (new, json.dumps(body, ensure_ascii=False), old),
                )
            moved += 1
        _bump_promised(db)
    return moved
