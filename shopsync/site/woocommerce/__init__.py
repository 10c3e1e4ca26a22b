"""The WooCommerce target: the delivery port (`shopsync.sync.port`) over WooCommerce REST v3.

`target.WooCommerceTarget` is what the site factory builds for `[site] kind = "woocommerce"`;
`http` (REST calls over the connector's plumbing), `mapping` (the seed's rules in WooCommerce's
fields, pure), `catalogue` (products and variations read), `batches` (absolute writes compared
with the site first), `orders` (open web orders). docs/targets.md says rule by rule what lands
where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shopsync.site.woocommerce.target import WooCommerceTarget


def open_target(
    url: str,
    token: str | None,
    *,
    retries: int,
    connect_timeout: float,
    read_timeout: float,
    options: dict[str, Any] | None = None,
    **extra: Any,
) -> WooCommerceTarget:
    """What `shopsync.site.factory` calls for `[site] kind = "woocommerce"`. `token`: the
    keyring's one secret "ck_…:cs_…". `options`: "brand_attribute" (`[site]`) and
    "backorder" (the `[backorder]` rule as the Site API's settings body)."""
    from shopsync.site.woocommerce.mapping import BackorderRule
    from shopsync.site.woocommerce.target import DEFAULT_BRAND_ATTRIBUTE, WooCommerceTarget

    options = options or {}
    backorder = options.get("backorder")
    return WooCommerceTarget(
        url,
        token,
        brand_attribute=options.get("brand_attribute") or DEFAULT_BRAND_ATTRIBUTE,
        backorder=BackorderRule.from_wire(backorder) if isinstance(backorder, dict) else None,
        retries=retries,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        **extra,
    )
