"""When syncs happen: a frequent sync, a nightly full reconcile, a run as soon as a new export
lands, and a catch-up after sleep or a clock jump — one run at a time, in one worker thread.

Qt-free on purpose: `shopsync run --headless` (service mode, `shopsync.commands.run`) and the
tray app drive the very same object; the GUI only listens (`listener(event, data)`, called from
worker threads, which the GUI turns into Qt signals). Every job only *requests* a run; the
worker thread owns the engine (one SQLite connection, one thread) and coalesces requests, so two
runs can never overlap in this process, and the engine's OS file lock keeps a CLI sync in
another process from overlapping either.

The parts live in `shopsync.scheduling`: the backoff policy (pure), the timed jobs, the export
watcher and the engine's `Protocol`. Injectable clock and engine factory keep the tests fast
and deterministic.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from shopsync.config import Settings
from shopsync.scheduling import backoff
from shopsync.scheduling.backoff import BACKOFF_SECONDS
from shopsync.scheduling.jobs import (
    MISFIRE_GRACE_SECONDS,
    TIMED_JOBS,
    JobInfo,
    TimedJobs,
    parse_hhmm,
    zone,
)
from shopsync.scheduling.port import Engine, EngineFactory, Observer
from shopsync.scheduling.queue_items import QueuedCall, RunRequest, SchedulerState
from shopsync.scheduling.watcher import WATCH_DEBOUNCE_SECONDS, ExportWatcher, watch_target
from shopsync.sync.summary import RunSummary
from shopsync.sync.vocab import RunStatus, Trigger

log = logging.getLogger(__name__)

Listener = Callable[[str, dict[str, Any]], None]
T = TypeVar("T")
HEARTBEAT_SECONDS = 30.0
# A heartbeat arriving this much later than due (or the wall clock going backwards) means the PC
# slept or the clock jumped: catch up now instead of waiting for the next interval.
JUMP_TOLERANCE = 60.0


def polls(settings: Settings) -> bool:
    """Whether the ERP is a database to ask for its changes every `[schedule] poll`."""
    from shopsync.sync.read import polls as database_polls  # loads the profile: only here

    return database_polls(settings)


def _default_engine_factory(settings: Settings, observer: Observer) -> Engine:
    from shopsync.engine import SyncEngine

    return SyncEngine(settings, observer=observer)


class SyncScheduler:
    """Timed jobs, a file watcher and a heartbeat feeding one worker thread that owns the engine."""

    def __init__(
        self,
        settings: Settings,
        *,
        engine_factory: EngineFactory | None = None,
        listener: Listener | None = None,
        clock: Callable[[], float] = time.time,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        watch_debounce: float = WATCH_DEBOUNCE_SECONDS,
        timed_jobs: bool = True,
        platform_link: bool = True,
        update_round: Callable[[Settings], object] | None = None,
    ) -> None:
        self.settings = settings
        self._engine_factory = engine_factory or _default_engine_factory
        self._listener = listener
        self.clock = clock
        self.heartbeat_seconds = heartbeat_seconds
        self.watch_debounce = watch_debounce
        self._timed_jobs = timed_jobs
        self.state = SchedulerState()
        self._backoff = backoff.Backoff()
        self._lock = threading.RLock()
        self._queue: queue.Queue[RunRequest | QueuedCall | None] = queue.Queue()
        self._queued_run: RunRequest | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._stop = threading.Event()
        self._engine: Engine | None = None
        self._engine_stale = False
        self._worker: threading.Thread | None = None
        self._heart: threading.Thread | None = None
        self._last_beat = clock()
        self._jobs: TimedJobs | None = None
        self._watcher: ExportWatcher | None = None
        self.platform: Any = None  # shopsync.agent.link.PlatformLink (heartbeat, support)
        self._platform_link = platform_link
        # The signed-update round (update.scheduled.tick with the caller's hooks): one timed
        # job beside the syncs; its outcome goes to the listener as an "update" event.
        self._update_round = update_round

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, *, run_now: bool = True) -> None:
        """Start the worker, the timed jobs, the watcher and the heartbeat; run once at start
        (what changed while ShopSync was closed is delivered without waiting an interval)."""
        self._stop.clear()
        self._worker = threading.Thread(target=self._work, name="sync-worker", daemon=True)
        self._worker.start()
        if self._timed_jobs:
            self._jobs = TimedJobs(
                self.settings.schedule,
                self.request,
                self.run_update_round if self._update_round is not None else None,
                poll=polls(self.settings),
            )
            self._jobs.start(self._backoff.retry_at)
        self._start_watch()
        self._last_beat = self.clock()
        self._heart = threading.Thread(target=self._beat_loop, name="sync-heartbeat", daemon=True)
        self._heart.start()
        if self._platform_link:
            from shopsync.agent.link import link_for

            self.platform = link_for(self)
        self._publish_state()
        if run_now:
            self.request(Trigger.START)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop everything; a run in progress is allowed to finish (up to `timeout`)."""
        self._stop.set()
        self._stop_watch()
        if self._jobs is not None:
            self._jobs.shutdown()
            self._jobs = None
        self._queue.put(None)
        if self._worker is not None:
            self._worker.join(timeout)
        if self._heart is not None:
            self._heart.join(timeout)
        if self.platform is not None:
            self.platform.stop(timeout)

    def reload(self, settings: Settings) -> None:
        """The settings changed: rebuild the jobs and the watcher, rebuild the engine, and lift a
        token-refused block (the shop may have entered a new token)."""
        with self._lock:
            self.settings = settings
            self._engine_stale = True
            self._set_backoff(backoff.Backoff())
        if self._jobs is not None:
            self._jobs.poll = polls(settings)
            self._jobs.rebuild(settings.schedule, self._backoff.retry_at)
        self._stop_watch()
        self._start_watch()
        if self.platform is not None:
            self.platform.reload(settings)
        self._publish_state()

    # -- requests ----------------------------------------------------------------------------

    def request(self, trigger: Trigger | str, *, full: bool = False) -> bool:
        """Ask for a run. Returns False when it is skipped (paused, blocked, backing off) or
        merged into a run already waiting in the queue."""
        with self._lock:
            reason = backoff.skip_reason(
                self._backoff, trigger, self.clock(), paused=self.state.paused,
                setting_up=self.state.setting_up,
            )
            if reason is not None:
                log.debug("run %s skipped: %s", trigger, reason)
                return False
            if self._queued_run is not None:
                self._queued_run.full = self._queued_run.full or full
                if trigger in backoff.MANUAL_TRIGGERS or self._queued_run.trigger == Trigger.POLL:
                    self._queued_run.trigger = trigger  # a whole run does what a poll does
                return False
            self._queued_run = RunRequest(trigger, full)
            self._idle.clear()
            self._queue.put(self._queued_run)
        return True

    def call(
        self,
        fn: Callable[[Engine], T],
        done: Callable[[T | None, BaseException | None], None] | None = None,
    ) -> None:
        """Run `fn(engine)` on the worker thread (after the current run), then `done(result,
        error)` there too. For the few writes that belong with the engine (confirm)."""
        self._idle.clear()
        self._queue.put(QueuedCall(fn, done))

    def run_update_round(self) -> object | None:
        """One signed-update round with the current settings (the "update" job calls this):
        the action decided (update.policy.Action) goes to the listener as an "update" event.
        An update problem never stops the syncs: it is logged."""
        if self._update_round is None:
            return None
        try:
            action = self._update_round(self.settings)
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            log.exception("update round failed")
            return None
        self._emit("update", {"action": str(action)})
        return action

    def pause(self) -> None:
        with self._lock:
            self.state.paused = True
        self._publish_state()

    def resume(self) -> None:
        with self._lock:
            self.state.paused = False
        self._publish_state()
        self.request(Trigger.RESUME)

    def hold_for_setup(self, holding: bool) -> None:
        """While the first-run wizard is open no run starts (timed, watched or clicked): a run
        would read the settings the shop is replacing and fail naming the old site. Lifting
        the hold asks for nothing: the wizard asks for the first run once it has saved."""
        with self._lock:
            self.state.setting_up = holding
        self._publish_state()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """For tests and shutdown: True once the queue is empty and no run is going."""
        return self._idle.wait(timeout)

    # -- inspection --------------------------------------------------------------------------

    def jobs(self) -> list[JobInfo]:
        """The timed jobs as they stand (empty when timed jobs are off or stopped)."""
        return self._jobs.jobs() if self._jobs is not None else []

    def next_runs(self) -> dict[str, float | None]:
        """Job id (interval, nightly, retry) -> its next run, as a Unix time."""
        return {job.id: job.next_run for job in self.jobs()}

    def next_run_time(self) -> float | None:
        """The next timed run (interval, nightly or retry), as a Unix time."""
        times = [t for job_id, t in self.next_runs().items() if job_id in TIMED_JOBS and t is not None]
        return min(times) if times else None

    def watch_target(self) -> tuple[Path, str] | None:
        """(folder to watch, file name pattern) for the configured export, or None."""
        return watch_target(self.settings)

    # -- heartbeat: sleep, resume and clock jumps ---------------------------------------------

    def _beat_loop(self) -> None:
        # Event.wait counts on the monotonic clock; comparing with the wall clock shows a
        # suspend (monotonic stops, wall goes on) and a clock set forwards or backwards.
        while not self._stop.wait(self.heartbeat_seconds):
            self.heartbeat()

    def heartbeat(self) -> bool:
        """Check the wall clock against the last beat; returns True when it caught up."""
        now = self.clock()
        gap = now - self._last_beat
        self._last_beat = now
        if gap > self.heartbeat_seconds + JUMP_TOLERANCE or gap < -JUMP_TOLERANCE:
            log.info("clock gap of %.0f s (sleep, resume or clock change): catching up", gap)
            if gap < 0:  # set back (a dead CMOS battery: 2009): backoff deadlines go back too
                with self._lock:  # minus the beat's own wait
                    self._set_backoff(
                        backoff.clock_set_back(self._backoff, gap - self.heartbeat_seconds)
                    )
            if self._jobs is not None:
                # Re-anchor the interval job on the new "now" and let APScheduler recompute its
                # wait (after a backward jump it would otherwise wait the jump's length).
                self._jobs.rebuild(self.settings.schedule, self._backoff.retry_at)
                self._jobs.wakeup()
            self.request(Trigger.WAKE)
            self._publish_state()
            return True
        return False

    # -- file watcher ------------------------------------------------------------------------

    def _start_watch(self) -> None:
        target = watch_target(self.settings)
        if target is None:
            return
        watcher = ExportWatcher(
            target, lambda: self.request(Trigger.WATCH), debounce=self.watch_debounce
        )
        if watcher.start():
            self._watcher = watcher

    def _stop_watch(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    # -- worker ------------------------------------------------------------------------------

    def _emit(self, event: str, data: dict[str, Any]) -> None:
        if self._listener is None:
            return
        try:
            self._listener(event, data)
        except Exception:  # noqa: BLE001 - a broken listener must not stop syncing
            log.exception("scheduler listener failed on %s", event)

    def _publish_state(self) -> None:
        with self._lock:
            self.state.next_run = self.next_run_time()
            data = self.state.as_dict()
        self._emit("scheduler", data)

    def _get_engine(self) -> Engine:
        if self._engine is not None and self._engine_stale:
            self._close_engine()
        if self._engine is None:
            self._engine = self._engine_factory(self.settings, self._emit)
            self._engine_stale = False
        return self._engine

    def _close_engine(self) -> None:
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:  # noqa: BLE001
                log.exception("closing the engine failed")
            self._engine = None

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                break
            try:
                if isinstance(item, RunRequest):
                    with self._lock:
                        self._queued_run = None
                    self._do_run(item)
                else:
                    self._do_call(item)
            finally:
                with self._lock:
                    if self._queue.empty() and self._queued_run is None:
                        self._idle.set()
        self._close_engine()
        self._idle.set()

    def _do_call(self, item: QueuedCall) -> None:
        result, error = None, None
        try:
            result = item.fn(self._get_engine())
        except Exception as exc:  # noqa: BLE001 - handed to the caller
            log.exception("worker call failed")
            error = exc
        if item.done is not None:
            try:
                item.done(result, error)
            except Exception:  # noqa: BLE001
                log.exception("worker call callback failed")

    def _do_poll(self) -> None:
        """Ask the ERP database for its changes; only when it had some does a run follow, and
        only then do the tray, the service's output and the platform hear of it."""
        try:
            summary = self._get_engine().poll()
        except Exception:  # noqa: BLE001 - the scheduler must outlive any bug
            log.exception("poll failed")
            self._close_engine()
            return
        if summary is not None:
            self._after_run(summary)

    def _do_run(self, request: RunRequest) -> None:
        if request.trigger == Trigger.POLL and not request.full:
            self._do_poll()
            return
        with self._lock:
            self.state.running = True
        self._publish_state()
        try:
            engine = self._get_engine()
            summary = engine.run_once(request.trigger, full=request.full)
        except Exception as exc:  # noqa: BLE001 - the scheduler must outlive any bug
            log.exception("sync run failed")
            self._close_engine()
            now = self.clock()
            summary = RunSummary(
                RunStatus.ERROR, 1, message=f"{type(exc).__name__}: {exc}", started_at=now, ended_at=now
            )
            self._emit("run_finished", {"summary": summary})
        self._after_run(summary)

    def _after_run(self, summary: RunSummary) -> None:
        with self._lock:
            self.state.running = False
            self.state.last_summary = summary
            self._set_backoff(
                backoff.after_run(self._backoff, summary.status, self.clock(), summary.retry_after)
            )
        if self.platform is not None:
            self.platform.after_run(summary)
        self._publish_state()

    def _set_backoff(self, policy: backoff.Backoff) -> None:
        """Adopt the policy's new state: mirror it for the tray, (re)schedule or cancel the
        retry job. Called with the lock held."""
        self._backoff = policy
        self.state.blocked = policy.blocked
        self.state.retry_at = policy.retry_at
        if self._jobs is not None:
            self._jobs.set_retry(policy.retry_at)


__all__ = [
    "BACKOFF_SECONDS",
    "HEARTBEAT_SECONDS",
    "MISFIRE_GRACE_SECONDS",
    "Engine",
    "EngineFactory",
    "JobInfo",
    "SchedulerState",
    "SyncScheduler",
    "parse_hhmm",
    "zone",
]
