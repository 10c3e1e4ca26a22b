"""Site API v1 wire models, shared by the client and the sandbox.

What both sides of the contract need, once: the limits and reason codes, the JSON rules, the
parsing of the site's answers (which the client does, and the sandbox's tests reuse) and the
contract's vocabularies. The authoritative text is `docs/site-api.md` and the OpenAPI document
next to this module (`openapi.json`). What only a site does with a request (schema checks, the
per-item value rules) is the sandbox's: `shopsync.site.sandbox.validation`.

No HTTP library is imported here: the sandbox (Starlette) and the client (httpx) both use it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from shopsync.model import Availability, CatalogProduct

API_PREFIX = "/api/v1"
AVAILABILITIES = frozenset(str(a) for a in Availability)
ItemStatus = Literal["accepted", "rejected", "ignored"]
ITEM_STATUSES: frozenset[str] = frozenset({"accepted", "rejected", "ignored"})

# Per-item reasons (the `reason` of a rejected or ignored item).
UNKNOWN_REFERENCE = "unknown_reference"
INVALID_PRICE = "invalid_price"
NEGATIVE_QUANTITY = "negative_quantity"
INVALID_QUANTITY = "invalid_quantity"
INVALID_AVAILABILITY = "invalid_availability"
INVALID_SIZE = "invalid_size"
DUPLICATE_SIZE = "duplicate_size"
UNEXPECTED_SIZES = "unexpected_sizes"
STALE_VERSION = "stale_version"

MAX_REFERENCE_LENGTH = 200
MAX_SIZE_LENGTH = 20
MAX_VERSION = 2**63 - 1  # SQLite's INTEGER range: versions are stored, not just compared
MAX_QUANTITY = 1_000_000_000
MAX_KEY_LENGTH = 255
MAX_MESSAGE_LENGTH = 500
MAX_RESTOCK_DAYS = 365
MAX_LISTING_ITEMS = 5000
MAX_PAGE_LIMIT = 1000
DEFAULT_PAGE_LIMIT = 200

# Idempotency keys: printable ASCII without spaces (UUIDs, "run-12/batch-3"…), 1..255 long.
KEY_RE = re.compile(r"^[!-~]{1,255}$")


class WireError(ValueError):
    """The request breaks the schema: answered 422 as a whole (or 400 when not JSON at all)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The site's verdict on one item of a batch, in the batch's order."""

    reference: str
    status: ItemStatus
    reason: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"reference": self.reference, "status": self.status, "reason": self.reason}

    @classmethod
    def from_wire(cls, data: object) -> ItemResult:
        if not isinstance(data, dict):
            raise WireError("invalid_response", "an item result is not an object")
        reference, status, reason = data.get("reference"), data.get("status"), data.get("reason")
        if not isinstance(reference, str) or status not in ITEM_STATUSES:
            raise WireError("invalid_response", f"malformed item result: {data!r:.200}")
        if reason is not None and not isinstance(reason, str):
            raise WireError("invalid_response", f"malformed item reason: {data!r:.200}")
        return cls(reference=reference, status=status, reason=reason)


# --- JSON ------------------------------------------------------------------------------------


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def loads(body: bytes) -> Any:
    """Strict JSON: NaN/Infinity (which Python's json accepts) are refused."""
    return json.loads(body, parse_constant=_no_constants)


def dumps(data: Any) -> bytes:
    """Compact UTF-8 JSON, the way both sides put bodies on the wire.

    Text that cannot be UTF-8 (lone surrogates from a broken export) falls back to ASCII escapes
    rather than failing the whole batch; the site then judges the item like any other.
    """
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def body_fingerprint(data: Any) -> str:
    """A hash of a parsed body that ignores key order, spacing and compression.

    The idempotency check compares meaning, not bytes: a client that re-serialises the same batch
    (or gzips it on one attempt and not the other) is replaying, not sending something new.
    """
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def batch_results_from_wire(data: object, sent: list[dict[str, Any]]) -> list[ItemResult]:
    """Parse a batch answer and check it speaks of the items sent, in their order."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise WireError("invalid_response", "the batch answer has no `results` array")
    results = [ItemResult.from_wire(r) for r in data["results"]]
    if [r.reference for r in results] != [str(i.get("reference")) for i in sent]:
        raise WireError(
            "invalid_response", "the batch answer does not list the items sent, in their order"
        )
    return results


# --- catalogue and products -------------------------------------------------------------------


def catalog_product_to_wire(product: CatalogProduct) -> dict[str, Any]:
    return {
        "reference": product.reference,
        "brand": product.brand,
        "title": product.title,
        "has_sizes": product.has_sizes,
        "sizes": list(product.sizes),
    }


def catalog_product_from_wire(data: object) -> CatalogProduct:
    if not isinstance(data, dict) or not isinstance(data.get("reference"), str):
        raise WireError("invalid_response", f"malformed catalogue product: {data!r:.200}")
    sizes = data.get("sizes") or []
    if not isinstance(sizes, list):
        raise WireError("invalid_response", f"malformed sizes for {data['reference']!r}")
    return CatalogProduct(
        reference=data["reference"],
        brand=str(data.get("brand") or ""),
        title=str(data.get("title") or ""),
        has_sizes=bool(data.get("has_sizes", False)),
        sizes=tuple(str(s) for s in sizes),
    )


def page_from_wire(data: object) -> tuple[list[Any], str | None]:
    """`{"items": [...], "next_cursor": str | null}`: the shape of every paged answer."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise WireError("invalid_response", "a paged answer has no `items` array")
    cursor = data.get("next_cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise WireError("invalid_response", "`next_cursor` is neither a string nor null")
    return data["items"], cursor


def load_openapi() -> dict[str, Any]:
    """The contract as an OpenAPI 3.1 document (the file beside this module)."""
    text = resources.files("shopsync.site").joinpath("openapi.json").read_text(encoding="utf-8")
    return json.loads(text)
