"""The sandbox's side of Site API v1: what a site checks in what a client sends.

The shared wire rules (shapes both sides parse, reason codes, limits) live in
`shopsync.site.protocol`; this module holds what only a site does with a request: the schema
checks that answer 422 for a whole body, and the per-item value rules that reject one item of a
batch. The limits are the protocol's constants, never copies: `tests/site/test_site_protocol.py`
checks that `openapi.json` states the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from shopsync.site.protocol import (
    AVAILABILITIES,
    DUPLICATE_SIZE,
    INVALID_AVAILABILITY,
    INVALID_PRICE,
    INVALID_QUANTITY,
    INVALID_SIZE,
    MAX_LISTING_ITEMS,
    MAX_MESSAGE_LENGTH,
    MAX_QUANTITY,
    MAX_REFERENCE_LENGTH,
    MAX_RESTOCK_DAYS,
    MAX_SIZE_LENGTH,
    MAX_VERSION,
    NEGATIVE_QUANTITY,
    UNEXPECTED_SIZES,
    ItemResult,
    WireError,
)

# "1290.00": digits, a dot, exactly two decimals, no sign, no leading zeros (a price is an
# amount in euros including VAT; cents are never dropped, so "1290.5" is a client bug).
PRICE_RE = re.compile(r"^(?:0|[1-9][0-9]{0,9})\.[0-9]{2}$")
CURSOR_RE = re.compile(r"^(?:[0-9a-f]{2}){0,400}$")


@dataclass(frozen=True, slots=True)
class SizeItem:
    size: str
    quantity: int
    price: str | None


@dataclass(frozen=True, slots=True)
class StockItem:
    """One item of a stock batch whose values all passed the per-item rules."""

    reference: str
    version: int
    published: bool
    availability: str
    quantity: int
    price: str | None
    sizes: tuple[SizeItem, ...] = ()

    def state(self) -> dict[str, Any]:
        """The product state this item sets (what `GET /products/{reference}` then shows)."""
        return {
            "published": self.published,
            "availability": self.availability,
            "quantity": self.quantity,
            "price": self.price,
            "sizes": [
                {"size": s.size, "quantity": s.quantity, "price": s.price} for s in self.sizes
            ],
        }


# --- type helpers that follow JSON Schema's definitions ---------------------------------------


def is_integer(value: object) -> bool:
    """JSON Schema's `integer`: 3 and 3.0 are integers, True is not."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


def is_utf8(text: str) -> bool:
    """False for strings holding lone surrogates (valid JSON escapes, unstorable text)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_price(value: object) -> bool:
    return isinstance(value, str) and PRICE_RE.match(value) is not None


# --- stock batches ---------------------------------------------------------------------------

_ITEM_REQUIRED = ("reference", "version", "published", "availability", "quantity", "price")


def check_batch_body(data: object) -> list[dict[str, Any]]:
    """The batch body's shape (`BatchRequest` in the OpenAPI document); raises WireError."""
    if not isinstance(data, dict):
        raise WireError("invalid_body", 'the body must be a JSON object {"items": [...]}')
    items = data.get("items")
    if not isinstance(items, list):
        raise WireError("invalid_body", "`items` must be an array")
    for index, item in enumerate(items):
        _check_item_shape(item, f"items[{index}]")
    return items


def _check_item_shape(item: object, where: str) -> None:
    if not isinstance(item, dict):
        raise WireError("invalid_item", f"{where}: must be an object")
    for name in _ITEM_REQUIRED:
        if name not in item:
            raise WireError("invalid_item", f"{where}: `{name}` is required")
    reference = item["reference"]
    if not isinstance(reference, str) or not 1 <= len(reference) <= MAX_REFERENCE_LENGTH:
        raise WireError(
            "invalid_item", f"{where}.reference: a string of 1 to {MAX_REFERENCE_LENGTH} characters"
        )
    version = item["version"]
    if not is_integer(version) or not 0 <= version <= MAX_VERSION:
        raise WireError("invalid_item", f"{where}.version: an integer from 0 to 2^63-1")
    if not isinstance(item["published"], bool):
        raise WireError("invalid_item", f"{where}.published: true or false")
    if not isinstance(item["availability"], str):
        raise WireError("invalid_item", f"{where}.availability: a string")
    if not is_integer(item["quantity"]):
        raise WireError("invalid_item", f"{where}.quantity: an integer")
    if item["price"] is not None and not isinstance(item["price"], str):
        raise WireError("invalid_item", f"{where}.price: a string or null")
    sizes = item.get("sizes", [])
    if not isinstance(sizes, list):
        raise WireError("invalid_item", f"{where}.sizes: an array")
    for index, size in enumerate(sizes):
        at = f"{where}.sizes[{index}]"
        if not isinstance(size, dict):
            raise WireError("invalid_item", f"{at}: must be an object")
        for name in ("size", "quantity", "price"):
            if name not in size:
                raise WireError("invalid_item", f"{at}: `{name}` is required")
        if not isinstance(size["size"], str):
            raise WireError("invalid_item", f"{at}.size: a string")
        if not is_integer(size["quantity"]):
            raise WireError("invalid_item", f"{at}.quantity: an integer")
        if size["price"] is not None and not isinstance(size["price"], str):
            raise WireError("invalid_item", f"{at}.price: a string or null")


