"""CSV and XLSX writers that never let a cell run as a formula.

References come from the shop's ERP and the platform's catalogue: a reference typed `=1+2`,
`+33…`, `-5` or `@SUM(…)` would be evaluated by Excel (or LibreOffice) when the shop opens the
file — a classic CSV-injection vector and, at best, a silently mangled reference. So:

* CSV: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
  apostrophe (the OWASP recommendation); spreadsheet programs show the text, never compute it.
* XLSX: every text cell is written as an explicit string (openpyxl would otherwise turn `=…` into
  a formula) with Excel's "quote prefix" style, so even editing the cell later keeps it text. The
  text itself is untouched, so a reference copied from the sheet is exactly the reference.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: object) -> bool:
    """True for a text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralize(value: object) -> object:
    """The CSV form of a cell: risky text gets a leading apostrophe; anything else unchanged."""
    return "'" + value if is_risky(value) else value  # type: ignore[operator]


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ","
) -> str:
    """CSV (CRLF, as Excel expects; `;` is what a French Excel splits on) with every cell
    neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow([neutralize(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else neutralize(v) for v in row])
    return buf.getvalue()


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ","
) -> None:
    """Write `csv_text` with a UTF-8 BOM, which Excel needs to read accents right."""
    text = csv_text(header, rows, delimiter=delimiter)
    Path(path).write_text(text, encoding="utf-8-sig", newline="")


class Sheet:
    """One worksheet to write: a title, a header and rows (plain Python values)."""

    def __init__(self, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]):
        self.title = title[:31]  # Excel's limit
        self.header = list(header)
        self.rows = [list(r) for r in rows]


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets with openpyxl; text cells are strings with the quote prefix."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title)
        widths = [len(h) for h in sheet.header]
        for col, head in enumerate(sheet.header, start=1):
            cell = ws.cell(row=1, column=col)
            _set_text(cell, head)
            cell.font = bold
        for r, row in enumerate(sheet.rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=col)
                if isinstance(value, str):
                    _set_text(cell, value)
                elif value is not None:
                    cell.value = value
                if col <= len(widths):
                    widths[col - 1] = max(widths[col - 1], len(str(value or "")))
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, width + 2))
        ws.freeze_panes = "A2"
    wb.save(path)


def _set_text(cell, text: str) -> None:
    """A string cell whatever the text looks like (openpyxl makes `=…` a formula otherwise)."""
    cell.value = text
    cell.data_type = "s"
    if is_risky(text):
        cell.quotePrefix = True
