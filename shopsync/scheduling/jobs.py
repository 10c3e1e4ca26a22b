"""The timed jobs: a frequent sync, a nightly full reconcile, the backoff's retry and, for an ERP
database, the poll that asks it for its changes (`[schedule] poll`), on
APScheduler's `BackgroundScheduler` (its Qt scheduler keeps the None that PySide6's
`QTimer.singleShot` returns, so it could never cancel a timer). Each job only *requests* a run.

`jobs()` describes them as plain values, so that the tray and the tests see the schedule
without touching APScheduler.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from shopsync.settings_schema import clock_time
from shopsync.sync.vocab import Trigger

if TYPE_CHECKING:
    from apscheduler.job import Job
    from apscheduler.schedulers.background import BackgroundScheduler

    from shopsync.config import ScheduleSettings

log = logging.getLogger(__name__)

MISFIRE_GRACE_SECONDS = 3600  # a run missed (sleep, busy) within an hour still happens, once
TIMED_JOBS = (Trigger.INTERVAL, Trigger.NIGHTLY, Trigger.RETRY)  # job ids are their triggers
Request = Callable[..., bool]  # SyncScheduler.request(trigger, full=...)
# The signed-update round (shopsync.update.scheduled.tick): one job, for the tray app and the
# service alike; the update policy decides whether a round really checks (every 6 h).
UPDATE_JOB = "update"
UPDATE_ROUND_SECONDS = 3600.0


def zone(name: str) -> ZoneInfo:
    """The configured time zone (checked when config.toml was read: settings_schema.TimeZone)."""
    return ZoneInfo(name)


def parse_hhmm(text: str) -> tuple[int, int] | None:
    """"03:00" -> (3, 0); "" (no nightly run) -> None. The value was checked when config.toml
    was read (settings_schema.ClockTime): a typo is a config error, never a nightly run
    silently dropped."""
    return clock_time(text)


def poll_seconds(schedule: ScheduleSettings) -> float | None:
    """`[schedule] poll` in seconds (config.py checked it; a bad value here turns polling off)."""
    from shopsync.durations import DurationError, parse_duration

    try:
        return parse_duration(schedule.poll)
    except DurationError:
        log.warning("invalid [schedule] poll %r: the ERP is not polled", schedule.poll)
        return None


@dataclass(frozen=True, slots=True)
class JobInfo:
    """One timed job as the tray and the tests see it."""

    id: str  # a Trigger: interval, nightly or retry
    next_run: float | None  # Unix time
    interval_seconds: float | None = None  # the interval job
    at: tuple[int, int] | None = None  # the nightly job's (hour, minute)
    timezone: str = ""
    coalesce: bool = True
    max_instances: int = 1
    misfire_grace_seconds: int | None = None


class TimedJobs:
    """The APScheduler instance and the jobs built from `[schedule]`."""

    def __init__(
        self,
        schedule: ScheduleSettings,
        request: Request,
        update_round: Callable[[], object] | None = None,
        *,
        poll: bool = False,
    ) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        self._schedule = schedule
        self._request = request
        self._update_round = update_round  # runs in APScheduler's pool: it blocks on the network
        self.poll = poll  # the ERP is a database that can be asked for its changes
        # APScheduler logs two INFO lines per job it runs: with a poll every few seconds that
        # is 35,000 lines a day saying nothing. Runs log their own line; the executor keeps its
        # warnings (missed jobs, failures).
        logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
        self._aps: BackgroundScheduler = BackgroundScheduler(
            timezone=zone(schedule.timezone),
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            },
        )

    def start(self, retry_at: float | None) -> None:
        self.rebuild(self._schedule, retry_at)
        self._aps.start()

    def shutdown(self) -> None:
        with contextlib.suppress(Exception):  # already stopped
            self._aps.shutdown(wait=False)

    def rebuild(self, schedule: ScheduleSettings, retry_at: float | None) -> None:
        """(Re)create every job from `schedule`: after a settings change, and after a clock
        jump (re-anchoring the interval on the new "now")."""
        self._schedule = schedule
        self._aps.remove_all_jobs()
        tz = zone(schedule.timezone)
        if schedule.interval_minutes > 0:  # always, once checked (settings_schema)
            self._aps.add_job(
                self._request,
                "interval",
                args=[Trigger.INTERVAL],
                id=str(Trigger.INTERVAL),
                minutes=float(schedule.interval_minutes),
                timezone=tz,
                replace_existing=True,
            )
        seconds = poll_seconds(schedule) if self.poll else None
        if seconds is not None:
            # A poll missed (a run was going) is not made up: the next one asks the same.
            self._aps.add_job(
                self._request,
                "interval",
                args=[Trigger.POLL],
                id=str(Trigger.POLL),
                seconds=seconds,
                timezone=tz,
                misfire_grace_time=max(1, int(seconds)),
                replace_existing=True,
            )
        at = parse_hhmm(schedule.nightly)
        if at is not None:
            self._aps.add_job(
                self._request,
                "cron",
                args=[Trigger.NIGHTLY],
                kwargs={"full": True},
                id=str(Trigger.NIGHTLY),
                hour=at[0],
                minute=at[1],
                timezone=tz,
                replace_existing=True,
            )
        if self._update_round is not None:
            self._aps.add_job(
                self._update_round,
                "interval",
                id=UPDATE_JOB,
                seconds=UPDATE_ROUND_SECONDS,
                timezone=tz,
                replace_existing=True,
            )
        self.set_retry(retry_at)

    def set_retry(self, when: float | None) -> None:
        """Schedule the backoff's retry run at `when`, or cancel it (None)."""
        if when is None:
            if self._aps.get_job(Trigger.RETRY) is not None:
                self._aps.remove_job(Trigger.RETRY)
            return
        self._aps.add_job(
            self._request,
            "date",
            args=[Trigger.RETRY],
            id=str(Trigger.RETRY),
            run_date=datetime.fromtimestamp(when, zone(self._schedule.timezone)),
            replace_existing=True,
        )

    def wakeup(self) -> None:
        """Let APScheduler recompute its wait now (after a clock jump)."""
        self._aps.wakeup()

    def jobs(self) -> list[JobInfo]:
        return [_describe(job) for job in self._aps.get_jobs()]


def _describe(job: Job) -> JobInfo:
    trigger = job.trigger
    next_run = job.next_run_time.timestamp() if job.next_run_time is not None else None
    interval = getattr(trigger, "interval", None)
    fields = {f.name: str(f) for f in getattr(trigger, "fields", ())}
    at = (int(fields["hour"]), int(fields["minute"])) if fields else None
    tz = getattr(trigger, "timezone", None)
    if tz is None and getattr(trigger, "run_date", None) is not None:
        tz = trigger.run_date.tzinfo
    return JobInfo(
        id=job.id,
        next_run=next_run,
        interval_seconds=interval.total_seconds() if interval is not None else None,
        at=at,
        timezone=str(tz or ""),
        coalesce=job.coalesce,
        max_instances=job.max_instances,
        misfire_grace_seconds=job.misfire_grace_time,
    )
