"""The heartbeat payload: what the platform needs to tell a quiet shop from a broken connector.

Counts, times and versions only: never a path, a token, a password or stock data; the whole
body passes through the one redaction policy (shopsync.redaction) before it leaves. Kept far under the contract's 2 KB gzipped
(`tests/platform/test_heartbeat.py` measures it with long error messages).
"""

from __future__ import annotations

import dataclasses
import gzip
import platform
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from shopsync import __version__
from shopsync.agent.last_error import last_error
from shopsync.config import Settings
from shopsync.redaction import redact, redact_data
from shopsync.services.status import SUCCEEDED, ConnectorStatus, StatusService
from shopsync.site import protocol
from shopsync.vocab import ReasonCode

MAX_GZIPPED_BYTES = 2048
MAX_ERROR_MESSAGE = 300
REMOTE_SOURCES = {"odbc": "odbc", "4d-rest": "4d-rest"}


def iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def erp_kind(settings: Settings) -> str:
    """How the ERP is read (file, folder, odbc, 4d-rest): the kind, never the path."""
    erp = settings.erp
    if erp.profile in REMOTE_SOURCES:
        return REMOTE_SOURCES[erp.profile]
    if not erp.path:
        return "none"
    return "pattern" if any(c in erp.path for c in "*?[") else "file"


def build_heartbeat(
    settings: Settings,
    db: sqlite_utils.Database,
    *,
    agent_id: str,
    now: float,
    secrets: list[str],
    paused: bool = False,
    next_run: float | None = None,
    doing: protocol.SupportRequest | None = None,
) -> dict[str, Any]:
    """The `Heartbeat` body, read from the store (no network, no engine). `state` is the one
    classification the tray and `shopsync status` show (services.status)."""
    status = StatusService(db, settings.home).read()
    last_read = status.last_read
    delivered = status.last_succeeded  # the site held everything the shop had (held: all but those)
    last = status.last_finished
    # a code and a fixed sentence, never the run's message (it can quote the export: last_error.py)
    error = last_error(last["status"]) if last is not None and last["status"] not in SUCCEEDED else None
    body = {
        "agent_id": agent_id,
        "version": __version__,
        "os": f"{platform.system()} {platform.release()}"[:100],
        "clock": iso(now),
        "erp": {"kind": erp_kind(settings), "preset": settings.erp.profile[:100]},
        "last_export": None
        if last_read is None
        else {
            "read_at": iso(last_read["read_at"]),
            "lines": int(last_read["raw_lines"] or last_read["items"] or 0),
            "rejected": int(last_read["rejected"] or 0),
        },
        "last_delivery_at": iso(delivered["ended_at"]) if delivered else None,
        "pending": status.pending,
        "held": len(status.held),
        "rejected": len(status.rejected),
        "last_error": error,
        "next_run_at": iso(next_run),
        "state": str(status.state),
        "reason": state_reason(status, secrets),
        "counts": export_counts(status),
        "paused": paused,
        "doing": None if doing is None else {"id": doing.id, "kind": doing.kind[:100]},
        "local_store": local_store(status.local_store, secrets),
    }
    return redact_data(body, secrets)


# Reasons whose detail is the last run's message, sent once, as `last_error`.
_RUN_DETAIL = frozenset({ReasonCode.FAILED, ReasonCode.EXPORT_UNREADABLE, ReasonCode.OFFLINE})


def state_reason(status: ConnectorStatus, secrets: list[str]) -> dict[str, Any] | None:
    """Why the state is what it is: the one classification's first reason (services.status
    `assess`), its stable code and the sentence the shop's tray shows for it
    (texts.reason_text, in the shop's language, redacted: a failed run's message may quote a
    path); with undecided brands, the counting's "nothing will be published" too. `/admin`
    shows it beside "À vérifier"."""
    if not status.reasons:
        return None
    from shopsync import texts
    from shopsync.i18n import translate

    first = status.reasons[0]
    if first.code in _RUN_DETAIL:  # the run's own message is the heartbeat's `last_error`
        first = dataclasses.replace(first, detail="")
    message = texts.reason_text(first, translate).rstrip(" :")
    counts = status.export_counts()
    why = counts.why_nothing(translate) if counts is not None else None
    if why and first.code in (ReasonCode.BRANDS_UNDECIDED, ReasonCode.UP_TO_DATE):
        message = f"{message} {why}"
    return {"code": str(first.code), "message": redact(message, secrets)[:MAX_ERROR_MESSAGE] or None}


def export_counts(status: ConnectorStatus) -> dict[str, Any] | None:
    """The last run's counting of the export (sync/counts.py): the numbers the report, the
    summary and `shopsync status` show, and why nothing will be published, if nothing will."""
    counts = status.export_counts()
    if counts is None:
        return None
    stored = status.counts or {}
    counted_at = stored.get("counted_at")
    return {**counts.as_dict(), "counted_at": iso(float(counted_at)) if counted_at else None}


def local_store(health: dict[str, Any], secrets: list[str]) -> dict[str, Any]:
    """The shop PC's own storage as support needs it (issue 13): when the local database was
    last found damaged and rebuilt, and the disk problem the last run met (redacted)."""
    rebuilt = health.get("rebuilt") or {}
    problem = health.get("problem")
    return {
        "rebuilt_at": iso(float(rebuilt["at"])) if rebuilt.get("at") else None,
        "problem": redact(str(problem), secrets)[:MAX_ERROR_MESSAGE] if problem else None,
    }


def gzipped_size(body: dict[str, Any]) -> int:
    return len(gzip.compress(protocol.dumps(body), mtime=0))
