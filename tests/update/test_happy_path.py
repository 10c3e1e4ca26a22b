"""N → N+1 through the real sandbox serving a real repository: the `shopsync update` process
checks, downloads (verified), applies (folder swap) and restarts; config, database and the
outbox come through untouched, and what was pending is delivered after."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows

from .helpers import (
    CURRENT,
    NEXT,
    install_stand_in,
    make_bundle_archive,
    run_release,
    update_cli,
)


def _outbox(db: Path) -> list[tuple]:
    """Everything not yet acknowledged: the outbox and the batches written before sending."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM outbox ORDER BY 1").fetchall() + conn.execute(
            "SELECT * FROM batches ORDER BY 1"
        ).fetchall()
    finally:
        conn.close()


def _wait_for(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_n_to_n_plus_1_keeps_config_db_and_outbox(tmp_path: Path, repo: Path, keys: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from shopsync.site.sandbox.testing import running_sandbox

    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "bundle.tar.gz", NEXT), "--version", NEXT)
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    catalog = write_catalog_rows(tmp_path / "catalog.csv", CATALOG)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog, updates=repo) as url:
        shop = Shop(tmp_path / "home", url)
        shop.configure(update={"url": f"{url}/updates",
                               "root": str(repo / "metadata" / "1.root.json")})
        shop.write([("T120.417.17.041.00", "Tissot", "Seastar", 3, "450,00", "", "")])
        assert shop.cli("sync").returncode == 0
        # Then the site is out of reach: the next change waits in the outbox.
        shop.configure(site={"url": "http://127.0.0.1:9"})
        shop.write([("T120.417.17.041.00", "Tissot", "Seastar", 5, "450,00", "", "")])
        assert shop.cli("sync").returncode == 3
        pending = _outbox(shop.home / "shopsync.db")
        assert pending, "the outage should have left changes in the outbox"
        config_before = (shop.home / "config.toml").read_bytes()

        code, report = update_cli(shop.home, "check")
        assert (code, report) == (0, {"status": "available", "current": CURRENT, "latest": NEXT})
        code, report = update_cli(shop.home, "download")
        assert code == 0 and report["status"] == "available"
        assert Path(report["file"]).is_file()

        env = {"SHOPSYNC_UPDATE_BUNDLE": str(bundle)}
        code, report = update_cli(shop.home, "apply", env=env)
        assert code == 0, report
        assert report["status"] == "up_to_date" and report["applied"] is True
        assert report["current"] == report["latest"] == NEXT
        # Restarted: the new folder's executable ran once `apply` had exited.
        assert _wait_for(lambda: (bundle / "started").exists())
        assert (bundle / "started").read_text() == NEXT
        said = subprocess.run([str(bundle / "shopsync"), "--version"], capture_output=True,
                              text=True, check=True).stdout.split()[-1]
        assert said == NEXT
        assert (bundle.parent / f"shopsync.old-{CURRENT}" / "shopsync").is_file()  # kept

        assert (shop.home / "config.toml").read_bytes() == config_before
        assert _outbox(shop.home / "shopsync.db") == pending
        # The site comes back: what was pending before the update is delivered after it.
        shop.configure(site={"url": url})
        assert shop.cli("sync").returncode == 0
        assert _outbox(shop.home / "shopsync.db") == []
        from shop_fixtures import Site

        assert Site(url, tmp_path / "site").product("T120.417.17.041.00")["quantity"] == 5


def test_the_sandbox_command_serves_a_repository_folder(tmp_path: Path, repo: Path, keys: Path,
                                                        agent) -> None:
    from shopsync.site.sandbox.testing import start_sandbox_process

    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "bundle.tar.gz", NEXT), "--version", NEXT)
    process, url = start_sandbox_process(
        tmp_path / "site", token=TOKEN, extra_args=["--updates", str(repo)]
    )
    try:
        agent.point_at(f"{url}/updates")
        report = agent.download()
    finally:
        process.terminate()
        process.wait(20)
    assert report.latest == NEXT and Path(report.file).stat().st_size > 0


def test_the_sandbox_refuses_a_folder_that_is_no_repository(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "shopsync", "sandbox", "--port", "0", "--updates",
         str(tmp_path), "--data", str(tmp_path / "site")],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2 and "not an update repository" in done.stderr
