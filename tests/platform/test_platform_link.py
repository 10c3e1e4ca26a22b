"""The link's timing and manners, in-process with a controlled clock against real sandboxes:
offline heartbeats are not queued (only the latest goes when the site is back, at the first
retry); a v1 site (404) leaves syncing alone and is mentioned once in the log; the connection
report goes only when it changed; the payload is small and holds no secret."""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
from pathlib import Path

import pytest
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows

from shopsync.agent.heartbeat import MAX_GZIPPED_BYTES, build_heartbeat, gzipped_size, iso
from shopsync.agent.link import PlatformLink, heartbeat_interval
from shopsync.config import load_settings
from shopsync.site.sandbox.testing import running_sandbox, start_sandbox_process
from shopsync.store import aliases, runs
from shopsync.store.db import open_db

ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
    ("F2O560/1", "FESTINA", "CHRONO TYPO", "1", "120,00", "", ""),  # to rewrite
]
T0 = 1_800_000_000.0


class Host:
    def __init__(self) -> None:
        self.paused, self.reconciles = False, 0

    def full_reconcile(self) -> bool:
        self.reconciles += 1
        return True

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def is_paused(self) -> bool:
        return self.paused

    def next_run_at(self) -> float | None:
        return T0 + 300


def sandbox_rows(data: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(data / "sandbox.db")
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def link_for(shop: Shop) -> PlatformLink:
    return PlatformLink(load_settings(shop.home), Host())


@pytest.fixture
def synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    catalog = write_catalog_rows(tmp_path / "catalog.csv", CATALOG)
    return catalog


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_heartbeats_are_not_queued_and_the_latest_goes_at_once(tmp_path, synced):
    data, port = tmp_path / "site", free_port()
    args = ["--port", str(port)]
    process, url = start_sandbox_process(data, token=TOKEN, catalog=synced, extra_args=args)
    try:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        assert shop.sync().exit_code == 0
        link = link_for(shop)
        interval = heartbeat_interval(link.settings)
        assert interval == 15 * 60  # the default `[site] heartbeat = "15m"`
        assert link.tick(T0) is True
        assert not link.tick(T0 + 10)  # not due yet: nothing sent
    finally:
        process.terminate()
        process.wait(15)
    beats = "SELECT beats, body FROM agent_heartbeats"
    assert sandbox_rows(data, beats)[0][0] == 1
    # The site is down for an hour: every attempt fails, every offline_retry seconds.
    now, failed = T0 + interval, 0
    while now < T0 + 3600:
        assert link.tick(now) is False
        failed += 1
        now += link.offline_retry
        assert not link.tick(now - 1)  # between retries nothing is attempted
    assert failed > 100
    process, _ = start_sandbox_process(data, token=TOKEN, catalog=synced, extra_args=args)
    try:
        assert link.tick(now) is True  # the first retry after the site is back delivers
        [(count, body)] = sandbox_rows(data, beats)
        assert count == 2  # one heartbeat for the whole outage: none was queued
        assert json.loads(body)["clock"] == iso(now)  # the latest state, built when sent
        assert not link.tick(now + link.offline_retry)  # back to the normal interval
        assert link.tick(now + interval)
    finally:
        process.terminate()
        process.wait(15)


def test_a_v1_site_keeps_syncing_and_is_mentioned_once(tmp_path, synced, caplog):
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=synced, v1_only=True) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        link = link_for(shop)
        with caplog.at_level(logging.INFO, logger="shopsync.agent"):
            assert link.tick(T0) is False
            for minute in range(1, 30):
                link.after_run(None)
                assert link.tick(T0 + 60 * minute, force=True) is False
            assert shop.sync().exit_code == 0  # syncing goes on
            assert shop.sync().status == "unchanged"
        said = [r for r in caplog.records if "does not support" in r.getMessage()]
        assert len(said) == 1, [r.getMessage() for r in caplog.records]
        assert "Site API v1.1" in said[0].getMessage()


