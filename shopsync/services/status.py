"""The connector's state, classified once: `shopsync status`, the tray, the status window and
(later) the platform heartbeat all read this and none of them classify again.

The rule a person relies on: "à jour" (up to date) only when the last finished run succeeded
and nothing waits. Before any run finished the state is `never_run`; while the last finished
run failed it is the failure (offline, refused token, unreadable export, error), whatever an
earlier run achieved.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from shopsync.i18n import localize
from shopsync.store import brands as brand_store
from shopsync.store import counts as count_store
from shopsync.store import delivery, erp_cache, recovery, runs
from shopsync.sync.counts import ExportCounts
from shopsync.sync.vocab import RunStatus
from shopsync.vocab import ConnectorState, ReasonCode

# Runs after which the site held what the shop's data said (the held part excepted).
SUCCEEDED = frozenset({RunStatus.OK, RunStatus.UNCHANGED, RunStatus.HELD})
# How far back to look for the last *finished* run: a process killed mid-run leaves its row
# "running" for ever, so the newest row is not always the last outcome.
_LOOKBACK = 20
# A rebuilt local database is told for three days (the tray balloons once, the status window
# shows the line), then it is history kept in diagnostics.
REBUILT_NOTICE_SECONDS = 3 * 86400
# The reasons a person must act on (a balloon, the tray's "à vérifier"); the others (offline,
# pending, never run) only explain the state.
NEEDS_PERSON = frozenset({
    ReasonCode.TOKEN_REFUSED, ReasonCode.HELD, ReasonCode.EXPORT_UNREADABLE,
    ReasonCode.FAILED, ReasonCode.BRANDS_UNDECIDED, ReasonCode.REJECTED,
    ReasonCode.DISK_REFUSES, ReasonCode.DATABASE_REBUILT,
})  # fmt: skip


@dataclass(slots=True)
class Reason:
    """Why the state is what it is, or one more thing a person must act on: a code and its
    values, never words (shopsync/texts.py::reason_text words it, for the tray, the status
    window, the balloon and `shopsync status` alike). Stable English in `--json`."""

    code: ReasonCode
    count: int = 0  # held, brands, rejected, pending
    names: list[str] = field(default_factory=list)  # the undecided brands
    detail: str = ""  # the failed run's own message, the disk's problem
    at: float | None = None  # pending since, rebuilt at

    @property
    def needs_person(self) -> bool:
        return self.code in NEEDS_PERSON

    @property
    def key(self) -> str:
        """What makes this reason new (a balloon is shown once per key): the same broken
        export read again by every 5-minute sync is one reason, not one per run."""
        if self.code == ReasonCode.BRANDS_UNDECIDED:
            return "brands:" + ",".join(sorted(self.names))
        if self.code in (ReasonCode.HELD, ReasonCode.REJECTED):
            return f"{self.code}:{self.count}"
        if self.code == ReasonCode.DATABASE_REBUILT:
            return f"{self.code}:{self.at}"
        return f"{self.code}:{self.detail}"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Reason:
        return cls(
            code=ReasonCode(data["code"]),
            count=int(data.get("count") or 0),
            names=list(data.get("names") or []),
            detail=str(data.get("detail") or ""),
            at=data.get("at"),
        )


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
    # Why: the first reason is the state's own (the failure, the outage, the first thing to
    # decide), then whatever else a person must act on. Classified here, with the state.
    reasons: list[Reason] = field(default_factory=list)
    # The last run's counting of the export (sync/counts.py `ExportCounts.as_dict()`, with
    # `counted_at`): the numbers the report, the summary and the heartbeat show.
    counts: dict[str, Any] | None = None

    def export_counts(self) -> ExportCounts | None:
        return ExportCounts.from_dict(self.counts)

    @property
    def run_under_way(self) -> bool:
        """The newest run has not ended (here, or in another process such as the CLI)."""
        return bool(self.last_run) and (self.last_run or {}).get("status") == RunStatus.RUNNING

    @property
    def attention(self) -> list[Reason]:
        """The reasons a person must act on (the balloon's, the tray's "à vérifier")."""
        return [r for r in self.reasons if r.needs_person]

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
            reasons=[Reason.from_mapping(r) for r in data.get("reasons") or [] if _known(r)],
            counts=dict(data["counts"]) if data.get("counts") else None,
        )


def _known(data: Mapping[str, Any]) -> bool:
    try:
        ReasonCode(data.get("code"))
    except ValueError:
        return False
    return True


def classify(
    last_finished: Mapping[str, Any] | None,
    *,
    pending: int,
    unconfirmed_held: bool,
    undecided_brands: bool,
    rejected: bool,
    store_trouble: bool = False,
) -> ConnectorState:
    """The state from the last *finished* run and what waits. Pure: the tests walk every case.
    `store_trouble`: the home's disk refuses writes, or the database was rebuilt lately."""
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
    if undecided_brands or rejected or store_trouble:
        return ConnectorState.ATTENTION
    return ConnectorState.UP_TO_DATE


