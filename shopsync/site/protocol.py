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
from enum import StrEnum
from importlib import resources
from typing import Any, Literal

from shopsync.model import Availability, CatalogProduct, OrderLine, WebOrder

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
        "previous_references": list(product.previous_references),
    }


def catalog_product_from_wire(data: object) -> CatalogProduct:
    if not isinstance(data, dict) or not isinstance(data.get("reference"), str):
        raise WireError("invalid_response", f"malformed catalogue product: {data!r:.200}")
    sizes = data.get("sizes") or []
    previous = data.get("previous_references") or []  # v1.1; a v1 site sends none
    if not isinstance(sizes, list) or not isinstance(previous, list):
        raise WireError("invalid_response", f"malformed sizes for {data['reference']!r}")
    return CatalogProduct(
        reference=data["reference"],
        brand=str(data.get("brand") or ""),
        title=str(data.get("title") or ""),
        has_sizes=bool(data.get("has_sizes", False)),
        sizes=tuple(str(s) for s in sizes),
        previous_references=tuple(str(p) for p in previous if isinstance(p, str) and p.strip()),
    )


def page_from_wire(data: object) -> tuple[list[Any], str | None]:
    """`{"items": [...], "next_cursor": str | null}`: the shape of every paged answer."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise WireError("invalid_response", "a paged answer has no `items` array")
    cursor = data.get("next_cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise WireError("invalid_response", "`next_cursor` is neither a string nor null")
    return data["items"], cursor


# --- web orders (v1.2): what the site sold online and the shop has not completed yet ----------

ORDERS_PATH = "api/v1/orders"
MAX_ORDER_LINES = 500


def web_order_from_wire(data: object) -> WebOrder:
    """One entry of `GET /api/v1/orders?status=open`:
    `{"id", "placed_at" (ISO 8601 with offset), "status", "lines": [{"reference", "size"?,
    "quantity"}]}` → `WebOrder`."""
    from datetime import datetime

    if not isinstance(data, dict):
        raise WireError("invalid_response", "an order is not an object")
    ident, placed, status, lines = (
        data.get("id"), data.get("placed_at"), data.get("status"), data.get("lines"),
    )
    if not isinstance(ident, str) or not 1 <= len(ident) <= MAX_KEY_LENGTH:
        raise WireError("invalid_response", "an order has no valid `id`")
    if not isinstance(placed, str):
        raise WireError("invalid_response", f"order {ident[:40]!r}: no `placed_at`")
    try:
        when = datetime.fromisoformat(placed.replace("Z", "+00:00"))
    except ValueError as exc:
        raise WireError("invalid_response", f"order {ident[:40]!r}: bad `placed_at`") from exc
    if when.tzinfo is None:
        raise WireError("invalid_response", f"order {ident[:40]!r}: `placed_at` has no offset")
    if not isinstance(lines, list) or len(lines) > MAX_ORDER_LINES:
        raise WireError("invalid_response", f"order {ident[:40]!r}: `lines` is not a list")
    parsed = []
    for line in lines:
        if not isinstance(line, dict):
            raise WireError("invalid_response", f"order {ident[:40]!r}: a line is not an object")
        reference, units, size = line.get("reference"), line.get("quantity"), line.get("size")
        if (
            not isinstance(reference, str)
            or not 1 <= len(reference) <= MAX_REFERENCE_LENGTH
            or not isinstance(units, int)
            or isinstance(units, bool)
            or not 0 < units <= MAX_QUANTITY
            or (size is not None and not isinstance(size, str))
        ):
            raise WireError("invalid_response", f"order {ident[:40]!r}: a malformed line")
        parsed.append(OrderLine(reference, units, size))
    return WebOrder(ident, when.timestamp(), str(status or "open"), tuple(parsed))


def web_order_to_wire(order: WebOrder) -> dict[str, Any]:
    from datetime import UTC, datetime

    return {
        "id": order.id,
        "placed_at": datetime.fromtimestamp(order.placed_at, UTC).isoformat(timespec="seconds"),
        "status": order.status,
        "lines": [
            {"reference": line.reference, "size": line.size, "quantity": line.units}
            for line in order.lines
        ],
    }


def load_openapi() -> dict[str, Any]:
    """The contract as an OpenAPI 3.1 document (the file beside this module)."""
    text = resources.files("shopsync.site").joinpath("openapi.json").read_text(encoding="utf-8")
    return json.loads(text)


# --- the agent (v1.1): heartbeat, connection report, support requests -------------------------

AGENT_PATH = "api/v1/agent"
MAX_HEARTBEAT_BYTES = 16 * 1024  # the agent keeps it under 2 KB gzipped; a site may refuse more
MAX_DIAGNOSTIC_BYTES = 5 * 1024 * 1024
MAX_REPORT_ENTRIES = 2000  # per list of the connection report; counts stay exact
MAX_REQUEST_ID_LENGTH = 100
DIAGNOSTIC_MEDIA_TYPE = "application/zip"


class RequestKind(StrEnum):
    """What the platform may ask of an agent. Anything else is ignored (and logged)."""

    FULL_RECONCILE = "full_reconcile"
    DIAGNOSTICS = "diagnostics"
    PAUSE = "pause"
    RESUME = "resume"


class RequestOutcome(StrEnum):
    """The agent's acknowledgement of one support request."""

    DONE = "done"
    FAILED = "failed"
    IGNORED = "ignored"


