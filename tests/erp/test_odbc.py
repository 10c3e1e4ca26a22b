"""ODBC for real: unixODBC and Debian's SQLite ODBC driver, a database written by sqlite3.

The test setup installs the driver manager and driver when it can (root with apt-get, as on
CI and developer machines); elsewhere the tests skip and say why.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from shopsync.erp import read_export
from shopsync.errors import InputError
from shopsync.i18n import english

PACKAGES = ["unixodbc", "odbcinst", "libsqliteodbc"]


def _driver_ready() -> str | None:
    """None when pyodbc sees the SQLite3 driver, else why not."""
    try:
        import pyodbc
    except ImportError as exc:
        return f"pyodbc cannot load the ODBC driver manager ({exc})"
    if "SQLite3" not in pyodbc.drivers():
        return "the SQLite3 ODBC driver is not registered (odbcinst.ini)"
    return None


def _install() -> str | None:
    if shutil.which("odbcinst") and _driver_ready() is None:
        return None
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "unixODBC and libsqliteodbc are not installed, and this user can't apt-get them"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES]
    done = subprocess.run(command, capture_output=True, env=env, timeout=600)
    if done.returncode != 0:
        subprocess.run(["apt-get", "update"], capture_output=True, env=env, timeout=600)
        done = subprocess.run(command, capture_output=True, env=env, timeout=600)
    if done.returncode != 0:
        return f"apt-get install {' '.join(PACKAGES)} failed: {done.stderr.decode()[-300:]}"
    import importlib
    import sys

    sys.modules.pop("pyodbc", None)  # a failed import before the install must not stick
    importlib.invalidate_caches()
    return _driver_ready()


@pytest.fixture(scope="module")
def odbc_driver() -> None:
    reason = _install()
    if reason:
        pytest.skip(f"ODBC not testable here: {reason}")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "erp.db"
    with sqlite3.connect(path) as db:
        db.execute('CREATE TABLE Articles (Ref TEXT, Marque TEXT, Libelle TEXT, Stock INTEGER, '
                   'PrixTTC NUMERIC, Taille TEXT, Gencod TEXT, Etat TEXT)')
        db.executemany("INSERT INTO Articles VALUES (?,?,?,?,?,?,?,?)", [
            ("T120.417.17.041.00", "Tissot", "Seastar 1000 é", 2, "1290.50", None, "7611608292232", "Actif"),
            ("ALL-3", "Alliances", "Alliance or", 1, "450", "T52", None, None),
            ("ALL-3", "Alliances", "Alliance or", 2, "450", "52", None, None),
            ("NEG", "Fred", "Bague", -1, "99.9", None, None, None),
        ])
    return path


def _profile(tmp_path: Path, connection: str, query: str) -> Path:
    path = tmp_path / "odbc.toml"
    path.write_text(
        f'[source]\ntype = "odbc"\nconnection_string = "{connection}"\nquery = "{query}"\n'
        '[columns]\nreference = "Ref"\n',
        encoding="utf-8",
    )
    return path


def test_query_through_a_connection_string(odbc_driver, database: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = _profile(tmp_path, f"Driver=SQLite3;Database={database}", "SELECT * FROM Articles")
    result = read_export(None, profile)
    lines = {(line.reference, line.size): line for line in result.lines}
    seastar = lines[("T120.417.17.041.00", None)]
    assert (seastar.brand, seastar.designation, seastar.quantity, seastar.price, seastar.ean, seastar.status) == (
        "Tissot", "Seastar 1000 é", 2, Decimal("1290.50"), "7611608292232", "Actif")
    assert lines[("ALL-3", "52")].quantity == 3
    assert lines[("NEG", None)].quantity == 0
    assert result.content_hash is None and result.raw_lines == 4
    assert result.source.startswith("odbc")


def test_query_through_a_dsn_with_aliases(odbc_driver, database: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "odbc.ini"
    ini.write_text(f"[BIJOU]\nDriver=SQLite3\nDatabase={database}\n", encoding="utf-8")
    monkeypatch.setenv("ODBCINI", str(ini))
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".odbc.ini").write_text(ini.read_text(), encoding="utf-8")
    profile = tmp_path / "dsn.toml"
    profile.write_text('[source]\ntype = "odbc"\ndsn = "BIJOU"\n'
                       'query = "SELECT Ref AS \\"Référence\\", Stock AS \\"Qté\\" FROM Articles"\n',
                       encoding="utf-8")
    result = read_export(None, profile)
    assert result.source == "odbc:BIJOU"
    assert {line.reference: line.quantity for line in result.lines}["ALL-3"] == 3  # no size: merged


def test_failing_query_is_an_input_error_without_the_password(odbc_driver, database: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_ODBC_PASSWORD", "pw-very-secret")
    profile = _profile(tmp_path, f"Driver=SQLite3;Database={database}", "SELECT * FROM Nowhere")
    with pytest.raises(InputError, match="la requête a échoué") as info:
        read_export(None, profile)
    assert "pw-very-secret" not in str(info.value)
    assert english(str(info.value)).startswith("odbc:odbc: the query failed (")


def test_unknown_driver_is_an_input_error(odbc_driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = _profile(tmp_path, "Driver=HFSQL;Server=nowhere", "SELECT 1")
    with pytest.raises(InputError, match="connexion impossible") as info:
        read_export(None, profile)
    assert english(str(info.value)).startswith("odbc:odbc: cannot connect (")


def test_empty_odbc_preset_says_what_to_fill() -> None:
    with pytest.raises(InputError, match="ne nomme aucune source ODBC") as info:
        read_export(None, "odbc")
    assert english(str(info.value)) == (
        "the profile 'odbc' names no ODBC source: set [source] dsn or connection_string (copy the "
        "preset to the home folder's profiles/)")


# -- read only what changed: a change column and a key, or the gate ---------------------------


def _tracked_home(tmp_path: Path, database: Path, **source: str) -> tuple:
    """A home whose ERP is the SQLite database through ODBC, with its store opened."""
    from shopsync.config import load_settings, update_config
    from shopsync.store.db import open_db

    home = tmp_path / "home"
    lines = [
        "[source]", 'type = "odbc"', f'connection_string = "Driver=SQLite3;Database={database}"',
        'query = "SELECT Id, Ref, Marque, Stock, PrixTTC, ModifieLe FROM Stock"',
        *(f"{k} = {v}" for k, v in source.items()), "[columns]", 'reference = "Ref"',
    ]
    profile = tmp_path / "tracked.toml"
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_settings(home)
    update_config(home, {"erp": {"profile": str(profile)}})
    settings = load_settings(home)
    return settings, open_db(settings.db_path)


@pytest.fixture
def stock_db(tmp_path: Path) -> Path:
    """An ERP table whose ModifieLe grows at every change (as a trigger or the ERP sets it)."""
    path = tmp_path / "stock.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE Stock (Id INTEGER PRIMARY KEY, Ref TEXT, Marque TEXT, "
                   "Stock INTEGER, PrixTTC NUMERIC, ModifieLe INTEGER)")
        db.executemany("INSERT INTO Stock VALUES (?,?,?,?,?,?)",
                       [(i, f"R-{i:04d}", "Fred", 1 + i % 3, 100 + i, i) for i in range(1, 301)])
    return path


def _sql(path: Path, statement: str, *params: object) -> None:
    with sqlite3.connect(path) as db:
        db.execute(statement, params)


def _quantities(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from shopsync.store import erp_cache

    return {line.reference: line.quantity for line in erp_cache.load_lines(db)}


def test_change_column_reads_only_changed_rows_and_finds_deletions(odbc_driver, stock_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db, changes_column='"ModifieLe"', key='["Id"]',
                                 changes_overlap='"0.2s"')
    first = read_erp(settings, db, full=False)
    assert first.items == 300 and first.transferred == 300
    idle = read_erp(settings, db, full=False)
    assert (idle.moved, idle.asked, idle.transferred) == (False, 1, 0)  # the gate alone

    _sql(stock_db, "UPDATE Stock SET Stock = 9, ModifieLe = 301 WHERE Id = 7")
    sale = read_erp(settings, db, full=False)
    assert sale.moved and sale.transferred == 1
    assert _quantities(db)["R-0007"] == 9

    _sql(stock_db, "DELETE FROM Stock WHERE Id = 8")
    gone = read_erp(settings, db, full=False)
    assert gone.moved and gone.items == 299 and "R-0008" not in _quantities(db)

    whole = read_erp(settings, db, full=True)  # the nightly reconcile: nothing was missed
    assert not whole.moved
    from shopsync.store.meta import get_meta

    assert json.loads(get_meta(db, "erp_reconcile"))["found"] == 0


def test_overlap_window_reads_a_row_committed_late_with_an_older_value(odbc_driver, stock_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A transaction stamped 305 commits after a poll already saw 310: the overlap window
    re-reads from the value seen before, so the row is not skipped."""
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db, changes_column='"ModifieLe"', key='["Id"]',
                                 changes_overlap='"1h"')
    read_erp(settings, db, full=False)
    _sql(stock_db, "UPDATE Stock SET Stock = 5, ModifieLe = 310 WHERE Id = 10")
    read_erp(settings, db, full=False)
    _sql(stock_db, "UPDATE Stock SET Stock = 0, ModifieLe = 305 WHERE Id = 20")  # the late one
    late = read_erp(settings, db, full=False)
    assert late.moved and _quantities(db)["R-0020"] == 0


