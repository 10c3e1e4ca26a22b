"""The read step: the newest complete export, parsed only when its bytes are new; or, for an
ERP database that can tell its changes (4D's global stamp, an ODBC change column, the gate),
only what changed, applied to the cached ERP view (`_read_changes`).

This is the one place a run waits for an export to settle (`erp.settle.read_settled`, which
also waits while another program holds the file and reads again when it vanished or moved
during the read, then says "export occupé"): the export
watcher only debounces file events, so a run started by the watcher, the interval, the nightly
job or the CLI all wait here, once. A whole-source failure raises InputError before anything
downstream is touched; the cached read and the site stay as they were.

A database source's view is committed by this step itself, with its cursor, in one transaction
(`erp_cache.save_view`): it mirrors the ERP, whatever the site answers next; the run's
fingerprint (stored by the outbox step) still says whether a plan went out from it. A whole read
(first read, `--full`, nightly, a support request, a stamp that went back, a gap) compares what
it found with the view the increments kept, and says in the log when they had missed something.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from shopsync.erp.settle import read_settled
from shopsync.errors import InputError
from shopsync.model import ReadResult, StockLine
from shopsync.store import cursors, erp_cache
from shopsync.store.cursors import StoredCursor
from shopsync.store.meta import get_meta, set_meta
from shopsync.sync.erp_view import ErpView, ViewCache, ViewChange

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.config import Settings
    from shopsync.erp.changes import Delta, Snapshot, Tracker
    from shopsync.erp.profiles import Profile

log = logging.getLogger(__name__)
DATABASE_SOURCES = ("odbc", "4d-rest")
RECONCILE_META = "erp_reconcile"  # whole reads of a tracked source: how often they found a miss

MAX_PROBLEMS = 200  # problems carried in a run summary (the cached read keeps more)


@dataclass(frozen=True, slots=True)
class ErpRead:
    """What the read step found. `fresh` is a new parse, saved by the outbox step once the run
    commits to it; None means the cached read (same bytes) serves."""

    content_hash: str | None
    items: int
    fresh: ReadResult | None = None
    problems: list[str] = field(default_factory=list)
    moved: bool = True  # the ERP view changed in this read (a poll runs only then)
    view: list[StockLine] | None = None  # a database view's lines, as this read left them
    asked: int = 0  # requests or queries sent to an ERP database by this read
    transferred: int = 0  # rows or entities it sent back

    def lines(self, db: sqlite_utils.Database) -> list[StockLine]:
        if self.fresh is not None:
            return self.fresh.lines
        return self.view if self.view is not None else erp_cache.load_lines(db)


def read_erp(
    settings: Settings, db: sqlite_utils.Database, *, full: bool, cache: ViewCache | None = None
) -> ErpRead:
    """Read the export unless its bytes are the ones already read (or `full` asks again); a
    database source by its changes unless `full` (`cache`: the engine's mirror of its view)."""
    erp_settings = settings.erp
    database = _database_source(settings)
    if database is not None:
        return _read_changes(settings, db, *database, full=full, cache=cache)
    if erp_settings.path:  # held, vanished or moving while read: read again, or "occupé"
        return read_settled(
            erp_settings.path,
            lambda source: _read_source(settings, db, source, full=full),
            settle_seconds=erp_settings.settle_seconds,
        )[1]
    return _read_source(settings, db, None, full=full)


def _read_source(
    settings: Settings, db: sqlite_utils.Database, source: Path | None, *, full: bool
) -> ErpRead:
    from shopsync import erp  # the readers pull in their parsers: only when a run reads

    erp_settings = settings.erp
    previous = erp_cache.last_read(db)
    content_hash = file_hash(source) if source is not None else None
    if (
        content_hash is not None
        and previous is not None
        and previous["content_hash"] == content_hash
        and not full
    ):
        return ErpRead(content_hash, previous["items"])
    result = erp.read_export(source, erp_settings.profile, home=settings.home)
    if not result.lines:
        raise InputError(
            f"{result.source}: no readable item ({len(result.rejected)} lines rejected): "
            "nothing was changed on the site"
        )
    result.content_hash = content_hash or result.content_hash or lines_hash(result)
    problems = [str(p) for p in (*result.rejected, *result.warnings)][:MAX_PROBLEMS]
    return ErpRead(result.content_hash, len(result.lines), result, problems)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def lines_hash(result: ReadResult) -> str:
    """For sources without bytes of their own (ODBC, REST): a hash of what was read."""
    digest = hashlib.sha256()
    for line in result.lines:
        digest.update(repr(line).encode())
    return digest.hexdigest()


# -- database sources read by their changes ------------------------------------------------------


def _database_source(settings: Settings) -> tuple[str | None, Profile] | None:
    """(source, profile) when the ERP is a database (ODBC, 4D REST), else None (a file)."""
    from shopsync import erp
    from shopsync.erp.reader import _source_kind

    path = settings.erp.path or None
    profile = erp.load_profile(settings.erp.profile, home=settings.home)
    if _source_kind(path, profile) not in DATABASE_SOURCES:
        return None
    if profile.source.type not in DATABASE_SOURCES:  # a URL or DSN given as the path
        from dataclasses import replace

        kind = _source_kind(path, profile)
        profile = replace(profile, source=replace(profile.source, type=kind))
    return path, profile


def polls(settings: Settings) -> bool:
    """True when the ERP is a database that the poll job asks for its changes."""
    try:
        return _database_source(settings) is not None
    except Exception:  # noqa: BLE001 - a broken profile shows at the next run, not here
        return False


def release_sources() -> None:
    """Log out of the ERP sessions this process holds (4D: each holds a licence)."""
    fourd = sys.modules.get("shopsync.erp.fourd_rest")
    if fourd is not None:
        fourd.close_sessions()


def _read_changes(
    settings: Settings, db: sqlite_utils.Database, source: str | None, profile: Profile,
    *, full: bool, cache: ViewCache | None,
) -> ErpRead:
    from shopsync.erp.changes import Cursor, FullReadNeeded
    from shopsync.erp.trackers import tracker_for

    cache = cache if cache is not None else ViewCache()
    tracker = tracker_for(source, profile)
    assert tracker is not None  # a database source
    stored = cursors.load(db)
    previous = erp_cache.last_read(db)
    reason: str | None = None
    if full:
        reason = "a whole read was asked (nightly, support request or --full)"
    elif stored is None or previous is None:
        reason = "first read of this source"
    elif stored.source != tracker.source_id or stored.mode != tracker.mode:
        reason = "the source or its change tracking changed"
    if reason is None:
        assert stored is not None and previous is not None
        view = _mirror(cache, db, tracker, profile, stored.headers, previous["content_hash"])
        try:
            delta = tracker.changes(Cursor.from_json(stored.state), stored.headers, view)
        except FullReadNeeded as exc:
            log.warning("%s: one full read", exc)
            reason = str(exc)
        else:
            if delta.whole is None:
                return _apply_delta(db, cache, view, tracker, stored, previous, delta)
            return _apply_snapshot(db, cache, tracker, profile, delta.whole, reconcile=False)
    log.info("%s: reading the whole source (%s)", tracker.label, reason)
    snapshot = tracker.full()
    return _apply_snapshot(
        db, cache, tracker, profile, snapshot, reconcile=stored is not None and full
    )


def _mirror(
    cache: ViewCache, db: sqlite_utils.Database, tracker: Tracker, profile: Profile,
    headers: list[str], content_hash: str | None,
) -> ErpView:
    """The view in memory: the engine's, or rebuilt once from the store's rows."""
    view = cache.valid_for(tracker.source_id, headers, content_hash)
    if view is None:
        view = ErpView(tracker.label, headers, profile)
        view.fill(erp_cache.load_rows(db))
        view.source_id, view.content_hash = tracker.source_id, content_hash
        cache.view = view
    return view


def _stored(tracker: Tracker, headers: list[str], cursor_json: dict) -> StoredCursor:
    return StoredCursor(tracker.source_id, str(tracker.mode), headers, cursor_json, time.time())


def _save(
    db: sqlite_utils.Database, cache: ViewCache, view: ErpView, change: ViewChange,
    cursor: StoredCursor, *, whole: bool,
) -> None:
    """The change into the store; the mirror is dropped if the store refused it."""
    problems = view.problem_list()
    try:
        erp_cache.save_view(
            db,
            erp_cache.ViewSummary(
                view.label, view.content_hash, view.raw_lines, len(view.lines),
                view.rejected(), [str(p) for p in problems],
            ),
            rows=change.rows, deleted=change.deleted, whole=whole,
            moved=change.moved, gone=change.gone, cursor=cursor,
        )
    except BaseException:
        cache.view = None  # ahead of the store: rebuilt from it next time
        raise
    cache.view = view


def _apply_delta(
    db: sqlite_utils.Database, cache: ViewCache, view: ErpView, tracker: Tracker,
    stored: StoredCursor, previous: dict, delta: Delta,
) -> ErpRead:
    """Changed and deleted rows into the view; only the lines of their references rebuilt."""
    cursor = _stored(tracker, stored.headers, delta.cursor.as_json())
    if delta.empty:
        if cursor.state != stored.state:  # the cursor moved (history), the view did not
            erp_cache.save_cursor(db, cursor)
        return ErpRead(previous["content_hash"], previous["items"], moved=False,
                       asked=delta.requests, transferred=delta.transferred)
    cache.view = None  # until the store has it
    change = view.apply(delta.changed, delta.deleted)
    if change.lines_moved:
        view.content_hash = view.next_hash(change)
    if not view.lines:
        raise InputError(f"{view.label}: no readable item left: nothing was changed on the site")
    _save(db, cache, view, change, cursor, whole=False)
    if change.rows or change.deleted:
        log.info("%s: %d rows changed, %d deleted: %d lines of the view moved",
                 tracker.label, len(change.rows), len(change.deleted), change.lines_moved)
    problems = [str(p) for p in view.problem_list()][:MAX_PROBLEMS]
    return ErpRead(view.content_hash, len(view.lines), None, problems,
                   moved=change.lines_moved > 0, asked=delta.requests,
                   transferred=delta.transferred, view=view.stock_lines())


def _apply_snapshot(
    db: sqlite_utils.Database, cache: ViewCache, tracker: Tracker, profile: Profile,
    snapshot: Snapshot, *, reconcile: bool,
) -> ErpRead:
    """A whole read: the rows keep their numbers; the lines are compared with the view's."""
    previous = erp_cache.last_read(db)
    stored = cursors.load(db)
    old: ErpView | None = None
    if previous is not None and stored is not None and stored.headers == snapshot.headers:
        old = _mirror(cache, db, tracker, profile, stored.headers, previous["content_hash"])
    numbers = {k: n for k, (n, _) in (old.rows.items() if old else erp_cache.load_rows(db).items())}
    top = max(numbers.values(), default=0)
    rows: dict[str, tuple[int, list[str]]] = {}
    for key, cells in snapshot.rows.items():
        if key not in numbers:
            top += 1
            numbers[key] = top
        rows[key] = (numbers[key], cells)
    view = ErpView(tracker.label, snapshot.headers, profile)
    view.fill(rows)
    view.source_id = tracker.source_id
    if not view.lines:
        raise InputError(
            f"{view.label}: no readable item ({view.rejected()} rows rejected): "
            "nothing was changed on the site"
        )
    before = old.lines if old is not None else {
        (ln.reference, ln.size or ""): ln for ln in erp_cache.load_lines(db)
    }
    change = ViewChange(
        moved=[ln for k, ln in view.lines.items() if before.get(k) != ln],
        gone=[k for k in before if k not in view.lines],
        rows=rows,
    )
    same = not change.lines_moved and previous is not None
    view.content_hash = previous["content_hash"] if same else lines_hash(
        ReadResult(view.label, view.stock_lines()))
    _save(db, cache, view, change, _stored(tracker, snapshot.headers, snapshot.cursor.as_json()),
          whole=True)
    if reconcile:
        _count_reconcile(db, tracker, change.lines_moved)
    problems = [str(p) for p in view.problem_list()][:MAX_PROBLEMS]
    return ErpRead(view.content_hash, len(view.lines), None, problems,
                   moved=change.lines_moved > 0, asked=snapshot.requests,
                   transferred=len(snapshot.rows), view=view.stock_lines())


def _count_reconcile(db: sqlite_utils.Database, tracker: Tracker, missed: int) -> None:
    """A whole read of a source kept by its changes: did the increments miss anything?"""
    try:
        tally = json.loads(get_meta(db, RECONCILE_META) or "{}")
    except ValueError:
        tally = {}
    tally = {
        "reads": int(tally.get("reads", 0)) + 1,
        "found": int(tally.get("found", 0)) + (1 if missed else 0),
        "lines_missed": int(tally.get("lines_missed", 0)) + missed,
        "last_missed": missed,
        "at": time.time(),
    }
    set_meta(db, RECONCILE_META, json.dumps(tally))
    if missed:
        log.warning("%s: the whole read found %d lines the increments had missed (now right)",
                    tracker.label, missed)
    else:
        log.info("%s: the whole read found nothing the increments had missed", tracker.label)
