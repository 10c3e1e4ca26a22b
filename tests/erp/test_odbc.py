"""ODBC for real: unixODBC and Debian's SQLite ODBC driver, a database written by sqlite3.

The test setup installs the driver manager and driver when it can (root with apt-get, as on
CI and developer machines); elsewhere the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from shopsync.erp import read_export
from shopsync.errors import InputError

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
    with pytest.raises(InputError, match="the query failed") as info:
        read_export(None, profile)
    assert "pw-very-secret" not in str(info.value)


def test_unknown_driver_is_an_input_error(odbc_driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = _profile(tmp_path, "Driver=HFSQL;Server=nowhere", "SELECT 1")
    with pytest.raises(InputError, match="cannot connect"):
        read_export(None, profile)


def test_empty_odbc_preset_says_what_to_fill() -> None:
    with pytest.raises(InputError, match="names no ODBC source"):
        read_export(None, "odbc")
