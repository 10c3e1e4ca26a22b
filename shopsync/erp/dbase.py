"""dBase / FoxPro (DBF) exports through dbfread, memo files (.dbt/.fpt) included.

The code page comes from the header's language-driver byte unless the profile names one;
a header that says nothing (byte 0, common in exports) gets the same treatment as a text
file: UTF-8 if it decodes, else the 8-bit code page that makes the accents French. Numeric
fields are kept as their digits (not dbfread's floats) so that prices stay exact, and one
unreadable value (a bad date, stray bytes) empties that cell with a warning instead of
stopping the whole table.
"""

from __future__ import annotations

import contextlib
import hashlib
from itertools import islice
from pathlib import Path

from shopsync.erp import messages
from shopsync.erp.codepages import guess_eight_bit, is_utf8
from shopsync.erp.export_file import MAX_ROWS, check_export_file, read_export_file
from shopsync.erp.profiles import Profile
from shopsync.erp.table import Table, locate_header
from shopsync.erp.values import cell_text
from shopsync.errors import InputError
from shopsync.model import Problem


def _encoding(data: bytes, profile: Profile) -> str:
    if profile.options.encoding:
        return profile.options.encoding
    from dbfread.codepages import codepages

    driver = data[29] if len(data) > 29 else 0
    if driver and driver in codepages:
        return codepages[driver][0]
    header_len = int.from_bytes(data[8:10], "little")
    body = data[header_len:]
    return "utf-8" if is_utf8(body) else guess_eight_bit(body)


def _parser_class(notes: list[str]):  # type: ignore[no-untyped-def]
    from dbfread.field_parser import FieldParser

    class TextNumbers(FieldParser):
        """dbfread's parser, with numbers kept as written and bad values emptied."""

        def parseN(self, field, data):  # type: ignore[no-untyped-def] # noqa: N802 - dbfread's naming
            return data.strip().strip(b"*").decode("ascii", errors="replace")

        parseF = parseN  # noqa: N815 - dbfread's naming

        def decode_text(self, text):  # type: ignore[no-untyped-def]
            try:
                return text.decode(self.encoding)
            except UnicodeDecodeError:
                notes.append(messages.not_decoded(self.encoding))
                return text.decode(self.encoding, errors="replace")

        def parse(self, field, data):  # type: ignore[no-untyped-def]
            try:
                return super().parse(field, data)
            except Exception as exc:  # noqa: BLE001 - one bad cell must not stop the table
                notes.append(messages.unreadable_value(field.name, exc))
                return None

    return TextNumbers


def open_dbf(path: Path, data: bytes, source: str, profile: Profile) -> Table:
    """The table's live (not deleted) records, numbered from 1 in file order."""
    try:
        from dbfread import DBF
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(messages.needs_dbfread(source, exc)) from exc
    encoding = _encoding(data, profile)
    notes: list[str] = []
    try:
        table = DBF(
            str(path),
            encoding=encoding,
            ignore_missing_memofile=True,
            parserclass=_parser_class(notes),
            recfactory=None,
        )
        headers = list(table.field_names)
        if table.header.numrecords > MAX_ROWS:  # announced: refused before a record is read
            raise InputError(messages.too_many_rows(source, MAX_ROWS))
        if table.memofilename:  # dbfread opens it while reading: never a FIFO, never 2 GB
            check_export_file(Path(table.memofilename))
        records = [[cell_text(v) for _, v in record] for record in islice(table, MAX_ROWS + 1)]
        if len(records) > MAX_ROWS:
            raise InputError(messages.too_many_rows(source, MAX_ROWS))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - dbfread raises ValueError, struct.error, OSError...
        raise InputError(messages.not_a_dbf(source, exc)) from None
    warnings = []
    digest = hashlib.sha256(data)
    memo = getattr(table, "memofilename", None)
    has_memo = any(f.type in "MGBP" for f in table.fields) and table.dbversion not in (0x30, 0x31, 0x32)
    if memo:
        with contextlib.suppress(OSError, InputError):  # the table was read: a hash without it will do
            digest.update(read_export_file(Path(memo)))
    elif has_memo:
        warnings.append(Problem(source, None, None, messages.memo_missing(), "warning"))
    for note in dict.fromkeys(notes):
        warnings.append(Problem(source, None, None, note, "warning"))
    rows = [headers, *records]
    at, columns = locate_header(source, rows[:1], profile) if profile.options.header else locate_header(source, records, profile)
    if profile.options.header:
        pairs = zip(records, range(1, len(records) + 1), strict=False)
    else:
        pairs = zip(records[at + 1 :], range(at + 2, len(records) + 2), strict=False)
    return Table(
        columns=columns,
        pairs=pairs,
        prev=0 if profile.options.header else at + 1,
        details={"format": "dbf", "encoding": encoding, "records": len(records)},
        warnings=warnings,
        content_hash=digest.hexdigest(),
    )
