"""The SQLite store: WAL, schema version, migrations with a copy kept before migrating."""

import sqlite3

import pytest

from shopsync.errors import ConfigError, ShopSyncError
from shopsync.store import db as dbmod


def test_new_database_is_wal_and_current(tmp_path):
    db = dbmod.open_db(tmp_path / "s.db")
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    assert {"outbox", "batches", "acknowledged", "runs", "brands", "aliases"} <= set(db.table_names())


def test_migration_keeps_a_copy_and_runs_in_order(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    db = dbmod.open_db(path)
    db.conn.execute("INSERT INTO meta VALUES ('k', 'v')")
    db.conn.close()
    current = dbmod.SCHEMA_VERSION  # the version the copy keeps
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, "ALTER TABLE meta ADD COLUMN x TEXT;"])
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(dbmod.MIGRATIONS))
    db = dbmod.open_db(path)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    backups = list(tmp_path.glob(f"s.v{current}-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT value FROM meta WHERE key='k'").fetchone() == ("v",)
    assert old.execute("PRAGMA user_version").fetchone()[0] == current


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    """A migration broken in the code (it fails on a new file too) leaves the file as it was,
    in place, and says so; it is not mistaken for a damaged file."""
    path = tmp_path / "s.db"
    dbmod.open_db(path).conn.close()
    current = dbmod.SCHEMA_VERSION
    broken = "CREATE TABLE extra (a TEXT); INSERT INTO nowhere VALUES (1);"
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, broken])
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(dbmod.MIGRATIONS))
    with pytest.raises(ShopSyncError, match="ne peut pas être mise à jour"):
        dbmod.open_db(path)
    assert not list(tmp_path.glob("s.db.damaged-*"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert "extra" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_newer_schema_is_refused_clearly(tmp_path):
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ConfigError, match="newer"):
        dbmod.open_db(path)


def test_many_connections_opening_a_new_home_at_the_same_instant(tmp_path):
    """SQLite refuses a WAL switch at once ("database is locked", no busy wait) when two
    connections switch a new file together; CI saw it between two processes. Six threads
    released by one barrier hit that window in about one round in twenty: opening must wait
    and succeed in every round."""
    import threading

    rounds = 150
    failures: list[str] = []
    versions: set[int] = set()

    def open_one(path, barrier):
        barrier.wait()
        try:
            db = dbmod.open_db(path)
            versions.add(db.conn.execute("PRAGMA user_version").fetchone()[0])
            assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            db.conn.close()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(f"{path.name}: {exc!r}")

    for n in range(rounds):
        path = tmp_path / f"instant{n}.db"
        barrier = threading.Barrier(6)
        threads = [threading.Thread(target=open_one, args=(path, barrier)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads), f"round {n}: an open never returned"
    assert failures == []
    assert versions == {dbmod.SCHEMA_VERSION}


def test_two_processes_opening_a_new_home_at_once(tmp_path):
    """The tray app and its scheduler open a fresh database together: both must succeed."""
    import subprocess
    import sys

    code = (
        "import sys; from shopsync.store import open_db; "
        "db = open_db(sys.argv[1]); print(db.conn.execute('PRAGMA user_version').fetchone()[0])"
    )
    for attempt in range(3):
        path = tmp_path / f"race{attempt}.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        outs = [p.communicate(timeout=60) for p in procs]
        assert all(p.returncode == 0 for p in procs), [o[1][-300:] for o in outs]
        assert {o[0].strip() for o in outs} == {str(dbmod.SCHEMA_VERSION)}
