"""XLSX, XLS and ODS exports through python-calamine (Rust; one small wheel for all three).

Cells arrive typed: numbers as floats, dates as dates. They are turned into the text an ERP
would have written (`values.cell_text`) so that one set of value rules serves every source,
and so that a barcode typed as a number, 3662000123456.0, becomes `3662000123456`, never
`3.66E+12`. Rows are numbered as the spreadsheet shows them (row 1 is the first). Without
a sheet named in the profile, the stock is on the first sheet with a reference column.
"""

from __future__ import annotations

import io
import re
import zipfile

from shopsync.erp import messages
from shopsync.erp.detect import ColumnMap
from shopsync.erp.export_file import MAX_EXPORT_BYTES, MAX_ROWS
from shopsync.erp.profiles import Profile
from shopsync.erp.table import Table, locate_header
from shopsync.erp.values import cell_text
from shopsync.errors import InputError
from shopsync.model import Problem


def _sheet(workbook, source: str, wanted: str | int):  # type: ignore[no-untyped-def]
    names = list(workbook.sheet_names)
    if not names:
        raise InputError(messages.no_sheet(source))
    if isinstance(wanted, int):
        if not 1 <= wanted <= len(names):
            raise InputError(messages.no_sheet_number(source, wanted, names))
        return workbook.get_sheet_by_index(wanted - 1), names[wanted - 1]
    match = next((n for n in names if n == wanted), None) or next(
        (n for n in names if n.strip().casefold() == wanted.strip().casefold()), None
    )
    if match is None:
        raise InputError(messages.no_sheet_named(source, wanted, names))
    return workbook.get_sheet_by_name(match), match


def _rows(sheet, source: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The sheet's rows as texts; refused before they are built when there are too many (the
    rows, not the cells, are what Python pays for)."""
    if sheet.total_height > MAX_ROWS:
        raise InputError(messages.too_many_rows(source, MAX_ROWS))
    return [[cell_text(v) for v in row] for row in sheet.iter_rows()]


# How a row starts in a sheet's XML. Most sheets write <row r="2">: counted with bytes.count
# (memchr speed; a regular expression is several times slower), `<rowBreaks>` included (one
# row more at most, on the safe side). A prefixed sheet (<x:row>) or an ODS (<table:table-row>)
# also closes each row with the same name (</x:row>): counted with the expression, which takes
# opening tags only. Which way a sheet writes them is seen in its first megabyte; a row written
# some other way is caught once calamine has read the sheet
# (`_rows`: its height).
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,20}:)?(?:table-)?row[\s/>]")
_TAG_TAIL = 64  # bytes kept between chunks (longer than a tag), so a tag cut in two is seen once


def _row_tags(text: bytes, plain: bool) -> int:
    """Row starts in `text`; `plain`: the sheet writes them <row …> (decided on its first chunk)."""
    return text.count(b"<row") if plain else len(_ROW_TAG.findall(text))


def check_workbook_size(data: bytes, source: str) -> None:
    """An XLSX or ODS is a zip of XML: refuse one that unfolds beyond what an export can be
    before calamine builds it in memory. The sheets' XML is inflated as a stream (never held
    whole), counting the bytes and the row tags, and stops at the first limit crossed. The
    declared sizes in the zip are not trusted: they are what a hostile file lies about."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = [i.filename for i in archive.infolist() if i.filename.endswith(".xml")]
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip (XLS) or a broken one: calamine says why
    unfolded = 0
    rows = 0
    for name in names:
        sheet = name.startswith("xl/worksheets/") or name == "content.xml"
        try:
            with archive.open(name) as member:
                tail, plain = b"", None
                while chunk := member.read(1 << 20):
                    if sheet and plain is None:
                        plain = b":row" not in chunk and b"table-row" not in chunk
                    unfolded += len(chunk)
                    if unfolded > MAX_EXPORT_BYTES:
                        raise InputError(messages.too_much_xml(source, MAX_EXPORT_BYTES))
                    if sheet:  # the tags wholly in `tail` were counted with the last chunk
                        window = tail + chunk
                        rows += _row_tags(window, plain) - _row_tags(tail, plain)
                        tail = window[-_TAG_TAIL:]
                        if rows > MAX_ROWS + 1:  # the header row, then at most MAX_ROWS
                            raise InputError(messages.too_many_rows(source, MAX_ROWS))
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return  # damaged: calamine says why


def _empty(rows: list[list[str]]) -> bool:
    return not any(any(c.strip() for c in row) for row in rows)


def _stock_sheet(workbook, source: str, profile: Profile
                 ) -> tuple[str, list[list[str]], tuple[int, ColumnMap], list[Problem]]:  # type: ignore[no-untyped-def]
    """The first sheet with a reference column, when the profile names none: workbooks often
    open on a cover or notes sheet ("Info") before the stock. Says which sheet was taken
    when it is not the first; with none, the first sheet's own error."""
    names = list(workbook.sheet_names)
    if not names:
        raise InputError(messages.no_sheet(source))
    first_error: InputError | None = None
    for index, name in enumerate(names):
        rows = _rows(workbook.get_sheet_by_index(index), source)
        try:
            if _empty(rows):
                raise InputError(messages.empty_sheet(source, name))
            found = locate_header(source, rows, profile)
        except InputError as exc:
            first_error = first_error or exc
            continue
        warnings = []
        if index > 0:
            warnings.append(Problem(
                source, None, None, messages.sheet_taken(name, names[:index]), "warning"))
        return name, rows, found, warnings
    raise first_error  # type: ignore[misc]


def open_spreadsheet(data: bytes, source: str, profile: Profile) -> Table:
    """The profile's sheet, else the first one with a reference column, its header found."""
    try:
        import python_calamine
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(messages.needs_calamine(source, exc)) from exc
    warnings: list[Problem] = []
    check_workbook_size(data, source)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if profile.options.sheet is None:
            name, rows, (at, columns), warnings = _stock_sheet(workbook, source, profile)
        else:
            sheet, name = _sheet(workbook, source, profile.options.sheet)
            rows = _rows(sheet, source)
            if _empty(rows):
                raise InputError(messages.empty_sheet(source, name))
            at, columns = locate_header(source, rows, profile)
    except (InputError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine's errors, and pyo3's PanicException
        # (a BaseException) when the Rust side panics on a malformed file
        reason = str(exc) or type(exc).__name__
        if "password" in reason.lower() or type(exc).__name__ == "PasswordError":
            reason = messages.password_protected()
        raise InputError(messages.not_a_spreadsheet(source, reason)) from None
    pairs = zip(rows[at + 1 :], range(at + 2, len(rows) + 2), strict=False)
    return Table(
        columns=columns,
        pairs=pairs,
        prev=at + 1,
        warnings=warnings,
        details={"format": "spreadsheet", "sheet": name, "header_line": at + 1 if at >= 0 else None},
    )
