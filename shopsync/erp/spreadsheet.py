"""XLSX, XLS and ODS exports through python-calamine (Rust; one small wheel for all three).

Cells arrive typed: numbers as floats, dates as dates. They are turned into the text an ERP
would have written (`values.cell_text`) so that one set of value rules serves every source,
and so that a barcode typed as a number, 3662000123456.0, becomes `3662000123456`, never
`3.66E+12`. Rows are numbered as the spreadsheet shows them (row 1 is the first). Without
a sheet named in the profile, the stock is on the first sheet with a reference column.
"""

from __future__ import annotations

import io

from shopsync.erp.detect import ColumnMap
from shopsync.erp.profiles import Profile
from shopsync.erp.table import Table, locate_header
from shopsync.erp.values import cell_text
from shopsync.errors import InputError
from shopsync.model import Problem


def _sheet(workbook, source: str, wanted: str | int):  # type: ignore[no-untyped-def]
    names = list(workbook.sheet_names)
    if not names:
        raise InputError(f"{source}: the workbook has no sheet")
    if isinstance(wanted, int):
        if not 1 <= wanted <= len(names):
            raise InputError(f"{source}: no sheet number {wanted} (sheets: {', '.join(names)})")
        return workbook.get_sheet_by_index(wanted - 1), names[wanted - 1]
    match = next((n for n in names if n == wanted), None) or next(
        (n for n in names if n.strip().casefold() == wanted.strip().casefold()), None
    )
    if match is None:
        raise InputError(f"{source}: no sheet named {wanted!r} (sheets: {', '.join(names)})")
    return workbook.get_sheet_by_name(match), match


def _rows(sheet) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]


def _empty(rows: list[list[str]]) -> bool:
    return not any(any(c.strip() for c in row) for row in rows)


def _stock_sheet(workbook, source: str, profile: Profile
                 ) -> tuple[str, list[list[str]], tuple[int, ColumnMap], list[Problem]]:  # type: ignore[no-untyped-def]
    """The first sheet with a reference column, when the profile names none: workbooks often
    open on a cover or notes sheet ("Info") before the stock. Says which sheet was taken
    when it is not the first; with none, the first sheet's own error."""
    names = list(workbook.sheet_names)
    if not names:
        raise InputError(f"{source}: the workbook has no sheet")
    first_error: InputError | None = None
    for index, name in enumerate(names):
        rows = _rows(workbook.get_sheet_by_index(index))
        try:
            if _empty(rows):
                raise InputError(f"{source}: the sheet {name!r} is empty")
            found = locate_header(source, rows, profile)
        except InputError as exc:
            first_error = first_error or exc
            continue
        warnings = []
        if index > 0:
            skipped = ", ".join(repr(n) for n in names[:index])
            warnings.append(Problem(
                source, None, None,
                f"read the sheet {name!r}: no reference column in {skipped} before it "
                "(to read another sheet, name it in the profile: [options] sheet = \"...\")",
                "warning"))
        return name, rows, found, warnings
    raise first_error  # type: ignore[misc]


def open_spreadsheet(data: bytes, source: str, profile: Profile) -> Table:
    """The profile's sheet, else the first one with a reference column, its header found."""
    try:
        import python_calamine
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{source}: reading spreadsheets needs python-calamine ({exc})") from exc
    warnings: list[Problem] = []
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if profile.options.sheet is None:
            name, rows, (at, columns), warnings = _stock_sheet(workbook, source, profile)
        else:
            sheet, name = _sheet(workbook, source, profile.options.sheet)
            rows = _rows(sheet)
            if _empty(rows):
                raise InputError(f"{source}: the sheet {name!r} is empty")
            at, columns = locate_header(source, rows, profile)
    except (InputError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine's errors, and pyo3's PanicException
        # (a BaseException) when the Rust side panics on a malformed file
        reason = str(exc) or type(exc).__name__
        if "password" in reason.lower() or type(exc).__name__ == "PasswordError":
            reason = "the workbook is password-protected"
        raise InputError(f"{source}: not a readable spreadsheet ({reason})") from None
    pairs = zip(rows[at + 1 :], range(at + 2, len(rows) + 2), strict=False)
    return Table(
        columns=columns,
        pairs=pairs,
        prev=at + 1,
        warnings=warnings,
        details={"format": "spreadsheet", "sheet": name, "header_line": at + 1 if at >= 0 else None},
    )
