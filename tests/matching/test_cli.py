"""`shopsync match`, `shopsync aliases` and `shopsync check` end to end: real cp1252 exports,
real catalogue CSVs, a real store, the real argument parser."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from shopsync.cli import main

HEADER = "Référence;Marque;Désignation;Qté;Prix TTC"
EXPORT = [
    ("T120.417.17.041.00", "TISSOT", "Seastar 1000", "2", "1 290,00"),
    ("T1374071104100", "TISSOT", "PRX", "1", "375,00"),
    ("TIS-T006.407.11.033.00", "TISSOT", "Le Locle", "1", "650,00"),
    ("F20560-1", "FESTINA", "Chrono", "3", "129,00"),
    ("590702HV", "PANDORA", "Bracelet Moments", "4", "69,00"),
    ("GA-2100-IAER", "G-SHOCK", "CasiOak", "1", "99,00"),
    ("=1+2", "FESTINA", "Formule", "1", "10,00"),
    ("BIJ-0001", "MAISON", "Bague maison", "1", "250,00"),
]
CATALOG = [
    ("T120.417.17.041.00", "Tissot", "Seastar 1000"),
    ("T137.407.11.041.00", "Tissot", "PRX"),
    ("T006.407.11.033.00", "Tissot", "Le Locle"),
    ("T099.407.11.048.00", "Tissot", "Gentleman"),
    ("F20560/1", "Festina", "Chrono"),
    ("590702HV-16", "Pandora", "Moments 16 cm"),
    ("590702HV-17", "Pandora", "Moments 17 cm"),
    ("GA-2100-1AER", "Casio", "G-Shock CasiOak"),
]


def write_export(path: Path, rows=EXPORT) -> Path:
    """As the shop's ERP writes it: `;`, CRLF, Windows-1252, French decimals."""
    lines = [HEADER, *(";".join(r) for r in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def write_catalog(path: Path, rows=CATALOG) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["reference", "brand", "title"])
        w.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SHOPSYNC_HOME", raising=False)
    home = tmp_path / "home"
    return (
        write_export(tmp_path / "stock.csv"),
        write_catalog(tmp_path / "catalogue.csv"),
        home,
    )


def cli(*args: str, home: Path) -> int:
    return main(["--home", str(home), *args])


def jsonl(text: str) -> dict[str, dict]:
    objects = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {o["reference"]: o for o in objects}


def test_match_jsonl(files, capsys) -> None:
    erp, catalog, home = files
    assert cli("match", str(erp), "--catalog", str(catalog), home=home) == 0
    captured = capsys.readouterr()
    out = jsonl(captured.out)
    assert len(out) == len(EXPORT)
    assert set(out["T120.417.17.041.00"]) >= {
        "reference", "brand", "status", "catalog_reference", "score", "candidates",
    }  # fmt: skip
    status = {ref: (o["status"], o["catalog_reference"]) for ref, o in out.items()}
    assert status["T120.417.17.041.00"] == ("exact", "T120.417.17.041.00")
    assert status["T1374071104100"] == ("normalized", "T137.407.11.041.00")
    assert status["F20560-1"] == ("normalized", "F20560/1")
    assert status["TIS-T006.407.11.033.00"] == ("suggested", "T006.407.11.033.00")
    assert status["GA-2100-IAER"] == ("suggested", "GA-2100-1AER")
    assert status["590702HV"][0] == "suggested"
    assert status["BIJ-0001"] == ("unmatched", None)
    pandora = out["590702HV"]["candidates"]
    assert {c["reference"] for c in pandora} >= {"590702HV-16", "590702HV-17"}
    assert all(0.0 <= o["score"] <= 1.0 for o in out.values())
    assert "8 références ERP" in captured.err


def test_match_csv_and_xlsx_outputs_neutralise_formulas(files, tmp_path, capsys) -> None:
    erp, catalog, home = files
    out_csv = tmp_path / "m.csv"
    assert cli("match", str(erp), "--catalog", str(catalog), "--output", str(out_csv), home=home) == 0
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["reference"] for r in rows} >= {"'=1+2", "T120.417.17.041.00"}
    out_xlsx = tmp_path / "m.xlsx"
    assert cli("match", str(erp), "--catalog", str(catalog), "--format", "xlsx",
               "--output", str(out_xlsx), home=home) == 0  # fmt: skip
    ws = load_workbook(out_xlsx).active
    cells = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells["=1+2"] == "s"
    # xlsx needs a file
    assert cli("match", str(erp), "--catalog", str(catalog), "--format", "xlsx", home=home) == 2


def test_aliases_change_what_match_connects(files, capsys) -> None:
    erp, catalog, home = files
    assert cli("aliases", "accept", "TIS-T006.407.11.033.00", "T006.407.11.033.00", home=home) == 0
    assert cli("aliases", "reject", "F20560-1", "F20560/1", home=home) == 0
    capsys.readouterr()
    assert cli("aliases", "list", "--json", home=home) == 0
    listed = json.loads(capsys.readouterr().out)["aliases"]  # one JSON document
    assert {(a["erp_reference"], a["decision"]) for a in listed} == {
        ("TIS-T006.407.11.033.00", "accepted"),
        ("F20560-1", "rejected"),
    }
    assert cli("match", str(erp), "--catalog", str(catalog), home=home) == 0
    out = jsonl(capsys.readouterr().out)
    alias = out["TIS-T006.407.11.033.00"]
    assert (alias["status"], alias["catalog_reference"], alias["alias"]) == (
        "normalized", "T006.407.11.033.00", True,
    )  # fmt: skip
    festina = out["F20560-1"]
    assert festina["status"] != "normalized"
    assert "F20560/1" not in {c["reference"] for c in festina["candidates"]}
    assert cli("aliases", "list", home=home) == 0
    text = capsys.readouterr().out
    assert "TIS-T006.407.11.033.00" in text and "≠" in text


