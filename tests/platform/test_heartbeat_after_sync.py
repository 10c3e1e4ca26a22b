"""`shopsync sync --once` (what a scheduled task runs) tells the platform, as the service does
after each run: real CLI processes against a real sandbox on 127.0.0.1, the platform's view
read from `/admin` and `GET /api/v1/agent`. The heartbeat never decides the sync's outcome: a
site without Site API v1.1 (404) and a site that is down leave the exit code alone.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows

from shopsync.site.sandbox.testing import running_sandbox

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
]


def admin(url: str) -> str:
    page = httpx.get(f"{url}/admin", auth=("platform", TOKEN), timeout=10)
    assert page.status_code == 200
    return page.text


def health(url: str) -> str:
    found = re.search(r"data-health='(\w+)'", admin(url))
    assert found is not None
    return found.group(1)


def beats(data: Path) -> int:
    db = sqlite3.connect(data / "sandbox.db")
    try:
        row = db.execute("SELECT SUM(beats) FROM agent_heartbeats").fetchone()
        return int(row[0] or 0)
    finally:
        db.close()


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    return write_catalog_rows(tmp_path / "catalog.csv", CATALOG)


def test_sync_once_sends_one_heartbeat_and_admin_stops_saying_never(tmp_path, catalog):
    data = tmp_path / "site"
    with running_sandbox(data, token=TOKEN, catalog=catalog) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        assert health(url) == "never" and "Jamais connecté" in admin(url)

        done = shop.cli("sync", "--once")
        assert done.returncode == 0, done.stderr
        assert health(url) == "ok" and "Jamais connecté" not in admin(url)
        assert beats(data) == 1
        view = httpx.get(
            f"{url}/api/v1/agent", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10
        ).json()
        assert view["heartbeat"]["state"] in ("up_to_date", "attention")
        assert view["heartbeat"]["last_delivery_at"] is not None
        assert view["connection_report"]["counts"]["references"] == 2

        # a dry run sends nothing: it is not a run the platform hears about
        assert shop.cli("sync", "--once", "--dry-run").returncode == 0
        assert beats(data) == 1
        assert shop.cli("sync", "--once", "--json").returncode == 0
        assert beats(data) == 2


def test_a_v1_site_without_the_heartbeat_leaves_the_sync_alone(tmp_path, catalog):
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog, v1_only=True) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(ROWS)
        done = shop.cli("sync", "--once", "--json")
        assert done.returncode == 0, done.stderr
        said = done.stderr.replace(url, "URL")  # (a random port may hold "404")
        assert "Traceback" not in said and "404" not in said
        log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
        assert "does not support the heartbeat" in log


def test_an_unreachable_site_gets_no_heartbeat_attempt_and_keeps_exit_3(tmp_path, catalog):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    shop = Shop(tmp_path / "home", dead)
    shop.write(ROWS)
    done = shop.cli("sync", "--once")
    assert done.returncode == 3
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "heartbeat" not in log
