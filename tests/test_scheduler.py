"""The scheduler (Qt-free): jobs from config, one run at a time, backoff, token block, catch-up
after sleep, the export watcher. Fake engines keep it fast; the clock is injected."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest

from shopsync.config import load_settings, update_config
from shopsync.engine import RunSummary
from shopsync.scheduler import BACKOFF_SECONDS, SyncScheduler, parse_hhmm, wait_settled


class FakeClock:
    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else now  # APScheduler's own clock is real

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeEngine:
    """Records runs; answers the status the test sets; tracks overlapping runs."""

    statuses: list[str]
    delay: float = 0.0
    runs: list[tuple[str, bool]] = None  # type: ignore[assignment]
    active: int = 0
    max_active: int = 0
    closed: bool = False

    def __post_init__(self) -> None:
        self.runs = []
        self.lock = threading.Lock()

    def run_once(self, trigger: str, *, full: bool = False, **_kw) -> RunSummary:
        with self.lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            time.sleep(self.delay)
            self.runs.append((trigger, full))
            status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
            return RunSummary(status)
        finally:
            with self.lock:
                self.active -= 1

    def confirm(self) -> int:
        return 3

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def settings(tmp_path):
    return load_settings(tmp_path)


def make(settings, engine, clock=None, **kw):
    events: list[tuple[str, dict]] = []
    sched = SyncScheduler(
        settings,
        engine_factory=lambda s, observer: engine,
        listener=lambda e, d: events.append((e, d)),
        clock=clock or time.time,
        heartbeat_seconds=kw.pop("heartbeat_seconds", 3600),
        **kw,
    )
    sched.events = events
    return sched


def test_jobs_follow_config_with_timezone_coalesce_and_grace(tmp_path):
    update_config(tmp_path, {"schedule": {"interval_minutes": 7, "nightly": "02:30", "timezone": "Europe/Paris"}})
    settings = load_settings(tmp_path)
    engine = FakeEngine(["ok"])
    sched = make(settings, engine)
    sched.start(run_now=False)
    try:
        jobs = {job.id: job for job in sched._aps.get_jobs()}
        assert set(jobs) == {"interval", "nightly"}
        assert jobs["interval"].trigger.interval.total_seconds() == 7 * 60
        assert str(jobs["interval"].trigger.timezone) == "Europe/Paris"
        assert "hour='2'" in str(jobs["nightly"].trigger) and "minute='30'" in str(jobs["nightly"].trigger)
        for job in jobs.values():
            assert job.coalesce is True
            assert job.max_instances == 1
            assert job.misfire_grace_time == 3600
        assert sched.next_run_time() is not None
        # Rebuilt from config.toml on reload.
        update_config(tmp_path, {"schedule": {"interval_minutes": 15, "nightly": ""}})
        sched.reload(load_settings(tmp_path))
        jobs = {job.id: job for job in sched._aps.get_jobs()}
        assert set(jobs) == {"interval"}
        assert jobs["interval"].trigger.interval.total_seconds() == 15 * 60
    finally:
        sched.stop()


def test_requests_coalesce_and_runs_never_overlap(settings):
    engine = FakeEngine(["ok"], delay=0.05)
    sched = make(settings, engine, timed_jobs=False)
    sched.start(run_now=False)
    try:
        threads = [threading.Thread(target=sched.request, args=("interval",)) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sched.wait_idle(5)
        assert engine.max_active == 1
        assert 1 <= len(engine.runs) <= 3  # coalesced: far fewer than 20
        # A nightly request merged into a waiting run keeps its "full".
        engine.delay = 0.2
        sched.request("interval")
        time.sleep(0.05)  # the first is running; the next two merge into one queued run
        sched.request("interval")
        sched.request("nightly", full=True)
        assert sched.wait_idle(5)
        assert engine.runs[-1] == ("interval", True)
    finally:
        sched.stop()


def test_pause_skips_automatic_runs_but_not_manual(settings):
    engine = FakeEngine(["ok"])
    sched = make(settings, engine, timed_jobs=False)
    sched.start(run_now=False)
    try:
        sched.pause()
        assert sched.request("interval") is False
        assert sched.request("manual") is True
        assert sched.wait_idle(5)
        assert [t for t, _ in engine.runs] == ["manual"]
        sched.resume()  # resuming runs at once
        assert sched.wait_idle(5)
        assert [t for t, _ in engine.runs] == ["manual", "resume"]
        assert any(e == "scheduler" and d["paused"] for e, d in sched.events)
    finally:
        sched.stop()


def test_offline_backs_off_like_nextcloud_then_resets(settings):
    clock = FakeClock()
    engine = FakeEngine(["offline", "offline", "offline", "offline", "offline", "ok"])
    sched = make(settings, engine, clock=clock)
    sched.start(run_now=False)
    try:
        delays = []
        for _ in range(5):
            assert sched.request("retry")
            assert sched.wait_idle(5)
            delays.append(sched.state.retry_at - clock.now)
            # An interval run during the backoff is skipped.
            assert sched.request("interval") is False
            assert sched._aps.get_job("retry") is not None
        assert delays == [*BACKOFF_SECONDS, BACKOFF_SECONDS[-1]]
        clock.now += 3600
        assert sched.request("interval")
        assert sched.wait_idle(5)
        assert sched.state.retry_at is None
        assert sched._aps.get_job("retry") is None
        assert sched.request("interval")  # no more backoff
        assert sched.wait_idle(5)
    finally:
        sched.stop()


def test_refused_token_stops_automatic_runs_until_settings_change(settings):
    engine = FakeEngine(["token_refused", "ok"])
    sched = make(settings, engine, timed_jobs=False)
    sched.start(run_now=True)
    try:
        assert sched.wait_idle(5)
        assert sched.state.blocked == "token_refused"
        assert sched.request("interval") is False
        assert sched.request("watch") is False
        sched.reload(settings)  # the shop entered a new token
        assert sched.state.blocked is None
        assert sched.request("interval") is True
        assert sched.wait_idle(5)
    finally:
        sched.stop()


def test_heartbeat_catches_up_after_sleep_and_clock_jumps(settings):
    clock = FakeClock()
    engine = FakeEngine(["ok"])
    sched = make(settings, engine, clock=clock, heartbeat_seconds=30)
    sched.start(run_now=False)
    try:
        clock.now += 30
        assert sched.heartbeat() is False  # on time
        clock.now += 8 * 3600  # the PC slept all night
        assert sched.heartbeat() is True
        assert sched.wait_idle(5)
        assert engine.runs[-1][0] == "wake"
        clock.now -= 3600  # clock set back an hour
        assert sched.heartbeat() is True
        assert sched.wait_idle(5)
        assert [t for t, _ in engine.runs] == ["wake", "wake"]
        assert {j.id for j in sched._aps.get_jobs()} >= {"interval"}
    finally:
        sched.stop()


def test_new_export_triggers_one_run_after_debounce_and_settle(tmp_path):
    export_dir = tmp_path / "export"
    export_dir.mkdir()
    update_config(tmp_path, {"erp": {"path": str(export_dir / "stock_*.csv"), "settle_seconds": 0.3}})
    settings = load_settings(tmp_path)
    engine = FakeEngine(["ok"])
    sched = make(settings, engine, timed_jobs=False, watch_debounce=0.2)
    sched.start(run_now=False)
    try:
        assert sched.watch_target() == (export_dir, "stock_*.csv")
        target = export_dir / "stock_1.csv"
        with target.open("w") as fh:  # written in chunks, as an ERP does
            for i in range(5):
                fh.write(f"line {i}\n" * 100)
                fh.flush()
                time.sleep(0.05)
        (export_dir / "other.txt").write_text("not an export")
        deadline = time.time() + 10
        while not engine.runs and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        assert [t for t, _ in engine.runs] == ["watch"]
    finally:
        sched.stop()


def test_engine_crash_becomes_an_error_summary_and_worker_survives(settings):
    class Broken(FakeEngine):
        def run_once(self, trigger, **kw):
            raise RuntimeError("boom")

    broken = Broken(["ok"])
    sched = make(settings, broken, timed_jobs=False)
    sched.start(run_now=True)
    try:
        assert sched.wait_idle(5)
        assert sched.state.last_summary.status == "error"
        finished = [d for e, d in sched.events if e == "run_finished"]
        assert finished and finished[0]["summary"].status == "error"
        results = []
        sched.call(lambda engine: engine.confirm(), lambda r, e: results.append((r, e)))
        assert sched.wait_idle(5)
        assert results == [(3, None)]
    finally:
        sched.stop()


def test_helpers(tmp_path):
    assert parse_hhmm("03:00") == (3, 0)
    assert parse_hhmm("") is None and parse_hhmm("25:00") is None and parse_hhmm("x") is None
    f = tmp_path / "f"
    assert wait_settled(f, 0.1, limit=0.3) is False  # never appears
    f.write_text("x")
    assert wait_settled(f, 0.1, poll=0.02) is True
