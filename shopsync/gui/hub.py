"""The app hub: one QObject between the widgets and the Qt-free core.

Everything slow happens off the UI thread: syncs in the scheduler's worker thread (which owns
the sync engine), reads and small writes in one I/O thread (through its own `Services`, so its
own SQLite connection). Results come back only through Qt signals, delivered in the UI thread;
no widget is ever touched from a job.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from shopsync.config import Settings
from shopsync.gui.qtcompat import emit
from shopsync.scheduler import EngineFactory, SyncScheduler
from shopsync.services import Services
from shopsync.sync.vocab import Trigger

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IoContext:
    """What an I/O job gets: the settings and the services private to the I/O thread (the
    windows reach the connector's state only through these, never the store)."""

    settings: Settings
    services: Services


class AppHub(QObject):
    """Signals the windows and the tray listen to, and the few actions they ask for."""

    # Dicts travel as `object`: PySide6 6.12 on CPython 3.11 drops one reference to None per
    # None value of a `Signal(dict)` payload (nested too); the status holds several, and the
    # tray app aborted with "none_dealloc" after ~100 exports (benchmarks/soak_memory.py).
    status_changed = Signal(object)  # ConnectorStatus.as_dict(), with "scheduler" (its state)
    run_started = Signal(object)
    progress = Signal(str, int, int)  # phase, done, total
    run_finished = Signal(object)  # RunSummary
    scheduler_changed = Signal(object)
    settings_changed = Signal(object)  # Settings
    busy_changed = Signal(bool)
    platform_changed = Signal(object)  # agent.link: last_signal_at, offline, unsupported, doing
    update_action = Signal(str)  # the scheduler's update job decided (update.policy.Action)
    _deliver = Signal(object, object)  # (ticket, (ok, payload)): thread -> UI thread

    def __init__(
        self,
        settings: Settings,
        *,
        engine_factory: EngineFactory | None = None,
        io_services_factory: Callable[[Settings], Services] = Services,
        timed_jobs: bool = True,
        update_round: Callable[[Settings], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._io_services_factory = io_services_factory
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shopsync-io")
        self._io_local = threading.local()
        self._io_generation = 0
        self._pending_io = 0
        self._io_lock = threading.Lock()
        self.last_status: dict[str, Any] = {}
        # Brands a balloon already announced (services.notices, kept across restarts).
        self.announced_brands: set[str] = set()
        self.scheduler_state: dict[str, Any] = {}
        self.platform_state: dict[str, Any] = {}
        self.running = False
        self.last_progress: tuple[str, int, int] | None = None
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Any, Any]] = {}
        self._deliver.connect(self._on_deliver)
        self.run_started.connect(self._on_run_started)
        self.progress.connect(self._on_progress)
        self.run_finished.connect(self._on_run_finished)
        self.scheduler_changed.connect(self._on_scheduler)
        self.scheduler = SyncScheduler(
            settings,
            engine_factory=engine_factory,
            listener=self._on_core_event,
            timed_jobs=timed_jobs,
            update_round=update_round,
        )
        self._started = False
        self._closed = False

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, *, run_now: bool = True) -> None:
        self.scheduler.start(run_now=run_now)
        self._started = True
        self.refresh_status()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._started:
            self.scheduler.stop(timeout=15)
            self._started = False
        self._io.submit(self._close_io_services)
        self._io.shutdown(wait=True)

    # -- thread -> UI plumbing ---------------------------------------------------------------

    # Callbacks stay in the UI thread: a job carries only a ticket. A closure over a widget
    # released in a worker thread makes shiboken delete that widget's wrapper "in the main
    # thread" later, after Qt may already have deleted it (a crash seen in PySide6 6.12).

    def _ticket(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error)
        return ticket

    def _post(self, ticket: int, ok: bool, payload: Any) -> None:
        """Hand a job's outcome to the UI thread (queued signal)."""
        emit(self._deliver, ticket, (ok, payload))

    @Slot(object, object)
    def _on_deliver(self, ticket, outcome) -> None:  # noqa: ANN001
        on_done, on_error = self._callbacks.pop(ticket, (None, None))
        ok, payload = outcome
        callback = on_done if ok else on_error
        if callback is None:
            return
        try:
            callback(payload)
        except Exception:  # noqa: BLE001 - a window's bug must not take the app down
            log.exception("UI callback failed")

    def _on_core_event(self, event: str, data: dict[str, Any]) -> None:
        """Scheduler/engine events, in the worker thread: re-emitted as signals (queued)."""
        if event == "run_started":
            emit(self.run_started, data)
        elif event == "progress":
            emit(self.progress, data.get("phase", ""), int(data.get("done", 0)), int(data.get("total", 0)))
        elif event == "run_finished":
            emit(self.run_finished, data.get("summary"))
        elif event == "scheduler":
            emit(self.scheduler_changed, data)
        elif event == "update":
            emit(self.update_action, str(data.get("action") or ""))
        elif event == "platform":
            self.platform_state = dict(data)
            emit(self.platform_changed, self.platform_state)

    # The hub's own slots are connected first (in __init__), so that its state is current when
    # the windows' slots for the same signal run.

    def _on_run_started(self, _data: dict) -> None:
        self.running = True
        self.last_progress = None
        emit(self.busy_changed, True)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.last_progress = (phase, done, total)

    def _on_run_finished(self, _summary: Any) -> None:
        self.running = False
        emit(self.busy_changed, False)
        self.refresh_status()

    def _on_scheduler(self, data: dict) -> None:
        self.scheduler_state = dict(data)
        if self.last_status:
            self.last_status["scheduler"] = self.scheduler_state
            emit(self.status_changed, self.last_status)

    # -- I/O thread ----------------------------------------------------------------------------

    def io(
        self,
        fn: Callable[[IoContext], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `fn(ctx)` in the I/O thread; `on_done(result)` / `on_error(exc)` in the UI thread."""
        if self._closed:
            return  # shutting down: late signals find nobody to answer
        with self._io_lock:
            self._pending_io += 1
        ticket = self._ticket(on_done, on_error)

        def job() -> None:
            try:
                result = fn(self._io_context())
            except Exception as exc:  # noqa: BLE001 - reported to the window, logged
                log.exception("background task failed")
                self._post(ticket, False, exc)
            else:
                self._post(ticket, True, result)
            finally:
                with self._io_lock:
                    self._pending_io -= 1

        self._io.submit(job)

    def _io_context(self) -> IoContext:
        local = self._io_local
        if getattr(local, "generation", None) != self._io_generation:
            self._close_io_services()
            local.services = self._io_services_factory(self.settings)
            local.generation = self._io_generation
        return IoContext(self.settings, local.services)

    def _close_io_services(self) -> None:
        services = getattr(self._io_local, "services", None)
        if services is not None:
            with contextlib.suppress(Exception):
                services.close()
            self._io_local.services = None

    def io_idle(self) -> bool:
        with self._io_lock:
            return self._pending_io == 0

    # -- actions -------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        def read(ctx: IoContext) -> tuple[dict[str, Any], set[str]]:
            status = ctx.services.status.read()
            status.scheduler = self.scheduler.state.as_dict()
            status.scheduler["next_run"] = self.scheduler.next_run_time()
            # what the signal carries; state.view() reads it back
            return status.as_dict(), ctx.services.notices.announced_brands()

        def show(result: tuple[dict[str, Any], set[str]]) -> None:
            status, announced = result
            # The schedule's own flags as they are now, not as they were when the read began:
            # a pause or the wizard's hold that came in between must not be undone by it.
            live = self.scheduler.state.as_dict()
            live["next_run"] = status.get("scheduler", {}).get("next_run")
            status["scheduler"] = live
            # Added to, never replaced: a read queued before the last balloon's write must not
            # make the hub forget what it just announced.
            self.announced_brands |= announced
            self.set_status(status)

        self.io(read, show)

    def remember_announced(self, brands: list[str]) -> None:
        """A balloon named these brands: never again (this run, nor after a restart)."""
        from shopsync.rules import fold_brand

        self.announced_brands |= {fold_brand(b) for b in brands}
        self.io(lambda ctx: ctx.services.notices.remember_brands(brands))

    def set_status(self, status: dict[str, Any]) -> None:
        """Show `status` (a `ConnectorStatus.as_dict()`) everywhere: the tray, the windows.
        The hub's own reads come here; so can a status built elsewhere (tests, support)."""
        self.last_status = status
        self.scheduler_state = status.get("scheduler", {})
        emit(self.status_changed, status)

    def sync_now(self, *, full: bool = False, trigger: Trigger = Trigger.MANUAL) -> bool:
        """Ask for a run (`trigger` names why in the run history: "brands" after the brands
        window saved, "references" after an alias was accepted)."""
        return self.scheduler.request(trigger, full=full)

    @property
    def paused(self) -> bool:
        return self.scheduler.state.paused

    @property
    def setting_up(self) -> bool:
        return self.scheduler.state.setting_up

    def hold_for_setup(self, holding: bool) -> None:
        """The first-run wizard opened (True) or saved/closed (False): see Scheduler."""
        self.scheduler.hold_for_setup(holding)

    def set_paused(self, paused: bool) -> None:
        if paused:
            self.scheduler.pause()
        else:
            self.scheduler.resume()

    def confirm_held(
        self,
        on_done: Callable[[int], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A person said yes: release the held unpublishing and sync now. Done in the sync
        worker, between runs, so that a run under way never sees half a decision. A failure
        reaches `on_error` (it is not a confirmation of nothing)."""
        ticket = self._ticket(on_done, on_error)

        def done(count, error) -> None:  # noqa: ANN001 - worker thread
            if error is not None:
                self._post(ticket, False, error)
                return
            self.scheduler.request(Trigger.CONFIRM)
            self._post(ticket, True, count)

        self.scheduler.call(lambda engine: engine.confirm(), done)

    def apply_settings(
        self,
        changes: dict[str, dict[str, Any]],
        *,
        token: str | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Write config.toml (comments kept; the settings service checks the values first), the
        token to the keyring if given, then reload the scheduler and its engine: the running
        app syncs with what was saved from the next run on (no run names the old site)."""
        def write(ctx: IoContext) -> Settings:
            settings = ctx.services.config.apply(changes, token=token)
            # Rebuilding the jobs stops the file watcher (a thread join): not in the UI thread.
            self.scheduler.reload(settings)
            return settings

        def applied(settings: Settings) -> None:
            self.settings = settings
            self._io_generation += 1
            emit(self.settings_changed, settings)
            self.refresh_status()
            if on_done is not None:
                on_done(settings)

        self.io(write, applied, on_error)


def format_clock(ts: float | None) -> str:
    return "" if not ts else time.strftime("%H:%M", time.localtime(ts))
