"""The delivery port: what the engine needs from a shop's site, whatever engine runs it.

Two implementations: `shopsync.site.client.SiteClient` (our Site API, as the platform's sites
and the sandbox speak it) and the WooCommerce target (`shopsync.site.woocommerce`). Shopify's
GraphQL Admin API and PrestaShop's webservice are mapped on paper in docs/targets.md; the port
is shaped so that they fit: absolute writes per reference with a version or a compare step,
a catalogue read by pages, and capabilities that say what a target cannot do.

Why capabilities instead of optional methods that raise: the engine, the agent and the wizard
each degrade with one clear line ("WooCommerce ne reçoit pas de signal de vie") when a target
lacks something, and never turn a missing feature into an error or a retry loop.

Targets are built only by `shopsync.site.factory` (one place for credentials, retries, TLS and
the limits of the trust boundary); the engine never imports a target's module.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from shopsync.model import OrderLine, WebOrder

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct
    from shopsync.site.protocol import ItemResult

__all__ = ["Capability", "DeliveryTarget", "OrderLine", "TargetKind", "WebOrder", "can"]


class TargetKind(StrEnum):
    """`[site] kind` in config.toml."""

    SHOPSYNC = "shopsync"
    WOOCOMMERCE = "woocommerce"


class Capability(StrEnum):
    """What a target can do beyond reading the catalogue and writing stock."""

    HEARTBEAT = "heartbeat"  # PUT /agent: the platform sees the shop PC
    SUPPORT_REQUESTS = "support_requests"  # the platform asks for a full run, a diagnostic…
    CONNECTION_REPORT = "connection_report"
    DIAGNOSTICS = "diagnostics"
    LISTING_REQUESTS = "listing_requests"  # ERP items the catalogue lacks, sent to be listed
    IDEMPOTENT_BATCHES = "idempotent_batches"  # the site remembers Idempotency-Keys
    SITE_SETTINGS = "site_settings"  # the site-wide backorder rule lives on the site
    WEB_ORDERS = "web_orders"  # open web orders can be read (never undo a web sale)


class DeliveryTarget(Protocol):
    """The engine's view of a site. Methods return only on success; failures are the
    `shopsync.errors.SiteError` tree (unreachable, contract broken, token refused, rejected)."""

    kind: TargetKind
    capabilities: frozenset[Capability]
    max_batch: int

    def health(self) -> dict[str, Any]: ...

    def catalog(self) -> list[CatalogProduct]: ...

    def products(self, published: bool | None = None) -> list[dict[str, Any]]: ...

    def product(self, reference: str) -> dict[str, Any] | None:
        """One product's state as `products()` gives it; None when the site has no product
        with that reference (one request: the conformance suite reads back every write)."""
        ...

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]: ...

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]: ...

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]: ...

    def open_orders(self) -> list[WebOrder]: ...

    def close(self) -> None: ...


def can(target: object, capability: Capability) -> bool:
    """True when `target` declares `capability`. Test doubles and older wrappers that declare
    nothing are taken to be Site API clients (everything but web orders)."""
    declared = getattr(target, "capabilities", None)
    if declared is None:
        return capability is not Capability.WEB_ORDERS
    return capability in declared
