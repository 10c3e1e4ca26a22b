"""Delivery that survives crashes, outages and replays: exactly once, newest state wins."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from shop_fixtures import TOKEN, Shop, write_catalog_rows


def big_catalog(n: int) -> list[dict]:
    return [{"reference": f"REF-{i:05d}", "brand": "Tissot", "title": f"Montre {i}"} for i in range(n)]


def rows_for(n: int, qty=lambda i: 1 + i % 3) -> list[tuple]:
    return [(f"REF-{i:05d}", "TISSOT", f"MONTRE {i}", str(qty(i)), f"{100 + i},00", "", "") for i in range(n)]


def _site_matches(site, shop_rows) -> list[str]:
    """References whose site state differs from the export (published, quantity, price)."""
    import httpx

    wrong = []
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        products, cursor = {}, None
        while True:
            r = client.get(f"{site.url}/api/v1/products", params={"cursor": cursor} if cursor else {})
            body = r.json()
            for p in body["items"]:
                products[p["reference"]] = p
            cursor = body.get("next_cursor")
            if not cursor:
                break
    for ref, _b, _d, qty, price, _s, _st in shop_rows:
        p = products[ref]
        expected_price = f"{price.replace(',', '.')}"
        if not p["published"] or p["quantity"] != int(qty) or p["price"] != expected_price:
            wrong.append(ref)
    return wrong


def _wait_for(path, timeout: float) -> bool:
    """Poll for a file the sandbox's stall hook writes (a condition, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture
def stalling_site(tmp_path, monkeypatch):
    """The big catalogue's sandbox, holding the second stock batch until the test releases it
    (`faults.BatchStall`): an upload the test can kill provably mid-way."""
    from shop_fixtures import Site

    from shopsync.site.sandbox.faults import STALL_ENV
    from shopsync.site.sandbox.testing import running_sandbox

    gate = tmp_path / "stall"
    gate.mkdir()
    monkeypatch.setenv(STALL_ENV, f"1:{gate}")
    csv = write_catalog_rows(tmp_path / "big.csv", big_catalog(2000))
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=csv) as url:
        yield Site(url, tmp_path / "site"), gate
        (gate / "release").touch()  # never leave the sandbox holding a request


def test_sigkill_mid_upload_then_restart_converges_exactly_once(tmp_path, stalling_site, monkeypatch):
    from shopsync.site.sandbox.testing import applied_counts, replay_count

    site, gate = stalling_site
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    shop = Shop(tmp_path / "home", site.url)
    rows = rows_for(2000)
    shop.write(rows)
    env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN)
    proc = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "sync", "--once", "--home", str(shop.home)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(gate / "stalled", 60), "the sync never sent its second batch"
        conn = sqlite3.connect(f"file:{shop.home / 'shopsync.db'}?mode=ro", uri=True, timeout=5)
        try:
            acked = conn.execute("SELECT COUNT(*) FROM acknowledged").fetchone()[0]
            in_flight = conn.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
        finally:
            conn.close()
        # Mid-upload: the first batch acknowledged, the second written, sent and unanswered.
        assert 0 < acked < 2000 and in_flight == 1, (acked, in_flight)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    # The site now applies the batch whose sender is dead: applied, never acknowledged.
    (gate / "release").touch()
    assert _wait_for(gate / "handled", 30)

    summary = shop.sync()
    assert summary.exit_code == 0, summary
    assert _site_matches(site, rows) == []
    counts = applied_counts(site.data)
    assert counts and max(counts.values()) == 1  # nothing applied twice
    assert replay_count(site.data) >= 1  # the batch in flight went again with its key
    assert shop.sync().uploaded == 0


