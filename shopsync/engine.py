"""One sync run: read → catalogue → plan → hold → outbox → deliver → listing. The same
Qt-free object serves the CLI, the scheduler and the GUI.

Each step is a small module of `shopsync.sync` that takes values and returns values; this
module strings them together, owns the lock, the store connection and the caches of a
long-lived engine, and turns failures into a `RunSummary` with its exit code. It is also the
facade other code imports (`SyncEngine`, `RunSummary`).

Progress is reported through a plain observer callback (`observer(event, data)`), which the
GUI turns into Qt signals; the engine never knows who listens.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import filelock

from shopsync.config import Settings
from shopsync.errors import (
    EXIT_HELD,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_UNREACHABLE,
    InputError,
    ShopSyncError,
    SiteAuthError,
    SiteCertificateRefused,
    SiteUnreachable,
)
from shopsync.model import StockLine
from shopsync.net.limits import SiteContractBroken
from shopsync.rules import (
    RuleOptions,
    state_key,  # noqa: F401 - re-exported for the GUI preview
)
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import counts as count_store
from shopsync.store import delivery, failures, recovery, runs
from shopsync.store.db import get_meta, open_db, reopen_if_flagged, set_meta
from shopsync.sync import catalogue, journal, messages, web_orders
from shopsync.sync import counts as export_counts
from shopsync.sync.catalogue import CATALOG_MAX_AGE
from shopsync.sync.counts import ExportCounts
from shopsync.sync.deliver import BATCH_SIZE, deliver
from shopsync.sync.erp_view import ViewCache
from shopsync.sync.listing import ListingMemo, send_listing_requests
from shopsync.sync.plan import Plan, Planner, PromisedCache, load_inputs
from shopsync.sync.port import Capability, DeliveryTarget, can
from shopsync.sync.read import ErpRead, polls, read_erp, release_sources
from shopsync.sync.summary import RunSummary
from shopsync.sync.vocab import RunStatus, Trigger, WebOrdersUntil

log = logging.getLogger(__name__)

Observer = Callable[[str, dict[str, Any]], None]

__all__ = [
    "BATCH_SIZE",
    "CATALOG_MAX_AGE",
    "Observer",
    "Plan",
    "RunStatus",
    "RunSummary",
    "SyncEngine",
    "Trigger",
]


class SyncEngine:
    """The sync engine over one home folder. Safe to call from any thread, one run at a time
    (across processes too: an OS file lock, released by the OS if the process dies)."""

    def __init__(
        self,
        settings: Settings,
        *,
        client_factory: Callable[[], DeliveryTarget] | None = None,
        clock: Callable[[], float] = time.time,
        observer: Observer | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.observer = observer
        self._client_factory = client_factory or self._default_client
        self.db = open_db(settings.db_path)
        self._lock = filelock.FileLock(str(settings.home / "sync.lock"))
        # Caches of a long-lived engine (tray app, service): each keyed on what it depends on.
        self._catalog_cache = catalogue.CatalogCache()
        self._promised_cache = PromisedCache()
        self._planner = Planner()
        self._erp_view = ViewCache()  # an ERP database's view, mirrored in memory
        self._listing = ListingMemo()  # the items known sent to the listing team as they are
        self._poll_problem: str | None = None  # the last poll failure, logged once

    # -- plumbing ----------------------------------------------------------------------------

    def _default_client(self) -> DeliveryTarget:
        from shopsync.site.factory import Purpose, SiteTargets

        return SiteTargets.from_settings(self.settings).open(Purpose.SYNC)

    def _emit(self, event: str, **data: Any) -> None:
        if self.observer is not None:
            try:
                self.observer(event, data)
            except Exception:  # noqa: BLE001 - a broken listener must not break a sync
                log.exception("observer failed on %s", event)

    def close(self) -> None:
        self.db.conn.close()
        release_sources()  # 4D: the session's licence goes back to the shop

    # -- public ------------------------------------------------------------------------------

    def run_once(
        self,
        trigger: Trigger | str = Trigger.MANUAL,
        *,
        dry_run: bool = False,
        full: bool = False,
        wait_lock: float = 0.0,
        read: ErpRead | None = None,
    ) -> RunSummary:
        """One complete run. Expected failures come back as a summary with its exit code.
        `read`: what a poll already read (the run plans from it instead of reading again)."""
        try:
            self._lock.acquire(timeout=wait_lock)
        except filelock.Timeout:
            return RunSummary(RunStatus.BUSY, EXIT_UNREACHABLE, message=messages.busy())
        try:
            summary = self._guarded_run(trigger, dry_run=dry_run, full=full, read=read)
            if recovery.flagged(self.settings.db_path):  # damaged mid-run: heal, run again
                try:
                    self.db = reopen_if_flagged(self.db, self.settings.db_path)
                except ShopSyncError as exc:
                    return self._store_failed(exc)
                summary = self._guarded_run(trigger, dry_run=dry_run, full=full)
            return summary
        finally:
            self._lock.release()

    def poll(self) -> RunSummary | None:
        """The poll job (every `[schedule] poll`): ask an ERP database for its changes only.
        Nothing changed: no run, nothing recorded, sent or logged (None). The cached ERP view
        moved: a run (trigger `poll`) plans from it. Files are the export watcher's."""
        if not polls(self.settings):
            return None
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return None  # a run is going: it reads the changes itself
        try:
            try:
                read = read_erp(self.settings, self.db, full=False, cache=self._erp_view)
            except (ShopSyncError, sqlite3.Error, OSError) as exc:
                self._poll_failed(str(exc))
                return None
            self._poll_failed(None)
            if not read.moved:
                return None
            return self.run_once(Trigger.POLL, read=read)  # the lock is reentrant
        finally:
            self._lock.release()

    def _poll_failed(self, problem: str | None) -> None:
        """A poll's failure in the log once, not every few seconds; its end too. The
        scheduled runs show it to the shop."""
        if problem != self._poll_problem:
            if problem is not None:
                log.warning("asking the ERP for its changes failed: %s", problem)
            else:
                log.info("the ERP answers the poll again")
        self._poll_problem = problem

    def _guarded_run(self, trigger: Trigger | str, **kw: Any) -> RunSummary:
        try:
            return self._run_locked(trigger, **kw)
        except (sqlite3.Error, OSError) as exc:  # the store failed outside the run's own guard
            return self._store_failed(exc)

    def _store_failed(self, exc: BaseException) -> RunSummary:
        """A run the store could not even record (full disk, damaged file): its outcome still
        reaches the caller and the tray."""
        if isinstance(exc, ShopSyncError):
            failures.remember_problem(self.settings.home, str(exc))
            code, message = exc.exit_code, str(exc)
        else:
            code, message = self._explain(exc)
        now = self.clock()
        summary = RunSummary(RunStatus.ERROR, code, message=message, started_at=now, ended_at=now)
        self._emit("run_finished", summary=summary)
        return summary

    def _explain(self, exc: BaseException) -> tuple[int, str]:
        """A damaged store or a refusing disk as the store words them; else a bug (logged)."""
        known = recovery.explain(exc, self.settings.db_path, self.settings.home)
        if known is None:
            log.error("sync run failed", exc_info=exc)
            known = (EXIT_INTERNAL, messages.internal_error(exc))
        return known

    def confirm(self) -> int:
        """A person said yes to the held unpublishing: the next run carries it out."""
        return delivery.confirm_held(self.db)

    def status(self) -> dict[str, Any]:
        """The connector's state (no network), classified by the one status service."""
        from shopsync.services.status import StatusService

        return StatusService(self.db, self.settings.home).read().as_dict()

    # -- the run -----------------------------------------------------------------------------

    def _run_locked(
        self, trigger: Trigger | str, *, dry_run: bool, full: bool, read: ErpRead | None = None
    ) -> RunSummary:
        now = self.clock()
        run_id = None if dry_run else runs.start_run(self.db, trigger, now)
        summary = RunSummary(RunStatus.OK, started_at=now, dry_run=dry_run)
        self._emit("run_started", trigger=trigger, dry_run=dry_run)
        client = None
        try:
            client = self._client_factory()
            self._run(summary, client, dry_run=dry_run, full=full, read=read)
        except InputError as exc:
            summary.status, summary.exit_code, summary.message = (
                RunStatus.INPUT_ERROR, EXIT_INPUT, str(exc)
            )
        except SiteAuthError as exc:
            summary.status, summary.exit_code = RunStatus.TOKEN_REFUSED, EXIT_INPUT
            log.warning("the site refused the token: %s", exc)
            summary.message = messages.token_refused()
        except SiteUnreachable as exc:
            log.warning("the site did not answer: %s", exc)  # the technical detail, for support
            summary.status, summary.exit_code = RunStatus.OFFLINE, EXIT_UNREACHABLE
            url = self.settings.site.url
            if isinstance(exc, SiteCertificateRefused):
                summary.message = messages.certificate_refused(url)
            elif isinstance(exc, SiteContractBroken):
                summary.message = messages.contract_broken(url)
            else:
                summary.message = messages.offline(url)
            summary.retry_after = exc.retry_after
        except ShopSyncError as exc:
            summary.status, summary.exit_code, summary.message = (
                RunStatus.ERROR, exc.exit_code, str(exc)
            )
        except Exception as exc:  # noqa: BLE001 - a bug, a damaged store, a full disk: no traceback
            summary.status = RunStatus.ERROR
            summary.exit_code, summary.message = self._explain(exc)
        finally:
            if client is not None:
                client.close()
        summary.ended_at = self.clock()
        try:
            summary.pending = delivery.pending_count(self.db)
            if run_id is not None:
                runs.finish_run(self.db, run_id, summary.ended_at, summary.as_dict())
        except sqlite3.Error as exc:  # full disk: the outcome still reaches the caller and tray
            log.warning("run not recorded: %s", exc)
        if summary.status != RunStatus.ERROR:
            failures.remember_problem(self.settings.home, None)
        log.info("run %s (%s): %s", run_id, trigger, messages.run_line(summary))
        self._emit("run_finished", summary=summary)
        return summary

    def _run(
        self, summary: RunSummary, client: DeliveryTarget, *, dry_run: bool, full: bool,
        read: ErpRead | None = None,
    ) -> None:
        """The steps, in order. Each failure raises; `_run_locked` turns it into the summary."""
        db = self.db
        self._emit("progress", phase="read", done=0, total=0)
        if read is None:
            read = read_erp(self.settings, db, full=full, cache=self._erp_view)
        summary.read = read.lines_read or read.items  # lines, as the counting says
        if read.problems:  # a new parse, or a database view that moved
            summary.errors = list(read.problems)

        self._emit("progress", phase="catalog", done=0, total=0)
        catalogue.refresh(db, client, self.clock(), full=full)
        catalogue.observe_once(db, client, self.clock())
        sold_online = self._open_web_orders(client, summary, read)

        fingerprint = journal.fingerprint(
            db, self.settings, f"{read.content_hash}|{web_orders.digest(sold_online)}"
        )
        if not full and not dry_run and journal.nothing_new(db, fingerprint):
            summary.status = RunStatus.UNCHANGED
            summary.counts = count_store.load(db)  # the same inputs: the same counting
            if summary.counts is not None:
                summary.counts.pop("counted_at", None)
                summary.read = int(summary.counts.get("lines_read") or summary.read)
            catalogue.check_site(client)
            self._deliver(client, summary)  # settings only, if they changed
            return

        lines = read.lines(db)
        if not lines:
            raise InputError(messages.empty_read())
        plan = self.plan(lines, dry_run=dry_run, web_orders=sold_online)
        summary.held = len(plan.hold)
        if dry_run:
            self._record_counts(summary, read, lines, plan, save=False)
            summary.status = RunStatus.DRY_RUN
            summary.plan = plan.by_kind
            summary.changes = len(plan.changes)
            return

        journal.hold(db, plan.hold, self.clock())
        summary.changes = journal.outbox(
            db,
            plan,
            read,
            new_brands=self.settings.rules.new_brands,
            fingerprint=fingerprint,
            now=self.clock(),
        )
        try:
            self._deliver(client, summary)
            send_listing_requests(db, client, plan.desired.unmatched, self.clock, self._listing)
        finally:  # after delivery (the suggestions may take seconds), offline runs included
            self._record_counts(summary, read, lines, plan, save=True)
        if summary.held and summary.status == RunStatus.OK:
            summary.status, summary.exit_code = RunStatus.HELD, EXIT_HELD
            summary.message = messages.held(summary.held)

    # -- steps -------------------------------------------------------------------------------

    def plan(
        self,
        lines: Sequence[StockLine],
        *,
        dry_run: bool = False,
        web_orders: Mapping[tuple[str, str | None], int] | None = None,
    ) -> Plan:
        """The plan for one ERP read against the store as it is (reads only: nothing is
        written). A dry run leaves the rules cache as it was. `web_orders`: units in the
        site's open orders, never undone (shopsync.sync.web_orders)."""
        catalog, index = self._catalog_cache.get(self.db)
        if not catalog:
            raise InputError(messages.empty_catalogue())
        self._emit("progress", phase="rules", done=0, total=len(catalog))
        inputs = load_inputs(
            self.db, self.settings, lines, catalog, index, self._promised_cache, web_orders
        )
        return self._planner.plan(inputs, remember=not dry_run)

    def _record_counts(
        self, summary: RunSummary, read: ErpRead, lines: Sequence[StockLine], plan: Plan,
        *, save: bool,
    ) -> None:
        """The run's counting into its summary (and the store, for `status` and the heartbeat).
        A counting that fails is logged and left out: it never fails a sync."""
        try:
            counts = self.count(read, lines, plan, remember=save)
            summary.counts, summary.read = counts.as_dict(), counts.lines_read
            if save:
                count_store.save(self.db, summary.counts, self.clock())
        except Exception:  # noqa: BLE001 - numbers about a run must not break the run
            log.exception("counting the export failed")

    def count(
        self, read: ErpRead, lines: Sequence[StockLine], plan: Plan, *, remember: bool = True
    ) -> ExportCounts:
        """The one counting of this run's export (sync/counts.py), from the plan just made.
        Its costly part, the suggestions, is worked out again only when the export's
        references, the catalogue or the alias decisions moved (remembered in the store,
        so that `sync --once` from a scheduled task pays it once too)."""
        db = self.db
        catalog, index = self._catalog_cache.get(db)
        accepted, rejected = alias_store.accepted(db), alias_store.rejected(db)
        key = export_counts.suggestion_key(lines, get_meta(db, "catalog_hash"), accepted, rejected)
        known = count_store.suggested(db, key)
        counts = export_counts.count_export(
            lines,
            lines_read=read.lines_read,
            lines_rejected=read.lines_rejected,
            catalogue=catalog,
            mappings=brand_store.load_mappings(db),
            options=RuleOptions.from_settings(self.settings),
            accepted=accepted,
            rejected=rejected,
            index=index,
            desired=plan.desired,
            suggested=known,
        )
        if known is None and remember:  # (a dry run stores nothing)
            count_store.remember_suggested(db, key, counts.to_rewrite)
        return counts

    def _open_web_orders(
        self, client: DeliveryTarget, summary: RunSummary, read: ErpRead
    ) -> dict[tuple[str, str | None], int]:
        """Units in the site's open web orders (empty for a target that cannot tell); with
        `[site] web_orders_until = "export"`, only those placed after the ERP wrote what was
        read (shopsync.sync.web_orders).

        Offline, the last orders read stand in: the run still records its changes (they go
        when the site is back, and the next run reads the orders again before anything is
        sent), and a sale seen once is never forgotten because the site did not answer."""
        if not can(client, Capability.WEB_ORDERS):
            return {}
        placed_after = None
        if self.settings.site.web_orders_until == WebOrdersUntil.EXPORT:
            placed_after = read.written_at if read.written_at is not None else self.clock()
        try:
            pending = web_orders.pending_units(client.open_orders(), placed_after)
        except SiteUnreachable:
            pending = web_orders.loads(get_meta(self.db, web_orders.META_KEY))
            log.info("web orders not read (site unreachable): the last ones read stand in")
        else:
            set_meta(self.db, web_orders.META_KEY, web_orders.dumps(pending))
        summary.web_orders = sum(pending.values())
        if pending:
            log.info("open web orders: %d unit(s) kept off the ERP's quantities", summary.web_orders)
        return pending

    def _deliver(self, client: DeliveryTarget, summary: RunSummary) -> None:
        report = deliver(
            self.db,
            client,
            self.settings.backorder.wire(),
            clock=self.clock,
            progress=lambda done, total: self._emit(
                "progress", phase="upload", done=done, total=total
            ),
        )
        summary.uploaded += report.uploaded
        summary.rejected += report.rejected
        summary.errors.extend(report.errors)
        if report.stopped_by is not None:
            raise report.stopped_by
