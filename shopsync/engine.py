"""One sync run: read → store → rules → diff against what the site was promised → outbox →
deliver. The same Qt-free object serves the CLI, the scheduler and the GUI.

Progress is reported through a plain observer callback (`observer(event, data)`), which the
GUI turns into Qt signals; the engine never knows who listens.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import operator
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import compress
from pathlib import Path
from typing import Any

import filelock

from shopsync import rules
from shopsync.config import Settings, site_token
from shopsync.errors import (
    EXIT_HELD,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNREACHABLE,
    ConfigError,
    InputError,
    ShopSyncError,
    SiteAuthError,
    SiteRejected,
    SiteUnreachable,
)
from shopsync.model import CatalogProduct, ProductState, ReadResult, format_price
from shopsync.rules import state_key  # noqa: F401 - re-exported for the GUI preview
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import delivery, erp_cache, runs
from shopsync.store.db import get_meta, open_db, set_meta
from shopsync.sync.vocab import RunStatus, Trigger

log = logging.getLogger(__name__)
_REFERENCE = operator.attrgetter("reference")

Observer = Callable[[str, dict[str, Any]], None]
BATCH_SIZE = 500
CATALOG_MAX_AGE = 3600.0  # seconds; the nightly reconcile refreshes it regardless


@dataclass(slots=True)
class RunSummary:
    """What one run did: printed by the CLI, stored in `runs`, shown by the GUI."""

    status: str  # a RunStatus (a StrEnum: equal to, and stored as, its string)
    exit_code: int = EXIT_OK
    read: int = 0
    changes: int = 0
    uploaded: int = 0
    pending: int = 0
    held: int = 0
    rejected: int = 0
    message: str = ""
    errors: list[str] = field(default_factory=list)
    retry_after: float | None = None  # seconds the site asked us to wait (429/503)
    dry_run: bool = False
    plan: dict[str, list[str]] | None = None
    started_at: float = 0.0
    ended_at: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.dry_run:
            data.pop("plan")
        return data

    def human(self) -> str:
        head = {
            RunStatus.OK: "Synchronisation terminée",
            RunStatus.UNCHANGED: "Rien de nouveau",
            RunStatus.OFFLINE: "Site injoignable : changements gardés en attente",
            RunStatus.HELD: "Dépublication retenue : confirmez avec `shopsync confirm`",
            RunStatus.INPUT_ERROR: "Export ERP illisible : rien n'a changé",
            RunStatus.TOKEN_REFUSED: "Le site a refusé le jeton",
            RunStatus.BUSY: "Une synchronisation est déjà en cours",
            RunStatus.DRY_RUN: "Simulation (rien n'a été envoyé)",
            RunStatus.ERROR: "Erreur",
        }.get(self.status, self.status)
        text = (
            f"{head} — lus {self.read}, changements {self.changes}, envoyés {self.uploaded}, "
            f"en attente {self.pending}, retenus {self.held}, refusés {self.rejected}"
        )
        return f"{text}. {self.message}" if self.message else text


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class SyncEngine:
    """The sync engine over one home folder. Safe to call from any thread, one run at a time
    (across processes too: an OS file lock, released by the OS if the process dies)."""

    def __init__(
        self,
        settings: Settings,
        *,
        client_factory: Callable[[], Any] | None = None,
        clock: Callable[[], float] = time.time,
        observer: Observer | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.observer = observer
        self._client_factory = client_factory or self._default_client
        self.db = open_db(settings.db_path)
        self._lock = filelock.FileLock(str(settings.home / "sync.lock"))

    # -- plumbing ----------------------------------------------------------------------------

    def _default_client(self):
        from shopsync.site.client import SiteClient

        url = self.settings.site.url
        token = site_token(url)
        if not token:
            raise ConfigError(
                "no site token: enter it in the settings window (kept in the system keyring) "
                "or set SHOPSYNC_SITE_TOKEN"
            )
        return SiteClient(url, token)

    def _emit(self, event: str, **data: Any) -> None:
        if self.observer is not None:
            try:
                self.observer(event, data)
            except Exception:  # noqa: BLE001 - a broken listener must not break a sync
                log.exception("observer failed on %s", event)

    def close(self) -> None:
        self.db.conn.close()

    # -- public ------------------------------------------------------------------------------

    def run_once(
        self,
        trigger: Trigger | str = Trigger.MANUAL,
        *,
        dry_run: bool = False,
        full: bool = False,
        wait_lock: float = 0.0,
    ) -> RunSummary:
        """One complete run. Expected failures come back as a summary with its exit code."""
        try:
            self._lock.acquire(timeout=wait_lock)
        except filelock.Timeout:
            return RunSummary(RunStatus.BUSY, EXIT_UNREACHABLE, message="another sync is running")
        try:
            return self._run_locked(trigger, dry_run=dry_run, full=full)
        finally:
            self._lock.release()

    def confirm(self) -> int:
        """A person said yes to the held unpublishing: the next run carries it out."""
        return delivery.confirm_held(self.db)

    def status(self) -> dict[str, Any]:
        """The engine's state for `shopsync status` and the tray (no network)."""
        recent = runs.recent_runs(self.db, 1)
        last = recent[0] if recent else None
        pending = delivery.pending_count(self.db)
        held = delivery.held(self.db)
        undecided = [
            m.erp_brand for m in brand_store.load_mappings(self.db).values() if not m.decided
        ]
        rejected = delivery.rejections(self.db)
        if last is None:
            state = "never_run"
        elif last["status"] == "token_refused":
            state = "token_refused"
        elif held and not all(held.values()) or last["status"] == "input_error":
            state = "attention"
        elif pending:
            state = "offline" if last["status"] in ("offline", "busy") else "pending"
        elif undecided or rejected:
            state = "attention"
        else:
            state = "up_to_date"
        return {
            "state": state,
            "last_run": last,
            "pending": pending,
            "pending_since": delivery.pending_since(self.db),
            "held": sorted(r for r, ok in held.items() if not ok),
            "unmapped_brands": undecided,
            "rejected": rejected,
            "last_read": erp_cache.last_read(self.db),
        }

    # -- the run -----------------------------------------------------------------------------

    def _run_locked(self, trigger: Trigger | str, *, dry_run: bool, full: bool) -> RunSummary:
        now = self.clock()
        run_id = None if dry_run else runs.start_run(self.db, trigger, now)
        summary = RunSummary(RunStatus.OK, started_at=now, dry_run=dry_run)
        self._emit("run_started", trigger=trigger, dry_run=dry_run)
        client = None
        try:
            client = self._client_factory()
            self._run(summary, client, dry_run=dry_run, full=full)
        except InputError as exc:
            summary.status, summary.exit_code, summary.message = RunStatus.INPUT_ERROR, EXIT_INPUT, str(exc)
        except SiteAuthError as exc:
            summary.status, summary.exit_code = RunStatus.TOKEN_REFUSED, EXIT_INPUT
            summary.message = f"the site refused the token ({exc})"
        except SiteUnreachable as exc:
            summary.status, summary.exit_code, summary.message = RunStatus.OFFLINE, EXIT_UNREACHABLE, str(exc)
            summary.retry_after = exc.retry_after
        except ShopSyncError as exc:
            summary.status, summary.exit_code, summary.message = RunStatus.ERROR, exc.exit_code, str(exc)
        except Exception as exc:  # noqa: BLE001 - a bug: recorded and logged, never a traceback
            log.exception("sync run failed")
            summary.status, summary.exit_code = RunStatus.ERROR, EXIT_INTERNAL
            summary.message = f"erreur interne ({type(exc).__name__}) : voir logs/shopsync.log"
        finally:
            if client is not None:
                client.close()
        summary.pending = delivery.pending_count(self.db)
        summary.ended_at = self.clock()
        if run_id is not None:
            runs.finish_run(self.db, run_id, summary.ended_at, summary.as_dict())
        log.info("run %s (%s): %s", run_id, trigger, summary.human())
        self._emit("run_finished", summary=summary)
        return summary

    def _run(self, summary: RunSummary, client, *, dry_run: bool, full: bool) -> None:
        db = self.db
        self._emit("progress", phase="read", done=0, total=0)
        content_hash = self._read_erp(summary, dry_run=dry_run, full=full)

        self._emit("progress", phase="catalog", done=0, total=0)
        self._refresh_catalog(client, full=full)
        if not get_meta(db, "observed_at"):
            self._observe_site(client)

        fingerprint = self._fingerprint(content_hash)
        settled = not delivery.pending_count(db) and not any(delivery.held(db).values())
        if not full and not dry_run and settled and fingerprint == get_meta(db, "fingerprint"):
            summary.status = RunStatus.UNCHANGED
            self._check_site(client)
            self._deliver(client, summary)  # settings only, if they changed
            return

        lines = erp_cache.load_lines(db) if self._pending_read is None else self._pending_read.lines
        if not lines:
            raise InputError("the ERP read holds no item: nothing was changed on the site")
        desired, changes, plan = self.plan(lines, summary, dry_run=dry_run)
        if dry_run:
            summary.status = RunStatus.DRY_RUN
            summary.plan = plan
            summary.changes = len(changes)
            return

        if self._pending_read is not None:
            erp_cache.save_read(db, self._pending_read)
        default = self.settings.rules.new_brands
        brand_store.record_new(
            db,
            [
                rules.BrandMapping(b, None, default, default != rules.UNMAPPED)
                for b in desired.new_brands
            ],
        )
        summary.changes = delivery.enqueue(db, changes, self.clock())
        set_meta(db, "fingerprint", fingerprint)
        self._deliver(client, summary)
        self._send_listing_requests(client, desired.unmatched)
        if summary.held and summary.status == RunStatus.OK:
            summary.status, summary.exit_code = RunStatus.HELD, EXIT_HELD
            summary.message = (
                f"{summary.held} produits seraient dépubliés : c'est plus que le seuil de sécurité"
            )

    # -- steps -------------------------------------------------------------------------------

    _pending_read: ReadResult | None = None
    _batch_size: int = BATCH_SIZE
    _catalog_cache: tuple[str | None, dict[str, CatalogProduct], Any] | None = None
    _rules_cache: tuple[Any, rules.Desired] | None = None
    _connect_cache: tuple[Any, dict[str, str]] | None = None
    _promised_cache: tuple[str | None, dict[str, delivery.Promise], dict[str, str]] | None = None

    def _promised(self) -> dict[str, delivery.Promise]:
        """What was promised per reference, kept in memory while no process changed it
        (`promised_gen` moves with every write)."""
        gen = get_meta(self.db, "promised_gen")
        if self._promised_cache is None or self._promised_cache[0] != gen:
            promised = delivery.promised(self.db)
            keys = {ref: p.key for ref, p in promised.items()}
            self._promised_cache = (gen, promised, keys)
        return self._promised_cache[1]

    def _promised_keys(self) -> dict[str, str]:
        self._promised()
        return self._promised_cache[2]

    def _read_erp(self, summary: RunSummary, *, dry_run: bool, full: bool) -> str | None:
        """Read the export unless its bytes are the ones already read. A whole-source failure
        raises InputError before anything downstream is touched."""
        from shopsync import erp

        self._pending_read = None
        erp_settings = self.settings.erp
        source: Path | None = None
        if erp_settings.path:
            source = erp.resolve_source(
                erp_settings.path, settle_seconds=erp_settings.settle_seconds, wait=True
            )
        previous = erp_cache.last_read(self.db)
        content_hash = _file_hash(source) if source is not None else None
        if (
            content_hash is not None
            and previous is not None
            and previous["content_hash"] == content_hash
            and not full
        ):
            summary.read = previous["items"]
            return content_hash
        result = erp.read_export(source, erp_settings.profile, home=self.settings.home)
        if not result.lines:
            raise InputError(
                f"{result.source}: no readable item ({len(result.rejected)} lines rejected): "
                "nothing was changed on the site"
            )
        result.content_hash = content_hash or result.content_hash or _lines_hash(result)
        summary.read = len(result.lines)
        summary.errors = [str(p) for p in (*result.rejected, *result.warnings)][:200]
        self._pending_read = result
        return result.content_hash

    def plan(
        self, lines: list, summary: RunSummary, *, dry_run: bool
    ) -> tuple[rules.Desired, list[tuple[str, dict, str]], dict[str, list[str]]]:
        """Rules and diff for one ERP read: the desired states, the changes to enqueue and the
        plan by kind. Caches (catalogue index, previous desired states, promised) make a run
        where one product in 10^5 moved cost what that product costs, plus one pass.

        The cyclic garbage collector is paused meanwhile: the step allocates 10^5 short-lived
        objects without cycles, and each full collection would walk every cached object."""
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._plan(lines, summary, dry_run=dry_run)
        finally:
            if paused:
                gc.enable()

    def _plan(
        self, lines: list, summary: RunSummary, *, dry_run: bool
    ) -> tuple[rules.Desired, list[tuple[str, dict, str]], dict[str, list[str]]]:
        db = self.db
        catalog, index = self._catalog_index()
        if not catalog:
            raise InputError("the site's catalogue is empty: nothing to publish")
        self._emit("progress", phase="rules", done=0, total=len(catalog))
        from shopsync.store import aliases as alias_store

        refs = frozenset(map(_REFERENCE, lines))
        accepted, rejected = alias_store.accepted(db), alias_store.rejected(db)
        key = (id(index), refs, tuple(sorted(accepted.items())), frozenset(rejected))
        if self._connect_cache is not None and self._connect_cache[0] == key:
            connections = self._connect_cache[1]
        else:
            connections = index.connect(list(refs), accepted, rejected)
            self._connect_cache = (key, connections)
        options = rules.RuleOptions.from_settings(self.settings)
        mappings = brand_store.load_mappings(db)
        inputs = (get_meta(db, "catalog_hash"), repr(sorted(mappings.items())), options)
        cached = self._rules_cache
        previous = cached[1] if cached is not None and cached[0] == inputs else None
        desired = rules.desired_states(lines, catalog, connections, mappings, options, previous)
        if not dry_run:
            self._rules_cache = (inputs, desired)
        changes, plan = self._diff(desired, summary, dry_run=dry_run)
        return desired, changes, plan

    def _catalog_index(self):
        """The catalogue and its matching index, kept in memory while the catalogue is the
        same: a long-lived engine (tray app, service) skips reloading 10^5 rows every run."""
        from shopsync.matching import CatalogIndex

        digest = get_meta(self.db, "catalog_hash")
        cached = self._catalog_cache
        if cached is None or cached[0] != digest:
            catalog = catalog_store.load_catalog(self.db)
            cached = self._catalog_cache = (digest, catalog, CatalogIndex(catalog))
        return cached[1], cached[2]

    def _refresh_catalog(self, client, *, full: bool) -> None:
        """Fetch the catalogue when it is old (or on a full run); offline, the cached one
        serves, and with none cached the run cannot decide anything."""
        db = self.db
        age = catalog_store.catalog_age(db, self.clock())
        if not (full or age is None or age > CATALOG_MAX_AGE):
            return
        try:
            products = client.catalog()
        except SiteUnreachable:
            if age is None or full:
                raise  # nothing cached, or a reconcile that could not reconcile
            log.warning("catalogue refresh failed; using the cached one")
            return
        if catalog_store.save_catalog(db, products):
            self._recheck_aliases({p.reference for p in products})

    def _recheck_aliases(self, references: set[str]) -> None:
        from shopsync.store import aliases as alias_store

        stale = alias_store.recheck(self.db, references)
        if stale:
            log.warning("%d reference aliases point at products gone from the catalogue", len(stale))

    def _check_site(self, client) -> None:
        """A run with nothing to send still asks the site how it is (one small GET), so that
        the tray shows an outage or a refused token now, not at the next change."""
        health = client.health()
        if health.get("authenticated") is False:
            raise SiteAuthError("the site does not accept this token")

    def _observe_site(self, client) -> None:
        """First connection: learn what the site already publishes, so the guard counts real
        unpublishing and products already right are not sent again."""
        states = client.products(published=True)
        delivery.observe(
            self.db, ((s["reference"], s, rules.wire_key(s)) for s in states), self.clock()
        )

    def _fingerprint(self, content_hash: str | None) -> str:
        db = self.db
        aliases = db.conn.execute(
            "SELECT COUNT(*), MAX(decided_at), SUM(stale) FROM aliases"
        ).fetchone()
        parts = (
            content_hash,
            get_meta(db, "catalog_hash"),
            brand_store.mappings_version(db),
            aliases,
            self.settings.rules_fingerprint(),
        )
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def _diff(
        self, desired: rules.Desired, summary: RunSummary, *, dry_run: bool
    ) -> tuple[list[tuple[str, dict, str]], dict[str, list[str]]]:
        """Desired minus promised, with the unpublish guard applied."""
        db = self.db
        promised = self._promised()
        changes: list[tuple[str, ProductState, str]] = []
        unpublish: list[str] = []
        plan: dict[str, list[str]] = {"publish": [], "update": [], "unpublish": [], "held": []}
        keys = desired.keys
        promised_keys = self._promised_keys()
        candidates = list(compress(keys, map(operator.ne, keys.values(), map(promised_keys.get, keys))))
        states = desired.states
        for ref in candidates:
            state, key = states[ref], keys[ref]
            before = promised.get(ref)
            if before is None and not state.published:
                continue  # never shown on the site (it was observed): nothing to hide
            if not state.published and before is not None and before.published:
                unpublish.append(ref)
                continue
            changes.append((ref, state, key))
            kind = "publish" if state.published and not (before and before.published) else "update"
            plan[kind].append(ref)

        held = delivery.held(db)
        threshold = rules.unpublish_threshold(
            delivery.acknowledged_published(db),
            self.settings.guard.min_unpublish_count,
            self.settings.guard.max_unpublish_share,
        )
        confirmed = [r for r in unpublish if held.get(r)]
        unconfirmed = [r for r in unpublish if not held.get(r)]
        if len(unpublish) > threshold and unconfirmed:
            go, hold = confirmed, unconfirmed
        else:
            go, hold = unpublish, []
        for ref in go:
            state = desired.states[ref]
            changes.append((ref, state, keys[ref]))
        plan["unpublish"] = sorted(go)
        plan["held"] = sorted(hold)
        summary.held = len(hold)
        if not dry_run:
            delivery.clear_held_except(db, set(hold))
            delivery.hold(db, hold, self.clock())
        return [(ref, state.wire(), key) for ref, state, key in changes], plan

    def _deliver(self, client, summary: RunSummary) -> None:
        """Send the site settings if they changed, batches left in flight, then the outbox."""
        db = self.db
        settings_wire = self.settings.backorder.wire()
        settings_key = json.dumps(settings_wire, sort_keys=True)
        if get_meta(db, "site_settings") != settings_key:
            client.put_settings(settings_wire)
            set_meta(db, "site_settings", settings_key)

        total = delivery.pending_count(db)
        done = 0
        for batch in delivery.inflight(db):
            if delivery.drop_if_superseded(db, batch):
                continue
            done += self._send(client, batch, summary)
            self._emit("progress", phase="upload", done=done, total=total)
        while (batch := delivery.take_batch(db, self._batch_size, self.clock())) is not None:
            done += self._send(client, batch, summary)
            self._emit("progress", phase="upload", done=done, total=total)

    def _send(self, client, batch: delivery.Batch, summary: RunSummary) -> int:
        try:
            results = client.send_batch(batch.items, batch.key)
        except SiteUnreachable as exc:
            delivery.batch_failed(self.db, batch.key, str(exc))
            raise
        except SiteRejected as exc:
            if exc.status_code == 413 and len(batch.items) > 1:
                delivery.split_batch(self.db, batch, self.clock())
                # The smaller halves go through take_batch with fresh keys.
                self._batch_size = max(1, len(batch.items) // 2)
                return 0
            reason = f"batch refused by the site: {exc}"
            results_map = {item["reference"]: ("rejected", reason) for item in batch.items}
            _, rejected = delivery.acknowledge(self.db, batch, results_map, self.clock())
            summary.rejected += rejected
            summary.errors.append(reason)
            return len(batch.items)
        results_map = {r.reference: (r.status, r.reason) for r in results}
        acked, rejected = delivery.acknowledge(self.db, batch, results_map, self.clock())
        summary.uploaded += acked
        summary.rejected += rejected
        for r in results:
            if r.status == "rejected":
                summary.errors.append(f"{r.reference}: refused by the site: {r.reason}")
        return len(batch.items)

    def _send_listing_requests(self, client, unmatched: list) -> None:
        """ERP items not in the catalogue go to the platform's listing team, once per item
        state. A failure here never fails the run: they go again next time."""
        db = self.db
        sent = dict(db.conn.execute("SELECT reference, hash FROM listing_requests").fetchall())
        todo = []
        for line in unmatched:
            item = {
                "reference": line.reference,
                "brand": line.brand,
                "designation": line.designation,
                "quantity": line.quantity,
                "price": format_price(line.price),
                "ean": line.ean,
            }
            digest = hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest()
            if sent.get(line.reference) != digest:
                todo.append((item, digest))
        if not todo:
            return
        try:
            for start in range(0, len(todo), BATCH_SIZE):
                chunk = todo[start : start + BATCH_SIZE]
                client.send_listing_requests([item for item, _ in chunk])
                now = self.clock()
                db.conn.executemany(
                    "INSERT OR REPLACE INTO listing_requests VALUES (?, ?, ?)",
                    [(item["reference"], digest, now) for item, digest in chunk],
                )
        except (SiteUnreachable, SiteRejected) as exc:
            log.warning("listing requests not sent (will retry): %s", exc)


def _lines_hash(result: ReadResult) -> str:
    digest = hashlib.sha256()
    for line in result.lines:
        digest.update(repr(line).encode())
    return digest.hexdigest()
