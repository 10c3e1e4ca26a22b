"""Local inputs are bounded (issue 18): an export path naming a 2 GB sparse file, /dev/zero, a
FIFO, a folder, or a 1 MB XLSX of 2 million rows is refused at once with a message naming the
file and what it is — read neither whole nor at all — by `shopsync read` and by `sync --once`
(exit 2, nothing unpublished on the sandbox); rejected lines are listed up to a count and then
summed up; the diagnostics zip never takes a file from outside the home; the heartbeat's
`last_error` never carries what the export path's file holds.

Memory is the point of several tests: each runs the real CLI in a child process and measures
that child's peak (`ru_maxrss` of RUSAGE_CHILDREN, taken in a fresh Python process so that no
earlier child of the test run counts). Before these limits (main at 9e4d91b's parent): the 2M-row
XLSX took 852 MB and printed 2,000,000 lines, the sparse file 2,069 MB (then called "empty"),
/dev/zero 2.9 GB until a MemoryError, the FIFO hung.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from erp.hostile_files import write_many_records_dbf, write_many_rows_xlsx
from shop_fixtures import TOKEN
from test_sync_e2e import ROWS

from shopsync.erp.export_file import MAX_ROWS

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
TIMEOUT = 30.0  # a FIFO that blocked the reader would be killed here, failing the test
REFUSAL_PEAK_MB = 150  # the CLI itself is ~30 MB; the files below cost GBs when read

_MEASURE = r"""
import json, resource, subprocess, sys, time
started = time.monotonic()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))
    rc, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as exc:
    rc, out, err = None, exc.stdout or b"", exc.stderr or b""
