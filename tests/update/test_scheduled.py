"""The update round the tray app runs: check → download → install at a quiet hour or at exit,
never during a sync; and the tray's two sentences."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import filelock
import pytest

from shopsync.update.policy import Action
from shopsync.update.scheduled import at_exit, tick

from .helpers import CURRENT, NEXT, install_stand_in, make_bundle_archive, run_release, serving

NOON = datetime(2026, 11, 30, 12, 0).astimezone()
QUIET = datetime(2026, 11, 30, 2, 30).astimezone()


@pytest.fixture
def offered(tmp_path: Path, repo: Path, keys: Path, agent):
    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "n1.tar.gz", NEXT), "--version", NEXT)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        yield mirror


def test_auto_downloads_by_day_and_installs_at_the_quiet_hour(tmp_path, agent, offered) -> None:
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    launched: list = []
    hooks = {"bundle": bundle, "launcher": launched.append}
    assert tick(agent.settings(), now=NOON, **hooks) is Action.WAIT_FOR_EXIT
    assert list((agent.home / "update" / "downloads").iterdir())
    assert launched == []
    with filelock.FileLock(str(agent.home / "sync.lock")):  # a sync is running
        assert tick(agent.settings(), now=QUIET, **hooks) is Action.WAIT_FOR_EXIT
    assert launched == []
    assert tick(agent.settings(), now=QUIET, restart_args=("run",), **hooks) is Action.APPLY
    assert launched == [[str(bundle / "shopsync"), "run"]]  # headless: back as a service


def test_notify_mode_only_tells(agent, offered) -> None:
    from shopsync.config import update_config

    update_config(agent.home, {"update": {"mode": "notify"}})
    assert tick(agent.settings(), now=QUIET) is Action.NOTIFY
    assert not (agent.home / "update" / "downloads").exists()


def test_off_mode_asks_nobody(agent, offered) -> None:
    from shopsync.config import update_config

    update_config(agent.home, {"update": {"mode": "off"}})
    assert tick(agent.settings(), now=NOON) is Action.NOTHING
    assert offered.requests == []


def test_closing_the_app_installs_a_downloaded_update(tmp_path, agent, offered,
                                                      monkeypatch) -> None:
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    monkeypatch.setenv("SHOPSYNC_UPDATE_BUNDLE", str(bundle))
    assert tick(agent.settings(), now=NOON) is Action.WAIT_FOR_EXIT
    launched: list = []
    assert at_exit(agent.settings(), launcher=launched.append) is True
    assert launched == [[str(bundle / "shopsync")]]  # the bundle found through the env
    assert (bundle.parent / f"shopsync.old-{CURRENT}").is_dir()


def test_nothing_downloaded_means_no_network_at_exit(agent, offered) -> None:
    assert at_exit(agent.settings()) is False
    assert offered.requests == []


def test_the_tray_says_it(qtbot, agent, offered) -> None:
    from shopsync.config import update_config
    from shopsync.gui import i18n
    from shopsync.gui.controller import AppController
    from shopsync.gui.hub import AppHub

    i18n.install("fr")
    hub = AppHub(agent.settings(), timed_jobs=False, update_round=tick)
    hub.start(run_now=False)
    try:
        tray = AppController(hub, use_tray=False).tray
        # What the scheduler's "update" job does, in a thread of its own as APScheduler runs it.
        threading.Thread(target=hub.scheduler.run_update_round, daemon=True).start()
        qtbot.waitUntil(lambda: tray.update_note is not None, timeout=20000)
        assert tray.update_note == "Mise à jour installée à la prochaine fermeture"
        tray.rebuild_menu()
        assert tray.update_note in [a.text() for a in tray.menu.actions()]
        update_config(agent.home, {"update": {"mode": "notify"}})
        hub.settings = agent.settings()
        tray.show_update(tick(hub.settings, now=NOON))
        assert tray.update_note == "Mise à jour disponible"
        assert [m for _t, m in tray.messages if "Mise à jour" in m] == [
            "Mise à jour installée à la prochaine fermeture", "Mise à jour disponible"]
        quits: list = []
        tray.quit_requested.connect(lambda: quits.append(True))
        tray.show_update(Action.APPLY)  # installed at the quiet hour: the app makes way
        assert quits == [True]
    finally:
        hub.shutdown()


def test_service_mode_runs_the_round_and_makes_way_for_the_new_version(agent, offered,
                                                                      monkeypatch) -> None:
    """`shopsync run --headless`: the scheduler's update job runs a round each hour and the
    service ends (the scheduler stopped) once a new version was installed, so that it can start."""
    from shopsync.commands import run as run_command
    from shopsync.scheduling import jobs

    rounds: list[object] = []

    def fake_round(settings) -> Action:  # noqa: ANN001
        rounds.append(settings.home)
        return Action.APPLY if len(rounds) == 2 else Action.NOTHING  # installed at the second

    monkeypatch.setattr(jobs, "UPDATE_ROUND_SECONDS", 0.05)
    monkeypatch.setattr(run_command, "update_round", fake_round)
    result: list[int] = []
    # In a thread: the loop installs no signal handler there (pytest keeps its own).
    worker = threading.Thread(target=lambda: result.append(run_command.run_forever(agent.settings())))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and result == [0]
    assert rounds == [agent.home, agent.home]


def test_service_mode_round_asks_nobody_when_updates_are_off(agent, offered) -> None:
    from shopsync.commands.run import update_round
    from shopsync.config import update_config

    update_config(agent.home, {"update": {"mode": "off"}})
    assert update_round(agent.settings()) is Action.NOTHING
    assert offered.requests == []


def test_the_update_round_is_one_job_of_the_scheduler(qtbot, agent, offered) -> None:
    """The tray app and the service schedule the round the same way: one "update" job in the
    scheduler (shopsync/scheduling/jobs.py), still one after the settings are reloaded; the
    tray has no timer of its own and only shows what the job decided."""
    from PySide6.QtCore import QTimer

    from shopsync.gui import i18n
    from shopsync.gui.controller import AppController
    from shopsync.gui.hub import AppHub
    from shopsync.scheduling.jobs import UPDATE_JOB, UPDATE_ROUND_SECONDS

    i18n.install("fr")
    hub = AppHub(agent.settings(), update_round=tick)  # timed jobs on, as the tray app runs
    hub.start(run_now=False)
    try:
        tray = AppController(hub, use_tray=False).tray
        updates = [job for job in hub.scheduler.jobs() if job.id == UPDATE_JOB]
        assert len(updates) == 1 and updates[0].interval_seconds == UPDATE_ROUND_SECONDS
        assert tray.findChildren(QTimer) == []
        from shopsync.config import update_config

        update_config(agent.home, {"update": {"mode": "notify"}})
        hub.scheduler.reload(agent.settings())
        assert [job.id for job in hub.scheduler.jobs()].count(UPDATE_JOB) == 1
        # The job's own call (APScheduler runs it in its pool), with the reloaded settings.
        threading.Thread(target=hub.scheduler.run_update_round, daemon=True).start()
        qtbot.waitUntil(lambda: tray.update_note == "Mise à jour disponible", timeout=20000)
    finally:
        hub.shutdown()
