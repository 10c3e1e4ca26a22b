"""From rows of cell texts to merged StockLines, rejected lines and warnings.

Every reader (text, spreadsheet, DBF, ODBC, 4D REST) ends here with the same input: the
column map and an iterator of `(cells, line_number)`. Keeping one code path means one set of
rules for values, merging and messages, whatever the source.

Speed matters (a 200,000-line export must read within 3x of a bare `csv.reader` pass), so the
row loop is written for CPython: parsed values are cached per distinct cell text (prices,
quantities, sizes, brands and statuses repeat a lot), merged items are kept as parallel lists
rather than one object per line, and the StockLines are only built at the end, field by field
in C loops. The slow paths (a reject, a warning, a merge) are methods, out of the loop.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from decimal import Decimal
from itertools import compress, islice, repeat
from operator import is_, itemgetter

from shopsync.erp.detect import ColumnMap
from shopsync.erp.values import (
    BadValue,
    fold_words,
    parse_ean,
    parse_price,
    parse_quantity,
    parse_size,
)
from shopsync.model import Problem, ReadResult, StockLine, format_price

_MISS = object()
BATCH = 2048
_PLUS_ONE = (1).__add__
_EMPTY_AS_NONE = {"": None}
_FOOTER_WORDS = frozenset({"total", "totaux", "sous", "nombre", "nbre", "nb", "fin", "end", "count",
                 "lignes", "articles", "export", "edite", "edition", "imprime", "genere", "page"})


class Builder:
    """Collects one source's rows; `result()` gives the ReadResult."""

    def __init__(
        self,
        source: str,
        columns: ColumnMap,
        status_values: Mapping[str, str] | None = None,
    ) -> None:
        self.source = source
        self.columns = columns
        self.status_values = dict(status_values or {})
        self.rejected: list[Problem] = []
        self.warnings: list[Problem] = []
        self.raw_lines = 0
        self._header = [h.strip() for h in columns.headers]
        self._index: dict[object, int] = {}
        # merged items, one slot per item in each list
        self._refs: list[str] = []
        self._brands: list[str | None] = []
        self._designations: list[str | None] = []
        self._quantities: list[int] = []
        self._prices: list[Decimal | None] = []
        self._sizes: list[str | None] = []
        self._eans: list[str | None] = []
        self._statuses: list[str | None] = []
        self._lines: list[int] = []
        self._need = max(columns.index.values()) + 1
        self._caches: dict[str, dict[str, object]] = {
            f: {} for f in ("quantity", "price", "size", "brand", "status")
        }
        if "quantity" not in columns.index:
            self.warn(None, "quantity", "no quantity column: each line counts as one piece")

    # --- messages --------------------------------------------------------------------------

    def reject(self, line: int | None, field: str | None, reason: str) -> None:
        self.rejected.append(Problem(self.source, line, field, reason, "error"))

    def warn(self, line: int | None, field: str | None, reason: str) -> None:
        self.warnings.append(Problem(self.source, line, field, reason, "warning"))

    # --- the row loop ------------------------------------------------------------------------

    def feed(self, pairs: Iterable[tuple[list[str], int]], prev: int = 0) -> None:
        """Consume `(cells, end)` pairs, where `end` is the last source line of the record.

        A record starts on the line after the previous record ended, which is how a quoted
        field holding newlines still gets the line it starts on. `prev` is the line before
        the first record (the header's line). Rows are handled in batches, column by column,
        so that the common case (a clean line, a value seen before) runs in C.
        """
        iterator = iter(pairs)
        while True:
            batch = list(islice(iterator, BATCH))
            if not batch:
                return
            rows, ends = zip(*batch, strict=True)
            starts = [prev + 1, *map(_PLUS_ONE, ends[:-1])]
            prev = ends[-1]
            self._batch(list(rows), starts)

    def _batch(self, rows: list[list[str]], starts: list[int]) -> None:
        index = self.columns.index
        need = self._need
        if min(map(len, rows)) < need:
            rows, starts = self._drop(rows, starts, short=True)
        refs = list(map(str.strip, map(itemgetter(index["reference"]), rows)))
        if "" in refs:
            rows, starts = self._drop(rows, starts, short=False, refs=refs)
            refs = list(map(str.strip, map(itemgetter(index["reference"]), rows)))
        self.raw_lines += len(rows)
        bad: set[int] = set()
        quantities = self._column("quantity", rows, starts, bad, self._quantity, 1)
        prices = self._column("price", rows, starts, bad, self._price, None)
        if bad:
            keep = [i not in bad for i in range(len(rows))]
            rows, starts, refs, quantities, prices = (
                None if c is None else list(compress(c, keep))
                for c in (rows, starts, refs, quantities, prices)
            )
        n = len(rows)
        if not n:
            return
        sizes = self._column("size", rows, starts, bad, self._size, None)
        brands = self._column("brand", rows, starts, bad, self._text, None)
        statuses = self._column("status", rows, starts, bad, self._status_of, None)
        designations = self._plain("designation", rows)
        eans = self._plain("ean", rows)
        if eans is not None and not all(map(str.isdigit, filter(None, eans))):
            eans = [e if e is None or (e.isdigit() and e.isascii()) else self._ean(e, at)
                    for e, at in zip(eans, starts, strict=True)]
        keys = refs if "size" not in index else list(zip(refs, sizes, strict=True))

        merged = self._index
        base = len(self._refs)
        firsts = dict(zip(reversed(keys), range(n - 1, -1, -1), strict=True))
        fresh = set(firsts).difference(merged)  # O(batch): iterates the smaller side
        if len(fresh) == n:
            picked = None
            merged.update(zip(keys, range(base, base + n), strict=True))
        else:
            picked = sorted(map(firsts.__getitem__, fresh))
            merged.update(
                zip(map(keys.__getitem__, picked), range(base, base + len(picked)), strict=True)
            )
        fresh_count = n if picked is None else len(picked)
        for target, values in (
            (self._refs, refs), (self._brands, brands), (self._designations, designations),
            (self._quantities, quantities), (self._prices, prices), (self._sizes, sizes),
            (self._eans, eans), (self._statuses, statuses), (self._lines, starts),
        ):
            if values is None:
                target.extend(repeat(None, fresh_count))
            else:
                target.extend(values if picked is None else map(values.__getitem__, picked))
        if picked is not None:
            for i in sorted(set(range(n)).difference(picked)):
                price = None if prices is None else prices[i]
                self._merge(merged[keys[i]], rows[i], starts[i], quantities[i], price)

    def _column(self, field, rows, starts, bad, parse, default):  # type: ignore[no-untyped-def]
        """One field's parsed values for a batch: cached values by C lookups, then the
        misses parsed one by one (`parse` records rejects in `bad` and returns _MISS)."""
        i = self.columns.index.get(field, -1)
        if i < 0:
            return None if default is None else [default] * len(rows)
        raw = list(map(itemgetter(i), rows))
        cache = self._caches[field]
        values = list(map(cache.get, raw, repeat(_MISS, len(raw))))
        if any(map(is_, values, repeat(_MISS))):  # identity only: Decimal's == is slow
            for at, value in enumerate(values):
                if value is _MISS and at not in bad:
                    value = parse(raw[at], rows[at], starts[at], cache)
                    if value is _MISS:
                        bad.add(at)
                    values[at] = value
        return values

    def _plain(self, field: str, rows: list[list[str]]) -> list[str | None] | None:
        """A free-text field (designation, EAN): trimmed, None when empty."""
        i = self.columns.index.get(field, -1)
        if i < 0:
            return None
        values = list(map(str.strip, map(itemgetter(i), rows)))
        return list(map(_EMPTY_AS_NONE.get, values, values))

    def _drop(self, rows, starts, *, short: bool, refs=None):  # type: ignore[no-untyped-def]
        """Set aside the rows with too few fields, or without a reference."""
        kept_rows, kept_starts = [], []
        for at, (row, line) in enumerate(zip(rows, starts, strict=True)):
            if short and len(row) < self._need:
                self._short_row(row, line)
            elif not short and not refs[at]:
                self._no_reference(row, line)
            else:
                kept_rows.append(row)
                kept_starts.append(line)
        return kept_rows, kept_starts

    # --- slow paths --------------------------------------------------------------------------

    def _is_noise(self, row: list[str]) -> bool:
        """Blank lines, a repeated header (paged reports) and footer lines are not data."""
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if not filled:
            return True
        if cells[: len(self._header)] == self._header:
            return True
        if len(filled) <= 2:
            words = fold_words(filled[0])
            return bool(words) and words[0] in _FOOTER_WORDS
        return False

    def _short_row(self, row: list[str], line: int) -> None:
        if self._is_noise(row):
            return
        self.raw_lines += 1
        self.reject(
            line,
            None,
            f"too few fields ({len(row)} of {max(self.columns.index.values()) + 1} expected; "
            "was the file cut while being written?)",
        )

    def _no_reference(self, row: list[str], line: int) -> None:
        if self._is_noise(row):
            return
        self.raw_lines += 1
        self.reject(line, "reference", "empty: the line is skipped")

    def _quantity(self, raw: str, row: list[str], line: int, cache: dict[str, int]) -> object:
        try:
            value = parse_quantity(raw)
        except BadValue as exc:
            if self._is_noise(row):
                self.raw_lines -= 1
            else:
                self.reject(line, "quantity", f"{exc} (line rejected)")
            return _MISS
        if value is None:
            self.warn(line, "quantity", "empty, counted as 0")
            return 0
        if value < 0:
            self.warn(line, "quantity", f"{value} (oversold), counted as 0")
            return 0
        cache[raw] = value
        return value

    def _price(self, raw: str, row: list[str], line: int, cache: dict[str, Decimal | None]) -> object:
        try:
            value = parse_price(raw)
        except BadValue as exc:
            if self._is_noise(row):
                self.raw_lines -= 1
            else:
                self.reject(line, "price", f"{exc} (line rejected)")
            return _MISS
        cache[raw] = value
        return value

    def _ean(self, raw: str, line: int) -> str | None:
        try:
            return parse_ean(raw)
        except BadValue as exc:
            self.warn(line, "ean", f"{exc}; barcode ignored")
            return None

    def _size(self, raw: str, row: list[str], line: int, cache: dict[str, object]) -> object:
        value = cache[raw] = parse_size(raw)
        return value

    def _text(self, raw: str, row: list[str], line: int, cache: dict[str, object]) -> object:
        value = cache[raw] = raw.strip() or None
        return value

    def _status_of(self, raw: str, row: list[str], line: int, cache: dict[str, object]) -> object:
        value = cache[raw] = self._status(raw)
        return value

    def _status(self, raw: str) -> str | None:
        text = raw.strip()
        if not text:
            return None
        return self.status_values.get(text.casefold(), text)

    def _merge(self, at: int, row: list[str], line: int, quantity: int, price: Decimal | None) -> None:
        """Same reference and size again (one line per piece): add up, keep the highest price."""
        self._quantities[at] += quantity
        old = self._prices[at]
        if price is not None and old != price:
            if old is None:
                self._prices[at] = price
            else:
                kept = max(old, price)
                self._prices[at] = kept
                self.warn(
                    line,
                    "price",
                    f"{format_price(price)} differs from {format_price(old)} for "
                    f"{self._refs[at]!r} (first seen on line {self._lines[at]}); "
                    f"kept the highest, {format_price(kept)}",
                )
        index = self.columns.index
        for field, values in (("brand", self._brands), ("designation", self._designations),
                              ("status", self._statuses)):
            i = index.get(field, -1)
            if values[at] is None and i >= 0:
                values[at] = self._status(row[i]) if field == "status" else row[i].strip() or None
        i = index.get("ean", -1)
        if self._eans[at] is None and i >= 0 and row[i].strip():
            self._eans[at] = self._ean(row[i], line)

    # --- the result --------------------------------------------------------------------------

    def lines(self) -> list[StockLine]:
        return make_stock_lines(
            self._refs, self._brands, self._designations, self._quantities, self._prices,
            self._sizes, self._eans, self._statuses, self._lines,
        )

    def result(self, content_hash: str | None = None) -> ReadResult:
        return ReadResult(
            source=self.source,
            lines=self.lines(),
            rejected=self.rejected,
            warnings=self.warnings,
            content_hash=content_hash,
            raw_lines=self.raw_lines,
        )


_ORDER = ("reference", "brand", "designation", "quantity", "price", "size", "ean", "status", "line")


def make_stock_lines(*columns: list) -> list[StockLine]:
    """StockLines from parallel lists, one per field in declaration order.

    A frozen dataclass's __init__ calls object.__setattr__ once per field from Python, which
    costs more than reading the line did; with slots, the field descriptors can instead be
    applied across all items at once by C loops (map), the same thing __init__ does for one.
    Falls back to the constructor if StockLine ever stops being a plain slots dataclass.
    """
    slots = getattr(StockLine, "__slots__", ())
    if tuple(slots) != _ORDER or tuple(StockLine.__dataclass_fields__) != _ORDER:
        return [StockLine(*values) for values in zip(*columns, strict=True)]
    count = len(columns[0])
    if any(len(values) != count for values in columns):
        raise AssertionError("stock line columns out of step")  # a bug, never a user's file
    new = object.__new__
    items = [new(StockLine) for _ in range(count)]
    for name, values in zip(_ORDER, columns, strict=True):
        deque(map(getattr(StockLine, name).__set__, items, values), maxlen=0)
    return items
