"""The poll job (`[schedule] poll`, issue 20): an ERP database is asked for its changes every few
seconds through `SyncEngine.poll()`; a poll that found nothing is silent (no state, no run
line, no platform call), one that found something hands its run summary on like any run."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from shopsync.config import load_settings, update_config
from shopsync.errors import ConfigError
from shopsync.scheduler import SyncScheduler
from shopsync.sync.summary import RunSummary
from shopsync.sync.vocab import RunStatus, Trigger


class PollingEngine:
    """Answers polls from a script: None (nothing changed) or a status (a run happened)."""

    def __init__(self, answers: list[str | None]) -> None:
        self.answers = answers
        self.polls = 0
        self.runs: list[str] = []
        self.done = threading.Event()

    def poll(self) -> RunSummary | None:
        self.polls += 1
        answer = self.answers.pop(0) if self.answers else None
        if not self.answers:
            self.done.set()
        return None if answer is None else RunSummary(answer)

    def run_once(self, trigger: str, *, full: bool = False, **_kw) -> RunSummary:
        self.runs.append(str(trigger))
        return RunSummary(RunStatus.OK)

    def confirm(self) -> int:
        return 0

    def close(self) -> None:
        pass


def _database_home(tmp_path: Path, poll: str) -> None:
    profile = tmp_path / "erp.toml"
    profile.write_text('[source]\ntype = "odbc"\ndsn = "BIJOU"\nquery = "SELECT 1"\n', encoding="utf-8")
    load_settings(tmp_path)
    update_config(tmp_path, {"erp": {"profile": str(profile)},
                             "schedule": {"poll": poll, "interval_minutes": 60, "nightly": ""}})


def test_poll_job_only_for_a_database_and_at_the_configured_pace(tmp_path: Path) -> None:
    load_settings(tmp_path)  # a file source: the watcher serves it, no poll job
    files = SyncScheduler(load_settings(tmp_path), engine_factory=lambda s, o: PollingEngine([]),
                          platform_link=False)
    files.start(run_now=False)
    try:
        assert "poll" not in {job.id for job in files.jobs()}
    finally:
        files.stop()
    _database_home(tmp_path, "3s")
    sched = SyncScheduler(load_settings(tmp_path), engine_factory=lambda s, o: PollingEngine([]),
                          platform_link=False)
    sched.start(run_now=False)
    try:
        jobs = {job.id: job for job in sched.jobs()}
        assert jobs["poll"].interval_seconds == 3
        assert sched.next_run_time() == jobs["interval"].next_run  # a poll is not "the next sync"
    finally:
        sched.stop()


def test_quiet_polls_tell_nobody_and_a_poll_with_changes_is_a_run(tmp_path: Path) -> None:
    _database_home(tmp_path, "10s")
    engine = PollingEngine([None, None, None, RunStatus.OK])
    events: list[tuple[str, dict]] = []
    sched = SyncScheduler(load_settings(tmp_path), engine_factory=lambda s, o: engine,
                          listener=lambda e, d: events.append((e, d)), timed_jobs=False,
                          platform_link=False)
    sched.start(run_now=False)
    try:
        for _ in range(3):
            assert sched.request(Trigger.POLL)
            assert sched.wait_idle(10)
        quiet = list(events)
        assert engine.polls == 3 and sched.state.last_summary is None
        assert [e for e, _ in quiet if e != "scheduler"] == []
        assert len([e for e, _ in quiet if e == "scheduler"]) == 1  # the start's, none since
        assert sched.request(Trigger.POLL)
        assert sched.wait_idle(10) and engine.done.is_set()
        assert sched.state.last_summary is not None
        assert sched.state.last_summary.status == RunStatus.OK
        assert engine.runs == []  # the poll ran it (SyncEngine.poll → run_once(POLL))
    finally:
        sched.stop()


def test_a_poll_waiting_in_the_queue_becomes_the_run_asked_after_it(tmp_path: Path) -> None:
    _database_home(tmp_path, "10s")
    engine = PollingEngine([])
    sched = SyncScheduler(load_settings(tmp_path), engine_factory=lambda s, o: engine,
                          timed_jobs=False, platform_link=False)
    assert sched.request(Trigger.POLL)  # queued before the worker starts
    assert not sched.request(Trigger.INTERVAL)  # merged into the queued one...
    assert sched._queued_run is not None and sched._queued_run.trigger == Trigger.INTERVAL
    sched.start(run_now=False)
    try:
        assert sched.wait_idle(10)
        assert engine.runs == ["interval"] and engine.polls == 0  # ...which reads the changes
    finally:
        sched.stop()


@pytest.mark.parametrize("value", ["0s", "often", "5"])
def test_a_bad_poll_is_a_config_error_naming_the_key(tmp_path: Path, value: str) -> None:
    load_settings(tmp_path)
    before = (tmp_path / "config.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[schedule\] poll"):  # refused before writing
        update_config(tmp_path, {"schedule": {"poll": value}})
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == before
    (tmp_path / "config.toml").write_text(f'[schedule]\npoll = "{value}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[schedule\] poll"):  # and refused at load
        load_settings(tmp_path)
