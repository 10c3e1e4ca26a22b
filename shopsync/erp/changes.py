"""Reading only what changed: the incremental result type beside the full read, and the
cursor vocabulary every change-aware source speaks.

A source that can tell its changes (4D's global stamp, an ODBC column whose value grows when a
row changes) or at least whether anything changed (a cheap gate: count and checksum) answers
either a `Snapshot` (every row, keyed by the source's own key: the full read) or a `Delta`
(changed rows and deleted keys since the cursor). Both carry the next `Cursor`. The read step
(`shopsync/sync/read.py`) applies either to the cached ERP view and plans from it: one road,
not a second engine.

A cursor that can no longer be trusted (a stamp that went backwards because the ERP's database
was restored, a gap between what the cache holds and what the source counts, another source)
raises `FullReadNeeded`: the read step then reads the whole source once and says why in the log.

Cursors keep a short history of what the source reported and when (`Cursor.history`): the next
read starts from the value seen at least `overlap` seconds ago, so that a row written by a
transaction still in flight when the last poll ran (its stamp or change-column value older
than rows already seen) is not skipped. Rows read twice are the same rows, deduplicated by key.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from shopsync.erp.profiles import Profile

DEFAULT_OVERLAP_SECONDS = 30.0
HISTORY = 64  # cursor points kept: the overlap window needs only the last few


class ChangeMode(enum.StrEnum):
    """How a source tells what changed (the cursor's `mode`)."""

    STAMP = "stamp"  # 4D: __GlobalStamp on entities, __DeletedRecords for deletions
    COLUMN = "column"  # ODBC: a column whose value grows when a row changes, rows keyed
    GATE = "gate"  # neither: count and checksum say whether anything changed at all


class FullReadNeeded(Exception):  # noqa: N818 - a signal, not a failure
    """The cursor cannot be trusted: read everything once (the message says why, for the log)."""


Row = list[str]  # the cells of one source row, in the order of the view's headers


@dataclass(slots=True)
class Cursor:
    """Where the next incremental read starts. `state` is the source's own (JSON-able) words:
    4D's last global stamp, an ODBC column's largest value, the gate's figures."""

    mode: ChangeMode
    state: dict[str, Any] = field(default_factory=dict)
    history: list[list[Any]] = field(default_factory=list)  # [[unix time, value], ...]

    def remember(self, value: Any, now: float | None = None) -> None:
        """Record what the source reported now (only when it moved: an idle source keeps a
        short history)."""
        now = time.time() if now is None else now
        if not self.history or self.history[-1][1] != value:
            self.history.append([now, value])
            del self.history[:-HISTORY]

    def since(self, overlap: float, now: float | None = None) -> Any:
        """The value reported at least `overlap` seconds ago (the oldest one kept when none is
        that old): the next read starts there, re-reading the overlap window."""
        now = time.time() if now is None else now
        older = [value for at, value in self.history if at <= now - overlap]
        if older:
            return older[-1]
        return self.history[0][1] if self.history else None

    def as_json(self) -> dict[str, Any]:
        return {"mode": str(self.mode), "state": self.state, "history": self.history}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Cursor:
        return cls(ChangeMode(data["mode"]), dict(data.get("state") or {}),
                   [list(p) for p in data.get("history") or []])


@dataclass(slots=True)
class Snapshot:
    """Every row of the source, by key (the full read of a change-aware source)."""

    label: str
    headers: list[str]
    rows: dict[str, Row]
    cursor: Cursor
    requests: int = 0


@dataclass(slots=True)
class Delta:
    """What changed since the cursor: rows added or changed (by key), keys deleted."""

    cursor: Cursor
    changed: dict[str, Row] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    requests: int = 0
    transferred: int = 0  # rows or entities the source sent for this delta
    # the gate said "something changed" but the source cannot say what: read everything
    whole: Snapshot | None = None

    @property
    def empty(self) -> bool:
        return not self.changed and not self.deleted and self.whole is None


class CachedView(Protocol):
    """What a tracker may ask of the cached rows (the store answers)."""

    def count(self) -> int: ...

    def keys(self) -> set[str]: ...


class Tracker(Protocol):
    """One change-aware source."""

    mode: ChangeMode
    source_id: str  # a different source (server, data class, query...) invalidates the cursor
    label: str  # where, in messages (the server's data class URL, "odbc:DSN")

    def full(self) -> Snapshot: ...

    def changes(self, cursor: Cursor, headers: list[str], view: CachedView) -> Delta: ...


def mode_of(profile: Profile) -> ChangeMode | None:
    """How this profile's source tells its changes; None for files (the watcher and the
    export's hash serve them)."""
    spec = profile.source
    if spec.type == "4d-rest":
        return ChangeMode.STAMP if spec.changes == ChangeMode.STAMP else ChangeMode.GATE
    if spec.type == "odbc":
        return ChangeMode.COLUMN if spec.changes_column else ChangeMode.GATE
    return None


def row_key(values: list[Any]) -> str:
    """A composite key as one text (unit separator between the parts)."""
    return "\x1f".join("" if v is None else str(v) for v in values)
