"""DBF tables written by the `dbf` package: code page byte, memo files, numbers kept exact."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from shopsync.erp import read_export
from shopsync.i18n import english

from .corpus import write_dbf

SPEC = "REFERENCE C(20); FOURNISSEU C(20); DESIGNATIO C(40); QTE N(5,0); PRIX_TTC N(10,2); TLD C(6); NOTES M"
RECORDS = [
    ("B-1", "Chaumet", "Bague Liens or rosé", 2, Decimal("1290.50"), "T52", "Pièce unique, écrin"),
    ("B-2", "Fred", "Alliance platine", -1, Decimal("2450.00"), "", ""),
    ("B-1", "Chaumet", "Bague Liens or rosé", 1, Decimal("1290.50"), "52", ""),
]


def test_dbf_with_memo_in_the_header_code_page(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS, codepage="cp1252")
    memo = tmp_path / "stock.dbt"
    assert memo.exists()
    result = read_export(path)
    assert result.details["encoding"] == "cp1252"
    lines = {(line.reference, line.size): line for line in result.lines}
    assert lines[("B-1", "52")].quantity == 3
    assert lines[("B-1", "52")].designation == "Bague Liens or rosé"
    assert lines[("B-1", "52")].price == Decimal("1290.50")
    assert lines[("B-2", None)].quantity == 0
    assert lines[("B-2", None)].brand == "Fred"
    assert result.warnings[0].line == 2 and "vendu en trop" in result.warnings[0].reason
    expected = hashlib.sha256(path.read_bytes() + memo.read_bytes()).hexdigest()
    assert result.content_hash == expected


def test_dbf_in_dos_code_page(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS[:1], codepage="cp850")
    result = read_export(path)
    assert result.details["encoding"] == "cp850"
    assert result.lines[0].designation == "Bague Liens or rosé"


def test_dbf_without_code_page_byte_is_detected(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS[:1], codepage="cp850")
    data = bytearray(path.read_bytes())
    data[29] = 0  # many exporters leave the language driver empty
    path.write_bytes(bytes(data))
    result = read_export(path)
    assert result.details["encoding"] == "cp850"
    assert result.lines[0].designation == "Bague Liens or rosé"


def test_dbf_code_page_overridden_by_profile(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS[:1], codepage="cp1252")
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nencoding = "latin-1"\n', encoding="utf-8")
    assert read_export(path, profile).details["encoding"] == "latin-1"


def test_dbf_missing_memo_file_is_a_warning(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS[:1])
    (tmp_path / "stock.dbt").unlink()
    result = read_export(path)
    assert result.lines[0].reference == "B-1"
    [memo] = [w for w in result.warnings if "mémo" in w.reason]  # a French shop (conftest)
    assert memo.reason == "fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides"
    assert english(str(memo)) == f"{path}: memo file (.dbt/.fpt) missing: memo fields read as empty"


def test_deleted_records_are_skipped(tmp_path: Path) -> None:
    import dbf

    path = write_dbf(tmp_path / "stock.dbf", SPEC, RECORDS)
    table = dbf.Table(str(path))
    table.open(dbf.READ_WRITE)
    dbf.delete(table[1])
    table.close()
    assert {line.reference for line in read_export(path).lines} == {"B-1"}
