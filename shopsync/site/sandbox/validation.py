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
    MAX_REPORT_ENTRIES,
    MAX_RESTOCK_DAYS,
    MAX_SIZE_LENGTH,
    MAX_VERSION,
    NEGATIVE_QUANTITY,
    UNEXPECTED_SIZES,
    ItemResult,
    RequestOutcome,
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


# --- the agent (v1.1) -------------------------------------------------------------------------

_HEARTBEAT_TEXT = ("agent_id", "version", "clock")
_HEARTBEAT_COUNTS = ("pending", "held", "rejected")
_HEARTBEAT_OPTIONAL_TEXT = ("os", "last_delivery_at", "next_run_at", "state")
MAX_AGENT_TEXT = 200


def _text(value: object, where: str, *, limit: int = MAX_AGENT_TEXT, null: bool = False) -> None:
    if value is None and null:
        return
    if not isinstance(value, str) or len(value) > limit or not is_utf8(value):
        kind = "text or null" if null else "text"
        raise WireError("invalid_heartbeat", f"{where}: {kind} of at most {limit} characters")


def _count(value: object, where: str, code: str = "invalid_heartbeat") -> None:
    if not is_integer(value) or value < 0:
        raise WireError(code, f"{where}: an integer ≥ 0")


def check_heartbeat(data: object) -> dict[str, Any]:
    """`Heartbeat` in the OpenAPI document: agent_id, version and clock required, the rest
    optional and typed; unknown fields are kept (a newer agent may say more)."""
    if not isinstance(data, dict):
        raise WireError("invalid_heartbeat", "the heartbeat must be a JSON object")
    for name in _HEARTBEAT_TEXT:
        if name not in data:
            raise WireError("invalid_heartbeat", f"`{name}` is required")
        _text(data[name], name)
    if not data["agent_id"]:
        raise WireError("invalid_heartbeat", "agent_id: must not be empty")
    for name in _HEARTBEAT_OPTIONAL_TEXT:
        if name in data:
            _text(data[name], name, null=True)
    for name in _HEARTBEAT_COUNTS:
        if name in data:
            _count(data[name], name)
    if "paused" in data and not isinstance(data["paused"], bool):
        raise WireError("invalid_heartbeat", "paused: true or false")
    for name, fields in (
        ("erp", {"kind": "text", "preset": "text"}),
        ("last_export", {"read_at": "text", "lines": "count", "rejected": "count"}),
        ("last_error", {"code": "text", "message": "message"}),
        ("doing", {"id": "text", "kind": "text"}),
        ("local_store", {"rebuilt_at": "text", "problem": "message"}),
        ("reason", {"code": "text", "message": "message"}),
    ):
        _check_object(data.get(name), name, fields)
    _check_counts(data.get("counts"))
    return data


# `counts` (the export counted: sync/counts.py): integers ≥ 0, plus two texts; other fields
# are kept unchecked, as everywhere in the heartbeat (a newer agent may count more).
_COUNTS_NUMBERS = (
    "lines_read", "lines_rejected", "lines_merged", "lines_kept", "items", "references",
    "connected", "to_rewrite", "absent_from_catalogue", "will_publish", "brand_undecided",
    "brand_off", "held_by_brand", "held_by_status", "written_the_old_way", "brands_to_decide",
    "catalogue_products", "products_published",
)  # fmt: skip
_COUNTS_TEXT = ("nothing_published", "counted_at")


