"""`shopsync read`: in-process through cli.main, and once as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopsync.cli import main

from .corpus import ROWS, write_text


@pytest.fixture
def export(tmp_path: Path) -> Path:
    rows = [*ROWS, ["B-1001", "Chaumet", "Bague Liens or rosé", "1", "1 350,00", "52", "", "Actif"],
            ["BAD", "Fred", "x", "beaucoup", "1", "", "", ""]]
    return write_text(tmp_path / "stock.csv", rows, encoding="cp1252")


def test_jsonl_items_and_problems_on_stderr(export: Path, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = main(["read", str(export), "--home", str(tmp_path / "home")])
    out, err = capsys.readouterr()
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert items[0] == {"reference": "B-1001", "brand": "Chaumet", "designation": "Bague Liens or rosé",
                        "quantity": 3, "price": "1350.00", "size": "52", "ean": "3662000123456",
                        "status": "Actif"}
    assert items[2]["price"] == "89.90" and items[2]["size"] is None and items[2]["status"] is None
    assert len(items) == 4
    assert err.splitlines() == [  # the shop's language (the suite runs as a French shop)
        f"{export}:6 : prix : 1350.00 diffère de 1290.00 pour « B-1001 » (vu d'abord ligne 2) ; "
        "le plus élevé est gardé, 1350.00",
        f"{export}:7 : quantité : « beaucoup » n'est pas un nombre entier (ligne refusée)",
    ]
    assert not (tmp_path / "home").exists()  # reading never creates the home folder


def test_table_and_summary(export: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["read", str(export), "--format", "table"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["reference", "brand", "designation", "quantity", "price", "size", "ean", "status"]
    assert "Bague Liens or rosé" in out[2] and "1350.00" in out[2]
    assert main(["read", str(export), "--format", "summary"]) == 0
    summary = capsys.readouterr().out
    # in the shop's language (the tests run on a French system: tests/conftest.py)
    assert "cp1252" in summary and "articles : 4" in summary and "lignes rejetées : 1" in summary


def test_unreadable_file_exits_2_without_traceback(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["read", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("shopsync: ") and "empty" in err and "Traceback" not in err
    assert main(["read", str(tmp_path / "missing.csv")]) == 2
    assert main(["read", str(empty), "--profile", "nope"]) == 2


def test_no_items_is_still_exit_0(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_text(tmp_path / "stock.csv", [])
    assert main(["read", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_file_from_config_and_glob(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()
    write_text(tmp_path / "stock_01.csv", ROWS[:1])
    (home / "config.toml").write_text(f'[erp]\npath = "{(tmp_path / "stock_*.csv").as_posix()}"\nprofile = "bijou3"\n',
                                      encoding="utf-8")
    assert main(["read", "--home", str(home), "--format", "summary"]) == 0
    out = capsys.readouterr().out
    assert "stock_01.csv" in out and "profil bijou3" in out  # French system (conftest)
    assert main(["read", str(tmp_path / "stock_*.csv")]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["reference"] == "B-1001"


def test_as_a_process_without_qt(export: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("shopsync")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "shopsync"]
    env = {**os.environ, "SHOPSYNC_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([*command, "read", str(export)], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.decode("utf-8").splitlines()) == 4
    assert "ligne refusée".encode() in done.stderr
    bad = tmp_path / "bin.csv"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    done = subprocess.run([*command, "read", str(bad)], capture_output=True, env=env, timeout=60)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert b"pas un export lisible" in done.stderr  # a French system (conftest)
    probe = ("import sys, shopsync.cli as c; c.main(['read', sys.argv[1], '--format', 'summary']); "
             "heavy = [m for m in ('PySide6', 'python_calamine', 'dbfread', 'pyodbc', 'httpx', 'openpyxl') "
             "if m in sys.modules]; print('HEAVY', heavy)")
    done = subprocess.run([sys.executable, "-c", probe, str(export)], capture_output=True, env=env, timeout=60)
    assert b"HEAVY []" in done.stdout, done.stdout + done.stderr