def test_without_overlap_the_late_row_is_missed_until_the_whole_read_counts_it(odbc_driver, stock_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same late commit with no overlap: the increments miss it, the whole read finds it,
    says so and counts it (this is what the overlap window is for)."""
    import time as _time

    from shopsync.store.meta import get_meta
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db, changes_column='"ModifieLe"', key='["Id"]',
                                 changes_overlap='"0.001s"')
    read_erp(settings, db, full=False)
    _sql(stock_db, "UPDATE Stock SET Stock = 5, ModifieLe = 310 WHERE Id = 10")
    _time.sleep(0.01)  # past the 1 ms window (the value 310 is then "seen long ago")
    read_erp(settings, db, full=False)
    _time.sleep(0.01)
    _sql(stock_db, "UPDATE Stock SET Stock = 0, ModifieLe = 305 WHERE Id = 20")
    read_erp(settings, db, full=False)
    assert _quantities(db)["R-0020"] != 0  # missed by the increments
    whole = read_erp(settings, db, full=True)
    assert whole.moved and _quantities(db)["R-0020"] == 0
    tally = json.loads(get_meta(db, "erp_reconcile"))
    assert (tally["found"], tally["last_missed"]) == (1, 1)


def test_a_change_column_that_went_back_means_one_full_read_said_in_the_log(odbc_driver, stock_db: Path, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db, changes_column='"ModifieLe"', key='["Id"]')
    read_erp(settings, db, full=False)
    _sql(stock_db, "UPDATE Stock SET ModifieLe = ModifieLe - 100")  # a restored backup
    _sql(stock_db, "UPDATE Stock SET Stock = 7 WHERE Id = 3")
    with caplog.at_level("WARNING"):
        again = read_erp(settings, db, full=False)
    assert again.transferred == 300 and _quantities(db)["R-0003"] == 7
    assert any("went back from 300 to 200" in r.getMessage() for r in caplog.records)


def test_the_cursor_survives_a_restart(odbc_driver, stock_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shopsync.store.db import open_db
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db, changes_column='"ModifieLe"', key='["Id"]',
                                 changes_overlap='"0.001s"')
    read_erp(settings, db, full=False)
    db.conn.close()
    _sql(stock_db, "UPDATE Stock SET Stock = 4, ModifieLe = 400 WHERE Id = 1")
    reopened = open_db(settings.db_path)
    after = read_erp(settings, reopened, full=False)
    assert after.transferred == 1 and _quantities(reopened)["R-0001"] == 4


def test_gate_without_change_column_reads_nothing_while_nothing_changed(odbc_driver, stock_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shopsync.sync.read import read_erp

    settings, db = _tracked_home(tmp_path, stock_db)
    assert read_erp(settings, db, full=False).items == 300
    idle = read_erp(settings, db, full=False)
    assert (idle.moved, idle.asked, idle.transferred) == (False, 1, 0)
    _sql(stock_db, "UPDATE Stock SET Stock = Stock + 1 WHERE Id = 42")
    moved = read_erp(settings, db, full=False)
    assert moved.moved and _quantities(db)["R-0042"] == 2 + 42 % 3
    from shopsync.store import erp_cache

    numbers = {line.reference: line.line for line in erp_cache.load_lines(db)}
    _sql(stock_db, "DELETE FROM Stock WHERE Id = 43")
    assert read_erp(settings, db, full=False).items == 299
    assert "R-0043" not in _quantities(db)
    after = {line.reference: line.line for line in erp_cache.load_lines(db)}
    assert after == {ref: n for ref, n in numbers.items() if ref != "R-0043"}  # none renumbered
    from shopsync.store import cursors

    gate = cursors.load(db).state["state"]
    assert gate["gate_columns"]["sums"] == ["Stock", "PrixTTC"]  # summed by the database
