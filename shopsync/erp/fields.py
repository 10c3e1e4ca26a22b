"""The canonical fields of a stock line, named once for every part of the app.

A profile's `[columns]` keys, column detection, the builder and the settings window all speak
of the same eight fields, in the same order (the order columns are shown and detected in).
`Field` is a StrEnum, so a member is also the plain string a TOML file or a JSON line holds.
"""

from __future__ import annotations

import enum


class Field(enum.StrEnum):
    """One canonical field of a StockLine that an export column can feed."""

    REFERENCE = "reference"
    BRAND = "brand"
    DESIGNATION = "designation"
    QUANTITY = "quantity"
    PRICE = "price"
    SIZE = "size"
    EAN = "ean"
    STATUS = "status"


# Every field, in display and detection order (reference first: it decides what a header is).
FIELDS: tuple[Field, ...] = tuple(Field)
