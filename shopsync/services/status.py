"""The connector's state, classified once: `shopsync status`, the tray, the status window and
(later) the platform heartbeat all read this and none of them classify again.

The rule a person relies on: "à jour" (up to date) only when the last finished run succeeded
and nothing waits. Before any run finished the state is `never_run`; while the last finished
run failed it is the failure (offline, refused token, unreadable export, error), whatever an
earlier run achieved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from shopsync.store import brands as brand_store
from shopsync.store import counts as count_store
from shopsync.store import delivery, erp_cache, recovery, runs
from shopsync.sync.counts import ExportCounts
from shopsync.sync.vocab import RunStatus
from shopsync.vocab import ConnectorState, StateReason

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
    # Why the state is what it is (`diagnose`), and the last run's counting of the export
    # (sync/counts.py `ExportCounts.as_dict()`, with `counted_at`).
    reason: StateReason = StateReason.NEVER_RUN
    counts: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = str(self.state)
        data["reason"] = str(self.reason)
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
        try:
            reason = StateReason(data.get("reason") or StateReason.NEVER_RUN)
        except ValueError:
            reason = StateReason.NEVER_RUN
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
            reason=reason,
            counts=dict(data["counts"]) if data.get("counts") else None,
        )

    def export_counts(self) -> ExportCounts | None:
        return ExportCounts.from_dict(self.counts)

    def reason_text(self, translate: Callable[..., str] | None = None) -> str:
        """Why the state is what it is, in the shop's words (texts.STATE_REASONS: the tray's
        own sentences); with undecided brands, the counting's "nothing will be published" too.
        The heartbeat sends it, `/admin` and `shopsync status` show it. A failed run's own
        message is not repeated here: it is the run's (`last_error`, the last run's line)."""
        from shopsync import texts

        if translate is None:
            from shopsync.i18n import translate
        text = texts.STATE_REASONS.get(self.reason)
        count = {
            StateReason.HELD_UNPUBLISHING: len(self.held),
            StateReason.BRANDS_UNDECIDED: len(self.unmapped_brands),
            StateReason.REJECTED_BY_SITE: len(self.rejected),
            StateReason.PENDING: self.pending,
        }.get(self.reason, -1)
        sentence = translate("State", text, None, count) if text else ""
        if self.reason == StateReason.BRANDS_UNDECIDED and self.unmapped_brands:
            brands = self.unmapped_brands
            named = ", ".join(brands[:3]) + ("…" if len(brands) > 3 else "")
            sentence = f"{sentence.rstrip('.')} ({named})."
        counts = self.export_counts()
        why = counts.why_nothing(translate) if counts is not None else None
        if why and self.reason in (StateReason.BRANDS_UNDECIDED, StateReason.UP_TO_DATE):
            sentence = f"{sentence} {why}".strip()
        return sentence


def classify(
    last_finished: Mapping[str, Any] | None,
    *,
    pending: int,
    unconfirmed_held: bool,
    undecided_brands: bool,
    rejected: bool,
) -> ConnectorState:
    """The state from the last *finished* run and what waits. Pure: the tests walk every case."""
    return diagnose(
        last_finished,
        pending=pending,
        unconfirmed_held=unconfirmed_held,
        undecided_brands=undecided_brands,
        rejected=rejected,
    )[0]


def diagnose(
    last_finished: Mapping[str, Any] | None,
    *,
    pending: int,
    unconfirmed_held: bool,
    undecided_brands: bool,
    rejected: bool,
) -> tuple[ConnectorState, StateReason]:
    """The state and the reason that decided it, in one pass (so that they cannot disagree):
    the first rule that applies gives both."""
    if last_finished is None:
        return ConnectorState.NEVER_RUN, StateReason.NEVER_RUN
    outcome = last_finished.get("status")
    if outcome == RunStatus.TOKEN_REFUSED:
        return ConnectorState.TOKEN_REFUSED, StateReason.TOKEN_REFUSED
    if unconfirmed_held:
        return ConnectorState.ATTENTION, StateReason.HELD_UNPUBLISHING
    if outcome == RunStatus.INPUT_ERROR:
        return ConnectorState.ATTENTION, StateReason.EXPORT_UNREADABLE
    if outcome == RunStatus.OFFLINE:
        return ConnectorState.OFFLINE, StateReason.SITE_UNREACHABLE
    if outcome == RunStatus.BUSY:
        return ConnectorState.OFFLINE, StateReason.BUSY
    if outcome not in SUCCEEDED:
        # RunStatus.ERROR, or a word this version does not know
        return ConnectorState.ERROR, StateReason.RUN_FAILED
    if pending:
        return ConnectorState.PENDING, StateReason.PENDING
    if undecided_brands:
        return ConnectorState.ATTENTION, StateReason.BRANDS_UNDECIDED
    if rejected:
        return ConnectorState.ATTENTION, StateReason.REJECTED_BY_SITE
    return ConnectorState.UP_TO_DATE, StateReason.UP_TO_DATE


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
        state, reason = diagnose(
            finished,
            pending=pending,
            unconfirmed_held=bool(waiting),
            undecided_brands=bool(undecided),
            rejected=bool(rejected),
        )
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
            reason=reason,
            counts=count_store.load(db),
        )
