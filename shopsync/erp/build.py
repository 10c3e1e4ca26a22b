"""From rows of cell texts to merged StockLines, rejected lines and warnings: one road.

Every reader (text, spreadsheet, DBF, ODBC, 4D REST) ends here with the same input: the
column map and its rows with their line numbers. The value rules live in `cells` (one
function per field, text in, value or `Issue` out); this module applies them, line by line
in meaning, chunk by chunk in fact.

Speed matters (a 200,000-line export must read within 3x of a bare `csv.reader` pass), so a
chunk of rows is turned into columns with `zip(*rows)` and each column goes through its
field's cache in one C call (`itemgetter(*cells)(cache)`): the outcome of a rule is cached
per distinct text, issues included. What needs Python code per line is only what is rare:
a short or blank row, an empty reference, a cell with an issue, a repeated reference (a
merge), a damaged barcode. New items become StockLines in C (`tuple.__new__` over the
zipped columns), while the chunk is still in the CPU caches. Merges are applied in line
order after the chunk's new items are added, which is the line-by-line result, since a
merge only touches the item it merges into; merged items are rebuilt once, at the end.

The parts: `column_values` (a column through its field's cache, prices to the cent without
it), `merge` (repeated references into their items, the items rebuilt), `positions` (where
the flags of a column are set, in C loops).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import not_

import shopsync.erp.cells as cells  # (not `from shopsync.erp`: the package imports the reader)
import shopsync.erp.messages as messages
from shopsync.erp.cells import Issue
from shopsync.erp.column_values import ColumnValues
from shopsync.erp.detect import ColumnMap
from shopsync.erp.export_file import MAX_ROWS
from shopsync.erp.fields import Field
from shopsync.erp.merge import ItemMerging
from shopsync.erp.positions import where as _where
from shopsync.erp.positions import where_false as _false
from shopsync.errors import InputError
from shopsync.model import Problem, ReadResult, StockLine

# Rows per chunk: large enough that the per-chunk Python code is noise, small enough that a
# chunk's rows stay in the CPU caches while its columns are built.
CHUNK_ROWS = 256
_NONE = repeat(None)  # endless: fills an absent field, the references set the length
_ONE = repeat(1)  # no quantity column: each line is one piece


class Builder(ColumnValues, ItemMerging):
    """Collects one source's rows; `result()` gives the ReadResult.

    The cached field rules are `ColumnValues` (column_values.py), the items and the merges of
    repeated references `ItemMerging` (merge.py): this class is the road through them.
    """

    def __init__(
        self,
        source: str,
        columns: ColumnMap,
        status_values: Mapping[str, str] | None = None,
    ) -> None:
        self.source = source
        self.columns = columns
        self.rejected: list[Problem] = []
        self.warnings: list[Problem] = []
        self.raw_lines = 0
        self._rows_fed = 0
        self._header = [h.strip() for h in columns.headers]
        index = columns.index
        self._need = max(index.values()) + 1
        self._at = {field: index.get(field, -1) for field in Field}
        self._init_column_values(status_values)
        self._init_items("ean" in index)
        if "quantity" not in index:
            self.warn(None, Field.QUANTITY, messages.no_quantity_column())

    # --- messages --------------------------------------------------------------------------

    def reject(self, line: int | None, field: str | None, reason: str) -> None:
        self.rejected.append(Problem(self.source, line, field, reason, "error"))

    def warn(self, line: int | None, field: str | None, reason: str) -> None:
        self.warnings.append(Problem(self.source, line, field, reason, "warning"))

    # --- feeding -------------------------------------------------------------------------------

    def feed(self, pairs: Iterable[tuple[Sequence[str], int]], prev: int = 0) -> None:
        """Consume `(cells, end)` pairs, where `end` is the last source line of the record.

        A record starts on the line after the previous record ended, which is how a quoted
        field holding newlines still gets the line it starts on. `prev` is the line before
        the first record (the header's line).
        """
        pairs = iter(pairs)
        while chunk := list(islice(pairs, CHUNK_ROWS)):
            self._count_rows(len(chunk))
            rows, ends = zip(*chunk, strict=True)
            self._take(rows, _starts(prev, ends))
            prev = ends[-1]

    def feed_numbered(self, pairs: Iterable[tuple[Sequence[str], int]]) -> None:
        """Consume `(cells, line)` pairs of one-line records whose line is their own number,
        not counted from the previous one: a database row kept by key has a stable number, and
        the rows of a few references rebuilt after a delta are not contiguous."""
        pairs = iter(pairs)
        while chunk := list(islice(pairs, CHUNK_ROWS)):
            rows, lines = zip(*chunk, strict=True)
            self._take(rows, lines)

    def feed_reader(self, reader: Iterator[list[str]], prev: int = 0) -> None:
        """Consume a `csv.reader` (anything yielding rows with a `line_num` attribute counting
        the lines read so far) from just after the header, `prev` being the header's line.

        When a chunk took exactly one line per row (no quoted field holding a line break),
        the rows' lines are the chunk's offset plus their index; otherwise they are recounted
        from the line breaks the quoted fields hold.
        """
        while rows := list(islice(reader, CHUNK_ROWS)):
            self._count_rows(len(rows))
            end = reader.line_num  # type: ignore[attr-defined]
            if end - prev == len(rows):
                self._take(rows, range(prev + 1, end + 1))
            else:
                self._take(rows, _starts(prev, _record_ends(rows, prev, end)))
            prev = end

    def _count_rows(self, count: int) -> None:
        """Refuse a source of more rows than an export can have (export_file.MAX_ROWS), as
        they stream in: a 500 MB file of short lines would otherwise keep a rejected-line
        message for each of its millions of lines."""
        self._rows_fed += count
        if self._rows_fed > MAX_ROWS:
            raise InputError(messages.too_many_rows(self.source, MAX_ROWS))

    # --- the road ------------------------------------------------------------------------------

    def _take(self, rows: Sequence[Sequence[str]], lines: Sequence[int]) -> None:
        """Add a chunk of rows, `lines[i]` being the line `rows[i]` starts on."""
        at = self._at
        need = self._need
        if min(map(len, rows)) < need:  # blank lines, footers, a record cut short
            keep = list(map(need.__le__, map(len, rows)))
            for i in _false(keep):
                self._short_row(rows[i], lines[i])
            rows, lines = list(compress(rows, keep)), list(compress(lines, keep))
            if not rows:
                return
        columns = list(zip(*rows, strict=False))  # as many columns as the shortest row has
        refs = list(map(str.strip, columns[at[Field.REFERENCE]]))
        if not all(refs):
            keep = list(map(bool, refs))
            for i in _false(keep):
                self._no_reference(rows[i], lines[i])
            rows, lines, refs = (list(compress(v, keep)) for v in (rows, lines, refs))
            if not rows:
                return
            columns = list(zip(*rows, strict=False))
        self.raw_lines += len(rows)
        quantities = self._values(Field.QUANTITY, columns)
        prices = self._values(Field.PRICE, columns)
        issues = self._issues(Field.QUANTITY, columns, quantities) | self._issues(
            Field.PRICE, columns, prices)
        if issues:
            quantities = None if quantities is None else list(quantities)
            prices = None if prices is None else list(prices)
            keep = [True] * len(rows)
            for i in sorted(issues):
                keep[i] = self._settle(rows[i], lines[i], quantities, prices, i)
            if not all(keep):
                rows, lines, refs = (list(compress(v, keep)) for v in (rows, lines, refs))
                if not rows:
                    return
                quantities, prices = (None if v is None else list(compress(v, keep))
                                      for v in (quantities, prices))
                columns = list(zip(*rows, strict=False))
        sizes = self._values(Field.SIZE, columns)
        if sizes is None or sizes.count(None) == len(sizes):
            keys: list[object] = refs
        elif None not in sizes:
            keys = list(zip(refs, sizes, strict=True))
        else:
            keys = [ref if size is None else (ref, size) for ref, size in zip(refs, sizes, strict=True)]
        fresh = self._place(keys)
        items = self._items
        base = len(items)
        items.extend(self._stock_lines(columns, refs, lines, quantities, prices, sizes, fresh))
        if fresh is not None:
            self._merge(rows, lines, base, fresh)

    def _settle(self, row: Sequence[str], line: int, quantities: list[object] | None,
                prices: list[object] | None, i: int) -> bool:
        """Say a line's issues, field by field: a warning keeps its value in the column, the
        first reject drops the line (silently for a footer or a repeated header)."""
        for values in (quantities, prices):
            issue = None if values is None else values[i]
            if issue.__class__ is not Issue:
                continue
            if issue.reject:  # type: ignore[union-attr]
                if cells.is_noise(row, self._header):
                    self.raw_lines -= 1
                else:
                    self.reject(line, issue.field, issue.reason)  # type: ignore[union-attr]
                return False
            self.warn(line, issue.field, issue.reason)  # type: ignore[union-attr]
            values[i] = issue.value  # type: ignore[index, union-attr]
        return True

    def _stock_lines(self, columns: list[Sequence[str]], refs: list[str], lines: Sequence[int],
                     quantities: Sequence[object] | None, prices: Sequence[object] | None,
                     sizes: Sequence[object] | None, fresh: list[bool] | None
                     ) -> Iterator[StockLine]:
        """Every row of the chunk as a StockLine, built in C (a repeated key's line too: it
        is what `_merge` adds to its item)."""
        at = self._at
        i = at[Field.DESIGNATION]
        if i >= 0:
            designations: Iterable[object] = list(map(str.strip, columns[i]))
            if "" in designations:  # type: ignore[operator]
                designations = [text or None for text in designations]
        else:
            designations = _NONE
        i = at[Field.EAN]
        return map(tuple.__new__, repeat(StockLine), zip(
            refs, self._values(Field.BRAND, columns) or _NONE, designations,
            _ONE if quantities is None else quantities, prices or _NONE, sizes or _NONE,
            _NONE if i < 0 else self._eans(columns[i], lines, fresh),
            self._values(Field.STATUS, columns) or _NONE, lines, strict=False))

    def _eans(self, texts: Sequence[str], lines: Sequence[int],
              fresh: list[bool] | None) -> Sequence[str | None]:
        """Barcodes: every cell ASCII digits is the common case, tested in C. A damaged one
        is said here for a new item, by `_merge` for a repeated line (only when its item
        still has no barcode then)."""
        digits = "".join(texts)
        if digits.isascii() and digits.encode("ascii").isdigit():  # bytes: a plain 0-9 test
            return texts if "" not in texts else [text or None for text in texts]
        eans: list[object] = list(texts)
        plain = map(str.isdigit, texts) if digits.isascii() else (
            text.isdigit() and text.isascii() for text in texts)
        for i in _where(map(not_, plain)):  # the others: empty, spaced or damaged
            value = eans[i] = cells.ean(texts[i])
            if value.__class__ is Issue:
                if fresh is None or fresh[i]:
                    self.warn(lines[i], value.field, value.reason)  # type: ignore[union-attr]
                eans[i] = None
        return eans  # type: ignore[return-value]

    # --- lines that are not items ------------------------------------------------------------

    def _short_row(self, row: Sequence[str], line: int) -> None:
        if cells.is_noise(row, self._header):
            return
        self.raw_lines += 1
        self.reject(
            line,
            None,
            messages.too_few_fields(len(row), self._need),
        )

    def _no_reference(self, row: Sequence[str], line: int) -> None:
        if cells.is_noise(row, self._header):
            return
        self.raw_lines += 1
        self.reject(line, Field.REFERENCE, messages.empty_reference())

    # --- the result --------------------------------------------------------------------------

    def result(self, content_hash: str | None = None) -> ReadResult:
        return ReadResult(
            source=self.source,
            lines=self.lines(),
            rejected=self.rejected,
            warnings=self.warnings,
            content_hash=content_hash,
            raw_lines=self.raw_lines,
        )


def make_stock_lines(*columns: Sequence) -> list[StockLine]:
    """StockLines from parallel lists, one per field in declaration order.

    StockLine is a NamedTuple: `tuple.__new__` over zipped columns builds them in C loops,
    several times cheaper than calling the constructor once per line from Python.
    """
    count = len(columns[0])
    if any(len(values) != count for values in columns):
        raise AssertionError("stock line columns out of step")  # a bug, never a user's file
    return list(map(tuple.__new__, repeat(StockLine, count), zip(*columns, strict=True)))


def _starts(prev: int, ends: Sequence[int]) -> list[int]:
    """The line each record starts on: the line after the previous record's last."""
    return [prev + 1, *map((1).__add__, ends[:-1])]


def _record_ends(rows: list[list[str]], prev: int, end: int) -> list[int]:
    """The last line of each record, for a chunk where some quoted field holds line breaks.

    The text is split into lines at every CR, LF and CRLF (`newline=""`), and a quoted field
    keeps the line breaks it holds as they were, so a record spans one line more than the
    breaks in its cells. (Should a record ever be counted short, the chunk's last record
    ends where the reader is, so that the next chunk starts on the right line.)
    """
    ends: list[int] = []
    line = prev
    for row in rows:
        line += 1
        for cell in row:
            if "\r" in cell or "\n" in cell:
                line += cell.count("\r") + cell.count("\n") - cell.count("\r\n")
        ends.append(line)
    ends[-1] = end
    return ends
