"""Open web orders: what WooCommerce sold that the ERP may not show yet.

WooCommerce lowers a product's stock when an order is placed (processing, on-hold); until
the shop enters the sale in its ERP, an export still counts the piece. The engine subtracts
these orders' units (issue 21, "web orders are never undone"); this module only reads them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from shopsync.model import OrderLine, WebOrder
from shopsync.site.woocommerce.http import WooHttp


class OrderStatus(StrEnum):
    PENDING = "pending"  # awaiting payment: stock not yet taken
    PROCESSING = "processing"
    ON_HOLD = "on-hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    FAILED = "failed"


OPEN_STATUSES = (OrderStatus.PROCESSING, OrderStatus.ON_HOLD)


def placed_at(order: dict[str, Any]) -> float:
    """`date_created_gmt` ("2026-12-06T07:18:04", UTC without a zone) → epoch seconds."""
    text = str(order.get("date_created_gmt") or "")
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()
    except ValueError:
        return 0.0


def _size(line: dict[str, Any]) -> str | None:
    """A ring size's line carries the variation's attribute as line meta (`taille: 56.5`);
    WooCommerce's own bookkeeping meta starts with "_" (`_reduced_stock`)."""
    for entry in line.get("meta_data") or []:
        if isinstance(entry, dict) and not str(entry.get("key") or "_").startswith("_"):
            value = entry.get("value")
            if isinstance(value, str | int | float) and str(value).strip():
                return str(value).strip()
    return None


def web_order(order: dict[str, Any], parent_skus: dict[int, str]) -> WebOrder:
    """One order's lines. A ring size's line counts against its parent's reference (the
    reference the ERP and the catalogue know) with its size; a line whose product has no
    SKU on the shop is skipped (nothing of ShopSync's to protect)."""
    units: dict[tuple[str, str | None], int] = {}
    for line in order.get("line_items") or []:
        if not isinstance(line, dict):
            continue
        quantity = line.get("quantity")
        if not isinstance(quantity, int) or quantity <= 0:
            continue
        if line.get("variation_id"):
            reference, size = parent_skus.get(line.get("product_id")), _size(line)
        else:
            reference, size = (
                str(line.get("sku") or "") or parent_skus.get(line.get("product_id")),
                None,
            )
        if reference:
            units[(reference, size)] = units.get((reference, size), 0) + quantity
    return WebOrder(
        id=str(order.get("id")),
        placed_at=placed_at(order),
        status=str(order.get("status")),
        lines=tuple(OrderLine(ref, n, size) for (ref, size), n in sorted(units.items(), key=str)),
    )


def open_orders(http: WooHttp, known_skus: dict[int, str] | None = None) -> list[WebOrder]:
    """The processing and on-hold orders. A ring size's line names its variation; its parent's
    SKU (the reference) comes from `known_skus` (product id → SKU) or is asked for, by id, for
    those parents only — a run with one sale does not page through the shop for it."""
    raw = [
        o for o in http.pages("orders", {"status": ",".join(OPEN_STATUSES)}) if isinstance(o, dict)
    ]
    skus = dict(known_skus or {})
    missing = sorted({
        line.get("product_id")
        for order in raw for line in order.get("line_items") or []
        if isinstance(line, dict) and line.get("variation_id") and isinstance(line.get("product_id"), int)
        and line.get("product_id") not in skus
    })  # fmt: skip
    if missing:
        from shopsync.site.woocommerce.catalogue import products_by_id

        skus.update(
            {pid: str(p.get("sku") or "") for pid, p in products_by_id(http, missing).items()}
        )
    return [web_order(o, skus) for o in raw]
