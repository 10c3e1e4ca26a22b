"""From rows of cell texts to merged StockLines, rejected lines and warnings.

Every reader (text, spreadsheet, DBF, ODBC, 4D REST) ends here with the same input: the
column map and an iterator of `(cells, line_number)`. Keeping one code path means one set of
rules for values, merging and messages, whatever the source.

Speed matters (a 200,000-line export must read within 3x of a bare `csv.reader` pass), so the
row loop is written for CPython: parsed values are cached per distinct cell text (prices,
quantities, sizes, brands and statuses repeat a lot), each new item becomes its StockLine at
once (`tuple.__new__` on a tuple of locals: no per-field list to fill, nothing to zip at the
end), and the slow paths (a reject, a warning, a merge) are methods, out of the loop. A merge
replaces its item's StockLine.

Text exports take a faster road still (`feed_reader`): rows are pulled in chunks, turned into
columns with `zip(*rows)`, and every column goes through its cache in one C call, so that the
common chunk (every row on one line and complete, every cell cacheable) costs a few C loops
and no Python code per row, its StockLines included, built while its cells are still in the
CPU caches; its repeated references are merged afterwards, in line order. A chunk that is not
that common case (a short or blank row, an empty reference, a cell to reject or warn about, a
quoted line break) goes through the row loop, which alone decides rejects and those warnings:
both roads give the same result, line for line (tests/erp/test_build.py checks it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import compress, islice, repeat
from operator import itemgetter

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
_LINE = itemgetter(StockLine._fields.index("line"))
# Rows per chunk on the columnar road: large enough that the per-chunk Python code is noise,
# small enough that a chunk's rows stay in the CPU caches (and a chunk sent down the row loop
# is little work redone).
CHUNK_ROWS = 256
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
        # the reference, or (reference, size) for a sized item: the line of its
        # item, the very int object of the item's `line` (no int more per item); items come in
        # line order, so the line finds the item (`_place`)
        self._index: dict[object, int] = {}
        self._items: list[StockLine] = []
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
        items = self._items
        add = items.append
        new = tuple.__new__
        stock_line = StockLine
        miss = _MISS
        seen = 0
        quantity: object = 1
        price: object = None
        size: object = None
        brand: object = None
        designation: str | None = None
        ean: str | None = None
        status: object = None

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
                self._merge(self._place(at), row, line, quantity, price)  # type: ignore[arg-type]
                continue
            merged[key] = line
            if ib >= 0:
                raw = row[ib]
                brand = bget(raw, miss)
                if brand is miss:
                    brand = brand_cache[raw] = raw.strip() or None
            if idn >= 0:
                designation = row[idn].strip() or None
            if ie >= 0:
                raw = row[ie]
                ean = raw if raw.isdigit() and raw.isascii() else self._ean(raw, line)
            if ist >= 0:
                raw = row[ist]
                status = stget(raw, miss)
                if status is miss:
                    status = status_cache[raw] = self._status(raw)
            add(new(stock_line, (ref, brand, designation, quantity, price, size, ean, status,
                                 line)))
        self.raw_lines += seen

    # --- the columnar road ------------------------------------------------------------------

    def feed_reader(self, reader: Iterator[list[str]], prev: int = 0) -> None:
        """Consume a `csv.reader` (anything yielding rows with a `line_num` attribute counting
        the lines read so far) from just after the header, `prev` being the header's line.

        Rows come in chunks. When a chunk took exactly one line per row (no quoted field
        holding a line break), the line numbers are the chunk's offset plus the row's index;
        otherwise they are recounted from the line breaks the quoted fields hold. Each chunk
        then takes the columnar road when it can, the row loop when it cannot.
        """
        chunk = CHUNK_ROWS
        while True:
            rows = list(islice(reader, chunk))
            if not rows:
                return
            end = reader.line_num  # type: ignore[attr-defined]
            if end - prev == len(rows):
                if not self._feed_columns(rows, prev + 1):
                    self.feed(zip(rows, range(prev + 1, end + 1), strict=True), prev)
            else:
                self.feed(zip(rows, _record_ends(rows, prev, end), strict=True), prev)
            prev = end

    def _feed_columns(self, rows: list[list[str]], first: int) -> bool:
        """Add a chunk of one-line rows (`first` is the first row's line) column by column.

        Returns False, having changed nothing but the value caches, when some row needs the
        row loop: a short row, an empty reference, or a quantity, price or size cell whose
        value is not cacheable (a reject or a warning to give). Rows repeating a reference
        (and size) are merged here, after the chunk's new items are added, in line order:
        the result is the row loop's, since a merge only touches the item it merges into.
        """
        count = len(rows)
        columns = list(zip(*rows, strict=False))  # as many columns as the shortest row has
        if len(columns) < self._need:
            return False
        index = self.columns.index
        refs = list(map(str.strip, columns[index["reference"]]))
        if not all(refs):
            return False
        caches = self._caches
        parsed: dict[str, list[object]] = {}
        for field, parse in (("quantity", _cacheable_quantity), ("price", _cacheable_price),
                             ("size", _cacheable_size)):
            i = index.get(field, -1)
            if i >= 0:
                values = _cached(columns[i], caches[field], parse)
                if values is None:
                    return False
                parsed[field] = values
        # from here on the chunk is taken: nothing below sends it back to the row loop
        sizes = parsed.get("size")
        # the key, as the row loop makes it: the reference, or (reference, size) when sized
        kinds = {None} if sizes is None else set(sizes)
        if kinds == {None}:
            keys: list[object] = refs
        elif None not in kinds:
            keys = list(zip(refs, sizes, strict=True))  # type: ignore[arg-type]
        else:
            keys = [ref if size is None else (ref, size)
                    for ref, size in zip(refs, sizes, strict=True)]  # type: ignore[arg-type]
        items = self._items
        merged = self._index
        lines = list(range(first, first + count))
        # each key gets its row's line unless it has an earlier one already: the lines handed
        # back sum to less than the rows' own exactly when some key had one
        firsts = list(map(merged.setdefault, keys, lines))
        merges: list[tuple[int, int]] = []
        if sum(firsts) != count * first + count * (count - 1) // 2:
            merges = self._merges(keys, firsts, lines)
            keep = [True] * count
            for at, _ in merges:
                keep[at] = False
            columns = [list(compress(column, keep)) for column in columns]
            refs = list(compress(refs, keep))
            new_parsed = {f: list(compress(v, keep)) for f, v in parsed.items()}
            lines = list(compress(lines, keep))
        else:
            new_parsed = parsed
        none = repeat(None)  # endless, so that one can fill several fields: `refs` sets the length
        i = index.get("brand", -1)
        brands = _cached(columns[i], caches["brand"], _brand) if i >= 0 else none
        i = index.get("designation", -1)
        if i >= 0:
            designations: Sequence[str | None] = list(map(str.strip, columns[i]))
            if "" in designations:
                designations = [text or None for text in designations]
        else:
            designations = none
        i = index.get("ean", -1)
        if i < 0:
            eans: Sequence[str | None] = none
        elif "" not in columns[i] and (digits := "".join(columns[i])).isascii() and (
            digits.encode("ascii").isdigit()  # bytes: a plain 0-9 test, faster than str's
        ):  # every cell ASCII digits only, as the row loop tests them one by one
            eans = columns[i]
        else:  # empty, spaced or broken barcodes: as the row loop reads them
            ean = self._ean
            eans = [text if text.isdigit() and text.isascii() else ean(text, line)
                    for text, line in zip(columns[i], lines, strict=True)]
        i = index.get("status", -1)
        statuses = _cached(columns[i], caches["status"], self._status) if i >= 0 else none
        sizes = new_parsed.get("size")
        items.extend(map(
            tuple.__new__,
            repeat(StockLine),
            zip(refs, brands, designations, new_parsed.get("quantity", repeat(1)),
                new_parsed.get("price", none), none if sizes is None else sizes, eans,
                statuses, lines, strict=False),
        ))
        if merges:
            quantities = parsed.get("quantity")
            prices = parsed.get("price")
            for at, into in merges:
                self._merge(self._place(into), rows[at], first + at,
                            1 if quantities is None else quantities[at],  # type: ignore[arg-type]
                            None if prices is None else prices[at])  # type: ignore[arg-type]
        self.raw_lines += count
        return True

    def _merges(self, keys: list[object], firsts: list[int], lines: list[int]
                ) -> list[tuple[int, int]]:
        """For a chunk where some key was met before: undo the lines just recorded, record
        them again for the new keys only, in order, and return each repeated row's index in
        the chunk with the line of the item it merges into."""
        merged = self._index
        for key, got, line in zip(keys, firsts, lines, strict=True):
            if got is line:
                del merged[key]
        merges: list[tuple[int, int]] = []
        get = merged.get
        for at, key in enumerate(keys):
            into = get(key)
            if into is None:
                merged[key] = lines[at]
            else:
                merges.append((at, into))
        return merges

    def _place(self, line: int) -> int:
        """Where the item first seen on `line` is in the list (items come in line order)."""
        items = self._items
        at = bisect_left(items, line, key=_LINE)
        if at < len(items) and items[at].line is line:
            return at
        # lines out of order (no reader gives them so): the item whose line this is
        return next(i for i, item in enumerate(items) if item.line is line)

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
        item = self._items[at]
        kept = old = item.price
        if price is not None and old != price:
            if old is None:
                kept = price
            else:
                kept = max(old, price)
                self.warn(
                    line,
                    "price",
                    f"{format_price(price)} differs from {format_price(old)} for "
                    f"{item.reference!r} (first seen on line {item.line}); "
                    f"kept the highest, {format_price(kept)}",
                )
        index = self.columns.index
        brand, designation, status, ean = item.brand, item.designation, item.status, item.ean
        i = index.get("brand", -1)
        if brand is None and i >= 0:  # fill what the first line left empty
            brand = row[i].strip() or None
        i = index.get("designation", -1)
        if designation is None and i >= 0:
            designation = row[i].strip() or None
        i = index.get("status", -1)
        if status is None and i >= 0:
            status = self._status(row[i])
        i = index.get("ean", -1)
        if ean is None and i >= 0 and row[i].strip():
            ean = self._ean(row[i], line)
        self._items[at] = item._replace(
            brand=brand, designation=designation, quantity=item.quantity + quantity,
            price=kept, status=status, ean=ean,
        )

    # --- the result --------------------------------------------------------------------------

    def lines(self) -> list[StockLine]:
        """The merged items, in the order their first line came (the builder's own list)."""
        return self._items

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


# --- helpers of the columnar road ------------------------------------------------------------


def _cached(cells: Sequence[str], cache: dict[str, object],
            parse: Callable[[str], object]) -> Sequence[object] | None:
    """Each cell's cached value; the cells not cached yet are parsed first, and None is
    returned when one of them has no cacheable value (the row loop then says why)."""
    if not cells:
        return ()
    get = itemgetter(*cells)  # one C call for the lot (a tuple, unless there is one cell)
    try:
        values = get(cache)
    except KeyError:
        for text in set(cells).difference(cache):
            value = parse(text)
            if value is not _MISS:
                cache[text] = value
        try:
            values = get(cache)
        except KeyError:
            return None
    return values if len(cells) > 1 else (values,)


def _cacheable_quantity(text: str) -> object:
    """What the row loop caches for a quantity cell, or _MISS when it warns or rejects."""
    try:
        value = parse_quantity(text)
    except Exception:  # noqa: BLE001 - not cacheable: the row loop reports (or raises) it
        return _MISS
    return _MISS if value is None or value < 0 else value


def _cacheable_price(text: str) -> object:
    try:
        return parse_price(text)
    except Exception:  # noqa: BLE001 - as above
        return _MISS


def _cacheable_size(text: str) -> object:
    try:
        return parse_size(text)
    except Exception:  # noqa: BLE001 - as above
        return _MISS


def _brand(text: str) -> str | None:
    return text.strip() or None


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
