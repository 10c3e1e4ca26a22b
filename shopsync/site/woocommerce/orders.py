"""Open web orders: what WooCommerce sold that the ERP may not show yet.

WooCommerce lowers a product's stock when an order is placed (processing, on-hold); until
the shop enters the sale in its ERP, an export still counts the piece. The engine subtracts
these orders' units (issue 21, "web orders are never undone"); this module only reads them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from shopsync.site.woocommerce.http import WooHttp
from shopsync.sync.port import WebOrder


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


def web_order(order: dict[str, Any], parent_skus: dict[int, str]) -> WebOrder:
    """One order's lines as (reference, units). A ring size's line counts against its parent's
    reference (the reference the ERP and the catalogue know); a line without a SKU is skipped."""
    lines: dict[str, int] = {}
    for line in order.get("line_items") or []:
        if not isinstance(line, dict):
            continue
        reference = parent_skus.get(line.get("product_id")) if line.get("variation_id") else None
        reference = reference or str(line.get("sku") or "")
        quantity = line.get("quantity")
        if reference and isinstance(quantity, int) and quantity > 0:
            lines[reference] = lines.get(reference, 0) + quantity
    return WebOrder(
        id=str(order.get("id")),
        placed_at=placed_at(order),
        status=str(order.get("status")),
        lines=tuple(sorted(lines.items())),
    )


def open_orders(http: WooHttp, parent_skus: dict[int, str]) -> list[WebOrder]:
    params = {"status": ",".join(OPEN_STATUSES)}
    return [web_order(o, parent_skus) for o in http.pages("orders", params) if isinstance(o, dict)]
