"""The record of support requests (store/support.py, schema v4): carried over from the old
200-id memory, kept while listed, forgotten a day after the site stopped listing an id."""

from __future__ import annotations

import json
import sqlite3

from shopsync.store import db as dbmod
from shopsync.store import support

T0 = 1_800_000_000.0


def test_the_old_200_id_memory_is_carried_over_by_the_migration(tmp_path, monkeypatch):
    path = tmp_path / "shopsync.db"
    v3 = dbmod.MIGRATIONS.index(dbmod._V4_SUPPORT_REQUESTS)
    monkeypatch.setattr(dbmod, "MIGRATIONS", dbmod.MIGRATIONS[:v3])
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", v3)
    old = dbmod.open_db(path)
    done = {"r-1": ["done", "paused"], "r-2": ["ignored", "unknown kind"]}
    old.conn.execute("INSERT INTO meta VALUES ('support_requests_done', ?)", (json.dumps(done),))
    old.conn.close()
    monkeypatch.undo()

    db = dbmod.open_db(path)
    try:
        assert support.known(db, ["r-1", "r-2", "r-3"]) == {
            "r-1": ("done", "paused"), "r-2": ("ignored", "unknown kind"),
        }
        assert db.conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'support_requests_done'").fetchone()[0] == 0
    finally:
        db.conn.close()


def test_rows_stay_while_listed_and_go_a_day_after_the_site_stopped(tmp_path):
    db = dbmod.open_db(tmp_path / "shopsync.db")
    try:
        support.started(db, "a", "diagnostics", T0)
        support.answered(db, "a", "diagnostics", "done", "uploaded", T0 + 1)
        support.answered(db, "b", "pause", "done", "paused", T0 + 1)
        assert support.last_started(db) == {"diagnostics": T0}
        support.listed(db, ["a"], T0 + support.FORGET_AFTER)  # b not listed since T0 + 1
        assert set(support.known(db, ["a", "b"])) == {"a", "b"}  # b: a day exactly, kept
        support.listed(db, ["a"], T0 + support.FORGET_AFTER + 2)
        assert set(support.known(db, ["a", "b"])) == {"a"}
        many = [f"id-{i}" for i in range(1200)]  # more than one statement's worth of ids
        for rid in many:
            support.answered(db, rid, "pause", "done", "", T0)
        support.listed(db, many, T0 + 2 * support.FORGET_AFTER + 3)  # a: unlisted for over a day
        assert len(support.known(db, many)) == 1200
        assert support.known(db, ["a"]) == {}
    finally:
        db.conn.close()
    raw = sqlite3.connect(tmp_path / "shopsync.db")
    assert raw.execute("SELECT COUNT(*) FROM support_requests").fetchone()[0] == 1200
