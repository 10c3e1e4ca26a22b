"""The delivery port: what the engine speaks to, whatever the shop's engine is.

PROVISIONAL copy of the shape the lead announced for `shopsync/sync/port.py` (issue 21), so
that the WooCommerce target can be written and tested before the port lands on main; on
merge, main's file wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct
    from shopsync.site.protocol import ItemResult


class Capability(StrEnum):
    HEARTBEAT = "heartbeat"
    SUPPORT_REQUESTS = "support_requests"
    CONNECTION_REPORT = "connection_report"
    DIAGNOSTICS = "diagnostics"
    LISTING_REQUESTS = "listing_requests"
    IDEMPOTENT_BATCHES = "idempotent_batches"
    SITE_SETTINGS = "site_settings"
    WEB_ORDERS = "web_orders"


class TargetKind(StrEnum):
    SHOPSYNC = "shopsync"
    WOOCOMMERCE = "woocommerce"


@dataclass(frozen=True)
class WebOrder:
    id: str
    placed_at: float
    status: str
    lines: tuple[tuple[str, int], ...]  # (reference, units)


class DeliveryTarget(Protocol):
    kind: TargetKind
    capabilities: frozenset[Capability]
    max_batch: int

    def health(self) -> dict[str, Any]: ...

    def catalog(self) -> list[CatalogProduct]: ...

    def products(self, published: bool | None = None) -> list[dict[str, Any]]: ...

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]: ...

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]: ...

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]: ...

    def open_orders(self) -> list[WebOrder]: ...

    def close(self) -> None: ...


SiteApi = DeliveryTarget
