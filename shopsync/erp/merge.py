"""Repeated references (one line per piece) merged into their items, and the items rebuilt.

Part of the builder (`build.Builder` mixes `ItemMerging` in). Every row has a place in
`_items`, its StockLine (None once merged into another); a row whose key (the reference, or
(reference, size) for a sized item) was seen before merges into that item: quantities add up,
the highest price is kept (saying so when prices differ), and what the first line left empty
is filled. The common merge (same price, nothing to fill) is counted in C loops
(`_merge_quantities`); merged items are rebuilt once, in `lines()`.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from operator import add, eq, itemgetter

import shopsync.erp.cells as cells  # (not `from shopsync.erp`: the package imports the reader)
import shopsync.erp.messages as messages
from shopsync.erp.fields import Field
from shopsync.erp.positions import where_false as _false
from shopsync.model import StockLine, format_price

_NONE = repeat(None)  # endless: empties places, the places set the length


class ItemMerging:
    """The items of a builder and their merges; `_at` and `warn` are the builder's."""

    _at: dict[Field, int]
    warn: Callable[[int | None, str | None, str], None]

    def _init_items(self, has_ean: bool) -> None:
        # every row has a place in `_items`, its StockLine (None once merged into another);
        # the key is the reference, or (reference, size) for a sized item
        self._items: list[StockLine | None] = []
        self._seen: set[object] | None = set()  # the keys, until a first merge
        self._places: dict[object, int] = {}  # then: key -> its item's place
        self._into: list[int] = []  # the last chunk's places, for `_merge`
        # merged items, by place: the StockLine's fields so far
        self._merged: dict[int, list[object]] = {}
        # what a repeated line fills when its item lacks it (`_merge_quantities`)
        self._filled = itemgetter(1, 2, 6, 7) if has_ean else itemgetter(1, 2, 7)
        # pieces merged in C (`_merge_quantities`), by place: added when the items are rebuilt
        self._extra: Counter[int] = Counter()

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
                    self.warn(lines[i], Field.PRICE, messages.price_differs(
                        format_price(price), format_price(old),  # type: ignore[arg-type]
                        state[0], state[8], format_price(kept)))  # type: ignore[arg-type]
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

