"""The connector's state, classified once: `shopsync status`, the tray, the status window and
(later) the platform heartbeat all read this and none of them classify again.

The rule a person relies on: "à jour" (up to date) only when the last finished run succeeded
and nothing waits. Before any run finished the state is `never_run`; while the last finished
run failed it is the failure (offline, refused token, unreadable export, error), whatever an
earlier run achieved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from shopsync.i18n import localize
from shopsync.store import brands as brand_store
from shopsync.store import delivery, erp_cache, recovery, runs
from shopsync.sync.vocab import RunStatus
from shopsync.vocab import ConnectorState

# Runs after which the site held what the shop's data said (the held part excepted).
SUCCEEDED = frozenset({RunStatus.OK, RunStatus.UNCHANGED, RunStatus.HELD})
# How far back to look for the last *finished* run: a process killed mid-run leaves its row
# "running" for ever, so the newest row is not always the last outcome.
_LOOKBACK = 20


@dataclass(slots=True)
class ConnectorStatus:
    """One snapshot of the connector's state (no network). `as_dict()` is the stable JSON of
    `shopsync status --json` and of the GUI's status signal: English keys and values."""

    state: ConnectorState
    last_run: dict[str, Any] | None = None  # the newest run row (may be "running")
    last_finished: dict[str, Any] | None = None  # the newest run that ended: the state's basis
    last_succeeded: dict[str, Any] | None = None  # the newest run after which the site was right
    pending: int = 0
    pending_since: float | None = None
    held: list[str] = field(default_factory=list)  # held unpublishing not yet confirmed
    unmapped_brands: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    last_read: dict[str, Any] | None = None
    # The home's own health (a rebuilt database, writes refused): filled by the store's
    # recovery checks where they exist, shown by the tray and the CLI.
    local_store: dict[str, Any] = field(default_factory=dict)
    scheduler: dict[str, Any] = field(default_factory=dict)  # the scheduler's own state, if any

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = str(self.state)
        if not self.scheduler:
            data.pop("scheduler")
        return data

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | ConnectorStatus | None) -> ConnectorStatus:
        """Back from `as_dict()` (what a Qt signal carries). A missing or unknown state reads as
        `never_run`: an unknown word must never show as "up to date"."""
        if isinstance(data, ConnectorStatus):
            return data
        data = data or {}
        try:
            state = ConnectorState(data.get("state") or ConnectorState.NEVER_RUN)
        except ValueError:
            state = ConnectorState.NEVER_RUN
        return cls(
            state=state,
            last_run=data.get("last_run") or None,
            last_finished=data.get("last_finished") or None,
            last_succeeded=data.get("last_succeeded") or None,
            pending=int(data.get("pending") or 0),
            pending_since=data.get("pending_since"),
            held=list(data.get("held") or []),
            unmapped_brands=list(data.get("unmapped_brands") or []),
            rejected=list(data.get("rejected") or []),
            last_read=data.get("last_read") or None,
            local_store=dict(data.get("local_store") or {}),
            scheduler=dict(data.get("scheduler") or {}),
        )


def classify(
    last_finished: Mapping[str, Any] | None,
    *,
    pending: int,
    unconfirmed_held: bool,
    undecided_brands: bool,
    rejected: bool,
) -> ConnectorState:
    """The state from the last *finished* run and what waits. Pure: the tests walk every case."""
    if last_finished is None:
        return ConnectorState.NEVER_RUN
    outcome = last_finished.get("status")
    if outcome == RunStatus.TOKEN_REFUSED:
        return ConnectorState.TOKEN_REFUSED
    if unconfirmed_held or outcome == RunStatus.INPUT_ERROR:
        return ConnectorState.ATTENTION
    if outcome in (RunStatus.OFFLINE, RunStatus.BUSY):
        return ConnectorState.OFFLINE
    if outcome not in SUCCEEDED:
        return ConnectorState.ERROR  # RunStatus.ERROR, or a word this version does not know
    if pending:
        return ConnectorState.PENDING
    if undecided_brands or rejected:
        return ConnectorState.ATTENTION
    return ConnectorState.UP_TO_DATE


def last_finished_run(recent: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The newest run that ended (rows left "running" by a killed process are skipped)."""
    return next((r for r in recent if r.get("status") != RunStatus.RUNNING), None)


class StatusService:
    """Reads the connector's state from the home's database."""

    def __init__(self, db: sqlite_utils.Database, home: Path | None = None) -> None:
        self.db = db
        self.home = home  # for checks of the home folder itself (disk, rebuilt database)

    def read(self) -> ConnectorStatus:
        db = self.db
        recent = runs.recent_runs(db, _LOOKBACK)
        pending = delivery.pending_count(db)
        held = delivery.held(db)
        undecided = [m.erp_brand for m in brand_store.load_mappings(db).values() if not m.decided]
        rejected = delivery.rejections(db)
        waiting = sorted(ref for ref, confirmed in held.items() if not confirmed)
        finished = last_finished_run(recent)
        state = classify(
            finished,
            pending=pending,
            unconfirmed_held=bool(waiting),
            undecided_brands=bool(undecided),
            rejected=bool(rejected),
        )
        for run in {id(r): r for r in (recent[0] if recent else None, finished) if r}.values():
            # stored in English (RunSummary.as_dict); read here by people: the tray, the status
            # window, `shopsync status` (`status --json` and the heartbeat word it in English)
            run["message"] = localize(run.get("message") or "") or run.get("message")
        return ConnectorStatus(
            state=state,
            last_run=recent[0] if recent else None,
            last_finished=finished,
            last_succeeded=next((r for r in recent if r.get("status") in SUCCEEDED), None),
            pending=pending,
            pending_since=delivery.pending_since(db),
            held=waiting,
            unmapped_brands=undecided,
            rejected=rejected,
            last_read=erp_cache.last_read(db),
            local_store=recovery.local_store_status(db, self.home),
        )
