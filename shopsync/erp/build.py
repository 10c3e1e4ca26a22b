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
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, compress, count, islice, repeat
from operator import add, eq, is_, itemgetter, not_

import shopsync.erp.cells as cells  # (not `from shopsync.erp`: the package imports the reader)
from shopsync.erp.cells import Issue
from shopsync.erp.detect import ColumnMap
from shopsync.erp.fields import Field
from shopsync.erp.values import parse_plain_prices, split_plain_prices
from shopsync.model import Problem, ReadResult, StockLine, format_price

# Rows per chunk: large enough that the per-chunk Python code is noise, small enough that a
# chunk's rows stay in the CPU caches while its columns are built.
CHUNK_ROWS = 256
_NONE = repeat(None)  # endless: fills an absent field, the references set the length
_ONE = repeat(1)  # no quantity column: each line is one piece
_UNSEEN = object()  # a text not in a cache yet
_CACHED = (Field.QUANTITY, Field.PRICE, Field.SIZE, Field.BRAND, Field.STATUS)


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
        self.rejected: list[Problem] = []
        self.warnings: list[Problem] = []
        self.raw_lines = 0
        self._header = [h.strip() for h in columns.headers]
        index = columns.index
        self._need = max(index.values()) + 1
        self._at = {field: index.get(field, -1) for field in Field}
        self._status = cells.status_reader(status_values or {})
        self._rules = {Field.QUANTITY: cells.quantity, Field.PRICE: cells.price,
                       Field.SIZE: cells.size, Field.BRAND: cells.brand, Field.STATUS: self._status}
        # per field: cell text -> the rule's outcome, and the texts whose outcome is an Issue
        self._caches: dict[Field, dict[str, object]] = {f: {} for f in _CACHED}
        self._flagged: dict[Field, set[str]] = {f: set() for f in _CACHED}
        self._prices_direct = False  # once most prices of a chunk are new: `_direct_prices`
        # every row has a place in `_items`, its StockLine (None once merged into another);
        # the key is the reference, or (reference, size) for a sized item
        self._items: list[StockLine | None] = []
        self._seen: set[object] | None = set()  # the keys, until a first merge
        self._places: dict[object, int] = {}  # then: key -> its item's place
        self._into: list[int] = []  # the last chunk's places, for `_merge`
        # merged items, by place: the StockLine's fields so far
        self._merged: dict[int, list[object]] = {}
        # what a repeated line fills when its item lacks it (`_merge_quantities`)
        self._filled = itemgetter(1, 2, 6, 7) if "ean" in index else itemgetter(1, 2, 7)
        # pieces merged in C (`_merge_quantities`), by place: added when the items are rebuilt
        self._extra: Counter[int] = Counter()
        if "quantity" not in index:
            self.warn(None, Field.QUANTITY, "no quantity column: each line counts as one piece")

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
            rows, ends = zip(*chunk, strict=True)
            self._take(rows, _starts(prev, ends))
            prev = ends[-1]

    def feed_reader(self, reader: Iterator[list[str]], prev: int = 0) -> None:
        """Consume a `csv.reader` (anything yielding rows with a `line_num` attribute counting
        the lines read so far) from just after the header, `prev` being the header's line.

        When a chunk took exactly one line per row (no quoted field holding a line break),
        the rows' lines are the chunk's offset plus their index; otherwise they are recounted
        from the line breaks the quoted fields hold.
        """
        while rows := list(islice(reader, CHUNK_ROWS)):
            end = reader.line_num  # type: ignore[attr-defined]
            if end - prev == len(rows):
                self._take(rows, range(prev + 1, end + 1))
            else:
                self._take(rows, _starts(prev, _record_ends(rows, prev, end)))
            prev = end

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

    def _values(self, field: Field, columns: list[Sequence[str]]) -> Sequence[object] | None:
        """The rule's outcome for each cell of the field's column (None: no such column)."""
        i = self._at[field]
        if i < 0:
            return None
        texts = columns[i]
        if field is Field.PRICE and self._prices_direct:
            values = self._direct_prices(texts)
            if values is not None:
                return values
        cache = self._caches[field]
        get = itemgetter(*texts)  # one C call for the lot (a tuple, unless there is one cell)
        try:
            values = get(cache)
        except KeyError:
            new = list(set(texts).difference(cache))
            if field is Field.PRICE and 2 * len(new) > len(texts) > 16:
                self._prices_direct = True  # prices to the cent: few repeat, see _direct_prices
            plain = parse_plain_prices(new) if field is Field.PRICE and len(new) > 8 else None
            if plain is not None:  # many new prices (prices to the cent): read in C loops
                cache.update(zip(new, plain, strict=True))
            else:
                rule = self._rules[field]
                flagged = self._flagged[field]
                for text in new:
                    value = cache[text] = rule(text)
                    if value.__class__ is Issue:
                        flagged.add(text)
            values = get(cache)
        return values if len(texts) > 1 else (values,)

    def _direct_prices(self, texts: Sequence[str]) -> list[object] | None:
        """A price column where most texts are new (prices to the cent): the plain ones read
        in C loops without the cache (looking each up and storing it costs more than reading
        it again), the others by the rule, cached. None: a column for the cache after all."""
        got = split_plain_prices(texts, len(texts) // 8)
        if got is None:
            return None
        values, odd = got
        if odd:
            cache = self._caches[Field.PRICE]
            flagged = self._flagged[Field.PRICE]
            for i in odd:
                text = texts[i]
                value = cache.get(text, _UNSEEN)
                if value is _UNSEEN:
                    value = cache[text] = cells.price(text)
                    if value.__class__ is Issue:
                        flagged.add(text)
                values[i] = value  # type: ignore[call-overload]
        return values

    def _issues(self, field: Field, columns: list[Sequence[str]],
                values: Sequence[object] | None) -> set[int]:
        """Where in the chunk the field's cells have an Issue."""
        flagged = self._flagged[field]
        if values is None or not flagged or flagged.isdisjoint(columns[self._at[field]]):
            return set()
        return set(_where(map(is_, map(type, values), repeat(Issue))))

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

    def _place(self, keys: list[object]) -> list[bool] | None:
        """Record the chunk's keys; None when each is new and there once (the common chunk),
        else which rows start a new item (the others merge into the place `_into` names).

        Until a first merge, a set of keys is enough (cheaper to fill than a dict); then the
        place of every item so far is looked up once, and a dict kept from there on.
        """
        count = len(keys)
        seen = self._seen
        if seen is not None:
            before = len(seen)
            seen.update(keys)
            if len(seen) - before == count:
                return None
            self._seen = None
            self._places = {(item[0] if item[5] is None else (item[0], item[5])): place
                            for place, item in enumerate(self._items)}
        places = self._places
        base, before = len(self._items), len(places)
        slots = range(base, base + count)
        got = list(map(places.setdefault, keys, slots))
        if len(places) - before == count:
            return None
        self._into = got
        return list(map(eq, got, slots))

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

    def _merge(self, rows: Sequence[Sequence[str]], lines: Sequence[int], base: int,
               fresh: list[bool]) -> None:
        """The chunk's repeated keys (one line per piece), in line order, into their items:
        quantities add up, the highest price is kept (saying so when prices differ), and what
        the first line left empty is filled. `base` is the chunk's first place in `_items`,
        where each of its rows has its own StockLine; a merged row's place is emptied."""
        items = self._items
        merged = self._merged
        into_of = self._into
        ean_at = self._at[Field.EAN]
        dups = _false(fresh)
        if self._merge_quantities(dups, base):
            return
        for i in dups:
            into = into_of[i]
            dup = items[base + i]
            items[base + i] = None
            state = merged.get(into)
            if state is None:
                state = merged[into] = list(items[into])  # type: ignore[arg-type]
            state[3] += dup[3]  # type: ignore[index, operator]  # quantity
            price = dup[4]  # type: ignore[index]
            # (the same price text gives the same cached object: `is` spares most compares)
            if price is not None and price is not state[4] and price != state[4]:
                old = state[4]
                if old is None:
                    state[4] = price
                else:
                    state[4] = kept = max(old, price)  # type: ignore[type-var]
                    self.warn(lines[i], Field.PRICE,
                              f"{format_price(price)} differs from {format_price(old)} for "  # type: ignore[arg-type]
                              f"{state[0]!r} (first seen on line {state[8]}); "
                              f"kept the highest, {format_price(kept)}")  # type: ignore[arg-type]
            if state[1] is None:  # fill what the first line left empty
                state[1] = dup[1]  # type: ignore[index]  # brand
            if state[2] is None:
                state[2] = dup[2]  # type: ignore[index]  # designation
            if state[7] is None:
                state[7] = dup[7]  # type: ignore[index]  # status
            if state[6] is None:
                if dup[6] is not None:  # type: ignore[index]
                    state[6] = dup[6]  # type: ignore[index]
                elif ean_at >= 0 and rows[i][ean_at].strip():  # a damaged barcode: say so
                    issue = cells.ean(rows[i][ean_at])
                    self.warn(lines[i], Field.EAN, issue.reason)  # type: ignore[union-attr]

    def _merge_quantities(self, dups: list[int], base: int) -> bool:
        """The common merge in C loops, when it is one (one line per piece): every repeated
        line has its item's price (or the same price), and leaves nothing its item lacks, so
        that merging it only adds its pieces. False (nothing done): `_merge` goes line by line.
        """
        items = self._items
        targets = list(map(self._into.__getitem__, dups))
        places = list(map(base.__add__, dups))
        lines = list(map(items.__getitem__, places))
        merged = self._merged
        states = list(map(merged.get, targets, map(items.__getitem__, targets))) if merged else \
            list(map(items.__getitem__, targets))
        get = itemgetter(4)  # (a list compare tries `is` first: the cache's same Decimal)
        if list(map(get, lines)) != list(map(get, states)):
            return False
        if list(chain.from_iterable(map(self._filled, states))).count(None):
            return False  # an item lacking a field a line may have: filled line by line
        pieces = list(map(itemgetter(3), lines))
        if pieces.count(1) == len(pieces):  # one line per piece: counted in C
            self._extra.update(targets)
        elif sum(pieces) <= 4 * len(pieces) + 64:
            self._extra.update(chain.from_iterable(map(repeat, targets, pieces)))
        else:
            for target, count in zip(targets, pieces, strict=True):
                self._extra[target] += count
        deque(map(items.__setitem__, places, _NONE), maxlen=0)
        return True

    # --- lines that are not items ------------------------------------------------------------

    def _short_row(self, row: Sequence[str], line: int) -> None:
        if cells.is_noise(row, self._header):
            return
        self.raw_lines += 1
        self.reject(
            line,
            None,
            f"too few fields ({len(row)} of {self._need} expected; "
            "was the file cut while being written?)",
        )

    def _no_reference(self, row: Sequence[str], line: int) -> None:
        if cells.is_noise(row, self._header):
            return
        self.raw_lines += 1
        self.reject(line, Field.REFERENCE, "empty: the line is skipped")

    # --- the result --------------------------------------------------------------------------

    def lines(self) -> list[StockLine]:
        """The merged items, in the order their first line came (the builder's own list)."""
        items = self._items
        merged = self._merged
        extra = self._extra
        if extra:  # the pieces merged in C
            for place in extra.keys() & merged.keys():
                merged[place][3] += extra.pop(place)  # type: ignore[operator]
            if extra:
                places = list(extra)
                columns = list(zip(*map(items.__getitem__, places), strict=True))
                columns[3] = tuple(map(add, columns[3], extra.values()))
                deque(map(items.__setitem__, places,
                          map(tuple.__new__, repeat(StockLine), zip(*columns, strict=True))), maxlen=0)
                extra.clear()
            rebuilt = True
        else:
            rebuilt = False
        if merged:  # each merged item rebuilt once, in C loops
            deque(map(items.__setitem__, merged.keys(),
                      map(tuple.__new__, repeat(StockLine), merged.values())), maxlen=0)
            merged.clear()
            rebuilt = True
        if rebuilt:
            items[:] = filter(None, items)  # the places of merged lines
        return items  # type: ignore[return-value]

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


def _where(flags: Iterable[object]) -> list[int]:
    """The positions of the true flags (in C loops)."""
    return list(compress(count(), flags))


def _false(flags: list[bool]) -> list[int]:
    return _where(map(not_, flags))


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
