"""`shopsync sync --once` against sites that answer badly: each a real CLI process against a
real hostile server on 127.0.0.1, with its exit code, peak memory (the child's own rusage),
elapsed time and what reached the site asserted.

Before the trust boundary (issue 18, measured on the previous main): a 400 MB page → 1.68 GB
peak; an endless chunked answer or a 1 GB gzip bomb → MemoryError ("erreur interne");
JSON 100,000 deep → RecursionError; a new cursor on every page → 2,649 requests in 120 s;
one byte every 5 s → no end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.net import hostile
from tests.shop_fixtures import TOKEN, write_export

ROOT = Path(__file__).resolve().parents[2]
ROWS = [("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", "")]
PEAK_MB = 250  # what a healthy 200,000-line sync peaks at is ~170 MB (docs)


def _home(tmp_path: Path, url: str) -> Path:
    from shopsync.config import load_settings, update_config

    home = tmp_path / "home"
    export = home / "export" / "stock.csv"
    export.parent.mkdir(parents=True)
    write_export(export, ROWS)
    load_settings(home)
    update_config(
        home,
        {"erp": {"path": str(export), "settle_seconds": 0}, "site": {"url": url}},
    )
    return home


def _sync(home: Path, timeout: float = 120) -> tuple[int, dict, float, float, str]:
    """(exit code, JSON summary, peak RSS in MB, seconds, stderr) of one `sync --once`; the
    peak is the process's own (tests/net/measure.py says why a wrapper)."""
    env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN}
    measured = home / "measured.json"
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "net" / "measure.py"), str(measured), "--",
         sys.executable, "-m", "shopsync", "sync", "--once", "--json", "--home", str(home)],
        capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT,
    )
    elapsed = time.monotonic() - started
    lines = out.stdout.strip().splitlines()
    summary = json.loads(lines[-1]) if lines else {}
    peak = json.loads(measured.read_text())["peak_mb"]
    return out.returncode, summary, peak, elapsed, out.stderr


def _run_against(tmp_path, behaviours, timeout=120):
    with hostile.HostileSite(behaviours) as site:
        home = _home(tmp_path, site.url)
        code, summary, peak, elapsed, err = _sync(home, timeout)
        return site, code, summary, peak, elapsed, err


def _assert_refused_cleanly(site, code, summary, err):
    assert code == 3, (summary, err)
    assert summary["status"] == "offline"
    assert "hors contrat" in summary["message"] or "outside the contract" in summary["message"]
    assert "erreur interne" not in summary["message"] and "Traceback" not in err
    assert site.batches == []  # nothing sent, so nothing unpublished


def test_a_400_mb_catalogue_page(tmp_path):
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/catalog": hostile.huge_page(400 << 20)}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert peak < PEAK_MB and elapsed < 30


def test_an_endless_chunked_catalogue(tmp_path):
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/catalog": lambda h: hostile.endless_chunked(h, seconds=60)}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert peak < PEAK_MB and elapsed < 30


def test_a_gzip_bomb_for_a_catalogue(tmp_path):
    bomb = hostile.gzip_bomb()
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/catalog": hostile.gzip_answer(bomb)}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert peak < PEAK_MB and elapsed < 30


def test_json_nested_100000_deep(tmp_path):
    deep = b"[" * 100_000 + b"]" * 100_000
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/catalog": hostile.raw_answer(deep)}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert elapsed < 30


@pytest.mark.slow  # ~25 s (every page up to the cap): in `make test-slow`, CI's slow step
def test_a_new_cursor_on_every_page(tmp_path):
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/catalog": hostile.endless_cursors()}
    )
    _assert_refused_cleanly(site, code, summary, err)
    pages = sum(r == "GET /api/v1/catalog" for r in site.requests)
    assert pages <= 502  # the cap for a site that announces no catalogue size
    assert elapsed < 60


def test_a_new_cursor_on_every_page_of_a_site_that_announced_its_size(tmp_path):
    def health(handler):
        handler.send_json({"status": "ok", "api_version": "v1", "catalog_size": 10})

    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/health": health, "/api/v1/catalog": hostile.endless_cursors()}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert sum(r == "GET /api/v1/catalog" for r in site.requests) == 3


@pytest.mark.slow  # ~20 s (up to the total deadline): in `make test-slow`, CI's slow step
def test_headers_dripping_one_byte_at_a_time(tmp_path):
    """The health answer's headers, one byte every 0.5 s: stopped by the 20 s deadline, not
    waited on for ever (each byte comes well within the 30 s read timeout)."""
    site, code, summary, peak, elapsed, err = _run_against(
        tmp_path, {"/api/v1/health": hostile.drip(0.5, in_headers=True, seconds=90)}
    )
    _assert_refused_cleanly(site, code, summary, err)
    assert 20 <= elapsed < 35