def test_match_errors_are_for_a_person(files, tmp_path, capsys) -> None:
    _erp, catalog, home = files
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert cli("match", str(empty), "--catalog", str(catalog), home=home) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("ref;brand\nA;B\n", encoding="utf-8")
    erp = write_export(tmp_path / "e.csv")
    assert cli("match", str(erp), "--catalog", str(bad), home=home) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "reference,brand,title" in err


def test_check_reports_in_html_xlsx_csv(files, tmp_path, capsys) -> None:
    erp, catalog, home = files
    html = tmp_path / "rapport.html"
    # exit 4: the verdict is not "prêt" (a person must act first), said by the exit code too
    assert cli("check", "--erp", str(erp), "--catalog", str(catalog), "--output", str(html),
               home=home) == 4  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert 'lang="fr"' in page and "Références à réécrire" in page
    assert "TIS-T006.407.11.033.00" in page
    # Tissot's Gentleman is online but no ERP reference connects to it.
    assert "T099.407.11.048.00" in page
    xlsx = tmp_path / "rapport.xlsx"
    assert cli("check", "--erp", str(erp), "--catalog", str(catalog), "--output", str(xlsx),
               home=home) == 4  # fmt: skip
    wb = load_workbook(xlsx)
    rewrites = {row[1]: row[2] for row in wb["À réécrire"].iter_rows(min_row=2, values_only=True)}
    assert rewrites["TIS-T006.407.11.033.00"] == "T006.407.11.033.00"
    out_csv = tmp_path / "rapport.csv"
    assert cli("check", "--erp", str(erp), "--catalog", str(catalog), "--output", str(out_csv),
               home=home) == 4  # fmt: skip
    flat = out_csv.read_text(encoding="utf-8-sig")
    assert "'=1+2" in flat and "\n=1+2" not in flat and ",=1+2" not in flat
    assert cli("check", "--erp", str(erp), "--catalog", str(catalog), "--output",
               str(tmp_path / "r.pdf"), home=home) == 2  # fmt: skip


def test_check_uses_the_settings_and_the_stored_catalogue(files, capsys) -> None:
    from shopsync.config import load_settings, update_config
    from shopsync.model import CatalogProduct
    from shopsync.store import open_db
    from shopsync.store.catalog import save_catalog

    erp, _catalog, home = files
    settings = load_settings(home)
    assert cli("check", home=home) == 2  # no ERP path configured
    update_config(settings.home, {"erp": {"path": str(erp)}})
    capsys.readouterr()
    assert cli("check", home=home) == 2  # no catalogue yet
    assert "--catalog" in capsys.readouterr().err
    db = open_db(settings.db_path)
    save_catalog(db, [CatalogProduct(r, b, t) for r, b, t in CATALOG])
    db.conn.close()
    assert cli("check", home=home) == 4  # the verdict in the exit code: not ready
    out = capsys.readouterr().out
    assert out.startswith("Verdict : pas prêt")  # 3 connected of 7 known references
    assert "TIS-T006.407.11.033.00" in out and "T006.407.11.033.00" in out


def test_check_ready_shop(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("SHOPSYNC_HOME", raising=False)
    erp = write_export(tmp_path / "s.csv", [r for r in EXPORT if r[0] in ("T120.417.17.041.00", "T1374071104100")])
    catalog = write_catalog(tmp_path / "c.csv", CATALOG[:2])
    assert cli("check", "--erp", str(erp), "--catalog", str(catalog), home=tmp_path / "h") == 0
    assert capsys.readouterr().out.startswith("Verdict : prêt")


def test_match_and_check_against_the_site(files, tmp_path, monkeypatch, capsys) -> None:
    testing = pytest.importorskip(
        "shopsync.site.sandbox.testing", reason="the sandbox site is not available"
    )
    from shopsync.config import load_settings, update_config

    erp, catalog, home = files
    token = "match-test-token"
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", token)
    with testing.running_sandbox(tmp_path / "site", token=token, catalog=catalog) as url:
        update_config(load_settings(home).home, {"site": {"url": url}})
        assert cli("match", str(erp), "--site", home=home) == 0
        out = jsonl(capsys.readouterr().out)
        assert out["T1374071104100"]["catalog_reference"] == "T137.407.11.041.00"
        assert out["GA-2100-IAER"]["status"] == "suggested"
        assert cli("check", "--erp", str(erp), "--site", home=home) == 4  # not ready
        assert "Verdict" in capsys.readouterr().out


def test_home_after_the_alias_action(files, capsys) -> None:
    _erp, _catalog, home = files
    assert main(["aliases", "accept", "A1", "A-1", "--home", str(home)]) == 0
    assert main(["aliases", "list", "--home", str(home)]) == 0
    assert "A1" in capsys.readouterr().out
