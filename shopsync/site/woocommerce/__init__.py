"""The WooCommerce target: the delivery port (`shopsync.sync.port`) over WooCommerce REST v3.

`target.WooCommerceTarget` is what the site factory builds for `[site] kind = "woocommerce"`;
`http` (REST calls over the connector's plumbing), `mapping` (the seed's rules in WooCommerce's
fields, pure), `catalogue` (products and variations read), `batches` (absolute writes compared
with the site first), `orders` (open web orders). docs/targets.md says rule by rule what lands
where.
"""