def validate_item(item: dict[str, Any], *, has_sizes: bool) -> StockItem | str:
    """An item's value rules, once its shape is known good: a StockItem or a rejection reason.

    `has_sizes` is the catalogue's word on the reference: sizes sent for a product that has none
    are a mapping bug worth surfacing rather than silently dropping.
    """
    quantity = int(item["quantity"])
    if quantity < 0:
        return NEGATIVE_QUANTITY
    if quantity > MAX_QUANTITY:
        return INVALID_QUANTITY
    if item["availability"] not in AVAILABILITIES:
        return INVALID_AVAILABILITY
    price = item["price"]
    if price is not None and not is_price(price):
        return INVALID_PRICE
    sizes: list[SizeItem] = []
    seen: set[str] = set()
    for raw in item.get("sizes", []):
        size = raw["size"].strip()
        if not size or len(size) > MAX_SIZE_LENGTH or not is_utf8(size):
            return INVALID_SIZE
        if size in seen:
            return DUPLICATE_SIZE
        seen.add(size)
        size_quantity = int(raw["quantity"])
        if size_quantity < 0:
            return NEGATIVE_QUANTITY
        if size_quantity > MAX_QUANTITY:
            return INVALID_QUANTITY
        if raw["price"] is not None and not is_price(raw["price"]):
            return INVALID_PRICE
        sizes.append(SizeItem(size=size, quantity=size_quantity, price=raw["price"]))
    if sizes and not has_sizes:
        return UNEXPECTED_SIZES
    return StockItem(
        reference=item["reference"],
        version=int(item["version"]),
        published=item["published"],
        availability=item["availability"],
        quantity=quantity,
        price=price,
        sizes=tuple(sizes),
    )


def batch_response(results: list[ItemResult]) -> dict[str, Any]:
    counts = {status: 0 for status in ("accepted", "rejected", "ignored")}
    for result in results:
        counts[result.status] += 1
    return {"results": [r.to_wire() for r in results], **counts}


# --- shop settings ---------------------------------------------------------------------------

DEFAULT_BACKORDER = {
    "enabled": False,
    "restock_days": 10,
    "message": "Sur commande — expédié sous {days} jours",
}


def check_settings(data: object) -> dict[str, Any]:
    """`{"backorder": {"enabled", "restock_days", "message"}}`, all three required."""
    if not isinstance(data, dict) or not isinstance(data.get("backorder"), dict):
        raise WireError("invalid_body", 'the body must be {"backorder": {...}}')
    rule = data["backorder"]
    enabled, days, message = rule.get("enabled"), rule.get("restock_days"), rule.get("message")
    if not isinstance(enabled, bool):
        raise WireError("invalid_settings", "backorder.enabled: true or false")
    if not is_integer(days) or not 0 <= days <= MAX_RESTOCK_DAYS:
        raise WireError("invalid_settings", f"backorder.restock_days: 0 to {MAX_RESTOCK_DAYS}")
    if not isinstance(message, str) or len(message) > MAX_MESSAGE_LENGTH or not is_utf8(message):
        raise WireError(
            "invalid_settings",
            f"backorder.message: text of at most {MAX_MESSAGE_LENGTH} characters",
        )
    return {"backorder": {"enabled": enabled, "restock_days": int(days), "message": message}}


def backorder_text(message: str, restock_days: int) -> str:
    """The customer-facing message; only `{days}` is replaced (other braces are kept as typed)."""
    return message.replace("{days}", str(restock_days))


# --- listing requests ------------------------------------------------------------------------

_LISTING_TEXT_FIELDS = ("brand", "designation", "ean", "size")


def check_listing_body(data: object) -> list[dict[str, Any]]:
    """`{"items": [{"reference", "brand"?, "designation"?, "quantity"?, "price"?, ...}]}`."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise WireError("invalid_body", 'the body must be {"items": [...]}')
    items = data["items"]
    if len(items) > MAX_LISTING_ITEMS:
        raise WireError("too_many_items", f"at most {MAX_LISTING_ITEMS} listing requests at once")
    for index, item in enumerate(items):
        where = f"items[{index}]"
        if not isinstance(item, dict):
            raise WireError("invalid_item", f"{where}: must be an object")
        reference = item.get("reference")
        if not isinstance(reference, str) or not 1 <= len(reference) <= MAX_REFERENCE_LENGTH:
            raise WireError("invalid_item", f"{where}.reference: 1 to {MAX_REFERENCE_LENGTH} characters")
        if not is_utf8(reference):
            raise WireError("invalid_item", f"{where}.reference: not valid Unicode text")
        for name in _LISTING_TEXT_FIELDS:
            if item.get(name) is not None and not isinstance(item[name], str):
                raise WireError("invalid_item", f"{where}.{name}: a string or null")
        if item.get("quantity") is not None and not is_integer(item["quantity"]):
            raise WireError("invalid_item", f"{where}.quantity: an integer or null")
        if item.get("price") is not None and not isinstance(item["price"], str):
            raise WireError("invalid_item", f"{where}.price: a string or null")
    return items


def encode_cursor(last_reference: str) -> str:
    """Cursors are opaque to clients; here the hex of the last reference a page held."""
    return last_reference.encode("utf-8").hex()


def decode_cursor(cursor: str) -> str:
    """Any well-formed cursor is accepted: it means "after this point", even a forged one."""
    if not CURSOR_RE.match(cursor):
        raise WireError("invalid_cursor", "malformed cursor: pass back a `next_cursor` unchanged")
    return bytes.fromhex(cursor).decode("utf-8", "replace")
