"""The canonical records every layer exchanges.

One stock line's journey (ERP → store → rules → site) is easier to reason about when each layer
speaks the same small, immutable types; these are they. Nothing here does I/O.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from shopsync.i18n import QT_TRANSLATE_NOOP, arg, translate


class Availability(enum.StrEnum):
    """What a customer sees on the product page (the Site API's `availability`)."""

    IN_STOCK = "in_stock"
    OUT_OF_STOCK = "out_of_stock"
    BACKORDER = "backorder"
    PREORDER = "preorder"


class StockLine(NamedTuple):
    """One merged ERP item: a reference (and size) with its stock and price.

    `price` is in euros including VAT, exact (Decimal), None when the ERP left it empty.
    `size` is the normalised ring size ("52", "56.5") or None. `line` is the 1-based line (or
    row/record) of the source where the item was first seen, so that messages can point at it.

    A NamedTuple rather than a dataclass: 10^5 of these are built, compared and hashed every
    run, and a tuple does all three in C (the rules reuse a product's state when its lines
    compare equal to the previous run's).
    """

    reference: str
    brand: str | None = None
    designation: str | None = None
    quantity: int = 0
    price: Decimal | None = None
    size: str | None = None
    ean: str | None = None
    status: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SizeState:
    size: str
    quantity: int
    price: Decimal | None


@dataclass(frozen=True, slots=True)
class CatalogProduct:
    """A product the site's catalogue lists (the platform's team wrote its reference)."""

    reference: str
    brand: str
    title: str = ""
    has_sizes: bool = False
    sizes: tuple[str, ...] = ()
    # Spellings the platform used before renaming the product (Site API v1.1): an ERP still
    # writing one of them connects to this product.
    previous_references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProductState:
    """What the site should show for one catalogue reference (the rules' output)."""

    reference: str
    published: bool
    availability: Availability
    quantity: int
    price: Decimal | None
    sizes: tuple[SizeState, ...] = ()

    def wire(self) -> dict:
        """The Site API item body, without its version (the outbox adds it)."""
        return {
            "reference": self.reference,
            "published": self.published,
            "availability": str(self.availability),
            "quantity": self.quantity,
            "price": format_price(self.price),
            "sizes": [
                {"size": s.size, "quantity": s.quantity, "price": format_price(s.price)}
                for s in self.sizes
            ],
        }


@functools.lru_cache(maxsize=8192)
def format_price(price: Decimal | None) -> str | None:
    """Prices travel as strings with two decimals ("1290.00"): never floats. (Cached: a shop
    has far fewer distinct prices than items, and this runs for every item of every run.)"""
    if price is None:
        return None
    return f"{price.quantize(Decimal('0.01'))}"


class Severity(enum.StrEnum):
    """How bad a `Problem` is."""

    ERROR = "error"  # the line was rejected
    WARNING = "warning"  # the line was kept


@dataclass(frozen=True, slots=True)
class Problem:
    """A message about the input that a person can act on: `file:line: field: reason`."""

    source: str
    line: int | None
    field: str | None
    reason: str
    severity: str = Severity.ERROR  # a Severity

    def __str__(self) -> str:
        """`file:line: field: reason` in the shop's language (`i18n.english` gives it back in
        English for what is stored: one template per field, so the file name never is
        mistaken for a word)."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if not self.field:
            return f"{where}: {self.reason}"
        template = PROBLEM_FIELD_LINES.get(self.field)
        if template is None:
            return f"{where}: {self.field}: {self.reason}"
        return arg(translate("Erp", template), where, self.reason)

# `Problem.field` (shopsync.erp.fields.Field's values) -> its line, worded in French; English
# keeps "file:line: price: reason".
PROBLEM_FIELD_LINES = {
    "reference": QT_TRANSLATE_NOOP("Erp", "%1 : référence : %2"),
    "brand": QT_TRANSLATE_NOOP("Erp", "%1 : marque : %2"),
    "designation": QT_TRANSLATE_NOOP("Erp", "%1 : désignation : %2"),
    "quantity": QT_TRANSLATE_NOOP("Erp", "%1 : quantité : %2"),
    "price": QT_TRANSLATE_NOOP("Erp", "%1 : prix : %2"),
    "size": QT_TRANSLATE_NOOP("Erp", "%1 : taille : %2"),
    "ean": QT_TRANSLATE_NOOP("Erp", "%1 : code-barres : %2"),
    "status": QT_TRANSLATE_NOOP("Erp", "%1 : statut : %2"),
}


@dataclass(slots=True)
class ReadResult:
    """A complete read of one ERP source."""

    source: str
    lines: list[StockLine] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    content_hash: str | None = None
    raw_lines: int = 0


@dataclass(frozen=True, slots=True)
class OrderLine:
    """Units of one reference (and ring size, for products sold by size) in a web order."""

    reference: str
    units: int
    size: str | None = None


@dataclass(frozen=True, slots=True)
class WebOrder:
    """A web order the site holds open (paid or on hold, not yet completed by the shop).
    `placed_at`: Unix seconds (UTC)."""

    id: str
    placed_at: float
    status: str
    lines: tuple[OrderLine, ...]
