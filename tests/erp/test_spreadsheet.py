"""Spreadsheets (XLSX via openpyxl, XLS via xlwt): typed numbers, sheets, title rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from shopsync.erp import preview, read_export
from shopsync.errors import InputError
from shopsync.i18n import english

from .corpus import HEADER, write_xlsx


def test_xlsx_numbers_stay_exact(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "stock.xlsx",
        [HEADER,
         ["B-1", "Chaumet", "Bague", 2, 1290.5, 52, 3662000123456, "Actif"],
         [123456, "Fred", "Alliance", 1.0, 19.99, 56.5, 3662000123457, None]],
        title_rows=[["Inventaire au 03/02/2025"], []],
    )
    result = read_export(path)
    assert result.details["sheet"] == "Stock"
    assert result.details["header_line"] == 3
    first, second = result.lines
    assert (first.ean, first.price, first.size, first.quantity, first.line) == (
        "3662000123456", Decimal("1290.5"), "52", 2, 4)
    assert (second.reference, second.ean, second.price, second.size) == (
        "123456", "3662000123457", Decimal("19.99"), "56.5")
    assert not result.rejected


def test_sheet_named_by_profile(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [["Notes"], ["rien"]],
                      sheets={"Articles": [["Réf.", "Stock"], ["A-1", 3]]})
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nsheet = "articles"\n', encoding="utf-8")
    result = read_export(path, profile)
    assert [(line.reference, line.quantity) for line in result.lines] == [("A-1", 3)]
    first = tmp_path / "first.toml"
    first.write_text("[options]\nsheet = 1\n", encoding="utf-8")
    with pytest.raises(InputError, match="pas de colonne de référence ; en-têtes trouvés ligne 1 : « Notes »"):
        read_export(path, first)  # the sheet the profile names has none: no other is taken
    # (issue 13: without a sheet named, the first sheet with a reference column is read;
    # see test_messy_exports.py)


def test_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER])
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nsheet = "Inventaire"\n', encoding="utf-8")
    with pytest.raises(InputError, match="feuilles : « Stock »") as info:
        read_export(path, profile)
    assert english(str(info.value)) == f"{path}: no sheet named 'Inventaire' (sheets: Stock)"


def test_xls_legacy_workbook(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Export")
    for c, name in enumerate(["Référence", "Désignation", "Qté", "PV TTC", "Gencod"]):
        sheet.write(0, c, name)
    for c, value in enumerate(["X-1", "Montre à quartz", 3, 249.9, 3662000123456]):
        sheet.write(1, c, value)
    path = tmp_path / "stock.xls"
    book.save(str(path))
    line = read_export(path).lines[0]
    assert (line.reference, line.designation, line.quantity, line.price, line.ean) == (
        "X-1", "Montre à quartz", 3, Decimal("249.9"), "3662000123456")


def test_xlsx_renamed_csv_is_read_by_content(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [["Réf.", "Qté"], ["A", 1]])
    renamed = path.rename(tmp_path / "stock.csv")
    assert read_export(renamed).lines[0].reference == "A"


def test_broken_xlsx_is_a_whole_file_error(tmp_path: Path) -> None:
    path = tmp_path / "stock.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputError, match="pas un classeur lisible") as info:
        read_export(path)
    assert english(str(info.value)).startswith(f"{path}: not a readable spreadsheet (")


def test_preview_for_the_wizard(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER] + [[f"R{i}", "Fred", "x", i, 10, None, None, None] for i in range(30)])
    shown = preview(path, rows=5)
    assert shown.headers == HEADER
    assert shown.mapping["reference"] == "Référence" and shown.mapping["price"] == "Prix TTC"
    assert len(shown.rows) == 5 and shown.rows[0][:4] == ["R0", "Fred", "x", "0"]
    assert shown.encoding is None and shown.delimiter is None