def test_connection_report_goes_only_when_it_changed(tmp_path, synced):
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=synced) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        assert shop.sync().exit_code == 0
        link = link_for(shop)
        for hour in range(3):
            assert link.tick(T0 + 3600 * hour)
        report_sql = "SELECT times, body FROM agent_reports"
        [(times, body)] = sandbox_rows(tmp_path / "site", report_sql)
        report = json.loads(body)
        assert times == 1
        assert report["counts"]["references"] == 3 and report["counts"]["to_rewrite"] == 1
        assert report["to_rewrite"][0]["suggestions"][0]["reference"] == "F20560/1"
        # The shop accepts the suggestion: the report changes, and goes again once.
        db = open_db(shop.home / "shopsync.db")
        try:
            aliases.accept(db, "F2O560/1", "F20560/1")
        finally:
            db.conn.close()
        for hour in range(3, 6):
            assert link.tick(T0 + 3600 * hour)
        [(times, body)] = sandbox_rows(tmp_path / "site", report_sql)
        assert times == 2
        assert json.loads(body)["counts"]["aliases_accepted"] == 1


def test_heartbeat_is_small_and_holds_no_secret(tmp_path, synced, monkeypatch):
    password = "erp-secret-Zx81"
    monkeypatch.setenv("SHOPSYNC_ODBC_PASSWORD", password)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=synced) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        assert shop.sync().exit_code == 0
    settings = load_settings(shop.home)
    db = open_db(settings.db_path)
    try:
        run = runs.start_run(db, "test", T0)
        leak = f"Authorization: Bearer {TOKEN} PWD={password} {password} " + "é" * 5000
        runs.finish_run(db, run, T0 + 1, {"status": "error", "message": leak})
        from shopsync.diagnostics import known_secrets

        body = build_heartbeat(
            settings, db, agent_id="x" * 36, now=T0, secrets=known_secrets(settings)
        )
    finally:
        db.conn.close()
    text = json.dumps(body, ensure_ascii=False)
    assert TOKEN not in text and password not in text
    assert body["last_error"]["code"] == "error"
    assert gzipped_size(body) <= MAX_GZIPPED_BYTES
    assert len(text.encode()) < 2048


def test_pause_resume_and_a_lost_ack_never_redo_a_request(tmp_path, synced):
    from shopsync.config import site_token
    from shopsync.errors import SiteUnreachable
    from shopsync.site.client import SiteClient
    from shopsync.site.sandbox.testing import agent_requests, queue_agent_request

    class LosesFirstAck(SiteClient):
        """The real client; the first acknowledgement's answer is lost on the way back."""

        lost = 0

        def ack_request(self, request_id, outcome, message=None):
            super().ack_request(request_id, outcome, message)
            if LosesFirstAck.lost == 0:
                LosesFirstAck.lost += 1
                raise SiteUnreachable("connection reset after the ack was sent")

    data = tmp_path / "site"
    with running_sandbox(data, token=TOKEN, catalog=synced) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        host = Host()
        settings = load_settings(shop.home)
        link = PlatformLink(
            settings, host, client_factory=lambda: LosesFirstAck(url, site_token(url), retries=0)
        )
        pause = queue_agent_request(data, "pause")
        assert link.tick(T0) is False  # paused, then the ack's answer was lost
        assert host.paused
        # The site still lists the request (as if the ack never arrived): it is acknowledged
        # again, not done again.
        with sqlite3.connect(data / "sandbox.db") as db:
            db.execute("UPDATE agent_requests SET acked_at = NULL, outcome = NULL")
        host.paused = False
        assert link.tick(T0 + 15, force=True) is True
        assert not host.paused  # not paused a second time
        resume = queue_agent_request(data, "resume")
        host.paused = True
        reconcile = queue_agent_request(data, "full_reconcile")
        assert link.tick(T0 + 30, force=True) is True
        assert not host.paused and host.reconciles == 1
        assert link.tick(T0 + 45, force=True) is True
        assert host.reconciles == 1
    outcomes = {r["id"]: r["outcome"] for r in agent_requests(data)}
    assert outcomes == {pause: "done", resume: "done", reconcile: "done"}
