"""A chunk's column of cells turned into the field rule's outcomes, through per-text caches.

Part of the builder (`build.Builder` mixes `ColumnValues` in): the rule of each cached field
(`cells`) runs once per distinct text, its outcome (issues included) kept in a dict, and a
column is then read from that dict in one C call (`itemgetter(*cells)(cache)`). A price column
where most texts are new (prices to the cent) skips the cache: `_direct_prices`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from operator import is_, itemgetter

import shopsync.erp.cells as cells  # (not `from shopsync.erp`: the package imports the reader)
from shopsync.erp.cells import Issue
from shopsync.erp.fields import Field
from shopsync.erp.positions import where as _where
from shopsync.erp.values import parse_plain_prices, split_plain_prices

_UNSEEN = object()  # a text not in a cache yet
_CACHED = (Field.QUANTITY, Field.PRICE, Field.SIZE, Field.BRAND, Field.STATUS)


class ColumnValues:
    """The cached field rules of a builder; `_at` (field -> column, -1 if absent) is the
    builder's."""

    _at: dict[Field, int]

    def _init_column_values(self, status_values: Mapping[str, str] | None) -> None:
        self._status = cells.status_reader(status_values or {})
        self._rules: dict[Field, Callable[[str], object]] = {
            Field.QUANTITY: cells.quantity, Field.PRICE: cells.price, Field.SIZE: cells.size,
            Field.BRAND: cells.brand, Field.STATUS: self._status}
        # per field: cell text -> the rule's outcome, and the texts whose outcome is an Issue
        self._caches: dict[Field, dict[str, object]] = {f: {} for f in _CACHED}
        self._flagged: dict[Field, set[str]] = {f: set() for f in _CACHED}
        self._prices_direct = False  # once most prices of a chunk are new: `_direct_prices`

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