def assess(
    last_finished: Mapping[str, Any] | None,
    *,
    pending: int = 0,
    pending_since: float | None = None,
    held: list[str] | None = None,
    undecided: list[str] | None = None,
    rejected: int = 0,
    local_store: Mapping[str, Any] | None = None,
    now: float | None = None,
) -> tuple[ConnectorState, list[Reason]]:
    """The state and its reasons, from the same facts, in `classify`'s order: the first reason
    is the state's own. Pure (the tests walk every case); nothing else words or orders them."""
    now = time.time() if now is None else now
    held, undecided = held or [], undecided or []
    store = local_store or {}
    rebuilt = store.get("rebuilt") or {}
    rebuilt_at = float(rebuilt.get("at") or 0) or None
    recent_rebuild = rebuilt_at is not None and now - rebuilt_at < REBUILT_NOTICE_SECONDS
    problem = str(store.get("problem") or "")
    state = classify(
        last_finished,
        pending=pending,
        unconfirmed_held=bool(held),
        undecided_brands=bool(undecided),
        rejected=bool(rejected),
        store_trouble=bool(problem) or recent_rebuild,
    )
    outcome = (last_finished or {}).get("status")
    message = str((last_finished or {}).get("message") or "")
    reasons: list[Reason] = []
    if state == ConnectorState.NEVER_RUN:
        reasons.append(Reason(ReasonCode.NEVER_RUN))
    if outcome == RunStatus.TOKEN_REFUSED:
        reasons.append(Reason(ReasonCode.TOKEN_REFUSED))
    if held:
        reasons.append(Reason(ReasonCode.HELD, count=len(held)))
    if outcome == RunStatus.INPUT_ERROR:
        reasons.append(Reason(ReasonCode.EXPORT_UNREADABLE, detail=message))
    if state == ConnectorState.OFFLINE:
        reasons.append(Reason(ReasonCode.OFFLINE, count=pending, at=pending_since, detail=message))
    elif state == ConnectorState.ERROR:
        reasons.append(Reason(ReasonCode.FAILED, detail=message))
    if pending and state != ConnectorState.OFFLINE:
        reasons.append(Reason(ReasonCode.PENDING, count=pending, at=pending_since))
    if undecided:
        reasons.append(Reason(ReasonCode.BRANDS_UNDECIDED, count=len(undecided), names=list(undecided)))
    if rejected:
        reasons.append(Reason(ReasonCode.REJECTED, count=rejected))
    if problem:
        reasons.append(Reason(ReasonCode.DISK_REFUSES, detail=problem))
    if recent_rebuild:
        reasons.append(Reason(ReasonCode.DATABASE_REBUILT, at=rebuilt_at))
    if state == ConnectorState.UP_TO_DATE:
        last = last_finished or {}
        reasons.append(Reason(ReasonCode.UP_TO_DATE, at=last.get("ended_at") or last.get("started_at")))
    return state, reasons


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
        for run in {id(r): r for r in (recent[0] if recent else None, finished) if r}.values():
            # stored in English (RunSummary.as_dict); read here by people: the tray, the status
            # window, `shopsync status` (`status --json` and the heartbeat word it in English)
            run["message"] = localize(run.get("message") or "") or run.get("message")
        pending_since = delivery.pending_since(db)
        local_store = recovery.local_store_status(db, self.home)
        state, reasons = assess(
            finished,
            pending=pending,
            pending_since=pending_since,
            held=waiting,
            undecided=undecided,
            rejected=len(rejected),
            local_store=local_store,
        )
        return ConnectorStatus(
            state=state,
            last_run=recent[0] if recent else None,
            last_finished=finished,
            last_succeeded=next((r for r in recent if r.get("status") in SUCCEEDED), None),
            pending=pending,
            pending_since=pending_since,
            held=waiting,
            unmapped_brands=undecided,
            rejected=rejected,
            last_read=erp_cache.last_read(db),
            local_store=local_store,
            reasons=reasons,
            counts=count_store.load(db),
        )


def status_of(
    recent: list[dict[str, Any]] | None = None, **facts: Any
) -> ConnectorStatus:
    """A ConnectorStatus from facts rather than a database (newest run first in `recent`;
    `facts` as `assess` takes them): the windows' tests and the screenshots build states this
    way, through the same classification as `StatusService.read`."""
    recent = recent or []
    finished = last_finished_run(recent)
    state, reasons = assess(finished, **facts)
    held = list(facts.get("held") or [])
    return ConnectorStatus(
        state=state,
        last_run=recent[0] if recent else None,
        last_finished=finished,
        last_succeeded=next((r for r in recent if r.get("status") in SUCCEEDED), None),
        pending=int(facts.get("pending") or 0),
        pending_since=facts.get("pending_since"),
        held=held,
        unmapped_brands=list(facts.get("undecided") or []),
        local_store=dict(facts.get("local_store") or {}),
        reasons=reasons,
    )
