"""What one cell means for its line: a value, a value kept with a warning, or a rejected line;
and which lines are not data at all (blank lines, a repeated header, footers).

These are the reader's value rules, written once. Each takes the cell's text and returns
either the value or an `Issue`, and depends on nothing else, so the builder caches the
outcome per distinct text (prices, quantities, sizes, brands and statuses repeat a lot): an
`Issue` is cached like a value, and said again on every line that has that text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import shopsync.erp.messages as messages
from shopsync.erp.fields import Field
from shopsync.erp.values import (
    BadValue,
    fold_words,
    parse_ean,
    parse_price,
    parse_quantity,
    parse_size,
)

_FOOTER_WORDS = frozenset({"total", "totaux", "sous", "nombre", "nbre", "nb", "fin", "end", "count",
                           "lignes", "articles", "export", "edite", "edition", "imprime", "genere",
                           "page"})


class Issue(NamedTuple):
    """A cell that can't be taken as it is: `reject` drops its line, else `value` is kept."""

    field: Field
    reason: str
    reject: bool
    value: object = None


def _empty_quantity() -> Issue:
    return Issue(Field.QUANTITY, messages.empty_quantity(), False, 0)


def quantity(text: str) -> object:
    """Pieces in stock. Empty or negative (oversold) counts as 0 with a warning."""
    try:
        value = parse_quantity(text)
    except BadValue as exc:
        return Issue(Field.QUANTITY, messages.line_rejected(str(exc)), True)
    if value is None:
        return _empty_quantity()
    if value < 0:
        return Issue(Field.QUANTITY, messages.oversold(value), False, 0)
    return value


def price(text: str) -> object:
    """Euros incl. VAT, or None; unreadable or negative rejects the line."""
    try:
        return parse_price(text)
    except BadValue as exc:
        return Issue(Field.PRICE, messages.line_rejected(str(exc)), True)


def size(text: str) -> object:
    """The normalised ring size, or None (never an issue: odd sizes are kept as written)."""
    return parse_size(text)


def brand(text: str) -> object:
    return text.strip() or None


def designation(text: str) -> object:
    return text.strip() or None


def ean(text: str) -> object:
    """The barcode's digits, or None; a damaged one is dropped with a warning."""
    try:
        return parse_ean(text)
    except BadValue as exc:
        return Issue(Field.EAN, messages.barcode_ignored(str(exc)), False)


def status_reader(status_values: Mapping[str, str]):  # type: ignore[no-untyped-def]
    """The status rule of one profile: its ERP codes read as the shop's words."""
    values = dict(status_values)

    def status(text: str) -> object:
        text = text.strip()
        if not text:
            return None
        return values.get(text.casefold(), text)

    return status


def is_noise(row: Sequence[str], header: Sequence[str]) -> bool:
    """Blank lines, a repeated header (paged reports) and footer lines (`Total : 1234
    articles`, `Fin de l'export`) are not data: never rejected, never counted."""
    cells = [c.strip() for c in row]
    filled = [c for c in cells if c]
    if not filled:
        return True
    if cells[: len(header)] == list(header):
        return True
    if len(filled) <= 2:
        words = fold_words(filled[0])
        return bool(words) and words[0] in _FOOTER_WORDS
    return False
