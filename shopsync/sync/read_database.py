"""The read step for an ERP database that can tell its changes (ODBC, 4D REST).

The source's tracker (`erp.trackers`) answers a `Delta` since the cursor kept in the store, or
a `Snapshot` on a whole read; either is applied to the cached view (`sync.erp_view`, mirrored in
the engine's memory) and committed by this step, rows, moved lines and cursor in one
transaction (`erp_cache.save_view`): the view mirrors the ERP whatever the site answers next;
the run's fingerprint (stored by the outbox step) still says whether a plan went out from it.
A whole read (first read, `--full`, nightly, a support request, a stamp that went back, a gap)
compares what it found with the view the increments kept, and says in the log when they had
missed something (counted in meta `erp_reconcile`).
"""

from __future__ import annotations

import json
import logging
import time
from typing import TYPE_CHECKING

from shopsync.erp import messages
from shopsync.errors import InputError
from shopsync.model import ReadResult
from shopsync.store import cursors, erp_cache
from shopsync.store.cursors import StoredCursor
from shopsync.store.meta import get_meta, set_meta
from shopsync.sync.erp_read import MAX_PROBLEMS, ErpRead, lines_hash
from shopsync.sync.erp_view import ErpView, ViewCache, ViewChange

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.erp.changes import Delta, Snapshot, Tracker
    from shopsync.erp.profiles import Profile

log = logging.getLogger("shopsync.sync.read")
RECONCILE_META = "erp_reconcile"  # whole reads of a tracked source: how often they found a miss


def read_changes(
    db: sqlite_utils.Database, source: str | None, profile: Profile,
    *, full: bool, cache: ViewCache | None,
) -> ErpRead:
    """Ask the database for what changed since the cursor (or everything, when `full` or the
    cursor cannot be trusted) and apply it to the cached view."""
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
                       asked=delta.requests, transferred=delta.transferred,
                       lines_read=int(previous["raw_lines"] or 0),
                       lines_rejected=int(previous["rejected"] or 0))
    cache.view = None  # until the store has it
    change = view.apply(delta.changed, delta.deleted)
    if change.lines_moved:
        view.content_hash = view.next_hash(change)
    if not view.lines:
        raise InputError(messages.no_item_left(view.label))
    _save(db, cache, view, change, cursor, whole=False)
    if change.rows or change.deleted:
        log.info("%s: %d rows changed, %d deleted: %d lines of the view moved",
                 tracker.label, len(change.rows), len(change.deleted), change.lines_moved)
    problems = [str(p) for p in view.problem_list()][:MAX_PROBLEMS]
    return ErpRead(view.content_hash, len(view.lines), None, problems,
                   moved=change.lines_moved > 0, asked=delta.requests,
                   transferred=delta.transferred, view=view.stock_lines(),
                   lines_read=view.raw_lines, lines_rejected=view.rejected())


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
        raise InputError(messages.no_item_rows(view.label, view.rejected()))
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
                   transferred=len(snapshot.rows), view=view.stock_lines(),
                   lines_read=view.raw_lines, lines_rejected=view.rejected())


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
