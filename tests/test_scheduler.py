"""The scheduler (Qt-free): jobs from config, one run at a time, backoff, token block, catch-up
after sleep, the export watcher. Fake engines keep it fast; the clock is injected; the tests wait
on conditions (events, the scheduler's idle state), never on fixed sleeps."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest

from shopsync.config import load_settings, update_config
from shopsync.engine import RunSummary
from shopsync.scheduler import BACKOFF_SECONDS, SyncScheduler, parse_hhmm
from shopsync.scheduling import backoff


class FakeClock:
    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else now  # APScheduler's own clock is real

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeEngine:
    """Records runs; answers the status the test sets; tracks overlapping runs. `started` is
    set when a run begins; a run waits for `gate` (open unless a test closes it)."""

    statuses: list[str]
    delay: float = 0.0
    runs: list[tuple[str, bool]] = None  # type: ignore[assignment]
    active: int = 0
    max_active: int = 0
    closed: bool = False

    def __post_init__(self) -> None:
        self.runs = []
        self.lock = threading.Lock()
        self.started = threading.Event()
        self.finished = threading.Event()
        self.gate = threading.Event()
        self.gate.set()

    def run_once(self, trigger: str, *, full: bool = False, **_kw) -> RunSummary:
        with self.lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        self.started.set()
        try:
            assert self.gate.wait(10), "the test never opened the gate"
            time.sleep(self.delay)  # widens the window for overlapping runs, if any could
            self.runs.append((trigger, full))
            self.finished.set()
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
        jobs = {job.id: job for job in sched.jobs()}
        assert set(jobs) == {"interval", "nightly"}
        assert jobs["interval"].interval_seconds == 7 * 60
        assert jobs["interval"].timezone == "Europe/Paris"
        assert jobs["nightly"].at == (2, 30) and jobs["nightly"].timezone == "Europe/Paris"
        for job in jobs.values():
            assert job.coalesce is True
            assert job.max_instances == 1
            assert job.misfire_grace_seconds == 3600
        assert sched.next_run_time() is not None
        assert sched.next_run_time() == min(sched.next_runs().values())
        # Rebuilt from config.toml on reload.
        update_config(tmp_path, {"schedule": {"interval_minutes": 15, "nightly": ""}})
        sched.reload(load_settings(tmp_path))
        jobs = {job.id: job for job in sched.jobs()}
        assert set(jobs) == {"interval"}
        assert jobs["interval"].interval_seconds == 15 * 60
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
        engine.gate.clear()
        engine.started.clear()
        assert sched.request("interval")
        assert engine.started.wait(5)  # the first is running; the next two merge into one
        assert sched.request("interval") is True
        assert sched.request("nightly", full=True) is False  # merged into the queued run
        engine.gate.set()
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
            assert "retry" in sched.next_runs()
        assert delays == [*BACKOFF_SECONDS, BACKOFF_SECONDS[-1]]
        clock.now += 3600
        assert sched.request("interval")
        assert sched.wait_idle(5)
        assert sched.state.retry_at is None
        assert "retry" not in sched.next_runs()
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
        assert set(sched.next_runs()) >= {"interval"}
    finally:
        sched.stop()


def test_new_export_triggers_one_run_after_debounce(tmp_path):
    export_dir = tmp_path / "export"
    export_dir.mkdir()
    update_config(tmp_path, {"erp": {"path": str(export_dir / "stock_*.csv"), "settle_seconds": 0.3}})
    settings = load_settings(tmp_path)
    engine = FakeEngine(["ok"])
    sched = make(settings, engine, timed_jobs=False, watch_debounce=0.5)
    sched.start(run_now=False)
    try:
        assert sched.watch_target() == (export_dir, "stock_*.csv")
        target = export_dir / "stock_1.csv"
        with target.open("w") as fh:  # written in chunks, as an ERP does: a burst of events
            for i in range(5):
                fh.write(f"line {i}\n" * 100)
                fh.flush()
        assert engine.finished.wait(10), "the new export did not start a run"
        assert sched.wait_idle(5)
        engine.finished.clear()
        (export_dir / "other.txt").write_text("not an export")
        (export_dir / "stock_1.csv.done").write_text("")  # its marker: heard as well
        # Events arrive in order: once the marker's run is done, every earlier event was seen.
        assert engine.finished.wait(10), "the marker file did not start a run"
        assert sched.wait_idle(5)
        assert [t for t, _ in engine.runs] == ["watch", "watch"]  # one per burst, none for other.txt
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


def test_helpers():
    assert parse_hhmm("03:00") == (3, 0)
    assert parse_hhmm("") is None and parse_hhmm("25:00") is None and parse_hhmm("x") is None


def test_backoff_policy_is_nextclouds_with_retry_after_and_a_token_block():
    state = backoff.Backoff()
    now = 1000.0
    waits = []
    for _ in range(len(BACKOFF_SECONDS) + 1):
        state = backoff.after_run(state, "offline", now)
        waits.append(state.retry_at - now)
        assert state.not_before == state.retry_at
    assert waits == [*BACKOFF_SECONDS, BACKOFF_SECONDS[-1]]  # the last wait repeats
    # Automatic runs wait; the retry itself and a person's run do not.
    assert backoff.skip_reason(state, "interval", now, paused=False) == "backing off"
    assert backoff.skip_reason(state, "retry", now, paused=False) is None
    assert backoff.skip_reason(state, "manual", now, paused=True) is None
    assert backoff.skip_reason(state, "interval", state.not_before, paused=False) is None
    # The site's Retry-After wins when it is longer, never when shorter.
    fresh = backoff.Backoff()
    assert backoff.after_run(fresh, "offline", now, retry_after=90).retry_at == now + 90
    assert backoff.after_run(fresh, "offline", now, retry_after=5).retry_at == now + BACKOFF_SECONDS[0]
    # A run that reached the site resets everything but a token block.
    ok = backoff.after_run(state, "ok", now)
    assert ok == backoff.Backoff()
    # Another process holds the lock: a quick retry, no penalty.
    busy = backoff.after_run(fresh, "busy", now)
    assert busy.retry_at == now + BACKOFF_SECONDS[0] and busy.step == -1 and busy.not_before == 0
    # A refused token blocks automatic runs (no retry job) until the settings change.
    blocked = backoff.after_run(state, "token_refused", now)
    assert blocked.blocked == "token_refused" and blocked.retry_at is None
    assert backoff.skip_reason(blocked, "retry", now + 10**6, paused=False) == "token_refused"
    assert backoff.after_run(blocked, "ok", now).blocked == "token_refused"
    assert backoff.skip_reason(blocked, "confirm", now, paused=False) is None
    assert backoff.skip_reason(fresh, "interval", now, paused=True) == "paused"


def test_watcher_hears_the_export_and_its_marker_only():
    from shopsync.scheduling.watcher import is_export_event

    assert is_export_event("STOCK_2.CSV", "stock_*.csv")  # any case, as Windows names go
    assert is_export_event("stock_2.csv.done", "stock_*.csv")
    assert is_export_event("stock.OK", "stock.csv")  # marker named after the stem
    assert not is_export_event("other.txt", "stock_*.csv")
    assert not is_export_event("stock_2.csv.tmp", "stock_*.csv")
    assert not is_export_event("prices.done", "stock.csv")