@pytest.mark.slow  # ~30-50 s (a week of runs): in `make test-slow`, CI's slow step
def test_a_week_offline_keeps_one_pending_state_per_reference(shop, site):
    rows = [("F20560/1", "FESTINA", "CHRONO", "5", "100,00", "", "")]
    shop.write(rows)
    assert shop.sync().exit_code == 0
    shop.configure(site={"url": "http://127.0.0.1:9"})
    for qty in (4, 3, 2, 1):
        shop.write([("F20560/1", "FESTINA", "CHRONO", str(qty), "100,00", "", "")])
        out = shop.sync()
        assert out.exit_code == 3 and out.pending == 1
    shop.configure(site={"url": site.url})
    out = shop.sync()
    assert out.exit_code == 0 and out.uploaded == 1
    assert site.product("F20560/1")["quantity"] == 1


def test_rejected_items_are_recorded_not_retried(shop, site, tmp_path):
    from shopsync.store import delivery

    shop.write([("F20560/1", "FESTINA", "CHRONO", "1", "100,00", "", "")])
    assert shop.sync().exit_code == 0
    engine = shop.engine()
    try:
        # The site refuses the item (its reference vanished from the site but not our cache).
        engine.db.conn.execute(
            "INSERT INTO catalog VALUES ('GHOST-1', 'Festina', 'x', 0, '[]')"
        )
        engine.db.conn.execute("UPDATE meta SET value = '1e18' WHERE key = 'catalog_fetched_at'")
    finally:
        engine.close()
    shop.write([
        ("F20560/1", "FESTINA", "CHRONO", "1", "100,00", "", ""),
        ("GHOST-1", "FESTINA", "FANTOME", "1", "50,00", "", ""),
    ])
    first = shop.sync()
    assert first.rejected == 1 and first.pending == 0
    engine = shop.engine()
    try:
        assert [r["reference"] for r in delivery.rejections(engine.db)] == ["GHOST-1"]
    finally:
        engine.close()
    assert shop.sync().uploaded == 0  # not sent again until it changes


def test_refused_token_stops_with_a_clear_state(shop, site, monkeypatch):
    shop.write([("F20560/1", "FESTINA", "CHRONO", "1", "100,00", "", "")])
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", "wrong-token")
    out = shop.sync()
    assert out.status == "token_refused" and out.exit_code == 2
    assert "refusé le jeton" in out.message and "wrong-token" not in out.message  # suite: French
    engine = shop.engine()
    try:
        assert engine.status()["state"] == "token_refused"
    finally:
        engine.close()


def test_one_run_at_a_time_across_processes_and_no_stuck_lock(shop):
    import filelock

    shop.write([("F20560/1", "FESTINA", "CHRONO", "1", "100,00", "", "")])
    lock = filelock.FileLock(str(shop.home / "sync.lock"))
    with lock:
        engine = shop.engine()
        try:
            assert engine.run_once("test").status == "busy"
        finally:
            engine.close()
    # A process that dies holding the lock does not leave it stuck.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import filelock, sys, time; l = filelock.FileLock(sys.argv[1]); l.acquire(); "
         "print('held', flush=True); time.sleep(60)", str(shop.home / "sync.lock")],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    assert shop.sync().status == "ok"


def test_unchanged_export_is_not_parsed_again_but_settings_recompute(shop, site, monkeypatch):
    import shopsync.erp

    shop.write([("F20560/1", "FESTINA", "CHRONO", "0", "100,00", "", "")])
    assert shop.sync().status == "ok"

    def no_parse(*a, **k):
        raise AssertionError("the unchanged export was parsed again")

    monkeypatch.setattr(shopsync.erp, "read_export", no_parse)
    assert shop.sync().status == "unchanged"
    shop.configure(backorder={"enabled": True})
    out = shop.sync()
    assert out.status == "ok" and out.uploaded == 1
    assert site.product("F20560/1")["availability"] == "backorder"


def test_a_bug_mid_run_is_recorded_not_raised(shop, monkeypatch):
    from shopsync import rules

    shop.write([("F20560/1", "FESTINA", "CHRONO", "1", "100,00", "", "")])

    def broken(*a, **k):
        raise KeyError("boom")

    monkeypatch.setattr(rules, "desired_states", broken)
    out = shop.sync()
    assert out.status == "error" and out.exit_code == 1 and "KeyError" in out.message
    engine = shop.engine()
    try:
        assert engine.status()["last_run"]["status"] == "error"
    finally:
        engine.close()
