"""From rows of cell texts to merged StockLines, rejected lines and warnings.

Every reader (text, spreadsheet, DBF, ODBC, 4D REST) ends here with the same input: the
column map and an iterator of `(cells, line_number)`. Keeping one code path means one set of
rules for values, merging and messages, whatever the source.

Speed matters (a 200,000-line export must read within 3x of a bare `csv.reader` pass), so the
row loop is written for CPython: parsed values are cached per distinct cell text (prices,
quantities, sizes, brands and statuses repeat a lot), merged items are kept as parallel lists
(one per field) rather than one object per line, and the StockLines are only built at the
end, field by field in C loops. The slow paths (a reject, a warning, a merge)
are methods, out of the loop.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import repeat

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
        # merged items as parallel lists, one per StockLine field, in field order
        self._fields: tuple[list, ...] = tuple([] for _ in StockLine._fields)
        (self._refs, self._brands, self._designations, self._quantities, self._prices,
         self._sizes, self._eans, self._statuses, self._lines) = self._fields
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
        the first record (the header's line). One plain loop with everything in locals was
        measured faster than batching columns through map(): the per-row work left is a few
        dict lookups, and batching paid more in temporary lists than it saved.
        """
        index = self.columns.index
        iref = index["reference"]
        ib = index.get("brand", -1)
        idn = index.get("designation", -1)
        iq = index.get("quantity", -1)
        ip = index.get("price", -1)
        isz = index.get("size", -1)
        ie = index.get("ean", -1)
        ist = index.get("status", -1)
        need = self._need
        caches = self._caches
        quantity_cache, price_cache, size_cache = caches["quantity"], caches["price"], caches["size"]
        brand_cache, status_cache = caches["brand"], caches["status"]
        qget, pget, sget = quantity_cache.get, price_cache.get, size_cache.get
        bget, stget = brand_cache.get, status_cache.get
        merged = self._index
        mget = merged.get
        quantities = self._quantities
        (add_ref, add_brand, add_designation, add_quantity, add_price, add_size, add_ean,
         add_status, add_line) = (values.append for values in self._fields)
        miss = _MISS
        seen = 0
        quantity: object = 1
        price: object = None
        size: object = None

        for row, end in pairs:
            line = prev + 1
            prev = end
            if len(row) < need:
                self._short_row(row, line)
                continue
            ref = row[iref].strip()
            if not ref:
                self._no_reference(row, line)
                continue
            seen += 1
            if iq >= 0:
                raw = row[iq]
                quantity = qget(raw, miss)
                if quantity is miss:
                    quantity = self._quantity(raw, row, line, quantity_cache)
                    if quantity is miss:
                        continue
            if ip >= 0:
                raw = row[ip]
                price = pget(raw, miss)
                if price is miss:
                    price = self._price(raw, row, line, price_cache)
                    if price is miss:
                        continue
            if isz >= 0:
                raw = row[isz]
                size = sget(raw, miss)
                if size is miss:
                    size = size_cache[raw] = parse_size(raw)
            key = ref if size is None else (ref, size)
            at = mget(key)
            if at is not None:
                self._merge(at, row, line, quantity, price)  # type: ignore[arg-type]
                continue
            merged[key] = len(quantities)
            add_ref(ref)
            add_quantity(quantity)
            add_price(price)
            add_size(size)
            add_line(line)
            if ib >= 0:
                raw = row[ib]
                value = bget(raw, miss)
                if value is miss:
                    value = brand_cache[raw] = raw.strip() or None
                add_brand(value)
            else:
                add_brand(None)
            add_designation((row[idn].strip() or None) if idn >= 0 else None)
            if ie >= 0:
                raw = row[ie]
                add_ean(raw if raw.isdigit() and raw.isascii() else self._ean(raw, line))
            else:
                add_ean(None)
            if ist >= 0:
                raw = row[ist]
                value = stget(raw, miss)
                if value is miss:
                    value = status_cache[raw] = self._status(raw)
                add_status(value)
            else:
                add_status(None)
        self.raw_lines += seen

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
            if values[at] is None and i >= 0:  # fill what the first line left empty
                values[at] = self._status(row[i]) if field == "status" else row[i].strip() or None
        i = index.get("ean", -1)
        if self._eans[at] is None and i >= 0 and row[i].strip():
            self._eans[at] = self._ean(row[i], line)

    # --- the result --------------------------------------------------------------------------

    def lines(self) -> list[StockLine]:
        return make_stock_lines(*self._fields)

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
