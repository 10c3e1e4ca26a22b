"""A home folder on a full disk: a clear message naming the folder and its free space, no
traceback, nothing half-written, logging that cannot write never stops the run, and the run
resumes by itself once space returns."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from shop_fixtures import TOKEN, Shop

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
    ("590702HV-16", "PANDORA", "BRACELET MOMENTS", "3", "69,00", "", ""),
]
SOLD = [r if r[0] != "F20560/1" else (*r[:3], "0", *r[4:]) for r in ROWS]


def fill(folder: Path, keep: int = 0) -> Path:
    """Write a filler file until the disk refuses, leaving about `keep` bytes."""
    filler = folder / "photos.bin"
    with filler.open("wb", buffering=0) as fh:
        for chunk in (1 << 16, 1 << 12, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * chunk)
            except OSError as exc:
                assert exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if keep:
        with filler.open("r+b") as fh:
            fh.truncate(filler.stat().st_size - keep)
    return filler


@pytest.fixture
def tiny_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root on Linux; the ENOSPC-through-SQLite "
                    "tests below cover the same paths everywhere")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"tmpfs mount refused here (container without CAP_SYS_ADMIN?): {done.stderr}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("keep", [0, 24 * 1024], ids=["no-byte-left", "a-few-kb-left"])
def test_full_home_says_so_changes_nothing_and_resumes(tiny_disk, site, monkeypatch, keep):
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    shop = Shop(tiny_disk / "home", site.url)
    shop.write(ROWS)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 3, out
    shop.write(SOLD)
    filler = fill(tiny_disk, keep)

    done = shop.cli("sync", "--once")
    text = done.stdout + done.stderr
    assert done.returncode == 2, text
    assert "Traceback" not in text and "Logging error" not in text
    assert str(shop.home) in text and "libres" in text, text
    assert "plein" in text or "refuse d'écrire" in text, text
    assert site.product("F20560/1")["quantity"] == 1  # nothing sent from a half-written state

    status = shop.cli("status")
    assert "Traceback" not in status.stdout + status.stderr
    assert status.returncode in (0, 2), status.stderr

    filler.unlink()  # the shop deletes its photos
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 1, out
    assert site.product("F20560/1")["quantity"] == 0
    code, status = shop.cli_json("status")
    assert code == 0 and status["local_store"]["problem"] is None


def test_sqlite_full_error_is_a_clear_run_outcome_and_resumes(shop, site):
    """SQLite's own SQLITE_FULL path (max_page_count reached), everywhere: the run ends with a
    message naming the folder and its free space, the store is not half-written, the status
    shows the problem, and the next run with room again delivers."""
    shop.write(ROWS)
    engine = shop.engine()
    events = []
    engine.observer = lambda event, data: events.append((event, data))
    try:
        assert engine.run_once("test").exit_code == 0
        conn = engine.db.conn
        conn.execute("VACUUM")  # no free page left to reuse
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        outbox_before = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        # A sale, and the ERP now exports its whole stock: the cache of the read must grow.
        extra = [(f"ZZ-{i:04d}", "TISSOT", f"ARTICLE {i}", "1", "10,00", "", "") for i in range(400)]
        shop.write(SOLD + extra)
        summary = engine.run_once("test")
        assert summary.status == "error" and summary.exit_code == 2, summary
        assert str(shop.home) in summary.message and "libres" in summary.message
        assert "plein" in summary.message
        assert events[-1][0] == "run_finished" and events[-1][1]["summary"] is summary
        assert conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == outbox_before
        assert not conn.in_transaction
        assert engine.status()["local_store"]["problem"] == summary.message
        assert site.product("F20560/1")["quantity"] == 1

        conn.execute("PRAGMA max_page_count = 1073741823")  # space is back
        summary = engine.run_once("test")
        assert summary.exit_code == 0 and summary.uploaded == 1, summary
        assert engine.status()["local_store"]["problem"] is None
    finally:
        engine.close()
    assert site.product("F20560/1")["quantity"] == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux-only")
def test_a_log_file_that_cannot_be_written_never_stops_a_run(tmp_path, capfd):
    """/dev/full answers ENOSPC to every write: the handler says so once, in one line."""
    from shopsync.logs import SafeRotatingFileHandler

    handler = SafeRotatingFileHandler("/dev/full", maxBytes=0, encoding="utf-8")
    logger = logging.getLogger("shopsync.test.full")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(5):
            logger.error("record %d", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    err = capfd.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert err.count("impossible à écrire") == 1, err
    assert "No space left" in err or "28" in err

    # Writable again: records go to the file and the handler says it is back.
    target = tmp_path / "shopsync.log"
    handler = SafeRotatingFileHandler(str(target), maxBytes=0, encoding="utf-8")
    handler.failing = True
    logger.addHandler(handler)
    try:
        logger.error("back")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert "back" in target.read_text(encoding="utf-8")
    assert "de nouveau écrit" in capfd.readouterr().err
