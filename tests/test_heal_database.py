"""A damaged shopsync.db heals itself: moved aside, rebuilt, the sync goes on as a first
connection, nothing the site already has is sent again (the sandbox's applied log says so)."""

from __future__ import annotations

import os
import sqlite3

import pytest

from shopsync.site.sandbox.testing import applied_counts

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("T137.407.11.041.00", "TISSOT", "PRX", "1", "375,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
    ("590702HV-16", "PANDORA", "BRACELET MOMENTS", "3", "69,00", "", ""),
]


def garbage_in_the_middle(path):
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))


def truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def text_file(path):
    path.write_text("ceci n'est pas une base de données\n" * 200, encoding="utf-8")


DAMAGES = {"garbage": garbage_in_the_middle, "truncated": truncated, "text": text_file}


def _synced(shop):
    shop.write(ROWS)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 4, out
    db = shop.home / "shopsync.db"
    assert db.stat().st_size > 3 * 8192  # "the middle" is past the header
    return db


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_database_is_rebuilt_and_nothing_is_resent(shop, site, damage):
    db = _synced(shop)
    before = applied_counts(site.data)
    DAMAGES[damage](db)

    code, out = shop.cli_json("sync", "--once")
    assert code == 0, out
    assert out["uploaded"] == 0 and out["pending"] == 0  # the site already shows all of it
    assert applied_counts(site.data) == before  # nothing applied again
    moved = list(shop.home.glob("shopsync.db.damaged-*"))
    assert [p.name for p in moved if not p.name.endswith(("-wal", "-shm"))], moved

    status = shop.cli("status")
    assert status.returncode == 0, status.stderr
    assert "Base locale endommagée, reconstruite le" in status.stdout
    assert "Traceback" not in status.stderr + out.get("message", "")
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert sum("base locale endommagée (" in line for line in log.splitlines()) == 1

    # A sale after the rebuild goes through, alone.
    sold = [r if r[0] != "F20560/1" else (*r[:3], "0", *r[4:]) for r in ROWS]
    shop.write(sold)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 1, out
    assert site.product("F20560/1")["quantity"] == 0
    assert max(applied_counts(site.data).values()) == 1


def test_status_first_heals_and_reports_it(shop, site):
    db = _synced(shop)
    text_file(db)
    code, status = shop.cli_json("status")
    assert code == 0
    rebuilt = status["local_store"]["rebuilt"]
    assert rebuilt["message"].startswith("base locale endommagée, reconstruite le")
    assert rebuilt["moved_to"].startswith("shopsync.db.damaged-")
    assert (shop.home / rebuilt["moved_to"]).read_text(encoding="utf-8").startswith("ceci")
    before = applied_counts(site.data)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 0
    assert applied_counts(site.data) == before


def test_the_guard_still_holds_mass_unpublishing_after_a_rebuild(shop, site):
    shop.configure(guard={"min_unpublish_count": 1, "max_unpublish_share": 0.2})
    db = _synced(shop)
    garbage_in_the_middle(db)
    shop.write(ROWS[:1])  # a broken export: three of four references missing
    code, out = shop.cli_json("sync", "--once")
    assert code == 4 and out["status"] == "held" and out["held"] == 3, out
    for ref, *_ in ROWS:
        assert site.product(ref)["published"] is True


def test_decisions_and_versions_are_salvaged_when_readable(shop, site):
    from shopsync.store import db as dbmod

    db_path = _synced(shop)
    db = dbmod.open_db(db_path)
    db.conn.execute(
        "INSERT INTO aliases VALUES ('T120-417', 'T120.417.17.041.00', 'accepted', 1.0, 0)"
    )
    last = int(dbmod.get_meta(db, "last_version"))
    db.conn.execute("PRAGMA user_version = 0")  # the migration will now fail on this file
    db.conn.close()
    code, status = shop.cli_json("status")
    assert code == 0
    assert status["local_store"]["rebuilt"]["salvaged"]["aliases"] == 1
    db = dbmod.open_db(db_path)
    try:
        assert int(dbmod.get_meta(db, "last_version")) >= last
        assert db.conn.execute("SELECT decision FROM aliases").fetchall() == [("accepted",)]
    finally:
        db.conn.close()


def test_damage_met_mid_run_heals_in_the_same_process(shop, site):
    """A long-lived engine (tray app, service) whose file is damaged under it: the run meets
    SQLite's "malformed", the file is flagged, checked in full, moved aside and rebuilt, and
    the run goes again."""
    shop.write(ROWS)
    engine = shop.engine()
    try:
        assert engine.run_once("test").exit_code == 0
        engine.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db_path = shop.home / "shopsync.db"
        data = bytearray(db_path.read_bytes())
        data[4096:] = os.urandom(len(data) - 4096)  # every page after the first
        db_path.write_bytes(bytes(data))
        engine.db.conn.execute("PRAGMA shrink_memory")  # no page left in the cache
        before = applied_counts(site.data)
        sold = [r if r[0] != "590702HV-16" else (*r[:3], "1", *r[4:]) for r in ROWS]
        shop.write(sold)
        summary = engine.run_once("test")
        assert summary.exit_code == 0, summary
        assert summary.uploaded == 1
        assert len(applied_counts(site.data)) == len(before) + 1
        assert engine.status()["local_store"]["rebuilt"] is not None
    finally:
        engine.close()
    assert site.product("590702HV-16")["quantity"] == 1


def test_the_unused_desired_table_is_dropped_by_a_migration(tmp_path):
    from shopsync.store import db as dbmod

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in dbmod._statements(dbmod.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    db = dbmod.open_db(path)
    try:
        assert "desired" not in db.table_names()
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    finally:
        db.conn.close()


def test_the_heartbeat_tells_the_platform_of_the_rebuild(shop, site):
    """Issue 13: the rebuild reaches the platform too (heartbeat `local_store`, Site API v1.1),
    and the platform's page shows it."""
    import time

    import httpx
    from shop_fixtures import TOKEN

    from shopsync.agent.heartbeat import build_heartbeat
    from shopsync.config import load_settings
    from shopsync.site.client import SiteClient
    from shopsync.store.db import open_db

    def beat() -> dict:
        settings = load_settings(shop.home)
        db = open_db(settings.db_path)
        try:
            return build_heartbeat(settings, db, agent_id="a" * 36, now=time.time(), secrets=[])
        finally:
            db.conn.close()

    db = _synced(shop)
    assert beat()["local_store"] == {"rebuilt_at": None, "problem": None}
    text_file(db)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0, out
    body = beat()
    assert body["local_store"]["rebuilt_at"] and body["local_store"]["problem"] is None
    with SiteClient(site.url, TOKEN) as client:
        client.put_heartbeat(body)  # the contract's schema accepts it (422 otherwise)
    page = httpx.get(f"{site.url}/admin", auth=("plateforme", TOKEN)).text
    assert "Base locale reconstruite" in page and "jamais" not in page.split("Base locale reconstruite")[1][:80]
