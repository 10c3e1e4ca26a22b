"""The platform's view of the shop's connector (Site API v1.1), kept in the sandbox's database.

The last heartbeat, the last connection report, the support requests queued from `/admin` and
the diagnostics uploaded in answer. Its own connection to `sandbox.db` (WAL): the stock side's
lock is never held while an agent talks. Times are stored twice: ISO text for people, Unix
seconds for the health arithmetic.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shopsync.site.protocol import AgentHealth, RequestKind, SupportRequest, agent_health

_SCHEMA = """
CREATE TABLE IF NOT EXISTS agent_heartbeats (
    agent_id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at TEXT NOT NULL,
    received_ts REAL NOT NULL, ok_since TEXT NOT NULL, beats INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS agent_reports (
    agent_id TEXT PRIMARY KEY, hash TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL,
    times INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS agent_requests (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT NOT NULL, delivered INTEGER NOT NULL
    DEFAULT 0, acked_at TEXT, outcome TEXT, message TEXT
);
CREATE TABLE IF NOT EXISTS agent_diagnostics (
    id TEXT PRIMARY KEY, request_id TEXT, file TEXT NOT NULL, bytes INTEGER NOT NULL,
    received_at TEXT NOT NULL
);
"""

DIAGNOSTICS_DIR = "diagnostics"


def iso_time(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


DEFAULT_LATE = 45 * 60.0  # `shopsync sandbox --agent-late 45m`
DEFAULT_SILENT = 6 * 3600.0  # `--agent-silent 6h`


@dataclass(frozen=True, slots=True)
class HealthPolicy:
    """When a connector counts as late, then silent (`--agent-late`, `--agent-silent`)."""

    late_after: float = DEFAULT_LATE
    silent_after: float = DEFAULT_SILENT


class AgentStore:
    def __init__(self, db_path: Path, *, clock=time.time) -> None:
        self.data_dir = db_path.parent
        self.clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- what the agent sends -------------------------------------------------------------

    def heartbeat(self, body: dict[str, Any], policy: HealthPolicy) -> list[SupportRequest]:
        """Record a heartbeat; the requests not yet acknowledged are its answer."""
        now = self.clock()
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute(
                "SELECT received_ts, ok_since FROM agent_heartbeats WHERE agent_id = ?",
                (body["agent_id"],),
            ).fetchone()
            back = row is None or now - row["received_ts"] >= policy.late_after
            ok_since = iso_time(now) if back else row["ok_since"]
            self._db.execute(
                "INSERT INTO agent_heartbeats (agent_id, body, received_at, received_ts, ok_since) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET body = excluded.body, "
                "received_at = excluded.received_at, received_ts = excluded.received_ts, "
                "ok_since = excluded.ok_since, beats = beats + 1",
                (body["agent_id"], json.dumps(body), iso_time(now), now, ok_since),
            )
        return self.pending_requests(mark_delivered=True)

    def put_report(self, agent_id: str, body: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO agent_reports (agent_id, hash, body, received_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (agent_id) DO UPDATE SET hash = excluded.hash, body = excluded.body, "
                "received_at = excluded.received_at, times = times + 1",
                (agent_id, body["hash"], json.dumps(body), iso_time(self.clock())),
            )

    def save_diagnostic(self, request_id: str | None, data: bytes) -> str:
        ident = uuid.uuid4().hex
        folder = self.data_dir / DIAGNOSTICS_DIR
        folder.mkdir(exist_ok=True)
        (folder / f"{ident}.zip").write_bytes(data)
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO agent_diagnostics (id, request_id, file, bytes, received_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (ident, request_id, f"{DIAGNOSTICS_DIR}/{ident}.zip", len(data), iso_time(self.clock())),
            )
        return ident

    # --- support requests -----------------------------------------------------------------

    def queue_request(self, kind: str) -> str:
        """A request from the platform's team (any text: the agent must ignore unknown kinds)."""
        ident = uuid.uuid4().hex[:16]
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO agent_requests (id, kind, created_at) VALUES (?, ?, ?)",
                (ident, kind, iso_time(self.clock())),
            )
        return ident

    def pending_requests(self, *, mark_delivered: bool = False) -> list[SupportRequest]:
        with self._lock, self._db:
            rows = self._db.execute(
                "SELECT id, kind, created_at FROM agent_requests WHERE acked_at IS NULL "
                "ORDER BY created_at, rowid"
            ).fetchall()
            if mark_delivered and rows:
                self._db.execute(
                    "UPDATE agent_requests SET delivered = delivered + 1 WHERE acked_at IS NULL"
                )
        return [SupportRequest(r["id"], r["kind"], r["created_at"]) for r in rows]

    def ack(self, ident: str, outcome: str, message: str | None) -> dict[str, Any] | None:
        """Acknowledge once; a repeated acknowledgement keeps the first. None: no such request."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute("SELECT * FROM agent_requests WHERE id = ?", (ident,)).fetchone()
            if row is None:
                return None
            if row["acked_at"] is None:
                self._db.execute(
                    "UPDATE agent_requests SET acked_at = ?, outcome = ?, message = ? WHERE id = ?",
                    (iso_time(self.clock()), outcome, message, ident),
                )
            row = self._db.execute("SELECT * FROM agent_requests WHERE id = ?", (ident,)).fetchone()
        return _request(row)

    def requests(self, limit: int = 50) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM agent_requests ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_request(r) for r in rows]

    def diagnostics(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, request_id, bytes, received_at FROM agent_diagnostics ORDER BY rowid"
            ).fetchall()
        return [dict(r) for r in rows]

    # --- the platform's view --------------------------------------------------------------

    def overview(self, policy: HealthPolicy, last_sale_at: str | None) -> dict[str, Any]:
        """`GET /api/v1/agent` and `/admin`: health, since when, the last heartbeat's facts."""
        now = self.clock()
        with self._lock:
            beat = self._db.execute(
                "SELECT * FROM agent_heartbeats ORDER BY received_ts DESC LIMIT 1"
            ).fetchone()
            report = self._db.execute(
                "SELECT body, received_at FROM agent_reports ORDER BY received_at DESC LIMIT 1"
            ).fetchone()
        if beat is None:
            health, since, last, heartbeat = AgentHealth.NEVER, None, None, None
        else:
            last, heartbeat = beat["received_ts"], json.loads(beat["body"])
            age = now - last
            if age < policy.late_after:
                health, since = AgentHealth.OK, beat["ok_since"]
            elif age < policy.silent_after:
                health, since = AgentHealth.LATE, iso_time(last + policy.late_after)
            else:
                health, since = AgentHealth.SILENT, iso_time(last + policy.silent_after)
        health = agent_health(health, heartbeat)
        if health is AgentHealth.NEEDS_ATTENTION:
            since = None  # since when the shop's state asks for a person is not known here
        reason = (heartbeat or {}).get("reason") or {}
        return {
            "health": str(health),
            # The shop's own reason, in its words (the heartbeat's `reason`), when it needs a
            # person; None otherwise.
            "health_reason": (reason.get("message") or reason.get("code") or heartbeat.get("state"))
            if health is AgentHealth.NEEDS_ATTENTION else None,
            "since": since,
            "last_heartbeat_at": None if last is None else iso_time(last),
            "late_after_seconds": policy.late_after,
            "silent_after_seconds": policy.silent_after,
            "heartbeat": heartbeat,
            "last_sale_at": last_sale_at,
            "connection_report": None if report is None else json.loads(report["body"]),
            "connection_report_at": None if report is None else report["received_at"],
            "requests": self.requests(),
        }


def _request(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "kind": row["kind"],
        "created_at": row["created_at"],
        "delivered": row["delivered"] > 0,
        "acked_at": row["acked_at"],
        "outcome": row["outcome"],
        "message": row["message"],
    }


def is_known_kind(kind: str) -> bool:
    return kind in {str(k) for k in RequestKind}
