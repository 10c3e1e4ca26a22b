"""The workbook check before calamine (issue 18): rows are counted in the sheets' XML as it is
inflated, whatever way the rows are written, and an XML that unfolds beyond the export size
limit is refused without being held in memory. The limits are lowered here so that each case
is a few KB; tests/test_local_inputs.py runs the real limits through the CLI."""

from __future__ import annotations

import io
import zipfile

import pytest

from shopsync.erp import spreadsheet
from shopsync.errors import InputError


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _xlsx_rows(count: int, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    row = f'<{p}row r="1"><{p}c><{p}v>1</{p}v></{p}c></{p}row>'
    return (f"<{p}worksheet><{p}sheetData>" + row * count + f"</{p}sheetData></{p}worksheet>").encode()


def _ods_rows(count: int) -> bytes:
    row = "<table:table-row><table:table-cell/></table:table-row>"
    return ("<office:document-content><table:table>" + row * count + "</table:table>"
            "</office:document-content>").encode()


@pytest.fixture
def ten_rows(monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 10)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("xl/worksheets/sheet1.xml", _xlsx_rows),
        ("xl/worksheets/sheet1.xml", lambda n: _xlsx_rows(n, "x")),
        ("content.xml", _ods_rows),
    ],
    ids=["xlsx", "xlsx-prefixed", "ods"],
)
def test_rows_are_counted_once_each_however_written(ten_rows, name, body):
    spreadsheet.check_workbook_size(_zip({name: body(11)}), "ok.xlsx")  # a header and 10 rows
    with pytest.raises(InputError, match="bad.xlsx : plus de 10 lignes"):
        spreadsheet.check_workbook_size(_zip({name: body(12)}), "bad.xlsx")


def test_a_row_tag_cut_between_two_chunks_is_counted_once(ten_rows, monkeypatch):
    """Chunks are 1 MB: rows padded so that tags straddle chunk ends, and counted exactly."""
    pad = b" " * 99_991  # not a divisor of 1 MB: the tags fall across chunk boundaries
    sheet = b"<worksheet><sheetData>" + (b'<row r="1"/>' + pad) * 11 + b"</sheetData></worksheet>"
    spreadsheet.check_workbook_size(_zip({"xl/worksheets/sheet1.xml": sheet}), "ok.xlsx")
    sheet = b"<worksheet><sheetData>" + (b'<row r="1"/>' + pad) * 12 + b"</sheetData></worksheet>"
    with pytest.raises(InputError, match="plus de 10 lignes"):
        spreadsheet.check_workbook_size(_zip({"xl/worksheets/sheet1.xml": sheet}), "bad.xlsx")


def test_xml_that_unfolds_beyond_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_EXPORT_BYTES", 1_000_000)
    bomb = _zip({"xl/sharedStrings.xml": b"<sst>" + b" " * 3_000_000 + b"</sst>"})
    assert len(bomb) < 20_000
    with pytest.raises(InputError, match="bomb.xlsx : le classeur décompressé dépasse 1,0 Mo"):
        spreadsheet.check_workbook_size(bomb, "bomb.xlsx")


def test_not_a_zip_is_left_to_calamine():
    spreadsheet.check_workbook_size(b"\xd0\xcf\x11\xe0 an old XLS", "old.xls")  # no error here
