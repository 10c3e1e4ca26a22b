"""What every reader hands over: a column map and the data rows, plus how it read them.

Readers differ in how they get rows (csv, calamine, dbfread, pyodbc, 4D's JSON) but not in
what a header is or in what "no reference column" tells the shop; both live here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import shopsync.erp.messages as messages
from shopsync.erp.detect import ColumnMap, find_header, likeliest_header, map_columns, names_tried
from shopsync.erp.profiles import Profile
from shopsync.erp.values import fold
from shopsync.errors import InputError
from shopsync.model import Problem


@dataclass(slots=True)
class Table:
    """An opened source: `pairs` yields `(cells, last line of the record)` after the header."""

    columns: ColumnMap
    pairs: Iterator[tuple[list[str], int]]
    prev: int  # the line before the first data record (the header's last line)
    details: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    content_hash: str | None = None
    close: Callable[[], None] | None = None
    # where the reader is, for an error raised while rows are being pulled
    position: Callable[[], int | None] | None = None
    # text sources: the csv reader behind `pairs`, for the builder's columnar road (it counts
    # lines itself from `line_num`); use one or the other, both pull the same records
    reader: Iterator[list[str]] | None = None
    # files: the SHA-256 of their bytes, when the reader gives no content_hash (may wait for it)
    digest: Callable[[], str] | None = None
    # `pairs` carry each row's own line (a database row's stable number), not its last line
    numbered: bool = False


def no_reference_error(
    source: str,
    rows: Sequence[Sequence[str]],
    explicit: Mapping[str, Sequence[str | int] | None],
    first_line: int = 1,
) -> InputError:
    """The whole-source error a person can fix: the headers found and the names tried."""
    tried = ", ".join(names_tried("reference", explicit.get("reference")))
    found = likeliest_header(rows)
    if found is None:
        where = messages.no_header_row()
    else:
        cells = [c for c in found[1] if c]
        where = messages.headers_found(first_line + found[0], cells[:30])
    return InputError(messages.no_reference_column(source, where, tried))


def locate_header(
    source: str,
    rows: Sequence[Sequence[str]],
    profile: Profile,
    first_line: int = 1,
) -> tuple[int, ColumnMap]:
    """The header row (index into `rows`, -1 when the export has none) and its column map."""
    explicit = dict(profile.columns)
    options = profile.options
    if not options.header:
        index = {f: names[0] - 1 for f, names in explicit.items() if names}
        skip = max(options.header_row, 0)
        width = max((len(r) for r in rows[skip : skip + 50]), default=0)
        headers = tuple(f"column {i + 1}" for i in range(max(width, max(index.values()) + 1)))
        return skip - 1, ColumnMap(headers, index)
    if options.header_row > 0:
        at = options.header_row - first_line
        if not 0 <= at < len(rows):
            raise InputError(messages.header_row_past(source, options.header_row))
        columns = map_columns([c.strip() for c in rows[at]], explicit)
        if "reference" not in columns.index:
            raise no_reference_error(source, rows[at : at + 1], explicit, first_line + at)
        return at, columns
    found = find_header(rows, explicit)
    if found is None:
        raise no_reference_error(source, rows, explicit, first_line)
    return found


def repeated_headers(
    source: str,
    columns: ColumnMap,
    explicit: Mapping[str, Sequence[str | int] | None],
    line: int | None,
) -> list[Problem]:
    """A field read from a column whose header another column has too (`Prix TTC` twice):
    the first one is read, silently wrong if the shop meant the other. Say so, with the
    columns' positions, unless the profile already chose the column by its number."""
    folded = [fold(header) for header in columns.headers]
    problems: list[Problem] = []
    for what, i in columns.index.items():
        same = [j for j, name in enumerate(folded) if name and name == folded[i]]
        if len(same) < 2 or any(isinstance(n, int) for n in explicit.get(what) or ()):
            continue
        other = next(j + 1 for j in same if j != i)
        problems.append(Problem(
            source, line, what,
            messages.same_header(columns.headers[i], [j + 1 for j in same], i + 1, what, other),
            "warning"))
    return problems