class AgentHealth(StrEnum):
    """How the platform sees the connector: the age of its last heartbeat (liveness), then,
    while it is alive, the shop's own state that heartbeat carried."""

    OK = "ok"
    NEEDS_ATTENTION = "needs_attention"  # alive, but the shop's tray does not read "À jour"…
    LATE = "late"
    SILENT = "silent"
    NEVER = "never"


# The heartbeat `state`s (vocab.ConnectorState values) under which a live connector still needs
# a person: the tray reads "À vérifier", "Le site a refusé le jeton", "La dernière
# synchronisation a échoué" or "Site injoignable" there, never "À jour".
ATTENTION_STATES = frozenset({"attention", "token_refused", "error", "offline"})


def agent_health(alive: AgentHealth, heartbeat: dict[str, Any] | None) -> AgentHealth:
    """Liveness first (a late or silent connector's last words are old news), then the
    shop's own state: an alive connector in an attention state needs attention."""
    if alive is AgentHealth.OK and heartbeat and heartbeat.get("state") in ATTENTION_STATES:
        return AgentHealth.NEEDS_ATTENTION
    return alive


@dataclass(frozen=True, slots=True)
class SupportRequest:
    """One request from the platform. `kind` stays text: an unknown kind is data to log."""

    id: str
    kind: str
    created_at: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "created_at": self.created_at}

    @property
    def known_kind(self) -> RequestKind | None:
        try:
            return RequestKind(self.kind)
        except ValueError:
            return None


def support_requests_from_wire(data: object) -> list[SupportRequest]:
    """The `requests` array of a heartbeat answer or of `GET /agent/requests`.

    Malformed entries are dropped (a request without an id cannot be acknowledged, so it cannot
    be done "once"); a missing array is no request at all.
    """
    if not isinstance(data, dict):
        raise WireError("invalid_response", "the agent answer is not an object")
    raw = data.get("requests") or []
    if not isinstance(raw, list):
        raise WireError("invalid_response", "`requests` is not an array")
    requests = []
    for entry in raw:
        if not isinstance(entry, dict):
            continue
        ident, kind = entry.get("id"), entry.get("kind")
        if not isinstance(ident, str) or not 1 <= len(ident) <= MAX_REQUEST_ID_LENGTH:
            continue
        created = entry.get("created_at")
        requests.append(
            SupportRequest(
                ident,
                str(kind) if kind is not None else "",
                created if isinstance(created, str) else None,
            )
        )
    return requests