print(json.dumps({
    "rc": rc, "seconds": time.monotonic() - started,
    "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "out": out.decode("utf-8", "replace"), "err": err.decode("utf-8", "replace"),
}))
"""


def measured(*args: str, home: Path, env: dict | None = None, timeout: float = TIMEOUT) -> dict:
    """Run `shopsync ARGS --home HOME` and return its exit code (None: killed at `timeout`),
    elapsed seconds, peak memory in MB and output."""
    command = [sys.executable, "-m", "shopsync", *args, "--home", str(home)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(timeout), *command],
        capture_output=True, text=True, timeout=timeout + 30,
        env={**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN, **(env or {})},
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def two_million_rows(tmp_path_factory) -> Path:
    started = time.monotonic()
    path = write_many_rows_xlsx(tmp_path_factory.mktemp("xlsx") / "stock.xlsx", 2_000_000)
    assert path.stat().st_size < 3_000_000 and time.monotonic() - started < 20
    return path


def _sparse(path: Path, size: int = 2 * 1024**3) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # no block written: the test costs no disk
    return path


# -- `shopsync read`: refused before reading, with the file named --------------------------------


def test_read_refuses_a_2gb_sparse_file_by_its_size_without_reading_it(tmp_path):
    export = _sparse(tmp_path / "stock.csv")
    run = measured("read", str(export), home=tmp_path / "home")
    assert run["rc"] == 2, run
    assert f"{export} : 2\u202f147 Mo, plus que les 500 Mo qu'un export peut faire" in run["err"]
    assert "vide" not in run["err"] and "Traceback" not in run["err"]
    assert run["peak_mb"] < REFUSAL_PEAK_MB and run["seconds"] < 15, run


@POSIX
def test_read_refuses_dev_zero_as_a_device(tmp_path):
    run = measured("read", "/dev/zero", home=tmp_path / "home")
    assert run["rc"] == 2, run
    assert "/dev/zero : ce n'est pas un fichier d'export mais un périphérique ; rien n'a été lu" in run["err"]
    assert run["peak_mb"] < REFUSAL_PEAK_MB and run["seconds"] < 15, run


@POSIX
def test_read_refuses_a_fifo_without_opening_it(tmp_path):
    fifo = tmp_path / "stock.csv"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it to read would block for ever
    run = measured("read", str(fifo), home=tmp_path / "home")
    assert run["rc"] == 2, run  # None would mean killed at TIMEOUT: it hung
    assert f"{fifo} : ce n'est pas un fichier d'export mais un tube nommé (FIFO)" in run["err"]
    assert run["seconds"] < 15


def test_read_refuses_a_folder(tmp_path):
    folder = tmp_path / "stock.csv"
    folder.mkdir()
    run = measured("read", str(folder), home=tmp_path / "home")
    assert run["rc"] == 2 and f"{folder} : c'est un dossier, pas un fichier d'export" in run["err"]


def test_read_refuses_two_million_xlsx_rows_before_building_them(tmp_path, two_million_rows):
    run = measured("read", str(two_million_rows), "--format", "summary", home=tmp_path / "home")
    assert run["rc"] == 2, run
    assert run["err"].splitlines() == [
        f"shopsync: {two_million_rows} : plus de 500\u202f000 lignes, plus qu'un export peut en avoir "
        "(les plus gros exports connus en ont environ 200 000) ; rien n'a été lu"
    ]
    assert run["peak_mb"] < REFUSAL_PEAK_MB and run["seconds"] < 20, run


def test_read_refuses_a_dbf_announcing_two_million_records(tmp_path):
    table = write_many_records_dbf(tmp_path / "stock.dbf", 2_000_000)
    run = measured("read", str(table), home=tmp_path / "home")
    assert run["rc"] == 2 and "plus de 500\u202f000 lignes" in run["err"], run
    assert run["peak_mb"] < REFUSAL_PEAK_MB, run


def test_a_text_export_over_the_row_cap_is_refused_as_it_streams(tmp_path):
    export = tmp_path / "stock.csv"
    export.write_bytes(b"R\xe9f\xe9rence;Qt\xe9\r\n" + b";1\r\n" * (MAX_ROWS + 10))
    run = measured("read", str(export), home=tmp_path / "home")
    assert run["rc"] == 2 and "plus de 500\u202f000 lignes" in run["err"], run
    assert len(run["err"].splitlines()) == 1


def test_a_workbook_just_under_the_cap_is_read(tmp_path):
    """The cap refuses what is over it, not what is near it: 1,000 rows, read and listed."""
    book = write_many_rows_xlsx(tmp_path / "stock.xlsx", 1_000)
    run = measured("read", str(book), "--format", "summary", home=tmp_path / "home")
    assert run["rc"] == 0, run
    assert "lignes rejetées : 1000" in run["out"]  # read's summary speaks French here


# -- rejected lines: listed up to a count, then summed up ----------------------------------------


def test_read_lists_a_hundred_rejected_lines_then_counts_the_rest(tmp_path):
    book = write_many_rows_xlsx(tmp_path / "stock.xlsx", 250_000)
    run = measured("read", str(book), "--format", "summary", home=tmp_path / "home")
    assert run["rc"] == 0, run
    said = run["err"].splitlines()
    assert len(said) == 101
    assert said[0] == f"{book}:2 : référence : vide : la ligne est ignorée"
    assert said[99] == f"{book}:101 : référence : vide : la ligne est ignorée"
    assert said[100] == "… et 249\u202f900 lignes refusées de plus"
    assert "lignes rejetées : 250000" in run["out"]


def test_the_same_summary_in_english(tmp_path):
    book = write_many_rows_xlsx(tmp_path / "stock.xlsx", 102)
    run = measured("read", str(book), home=tmp_path / "home", env={"LANG": "C"})
    assert run["err"].splitlines()[-1] == "… and 2 more lines rejected"
    book = write_many_rows_xlsx(tmp_path / "one-more.xlsx", 101)
    said = measured("read", str(book), home=tmp_path / "home", env={"LANG": "C"})["err"].splitlines()
    assert len(said) == 101 and said[-1].endswith(":102: reference: empty: the line is skipped")


def test_a_sync_stores_a_hundred_problems_then_the_count(shop, site):
    rows = [("", "TISSOT", "SANS REF", "1", "10,00", "", "")] * 1_000
    shop.write([*ROWS, *rows])
    summary = shop.sync()
    assert summary.exit_code == 0 and summary.uploaded == 4
    assert len(summary.errors) == 101
    assert summary.errors[-1] == "… et 900 lignes refusées de plus"
    db = sqlite3.connect(shop.home / "shopsync.db")
    try:
        [(stored, problems)] = db.execute("SELECT rejected, problems FROM erp_read").fetchall()
        [(run_errors,)] = db.execute("SELECT errors FROM runs ORDER BY id DESC LIMIT 1").fetchall()
    finally:
        db.close()
    assert stored == 1_000  # the count stays exact
    # the read's problems and the runs are stored in English (status --json, any later LANG),
    # shown in the shop's language
    assert json.loads(problems)[-1] == "… and 900 more lines rejected"
    assert json.loads(problems)[0].endswith(":7: reference: empty: the line is skipped")
    assert len(json.loads(problems)) == 101
    assert "… and 900 more lines rejected" in run_errors
    assert ": reference: empty: the line is skipped" in run_errors
    from shopsync.config import load_settings
    from shopsync.services import Services

    with Services(load_settings(shop.home)) as svc:
        errors = svc.history.recent()[0]["errors"]
        assert errors[-1] == "… et 900 lignes refusées de plus"
        assert errors[0].endswith(":7 : référence : vide : la ligne est ignorée")


# -- `sync --once`: exit 2, the file named, nothing unpublished ---------------------------------


def _published(site) -> int:
    refs = ["T120.417.17.041.00", "T137.407.11.041.00", "F20560/1", "590702HV-16"]
    return sum(site.product(r)["published"] for r in refs)


@pytest.mark.parametrize("kind", ["sparse", "dev-zero", "fifo", "two-million-rows"])
def test_sync_once_refuses_a_hostile_export_and_unpublishes_nothing(
    shop, site, tmp_path, request, kind
):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0 and _published(site) == 4
    if kind == "sparse":
        export, said = _sparse(tmp_path / "big.csv"), "2\u202f147 Mo, plus que les 500 Mo"
    elif kind == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero here")
        export, said = Path("/dev/zero"), "un périphérique"
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        export, said = tmp_path / "pipe.csv", "un tube nommé (FIFO)"
        os.mkfifo(export)
    else:
        export, said = request.getfixturevalue("two_million_rows"), "plus de 500\u202f000 lignes"
    shop.configure(erp={"path": str(export)})
    run = measured("sync", "--once", home=shop.home)
    assert run["rc"] == 2, run
    assert f"{export} : " in run["out"] + run["err"] and said in run["out"] + run["err"], run
    assert "erreur interne" not in run["out"] + run["err"] and "Traceback" not in run["err"]
    assert run["peak_mb"] < 250 and run["seconds"] < 30, run
    assert _published(site) == 4


# -- the diagnostics zip stays inside the home ---------------------------------------------------


def test_the_diagnostics_zip_follows_no_link_out_of_the_home(tmp_path, monkeypatch):
    from shopsync.config import load_settings
    from shopsync.diagnostics import export_diagnostic

    monkeypatch.delenv("SHOPSYNC_SITE_TOKEN", raising=False)
    outside = tmp_path / "elsewhere" / "shadow"
    outside.parent.mkdir()
    outside.write_text("root:$6$SECRET-HASH-OUTSIDE-THE-HOME:19000:0:99999:7:::\n")
    settings = load_settings(tmp_path / "home")
    settings.log_dir.mkdir()
    (settings.log_dir / "shopsync.log").write_text("a real log line\n", encoding="utf-8")
    (settings.log_dir / "shadow.log").symlink_to(outside)
    (settings.log_dir / "older.log").symlink_to(settings.log_dir / "shopsync.log")  # inside: fine
    if hasattr(os, "mkfifo"):
        os.mkfifo(settings.log_dir / "pipe.log")  # would block a plain read for ever
    linked_logs = tmp_path / "home2"
    (linked_logs / "logs").parent.mkdir()
    (linked_logs / "logs").symlink_to(outside.parent)  # logs/ itself a link out of the home
    (outside.parent / "x.log").write_text("SECRET-IN-A-LINKED-FOLDER\n")

    zipped = export_diagnostic(settings, tmp_path / "diag.zip")
    with zipfile.ZipFile(zipped) as zf:
        names = zf.namelist()
        everything = b"".join(zf.read(n) for n in names)
    assert "logs/shopsync.log" in names and "logs/older.log" in names
    assert "logs/shadow.log" not in names and "logs/pipe.log" not in names
    assert b"SECRET-HASH-OUTSIDE-THE-HOME" not in everything

    other = load_settings(linked_logs)
    with zipfile.ZipFile(export_diagnostic(other, tmp_path / "diag2.zip")) as zf:
        assert not [n for n in zf.namelist() if n.startswith("logs/")]
        assert b"SECRET-IN-A-LINKED-FOLDER" not in b"".join(zf.read(n) for n in zf.namelist())


def test_a_config_toml_linked_out_of_the_home_is_left_out_of_the_zip(tmp_path, monkeypatch):
    from shopsync.config import DEFAULT_CONFIG, load_settings
    from shopsync.diagnostics import export_diagnostic

    monkeypatch.delenv("SHOPSYNC_SITE_TOKEN", raising=False)
    outside = tmp_path / "other.toml"
    outside.write_text(DEFAULT_CONFIG + "# OUTSIDE-THE-HOME-MARKER\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").symlink_to(outside)
    settings = load_settings(home)
    with zipfile.ZipFile(export_diagnostic(settings, tmp_path / "diag.zip")) as zf:
        assert "config.toml" not in zf.namelist()


# -- the heartbeat never carries what the export path's file holds -------------------------------


def test_last_error_never_carries_the_first_line_of_the_export_file(shop, site, tmp_path):
    from shopsync.agent.link import PlatformLink
    from shopsync.config import load_settings

    secret = "sk_live_51HfakeSECRETlooking9f8e7d6c5b4a3"
    wrong = tmp_path / "id_token.txt"
    wrong.write_text(f"{secret}\nsecond line\n", encoding="utf-8")
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    shop.configure(erp={"path": str(wrong)})
    out = shop.cli("sync", "--once")
    assert out.returncode == 2
    status = json.loads(shop.cli("status", "--json").stdout.strip().splitlines()[-1])
    assert secret in json.dumps(status)  # the shop's own PC says what it read: the test can fail

    class Host:
        def full_reconcile(self) -> bool:
            return True

        def pause(self) -> None: ...
        def resume(self) -> None: ...
        def is_paused(self) -> bool:
            return False

        def next_run_at(self) -> float | None:
            return None

    link = PlatformLink(load_settings(shop.home), Host())
    assert link.tick(time.time(), force=True) is True
    db = sqlite3.connect(site.data / "sandbox.db")
    try:
        [(body,)] = db.execute("SELECT body FROM agent_heartbeats").fetchall()
    finally:
        db.close()
    assert secret not in body and "second line" not in body
    assert json.loads(body)["last_error"] == {
        "code": "input_error",
        "message": "the ERP export could not be used; nothing was changed on the site",
    }
    assert not re.search(r"sk_live", body)
