"""`WooCommerceTarget`: the delivery port on a WooCommerce shop (REST v3).

What a WooCommerce shop cannot do is declared, not faked: no heartbeat, support requests,
connection report, diagnostics upload or listing requests (there is no platform behind a
WooCommerce shop to receive them), and no idempotent batches (exactly-once rests on absolute
writes compared with the site first: `batches`). The engine and the agent read
`capabilities` and say one clear line instead of failing.
"""

from __future__ import annotations

import logging
from typing import Any

from shopsync.errors import SiteAuthError, SiteRejected
from shopsync.model import CatalogProduct, WebOrder
from shopsync.site.protocol import ItemResult
from shopsync.site.woocommerce import batches, catalogue, orders
from shopsync.site.woocommerce.catalogue import SkuIndex
from shopsync.site.woocommerce.http import PER_PAGE, WooHttp
from shopsync.site.woocommerce.mapping import (
    META_BACKORDER_MESSAGE,
    META_VERSION,
    BackorderRule,
    ProductType,
    catalog_product,
    meta,
    wire_state,
)
from shopsync.sync.port import Capability, TargetKind

log = logging.getLogger("shopsync.site.woocommerce")

DEFAULT_BRAND_ATTRIBUTE = "Marque"


class WooCommerceTarget:
    kind = TargetKind.WOOCOMMERCE
    capabilities = frozenset({Capability.SITE_SETTINGS, Capability.WEB_ORDERS})
    max_batch = PER_PAGE

    def __init__(
        self,
        shop_url: str,
        credentials: str | None,
        *,
        brand_attribute: str = DEFAULT_BRAND_ATTRIBUTE,
        backorder: BackorderRule | None = None,
        **http_options: Any,
    ) -> None:
        """`credentials`: "ck_…:cs_…" (one keyring secret). `backorder`: the site-wide rule
        as configured, so that a run which does not PUT the settings (they did not change)
        still writes the right message on products going to backorder."""
        self.http = WooHttp(shop_url, credentials, **http_options)
        self.brand_attribute = brand_attribute
        self.rule = backorder or BackorderRule()
        self._rule_known = backorder is not None
        self._index: SkuIndex | None = None

    def __repr__(self) -> str:
        return f"WooCommerceTarget({self.http.base_url!r})"

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> WooCommerceTarget:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- the port ---------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """One small authenticated GET: reachability and the key in one call (the Site API's
        health answers `authenticated` the same way)."""
        try:
            self.http.get("products", {"per_page": "1", "_fields": "id"})
        except SiteAuthError:
            authenticated = False
        else:
            authenticated = True
        return {"status": "ok", "api_version": "wc/v3", "authenticated": authenticated,
                "name": "WooCommerce", "batch_limit": self.max_batch}  # fmt: skip

    def catalog(self) -> list[CatalogProduct]:
        """Products with a SKU, simple or variable (ring sizes); the rest has no stock of
        its own and is left alone."""
        products = catalogue.list_products(self.http)
        self._index = SkuIndex(products)
        result = []
        for product in products:
            sku = str(product.get("sku") or "").strip()
            if not sku or sku in self._index.ambiguous:
                continue
            if product.get("type") not in (ProductType.SIMPLE, ProductType.VARIABLE):
                continue
            result.append(catalog_product({**product, "sku": sku}, self.brand_attribute))
        if self._index.ambiguous:
            log.warning(
                "%d SKUs are on several WooCommerce products and are left alone: %s",
                len(self._index.ambiguous), ", ".join(sorted(self._index.ambiguous)[:10]),
            )  # fmt: skip
        return result

    def products(self, published: bool | None = None) -> list[dict[str, Any]]:
        """What the storefront shows, as Site API product states (ring sizes read from the
        variations, never from the parent's stock_status: trap #34869)."""
        full = catalogue.list_products(self.http, fields=catalogue.STATE_FIELDS)
        self._index = SkuIndex(full)
        variations = catalogue.variations_for(self.http, full)
        states = []
        for product in full:
            sku = str(product.get("sku") or "").strip()
            if not sku or sku in self._index.ambiguous:
                continue
            if product.get("type") not in (ProductType.SIMPLE, ProductType.VARIABLE):
                continue
            state = wire_state({**product, "sku": sku}, variations.get(product["id"], []))
            if published is None or state["published"] is published:
                states.append(state)
        return states

    def product(self, reference: str) -> dict[str, Any] | None:
        """One product's state (as `SiteClient.product`); None when no product has the SKU."""
        found = [
            p
            for p in self.http.get(
                "products", {"sku": reference, "status": "any", "per_page": "100"}
            )
            if isinstance(p, dict) and p.get("sku") == reference
        ]
        if len(found) != 1 or found[0].get("type") not in (
            ProductType.SIMPLE,
            ProductType.VARIABLE,
        ):
            return None
        variations = catalogue.variations_for(self.http, found)
        return wire_state(found[0], variations.get(found[0]["id"], []))

    def get_settings(self) -> dict[str, Any]:
        """The site-wide rule as the shop shows it (as `SiteClient.get_settings` answers).
        Built without the configured rule (a conformance run, the wizard), the target reads
        the text the shop's products show: that text, put back as the message, restores them
        exactly (it holds no `{days}` left to replace)."""
        if self._rule_known:
            return self._settings_wire()
        for product in catalogue.list_products(self.http, fields="id,meta_data"):
            text = meta(product, META_BACKORDER_MESSAGE)
            if text:
                return {"backorder": {"enabled": True, "restock_days": 0, "message": text}}
        return {"backorder": {"enabled": False, "restock_days": 0, "message": ""}}

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        """The site-wide backorder rule. WooCommerce has no place for it, so it lives where
        the theme reads it: meta `_shopsync_backorder_message` on every product that is
        orderable when out of stock. A new text is rewritten on those products now (the
        seed: the rule applies to the whole site, never to one product); products already
        showing it are not written."""
        rule = BackorderRule.from_wire(settings)
        self.rule, self._rule_known = rule, True
        if rule.enabled and rule.text():
            # Rule off: nothing to rewrite; products leave backorder through their own
            # states (the engine sends them sold out), and their message with them.
            self._rewrite_messages(rule.text())
        return self._settings_wire()

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]:
        """`idempotency_key` is not sent (WooCommerce ignores it); see `batches`."""
        return batches.send(self.http, self._index_for(items), items, self.rule)

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        """No listing team behind a WooCommerce shop: the same answer a v1 site gives to an
        operation it lacks (404), which callers already take as "not supported"."""
        raise SiteRejected("WooCommerce has no listing requests (no platform behind the shop)", 404)

    def open_orders(self) -> list[WebOrder]:
        known = {e.id: sku for sku, e in self._index.entries.items()} if self._index else None
        return orders.open_orders(self.http, known)

    # --- helpers ----------------------------------------------------------------------------

    def _settings_wire(self) -> dict[str, Any]:
        rule = self.rule
        return {
            "backorder": {
                "enabled": rule.enabled,
                "restock_days": rule.restock_days,
                "message": rule.message,
            }
        }

    def _index_for(self, items: list[dict[str, Any]]) -> SkuIndex:
        """The SKU → id index for a batch: the whole shop's when this run read it (catalogue,
        states), else — a run with a sale or two, whose catalogue is cached — only the
        batch's SKUs, asked by name (`?sku=a,b`, one request instead of every page)."""
        if self._index is not None:
            return self._index
        references = [str(i["reference"]) for i in items]
        if len(references) > PER_PAGE or any("," in r for r in references):
            self._index = SkuIndex(catalogue.list_products(self.http, fields="id,sku,type"))
            return self._index
        return SkuIndex(catalogue.by_skus(self.http, references))

    def _rewrite_messages(self, text: str) -> None:
        stale = [
            p["id"]
            for p in catalogue.list_products(self.http, fields="id,type,backorders,meta_data")
            if meta(p, META_BACKORDER_MESSAGE) != text and _shows_the_rule(p)
        ]
        updates = [
            {"id": pid, "meta_data": [{"key": META_BACKORDER_MESSAGE, "value": text}]}
            for pid in stale
        ]
        for start in range(0, len(updates), PER_PAGE):
            self.http.post("products/batch", {"update": updates[start : start + PER_PAGE]})
        log.info("backorder message rewritten on %d WooCommerce products", len(updates))


def _shows_the_rule(product: dict[str, Any]) -> bool:
    """A product ShopSync made orderable when out of stock (simple: its `backorders`; a ring:
    its sizes, so the parent that carries the text), or one that already shows a text."""
    if meta(product, META_BACKORDER_MESSAGE):
        return True
    if meta(product, META_VERSION) is None:
        return False  # not ShopSync's
    return (
        product.get("backorders") not in (None, "no") or product.get("type") == ProductType.VARIABLE
    )
