"""Delimited text exports (CSV/TXT): separators, code pages, line ends, preambles, footers.

The file is read once into memory (its SHA-256 is needed anyway, and a shop's export is a few
MB), decoded by a streaming TextIOWrapper rather than into one big string, and split by the
standard `csv` module in C. `newline=""` lets the csv module see CRLF, LF and the bare CR that
4D's EXPORT TEXT writes, and keep line breaks inside quoted fields.
"""

from __future__ import annotations

import codecs
import csv
import io
from itertools import repeat
from operator import attrgetter

from shopsync.erp.codepages import LATIN1_FALLBACK, choose_encoding
from shopsync.erp.detect import choose_delimiter, parse_sample
from shopsync.erp.mixed_text import (
    MixedText,
    decode_by_line,
    describe,
    first_invalid_utf8,
    starts_as_utf8,
)
from shopsync.erp.profiles import Profile
from shopsync.erp.table import Table, locate_header
from shopsync.errors import InputError
from shopsync.model import Problem

SAMPLE_BYTES = 256 * 1024
_DELIMITER_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}


def _sample(data: bytes, encoding: str) -> str:
    """The first part of the file as text, without tripping on a character cut in two."""
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    return decoder.decode(data[:SAMPLE_BYTES], final=len(data) <= SAMPLE_BYTES)


def _reader_options(profile: Profile, delimiter: str) -> dict[str, object]:
    quote = profile.options.quote
    if quote == "":
        return {"delimiter": delimiter, "quoting": csv.QUOTE_NONE, "strict": False}
    return {"delimiter": delimiter, "quotechar": quote, "doublequote": True, "strict": False}


def _decoding(data: bytes, profile: Profile) -> tuple[str, MixedText | None]:
    """The file's code page, or its text decoded line by line when it was written as UTF-8
    but some lines are not (see `mixed_text`)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    bom = data.startswith(codecs.BOM_UTF8)
    bad = first_invalid_utf8(data, len(codecs.BOM_UTF8) if bom else 0)
    if bad is None:
        return ("utf-8-sig" if bom else "utf-8"), None
    if bom or starts_as_utf8(data, bad):
        return "utf-8", decode_by_line(data, bad, profile.options.encoding)
    return choose_encoding(data, profile.options.encoding), None


def open_text(data: bytes, source: str, profile: Profile) -> Table:
    """Decode, find the separator and the header row, and return the remaining records."""
    encoding, mixed = _decoding(data, profile)
    sample = _sample(mixed.utf8 if mixed else data, encoding)
    explicit = dict(profile.columns)
    delimiter = profile.options.delimiter or choose_delimiter(sample, explicit)
    options = _reader_options(profile, delimiter)
    sample_rows = parse_sample(sample, **options)  # type: ignore[arg-type]
    at, columns = locate_header(source, sample_rows, profile)

    warnings: list[Problem] = []
    errors = LATIN1_FALLBACK if codecs.lookup(encoding).name == "cp1252" else "strict"
    stream = io.TextIOWrapper(io.BytesIO(mixed.utf8 if mixed else data), encoding=encoding,
                              errors=errors, newline="")
    if mixed is not None:
        warnings.append(Problem(source, mixed.lines[0], None, describe(mixed.lines, mixed.code_page),
                                "warning"))
        encoding = f"utf-8+{mixed.code_page}"
    reader = csv.reader(stream, **options)  # type: ignore[arg-type]
    try:
        for _ in range(at + 1):
            next(reader)
    except StopIteration:
        pass
    except csv.Error as exc:
        raise InputError(f"{source}:{reader.line_num}: {exc}") from exc
    header_line = reader.line_num
    # (record, its last line) pairs, built in C: line_num is read right after each record
    pairs = zip(reader, map(attrgetter("line_num"), repeat(reader)), strict=False)
    return Table(
        columns=columns,
        pairs=pairs,
        position=lambda: reader.line_num,
        reader=reader,
        prev=header_line,
        warnings=warnings,
        details={
            "format": "text",
            "encoding": encoding,
            "delimiter": delimiter,
            "delimiter_name": _DELIMITER_NAMES.get(delimiter, delimiter),
            "header_line": header_line if at >= 0 else None,
        },
    )