def _check_counts(value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or len(value) > 64:
        raise WireError("invalid_heartbeat", "counts: an object of at most 64 fields, or null")
    for name in _COUNTS_NUMBERS:
        if name in value:
            _count(value[name], f"counts.{name}")
    for name in _COUNTS_TEXT:
        if name in value:
            _text(value[name], f"counts.{name}", null=True)


def _check_object(value: object, where: str, fields: dict[str, str]) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise WireError("invalid_heartbeat", f"{where}: an object or null")
    for name, kind in fields.items():
        if name not in value:
            continue
        if kind == "count":
            _count(value[name], f"{where}.{name}")
        else:
            limit = MAX_MESSAGE_LENGTH if kind == "message" else MAX_AGENT_TEXT
            _text(value[name], f"{where}.{name}", limit=limit, null=True)


# What each entry of the report's lists holds (openapi.json says the same): "text" required,
# "text?" text or null or absent, "count?" an integer ≥ 0 or absent, "suggestions?" a short
# list of {reference, score}. Checked on arrival so that a malformed report is refused (422,
# naming the field) instead of breaking `/admin` later.
REPORT_ENTRIES: dict[str, dict[str, str]] = {
    "to_rewrite": {"reference": "text", "brand": "text?", "suggestions": "suggestions?"},
    "written_the_old_way": {"reference": "text", "catalog_reference": "text"},
    "unmatched": {"reference": "text", "brand": "text?"},
    "aliases": {"reference": "text", "catalog_reference": "text"},
    "brands": {
        "brand": "text", "items": "count?", "connected": "count?", "to_rewrite": "count?",
        "not_in_catalog": "count?",
    },
}  # fmt: skip
MAX_SUGGESTIONS = 20


def _report_text(value: object, where: str, *, null: bool = False) -> None:
    if value is None and null:
        return
    if not isinstance(value, str) or len(value) > MAX_AGENT_TEXT or not is_utf8(value):
        kind = "text or null" if null else "text"
        raise WireError("invalid_report", f"{where}: {kind} of at most {MAX_AGENT_TEXT} characters")


def _check_report_entry(entry: dict[str, Any], where: str, fields: dict[str, str]) -> None:
    for name, kind in fields.items():
        optional = kind.endswith("?")
        if name not in entry:
            if optional:
                continue
            raise WireError("invalid_report", f"{where}.{name}: required")
        value, at = entry[name], f"{where}.{name}"
        if kind.startswith("text"):
            _report_text(value, at, null=optional)
        elif kind.startswith("count"):
            _count(value, at, "invalid_report")
        else:
            _check_suggestions(value, at)


def _check_suggestions(value: object, where: str) -> None:
    if not isinstance(value, list) or len(value) > MAX_SUGGESTIONS:
        raise WireError("invalid_report", f"{where}: an array of at most {MAX_SUGGESTIONS} objects")
    for i, suggestion in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(suggestion, dict):
            raise WireError("invalid_report", f"{at}: an object {{reference, score}}")
        _report_text(suggestion.get("reference"), f"{at}.reference")
        score = suggestion.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
            raise WireError("invalid_report", f"{at}.score: a number from 0 to 1")


def check_connection_report(data: object) -> dict[str, Any]:
    """`ConnectionReport`: a `hash` and `counts` (integers) required; lists of objects."""
    if not isinstance(data, dict):
        raise WireError("invalid_report", "the connection report must be a JSON object")
    digest, counts = data.get("hash"), data.get("counts")
    if not isinstance(digest, str) or not 1 <= len(digest) <= 128:
        raise WireError("invalid_report", "hash: text of 1 to 128 characters")
    if not isinstance(counts, dict):
        raise WireError("invalid_report", "counts: an object of integers")
    for name, value in counts.items():
        _count(value, f"counts.{name}", "invalid_report")
    for name, fields in REPORT_ENTRIES.items():
        entries = data.get(name, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise WireError("invalid_report", f"{name}: an array of objects")
        if len(entries) > MAX_REPORT_ENTRIES:
            raise WireError("invalid_report", f"{name}: at most {MAX_REPORT_ENTRIES} entries")
        for i, entry in enumerate(entries):
            _check_report_entry(entry, f"{name}[{i}]", fields)
    brands = data.get("unmapped_brands", [])
    if not isinstance(brands, list) or not all(isinstance(b, str) for b in brands):
        raise WireError("invalid_report", "unmapped_brands: an array of texts")
    if len(brands) > MAX_REPORT_ENTRIES:
        raise WireError("invalid_report", f"unmapped_brands: at most {MAX_REPORT_ENTRIES} entries")
    for i, brand in enumerate(brands):
        _report_text(brand, f"unmapped_brands[{i}]")
    for name in ("agent_id", "generated_at"):
        value = data.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_AGENT_TEXT):
            raise WireError("invalid_report", f"{name}: text of at most {MAX_AGENT_TEXT} characters")
    return data


def check_ack(data: object) -> tuple[str, str | None]:
    """`{"outcome": "done"|"failed"|"ignored", "message"?: text}`."""
    outcome = data.get("outcome") if isinstance(data, dict) else None
    if not isinstance(outcome, str) or outcome not in {str(o) for o in RequestOutcome}:
        raise WireError("invalid_ack", 'the body must be {"outcome": "done"|"failed"|"ignored"}')
    message = data.get("message")
    if message is not None and (
        not isinstance(message, str) or len(message) > MAX_MESSAGE_LENGTH or not is_utf8(message)
    ):
        raise WireError("invalid_ack", f"message: text of at most {MAX_MESSAGE_LENGTH} characters")
    return data["outcome"], message
