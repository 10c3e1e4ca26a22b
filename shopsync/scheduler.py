"""When syncs happen: a frequent sync, a nightly full reconcile, a run as soon as a new export
lands, and a catch-up after sleep or a clock jump — one run at a time, in one worker thread.

Qt-free on purpose: `shopsync run --headless` (service mode) and the tray app drive the very same
object; the GUI only listens (`listener(event, data)`, called from worker threads, which the GUI
turns into Qt signals). APScheduler's `BackgroundScheduler` fires the timed jobs in both modes
(its Qt scheduler keeps the None that PySide6's `QTimer.singleShot` returns, so it could never
cancel a timer). Every job only *requests* a run; the worker thread owns the engine (one SQLite
connection, one thread) and coalesces requests, so two runs can never overlap in this process, and
the engine's OS file lock keeps a CLI sync in another process from overlapping either.

Injectable clock and engine factory keep the tests fast and deterministic.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shopsync.config import Settings
from shopsync.sync.vocab import MANUAL_TRIGGERS, RunStatus, Trigger

log = logging.getLogger(__name__)

Listener = Callable[[str, dict[str, Any]], None]
EngineFactory = Callable[[Settings, Callable[[str, dict[str, Any]], None]], Any]

# Like Nextcloud's client: after the site could not be reached, wait this long before the next
# automatic attempt (the last value repeats). A success resets it.
BACKOFF_SECONDS: tuple[float, ...] = (25.0, 120.0, 600.0, 3600.0)
HEARTBEAT_SECONDS = 30.0
# A heartbeat arriving this much later than due (or the wall clock going backwards) means the PC
# slept or the clock jumped: catch up now instead of waiting for the next interval.
JUMP_TOLERANCE = 60.0
MISFIRE_GRACE_SECONDS = 3600  # a run missed (sleep, busy) within an hour still happens, once
WATCH_DEBOUNCE_SECONDS = 2.0
SETTLE_POLL_SECONDS = 0.5
SETTLE_MAX_SECONDS = 300.0


def _default_engine_factory(settings: Settings, observer: Callable[[str, dict[str, Any]], None]):
    from shopsync.engine import SyncEngine

    return SyncEngine(settings, observer=observer)


def zone(name: str) -> ZoneInfo:
    """The configured time zone; a typo falls back to Europe/Paris rather than stopping syncs."""
    try:
        return ZoneInfo(name or "Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r in [schedule]; using Europe/Paris", name)
        return ZoneInfo("Europe/Paris")


def parse_hhmm(text: str) -> tuple[int, int] | None:
    """"03:00" -> (3, 0); an empty or invalid value disables the nightly job (logged)."""
    try:
        hour, minute = (int(part) for part in text.strip().split(":"))
    except (ValueError, AttributeError):
        if text:
            log.warning("invalid [schedule] nightly %r (expected HH:MM): no nightly run", text)
        return None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        log.warning("invalid [schedule] nightly %r: no nightly run", text)
        return None
    return hour, minute


@dataclass(slots=True)
class _RunRequest:
    trigger: Trigger | str
    full: bool = False


@dataclass(slots=True)
class _Call:
    fn: Callable[[Any], Any]
    done: Callable[[Any, BaseException | None], None] | None = None


@dataclass(slots=True)
class SchedulerState:
    """What the tray shows about the schedule itself (not about the shop's data)."""

    running: bool = False
    paused: bool = False
    blocked: str | None = None  # "token_refused": no automatic run until the settings change
    retry_at: float | None = None  # backoff after an offline run
    next_run: float | None = None
    last_summary: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "paused": self.paused,
            "blocked": self.blocked,
            "retry_at": self.retry_at,
            "next_run": self.next_run,
        }


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
    ) -> None:
        self.settings = settings
        self._engine_factory = engine_factory or _default_engine_factory
        self._listener = listener
        self.clock = clock
        self.heartbeat_seconds = heartbeat_seconds
        self.watch_debounce = watch_debounce
        self._timed_jobs = timed_jobs
        self.state = SchedulerState()
        self._lock = threading.RLock()
        self._queue: queue.Queue[_RunRequest | _Call | None] = queue.Queue()
        self._queued_run: _RunRequest | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._stop = threading.Event()
        self._backoff_index = -1
        self._not_before = 0.0
        self._engine: Any = None
        self._engine_stale = False
        self._worker: threading.Thread | None = None
        self._heart: threading.Thread | None = None
        self._last_beat = clock()
        self._aps: Any = None
        self._observer: Any = None  # watchdog
        self._debounce_timer: threading.Timer | None = None
        self.platform: Any = None  # shopsync.agent.link.PlatformLink (heartbeat, support)
        self._platform_link = platform_link

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, *, run_now: bool = True) -> None:
        """Start the worker, the timed jobs, the watcher and the heartbeat; run once at start
        (what changed while ShopSync was closed is delivered without waiting an interval)."""
        self._stop.clear()
        self._worker = threading.Thread(target=self._work, name="sync-worker", daemon=True)
        self._worker.start()
        if self._timed_jobs:
            from apscheduler.schedulers.background import BackgroundScheduler

            self._aps = BackgroundScheduler(
                timezone=zone(self.settings.schedule.timezone),
                job_defaults={
                    "coalesce": True,
                    "max_instances": 1,
                    "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                },
            )
            self._build_jobs()
            self._aps.start()
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
        if self._aps is not None:
            with contextlib.suppress(Exception):  # already stopped
                self._aps.shutdown(wait=False)
            self._aps = None
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
            self.state.blocked = None
            self._backoff_index = -1
            self._not_before = 0.0
            self.state.retry_at = None
        if self._aps is not None:
            self._aps.remove_all_jobs()
            self._build_jobs()
        self._stop_watch()
        self._start_watch()
        if self.platform is not None:
            self.platform.reload(settings)
        self._publish_state()

    # -- requests ----------------------------------------------------------------------------

    def request(self, trigger: Trigger | str, *, full: bool = False) -> bool:
        """Ask for a run. Returns False when it is skipped (paused, blocked, backing off) or
        merged into a run already waiting in the queue."""
        manual = trigger in MANUAL_TRIGGERS
        with self._lock:
            if not manual:
                if self.state.paused:
                    log.debug("run %s skipped: paused", trigger)
                    return False
                if self.state.blocked:
                    log.debug("run %s skipped: %s", trigger, self.state.blocked)
                    return False
                backoff_free = (Trigger.RETRY, Trigger.SUPPORT)
                if trigger not in backoff_free and self.clock() < self._not_before:
                    log.debug("run %s skipped: backing off", trigger)
                    return False
            if self._queued_run is not None:
                self._queued_run.full = self._queued_run.full or full
                if manual:
                    self._queued_run.trigger = trigger
                return False
            self._queued_run = _RunRequest(trigger, full)
            self._idle.clear()
            self._queue.put(self._queued_run)
        return True

    def call(
        self,
        fn: Callable[[Any], Any],
        done: Callable[[Any, BaseException | None], None] | None = None,
    ) -> None:
        """Run `fn(engine)` on the worker thread (after the current run), then `done(result,
        error)` there too. For the few writes that belong with the engine (confirm)."""
        self._idle.clear()
        self._queue.put(_Call(fn, done))

    def pause(self) -> None:
        with self._lock:
            self.state.paused = True
        self._publish_state()

    def resume(self) -> None:
        with self._lock:
            self.state.paused = False
        self._publish_state()
        self.request(Trigger.RESUME)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """For tests and shutdown: True once the queue is empty and no run is going."""
        return self._idle.wait(timeout)

    def next_run_time(self) -> float | None:
        """The next timed run (interval, nightly or retry), as a Unix time."""
        if self._aps is None:
            return None
        times = []
        for job in self._aps.get_jobs():
            if job.id in ("interval", "nightly", "retry") and job.next_run_time is not None:
                times.append(job.next_run_time.timestamp())
        return min(times) if times else None

    # -- jobs --------------------------------------------------------------------------------

    def _build_jobs(self) -> None:
        sched = self.settings.schedule
        tz = zone(sched.timezone)
        if sched.interval_minutes and sched.interval_minutes > 0:
            self._aps.add_job(
                self.request,
                "interval",
                args=[Trigger.INTERVAL],
                id="interval",
                minutes=float(sched.interval_minutes),
                timezone=tz,
                replace_existing=True,
            )
        at = parse_hhmm(sched.nightly)
        if at is not None:
            self._aps.add_job(
                self.request,
                "cron",
                args=[Trigger.NIGHTLY],
                kwargs={"full": True},
                id="nightly",
                hour=at[0],
                minute=at[1],
                timezone=tz,
                replace_existing=True,
            )
        if self.state.retry_at is not None:
            self._schedule_retry(self.state.retry_at)

    def _schedule_retry(self, when: float) -> None:
        if self._aps is None:
            return
        tz = zone(self.settings.schedule.timezone)
        self._aps.add_job(
            self.request,
            "date",
            args=[Trigger.RETRY],
            id="retry",
            run_date=datetime.fromtimestamp(when, tz),
            replace_existing=True,
        )

    def _cancel_retry(self) -> None:
        if self._aps is not None and self._aps.get_job("retry") is not None:
            self._aps.remove_job("retry")

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
            if self._aps is not None:
                # Re-anchor the interval job on the new "now" and let APScheduler recompute its
                # wait (after a backward jump it would otherwise wait the jump's length).
                self._aps.remove_all_jobs()
                self._build_jobs()
                self._aps.wakeup()
            self.request(Trigger.WAKE)
            self._publish_state()
            return True
        return False

    # -- file watcher ------------------------------------------------------------------------

    def watch_target(self) -> tuple[Path, str] | None:
        """(folder to watch, file name pattern) for the configured export, or None."""
        erp = self.settings.erp
        if not self.settings.schedule.watch or not erp.path:
            return None
        if erp.profile in ("odbc", "4d-rest") or "://" in erp.path:
            return None
        path = Path(os.path.expandvars(erp.path)).expanduser()
        if path.is_dir():
            return path, "*"
        if path.parent.is_dir():
            return path.parent, path.name
        return None

    def _start_watch(self) -> None:
        target = self.watch_target()
        if target is None:
            return
        folder, pattern = target
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # pragma: no cover - a dependency
            return
        scheduler = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:  # noqa: ANN001 - watchdog's event type
                if event.is_directory or event.event_type not in ("created", "modified", "moved"):
                    return
                name = os.path.basename(getattr(event, "dest_path", "") or event.src_path)
                if fnmatch.fnmatch(name.casefold(), pattern.casefold()):
                    scheduler.file_event(os.path.join(folder, name))

        observer = Observer()
        observer.schedule(Handler(), str(folder), recursive=False)
        observer.daemon = True
        try:
            observer.start()
        except OSError as exc:  # inotify limits, a network share…: the interval job remains
            log.warning("cannot watch %s (%s); relying on the interval", folder, exc)
            return
        self._observer = observer
        log.info("watching %s for %s", folder, pattern)

    def _stop_watch(self) -> None:
        if self._debounce_timer is not None:
            self._debounce_timer.cancel()
            self._debounce_timer = None
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(5)
            self._observer = None

    def file_event(self, path: str) -> None:
        """An export was written: wait for the writes to stop (debounce), then for the file to
        settle (size and date unchanged for `settle_seconds`), then run."""
        with self._lock:
            if self._debounce_timer is not None:
                self._debounce_timer.cancel()
            timer = threading.Timer(self.watch_debounce, self._settle_then_run, args=[path])
            timer.daemon = True
            self._debounce_timer = timer
        timer.start()

    def _settle_then_run(self, path: str) -> None:
        if wait_settled(Path(path), self.settings.erp.settle_seconds, stop=self._stop):
            self.request(Trigger.WATCH)

    # -- worker ------------------------------------------------------------------------------

    def _observe(self, event: str, data: dict[str, Any]) -> None:
        self._emit(event, data)

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

    def _get_engine(self):
        if self._engine is not None and self._engine_stale:
            self._close_engine()
        if self._engine is None:
            self._engine = self._engine_factory(self.settings, self._observe)
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
                if isinstance(item, _RunRequest):
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

    def _do_call(self, item: _Call) -> None:
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

    def _do_run(self, request: _RunRequest) -> None:
        from shopsync.engine import RunSummary

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
        with self._lock:
            self.state.running = False
            self.state.last_summary = summary
            self._after_run(summary)
        if self.platform is not None:
            self.platform.after_run(summary)
        self._publish_state()

    def _after_run(self, summary: Any) -> None:
        """Backoff after offline, a block after a refused token, a reset after anything else."""
        status = summary.status
        now = self.clock()
        if status == RunStatus.OFFLINE:
            self._backoff_index = min(self._backoff_index + 1, len(BACKOFF_SECONDS) - 1)
            delay = BACKOFF_SECONDS[self._backoff_index]
            retry_after = getattr(summary, "retry_after", None)
            if retry_after:
                delay = max(delay, float(retry_after))
            self._not_before = now + delay
            self.state.retry_at = now + delay
            self._schedule_retry(now + delay)
        elif status == RunStatus.BUSY:
            # Another process (a CLI sync) holds the lock: try again soon, no penalty.
            self.state.retry_at = now + BACKOFF_SECONDS[0]
            self._schedule_retry(now + BACKOFF_SECONDS[0])
        elif status == RunStatus.TOKEN_REFUSED:
            self.state.blocked = RunStatus.TOKEN_REFUSED
            self.state.retry_at = None
            self._cancel_retry()
        else:
            self._backoff_index = -1
            self._not_before = 0.0
            self.state.retry_at = None
            self._cancel_retry()


def wait_settled(
    path: Path,
    settle_seconds: float,
    *,
    stop: threading.Event | None = None,
    poll: float = SETTLE_POLL_SECONDS,
    limit: float = SETTLE_MAX_SECONDS,
) -> bool:
    """True once `path` exists and its size and mtime have not moved for `settle_seconds`
    (an ERP writing a large export in chunks is not read half-written). False on timeout."""
    stop = stop or threading.Event()
    deadline = time.monotonic() + limit
    last: tuple[int, int] | None = None
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        try:
            st = path.stat()
            current = (st.st_size, st.st_mtime_ns)
        except OSError:
            current = None
        now = time.monotonic()
        if current is None or current != last:
            last, stable_since = current, now
        elif now - stable_since >= settle_seconds:
            return True
        if settle_seconds <= 0 and current is not None:
            return True
        if stop.wait(poll):
            return False
    return False


def run_forever(settings: Settings, *, stop: threading.Event | None = None) -> int:
    """`shopsync run --headless`: the scheduler alone, until SIGINT/SIGTERM (service mode)."""
    import signal

    stop = stop or threading.Event()

    def on_event(event: str, data: dict[str, Any]) -> None:
        if event == "run_finished":
            print(data["summary"].human(), flush=True)

    scheduler = SyncScheduler(settings, listener=on_event)

    def on_signal(signum, frame) -> None:  # noqa: ANN001, ARG001
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
    scheduler.start()
    next_run = scheduler.next_run_time()
    if next_run:
        print(
            "ShopSync tourne en service ; prochaine synchronisation "
            f"{datetime.fromtimestamp(next_run):%H:%M}. Ctrl-C pour arrêter.",
            flush=True,
        )
    try:
        while not stop.wait(3600):
            pass
    finally:
        scheduler.stop()
    return 0


__all__ = [
    "BACKOFF_SECONDS",
    "SchedulerState",
    "SyncScheduler",
    "run_forever",
    "wait_settled",
]
