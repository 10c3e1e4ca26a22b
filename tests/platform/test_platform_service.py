"""Real processes: the sandbox site (`shopsync sandbox --agent-late 2s --agent-silent 4s`) and
the connector as a service (`shopsync run --headless`, `[site] heartbeat = "1s"`).

What the platform sees: heartbeats while nothing changes; the connector killed → late, then
silent, at the configured times; restarted → ok. What it can ask: a diagnostic (one upload, no
secret inside, acknowledged, not repeated) and a full reconcile (one run)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows

from shopsync.site.sandbox.testing import (
    agent_diagnostics,
    agent_requests,
    queue_agent_request,
    start_sandbox_process,
)

ERP_PASSWORD = "erp-Pa55-w0rd-91c"
ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
]


def wait_for(predicate, timeout: float = 30.0, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


class Platform:
    def __init__(self, url: str, data: Path) -> None:
        self.url, self.data = url, data

    def agent(self) -> dict:
        r = httpx.get(f"{self.url}/api/v1/agent", headers={"Authorization": f"Bearer {TOKEN}"})
        r.raise_for_status()
        return r.json()

    def admin(self) -> str:
        return httpx.get(f"{self.url}/admin", auth=("plateforme", TOKEN)).text


@pytest.fixture
def platform(tmp_path: Path):
    catalog = write_catalog_rows(tmp_path / "catalog.csv", CATALOG)
    process, url = start_sandbox_process(
        tmp_path / "site",
        token=TOKEN,
        catalog=catalog,
        extra_args=["--agent-late", "2s", "--agent-silent", "4s"],
    )
    try:
        yield Platform(url, tmp_path / "site")
    finally:
        process.terminate()
        process.wait(15)


def wait_heartbeats(platform: Platform, count: int) -> None:
    """Until `count` more heartbeats arrived (each carries the agent's clock, in seconds)."""
    for _ in range(count):
        last = platform.agent()["heartbeat"]["clock"]
        assert wait_for(lambda last=last: platform.agent()["heartbeat"]["clock"] > last)


def start_agent(shop: Shop) -> subprocess.Popen:
    env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN, SHOPSYNC_ODBC_PASSWORD=ERP_PASSWORD)
    return subprocess.Popen(
        [sys.executable, "-m", "shopsync", "run", "--headless", "--home", str(shop.home)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_agent(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    return out + err


def runs_by_trigger(shop: Shop, trigger: str) -> int:
    db = sqlite3.connect(shop.home / "shopsync.db")
    try:
        return db.execute("SELECT COUNT(*) FROM runs WHERE trigger = ?", (trigger,)).fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def shop(tmp_path: Path, platform: Platform, monkeypatch: pytest.MonkeyPatch) -> Shop:
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    shop = Shop(tmp_path / "home", platform.url)
    shop.configure(site={"heartbeat": "1s"}, schedule={"interval_minutes": 60})
    shop.write(ROWS)
    return shop


def test_heartbeats_while_idle_then_late_silent_and_ok_again(shop: Shop, platform: Platform):
    assert platform.agent()["health"] == "never"
    agent = start_agent(shop)
    try:
        first = wait_for(lambda: (a := platform.agent())["heartbeat"] and a)
        assert first and first["health"] == "ok"
        # Nothing changes in the shop, and heartbeats keep arriving (the agent's clock moves).
        assert wait_for(lambda: platform.agent()["heartbeat"]["clock"] != first["heartbeat"]["clock"])
        beat = platform.agent()["heartbeat"]
        assert beat["pending"] == 0 and beat["version"] and beat["erp"]["kind"] == "file"
        assert beat["last_export"]["lines"] == 2 and beat["last_delivery_at"]
        assert "data-health='ok'" in platform.admin()
    finally:
        agent.kill()  # the PC switched off: no goodbye
        agent.wait(15)
    killed = time.monotonic()
    assert wait_for(lambda: platform.agent()["health"] == "late", timeout=10)
    late_after = time.monotonic() - killed
    assert wait_for(lambda: platform.agent()["health"] == "silent", timeout=10)
    silent_after = time.monotonic() - killed
    # The last heartbeat came at most ~1 s (the interval) before the kill: never early; the
    # upper bounds leave room for a loaded machine.
    assert 0.5 < late_after < 4.5, late_after
    assert 2.5 < silent_after < 6.5, silent_after
    view = platform.agent()
    since = datetime.fromisoformat(view["since"])
    last = datetime.fromisoformat(view["last_heartbeat_at"])
    assert (since - last).total_seconds() == 4
    assert "Silencieux depuis" in platform.admin()

    agent = start_agent(shop)
    try:
        assert wait_for(lambda: platform.agent()["health"] == "ok", timeout=20)
        assert "data-health='ok'" in platform.admin()
    finally:
        stop_agent(agent)


def test_a_diagnostic_request_is_one_upload_without_secrets(shop: Shop, platform: Platform):
    # Secrets where a careless export would pick them up: a log line and the config file.
    logs = shop.home / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "shopsync.log").write_text(
        f"DEBUG sent Authorization: Bearer {TOKEN}\nDEBUG token={TOKEN}\n"
        f"INFO odbc DSN=Bijou;UID=shop;PWD={ERP_PASSWORD}\nINFO ok {ERP_PASSWORD}\n",
        encoding="utf-8",
    )
    request = queue_agent_request(platform.data, "diagnostics")
    agent = start_agent(shop)
    try:
        uploads = wait_for(lambda: agent_diagnostics(platform.data))
        assert wait_for(lambda: agent_requests(platform.data)[0]["outcome"] == "done")
        wait_heartbeats(platform, 3)  # later heartbeats: the request is not done again
    finally:
        stop_agent(agent)
    assert uploads is not None
    final = agent_diagnostics(platform.data)
    assert len(final) == 1
    request_id, path = final[0]
    assert request_id == request
    names, blob = [], b""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            names.append(name)
            blob += zf.read(name)
    assert "logs/shopsync.log" in names and b"odbc DSN=Bijou" in blob  # the log is in it
    assert TOKEN.encode() not in blob
    assert ERP_PASSWORD.encode() not in blob
    assert TOKEN.encode() not in path.read_bytes() and ERP_PASSWORD.encode() not in path.read_bytes()
    [acked] = agent_requests(platform.data)
    assert acked["outcome"] == "done" and acked["acked_at"]


def test_a_full_reconcile_request_is_one_run(shop: Shop, platform: Platform):
    agent = start_agent(shop)
    try:
        assert wait_for(lambda: platform.agent()["heartbeat"])
        assert runs_by_trigger(shop, "support") == 0
        request = queue_agent_request(platform.data, "full_reconcile")
        unknown = queue_agent_request(platform.data, "execute: rm -rf /")
        assert wait_for(lambda: all(r["acked_at"] for r in agent_requests(platform.data)))
        assert wait_for(lambda: runs_by_trigger(shop, "support") == 1)
        wait_heartbeats(platform, 3)
    finally:
        output = stop_agent(agent)
    assert runs_by_trigger(shop, "support") == 1
    outcomes = {r["id"]: r["outcome"] for r in agent_requests(platform.data)}
    assert outcomes == {request: "done", unknown: "ignored"}
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "unknown kind 'execute: rm -rf /'" in log
    assert "Traceback" not in output
