"""Real-looking ERP exports, written by third-party writers (never by the code under test).

Text files go through Python's codecs in the code page a shop PC would use; XLSX through
openpyxl; XLS through xlwt; DBF through the `dbf` package. Each writer returns the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

HEADER = ["Référence", "Marque", "Désignation", "Qté", "Prix TTC", "Taille", "EAN", "Statut"]
ROWS = [
    ["B-1001", "Chaumet", "Bague Liens or rosé", "2", "1 290,00", "T52", "3662000123456", "Actif"],
    ["B-1002", "Fred", "Alliance Force 10 platine", "1", "2.450,50", "56,5", "", "Réservé"],
    ["C-2001", "Pandora", "Collier chaîne argent 925", "5", "89,90", "", "5700302918474", ""],
    ["M-3001", "Tissot", "Montre PRX 40 mm", "0", "375", "", "7611608292232", "Actif"],
]


def write_text(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ";",
    newline: str = "\r\n",
    header: Sequence[str] | None = HEADER,
    preamble: Sequence[str] = (),
    footer: Sequence[str] = (),
    quote_all: bool = False,
) -> Path:
    """A delimited export; fields holding the delimiter, quotes or newlines are quoted."""

    def cell(value: str) -> str:
        if quote_all or any(c in value for c in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = list(preamble)
    if header is not None:
        lines.append(delimiter.join(cell(h) for h in header))
    lines += [delimiter.join(cell(v) for v in row) for row in rows]
    lines += list(footer)
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheets: dict | None = None,
               title_rows: Sequence[Sequence[object]] = ()) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Stock"
    for row in title_rows:
        sheet.append(list(row))
    for row in rows:
        sheet.append(list(row))
    for name, extra in (sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in extra:
            other.append(list(row))
    workbook.save(path)
    return path


def write_dbf(path: Path, spec: str, records: Sequence[tuple], *, codepage: str = "cp1252") -> Path:
    """A dBase III table (with a .dbt memo file when `spec` has M fields)."""
    import dbf

    table = dbf.Table(str(path), spec, codepage=codepage, dbf_type="db3")
    table.open(dbf.READ_WRITE)
    for record in records:
        table.append(record)
    table.close()
    return path
