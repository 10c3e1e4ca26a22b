"""Reading the shop: products (reference = SKU) and, for ring sizes, their variations.

The SKU → product index is what lets ShopSync only ever *update* products it found: it never
creates one, so a retried or replayed write can never make a duplicate.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from shopsync.site.woocommerce.http import PER_PAGE, WooHttp
from shopsync.site.woocommerce.mapping import ProductType

log = logging.getLogger("shopsync.site.woocommerce")

# Only the fields ShopSync reads (`_fields`): pages stay small, and WooCommerce skips working
# out the rest (price_html, related products…), which is most of a full product's cost.
CATALOG_FIELDS = "id,sku,name,type,status,attributes,brands,meta_data"
STATE_FIELDS = (
    "id,sku,type,status,attributes,meta_data,manage_stock,stock_quantity,stock_status,"
    "backorders,regular_price"
)
VARIATION_FIELDS = (
    "id,sku,attributes,meta_data,manage_stock,stock_quantity,stock_status,backorders,regular_price"
)


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    type: str


class SkuIndex:
    """SKU → the one WooCommerce product carrying it. A SKU on two products (possible across
    trashed/restored products or imports) is ambiguous: kept apart, never written."""

    def __init__(self, products: Iterable[dict[str, Any]]) -> None:
        self.entries: dict[str, Entry] = {}
        self.ambiguous: set[str] = set()
        for product in products:
            sku = str(product.get("sku") or "").strip()
            if not sku or not isinstance(product.get("id"), int):
                continue
            if sku in self.entries or sku in self.ambiguous:
                self.entries.pop(sku, None)
                self.ambiguous.add(sku)
                continue
            self.entries[sku] = Entry(product["id"], str(product.get("type") or ""))


def list_products(http: WooHttp, fields: str | None = CATALOG_FIELDS) -> list[dict[str, Any]]:
    """Every product whatever its status (drafts included: ShopSync publishes them)."""
    params = {"status": "any"}
    if fields:
        params["_fields"] = fields
    return list(http.pages("products", params))


def by_skus(http: WooHttp, skus: list[str]) -> list[dict[str, Any]]:
    """The products carrying some SKUs (≤ 100, none containing ","), one request."""
    params = {
        "sku": ",".join(skus),
        "_fields": "id,sku,type",
        "per_page": str(PER_PAGE),
        "status": "any",
    }
    return [
        p for p in http.get("products", params) if isinstance(p, dict) and p.get("sku") in set(skus)
    ]


def products_by_id(http: WooHttp, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The current full state of some products (≤ 100 per request)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), PER_PAGE):
        chunk = ids[start : start + PER_PAGE]
        params = {
            "_fields": STATE_FIELDS,
            "include": ",".join(str(i) for i in chunk),
            "per_page": str(PER_PAGE),
            "status": "any",
        }
        for product in http.get("products", params):
            if isinstance(product, dict) and isinstance(product.get("id"), int):
                found[product["id"]] = product
    return found


def variations_of(http: WooHttp, product_id: int) -> list[dict[str, Any]]:
    return list(http.pages(f"products/{product_id}/variations", {"_fields": VARIATION_FIELDS}))


def variations_for(
    http: WooHttp, products: Iterable[dict[str, Any]]
) -> dict[int, list[dict[str, Any]]]:
    return {
        p["id"]: variations_of(http, p["id"])
        for p in products
        if p.get("type") == ProductType.VARIABLE
    }
