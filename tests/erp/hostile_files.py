"""Hostile local inputs, made small and fast on disk (issue 18 "Local inputs bounded"): a
workbook of millions of rows that zips to a few MB, a DBF whose header announces millions of
records. Written by hand (zipfile streaming, struct) so that making them takes well under a
second of the suite, where openpyxl would take minutes."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Stock" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _cell(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def write_many_rows_xlsx(path: Path, rows: int) -> Path:
    """A real XLSX: a header (Référence, Marque, Qté) and `rows` rows whose reference is empty
    (each one a rejected line). Identical rows without `r` attributes deflate to almost
    nothing: 2 million rows make a file of a few MB."""
    header = "<row>" + _cell("Référence") + _cell("Marque") + _cell("Qté") + "</row>"
    row = ("<row>" + _cell("") + _cell("TISSOT") + _cell("1") + "</row>").encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>" + header.encode()
            )
            block = row * 10_000
            for _ in range(rows // 10_000):
                sheet.write(block)
            sheet.write(row * (rows % 10_000))
            sheet.write(b"</sheetData></worksheet>")
    return path


def write_many_records_dbf(path: Path, records: int) -> Path:
    """A dBase III table (REF C10, QTE N5) of `records` records, each with an empty reference;
    the records are one block repeated, written in a few large writes."""
    fields = [(b"REF", b"C", 10), (b"QTE", b"N", 5)]
    record_len = 1 + sum(size for _, _, size in fields)
    header_len = 32 + 32 * len(fields) + 1
    with path.open("wb") as out:
        out.write(struct.pack("<BBBBIHH20x", 0x03, 125, 12, 6, records, header_len, record_len))
        for name, kind, size in fields:
            out.write(struct.pack("<11sc4xBB14x", name, kind, size, 0))
        out.write(b"\r")
        record = b" " + b" " * 10 + b"    1"
        block = record * 10_000
        for _ in range(records // 10_000):
            out.write(block)
        out.write(record * (records % 10_000))
        out.write(b"\x1a")
    return path
