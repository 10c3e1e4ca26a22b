"""The seed's rules in WooCommerce's words, both ways (pure: no I/O).

- Reading: a WooCommerce product (and its variations) → the catalogue entry (`CatalogProduct`:
  reference = SKU, brand from the `product_brand` taxonomy or a named attribute, ring sizes =
  the options of the variation attribute) and → the Site API product state that the engine
  observes (`wire_state`).
- Writing: a Site API batch item (what the engine decided) + what the site shows now →
  the fields to change (`plan_item`), only those that differ: WooCommerce has no idempotency
  key, so a write is absolute and skipped when the site already shows it.

Where each rule lands (docs/targets.md has the table):
- published → `status` publish / draft (never deleted: a draft keeps its page, photos, SEO);
- stock → `manage_stock: true` always (trap #11943: with it off WooCommerce drops
  `stock_quantity` with a 200) and `stock_quantity`; WooCommerce derives `stock_status`;
- backorder (the seed's site-wide rule) → `backorders: notify` and the rule's text, restocking
  delay included, in the product meta `_shopsync_backorder_message` for the theme to show;
- pre-order → `backorders: notify` and meta `_shopsync_availability = preorder`;
- ring sizes → the variations of a variable product, written only through variations/batch
  (trap #11736), each with its own stock and its TLD price; the parent's `stock_status` is
  never written nor read (trap #34869: ignored with a 200, derived from the variations).
- the state's version → meta `_shopsync_version`, written last with the parent, so a version
  on the site means the whole state reached it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from shopsync.model import Availability, CatalogProduct
from shopsync.rules import fold_brand


class WooStatus(StrEnum):
    PUBLISH = "publish"
    DRAFT = "draft"
    PENDING = "pending"
    PRIVATE = "private"


class StockStatus(StrEnum):
    IN_STOCK = "instock"
    OUT_OF_STOCK = "outofstock"
    ON_BACKORDER = "onbackorder"


class Backorders(StrEnum):
    NO = "no"
    NOTIFY = "notify"  # allowed, and the customer is told
    YES = "yes"


class ProductType(StrEnum):
    SIMPLE = "simple"
    VARIABLE = "variable"


class Reason(StrEnum):
    """Per-item refusals that ShopSync decides before anything is sent (the Site API's codes
    where one fits; WooCommerce's own per-item error codes pass through as they are)."""

    UNKNOWN_REFERENCE = "unknown_reference"
    DUPLICATE_REFERENCE = "duplicate_reference"  # two WooCommerce products share the SKU
    UNEXPECTED_SIZES = "unexpected_sizes"
    MISSING_SIZES = "missing_sizes"  # a variable product needs per-size stock
    UNSUPPORTED_TYPE = "unsupported_type"  # grouped, external…: no stock of their own
    STALE_VERSION = "stale_version"


META_VERSION = "_shopsync_version"
META_AVAILABILITY = "_shopsync_availability"
META_BACKORDER_MESSAGE = "_shopsync_backorder_message"
ORDERABLE_WHEN_OUT = frozenset({Availability.BACKORDER, Availability.PREORDER})


@dataclass(frozen=True, slots=True)
class BackorderRule:
    """The seed's site-wide rule (`[backorder]`, the Site API's shop settings)."""

    enabled: bool = False
    restock_days: int = 10
    message: str = ""

    @classmethod
    def from_wire(cls, settings: dict[str, Any]) -> BackorderRule:
        rule = settings.get("backorder") or {}
        return cls(
            bool(rule.get("enabled", False)),
            int(rule.get("restock_days", 10)),
            str(rule.get("message", "")),
        )

    def text(self) -> str:
        """The message as the customer reads it ({days} replaced, other braces as typed)."""
        return self.message.replace("{days}", str(self.restock_days))


# --- reading -------------------------------------------------------------------------------


def meta(record: dict[str, Any], key: str) -> str | None:
    for entry in record.get("meta_data") or []:
        if isinstance(entry, dict) and entry.get("key") == key:
            value = entry.get("value")
            return None if value is None else str(value)
    return None


def brand_of(product: dict[str, Any], brand_attribute: str) -> str:
    """The `product_brand` taxonomy (WooCommerce 9.6+: `brands`) first, else the attribute
    named in `[site] brand_attribute` (compared without case or accents)."""
    brands = product.get("brands")
    if isinstance(brands, list):
        for brand in brands:
            if isinstance(brand, dict) and str(brand.get("name") or "").strip():
                return str(brand["name"]).strip()
    wanted = fold_brand(brand_attribute)
    for attribute in product.get("attributes") or []:
        if isinstance(attribute, dict) and fold_brand(str(attribute.get("name") or "")) == wanted:
            options = attribute.get("options") or []
            if options:
                return str(options[0]).strip()
    return ""


def size_attribute(product: dict[str, Any]) -> dict[str, Any] | None:
    """The attribute the variations are cut by (ring size): the first `variation: true` one."""
    for attribute in product.get("attributes") or []:
        if isinstance(attribute, dict) and attribute.get("variation"):
            return attribute
    return None


def size_of(variation: dict[str, Any], attribute_name: str) -> str | None:
    for attribute in variation.get("attributes") or []:
        if isinstance(attribute, dict) and attribute.get("name") == attribute_name:
            option = attribute.get("option")
            return None if option in (None, "") else str(option)
    return None


def catalog_product(product: dict[str, Any], brand_attribute: str) -> CatalogProduct:
    sizes: tuple[str, ...] = ()
    variable = product.get("type") == ProductType.VARIABLE
    if variable:
        attribute = size_attribute(product)
        sizes = tuple(str(o) for o in (attribute or {}).get("options") or [])
    return CatalogProduct(
        reference=str(product["sku"]),
        brand=brand_of(product, brand_attribute),
        title=str(product.get("name") or ""),
        has_sizes=variable,
        sizes=sizes,
    )


def price_text(value: object) -> str | None:
    """WooCommerce's price string ("890", "890.00", "") → the Site API's "890.00" or None."""
    if value in (None, ""):
        return None
    try:
        return f"{Decimal(str(value)).quantize(Decimal('0.01'))}"
    except InvalidOperation:
        return None


def _quantity(record: dict[str, Any]) -> int:
    value = record.get("stock_quantity")
    return value if isinstance(value, int) and value > 0 else 0


def _size_sort(size: str) -> tuple[int, float, str]:
    try:
        return (0, float(size), size)
    except ValueError:
        return (1, 0.0, size)


def wire_state(product: dict[str, Any], variations: list[dict[str, Any]]) -> dict[str, Any]:
    """What the storefront shows, as a Site API product state. A product that is not published
    reads as the Site API's hidden state (so that the engine's "already hidden" holds)."""
    version_text = meta(product, META_VERSION)
    version = int(version_text) if version_text and version_text.isdigit() else None
    state: dict[str, Any] = {
        "reference": str(product.get("sku") or ""),
        "published": False,
        "availability": str(Availability.OUT_OF_STOCK),
        "quantity": 0,
        "price": None,
        "sizes": [],
        "version": version,
    }
    if product.get("status") != WooStatus.PUBLISH:
        return state
    if product.get("type") == ProductType.VARIABLE:
        attribute = size_attribute(product)
        name = str((attribute or {}).get("name") or "")
        sizes = []
        for variation in variations:
            size = size_of(variation, name)
            if size is not None:
                sizes.append(
                    {
                        "size": size,
                        "quantity": _quantity(variation),
                        "price": price_text(variation.get("regular_price")),
                    }
                )
        sizes.sort(key=lambda s: _size_sort(s["size"]))
        statuses = {v.get("stock_status") for v in variations}
        prices = [Decimal(s["price"]) for s in sizes if s["price"] is not None]
        quantity = sum(s["quantity"] for s in sizes)
        price = f"{min(prices)}" if prices else None
        orderable_out = StockStatus.ON_BACKORDER in statuses
    else:
        sizes = []
        quantity = _quantity(product)
        price = price_text(product.get("regular_price"))
        statuses = {product.get("stock_status")}
        orderable_out = product.get("stock_status") == StockStatus.ON_BACKORDER
    if meta(product, META_AVAILABILITY) == Availability.PREORDER:
        availability = Availability.PREORDER
    elif quantity > 0 or StockStatus.IN_STOCK in statuses and not orderable_out:
        availability = Availability.IN_STOCK
    elif orderable_out:
        availability = Availability.BACKORDER
    else:
        availability = Availability.OUT_OF_STOCK
    state.update(
        published=True, availability=str(availability), quantity=quantity, price=price, sizes=sizes
    )
    return state


# --- writing -------------------------------------------------------------------------------


@dataclass(slots=True)
class ItemPlan:
    """What one batch item needs on WooCommerce: nothing (`done`), a refusal, or the changed
    fields of the product (`product`, without its id) and of its variations (`variations`,
    each with its id). Variations go first, the product (carrying the version) last."""

    reference: str
    product: dict[str, Any] | None = None
    variations: list[dict[str, Any]] = field(default_factory=list)
    rejection: str | None = None
    ignored: str | None = None
    unknown_sizes: tuple[str, ...] = ()

    @property
    def writes(self) -> bool:
        return bool(self.product or self.variations)


def _same(key: str, current: object, desired: object) -> bool:
    if key == "regular_price":  # "890" on the site is "890.00" sent
        return price_text(current) == price_text(desired)
    if isinstance(desired, bool | int):
        return current == desired and type(current) is type(desired)
    return ("" if current is None else str(current)) == str(desired)


def _diff(current: dict[str, Any], desired: dict[str, Any]) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    for key, value in desired.items():
        if key == "meta_data":
            metas = [m for m in value if meta(current, m["key"]) != m["value"]]
            if metas:
                changed[key] = metas
        elif not _same(key, current.get(key), value):
            changed[key] = value
    return changed


def _stock_fields(quantity: int, orderable_when_out: bool) -> dict[str, Any]:
    return {
        "manage_stock": True,  # trap #11943: without it stock_quantity is dropped
        "stock_quantity": max(0, int(quantity)),
        "backorders": str(Backorders.NOTIFY if orderable_when_out else Backorders.NO),
    }


def plan_item(
    item: dict[str, Any],
    product: dict[str, Any],
    variations: list[dict[str, Any]],
    rule: BackorderRule,
) -> ItemPlan:
    """The WooCommerce writes for one Site API batch item, given what the site shows."""
    reference = str(item["reference"])
    plan = ItemPlan(reference)
    kind = product.get("type")
    sizes = item.get("sizes") or []
    if kind not in (ProductType.SIMPLE, ProductType.VARIABLE):
        plan.rejection = Reason.UNSUPPORTED_TYPE
        return plan
    version = item.get("version")
    site_version = meta(product, META_VERSION)
    if (
        isinstance(version, int)
        and site_version is not None
        and site_version.isdigit()
        and int(site_version) >= version
    ):
        # The site holds this state or a newer one: what differs since (a web order, a hand
        # edit) is not ours to undo; a replayed batch after a lost answer ends here.
        plan.ignored = Reason.STALE_VERSION
        return plan
    published = bool(item.get("published"))
    desired: dict[str, Any] = {"status": str(WooStatus.PUBLISH if published else WooStatus.DRAFT)}
    availability = str(item.get("availability"))
    if published:
        orderable = availability in ORDERABLE_WHEN_OUT
        desired["meta_data"] = [
            {"key": META_AVAILABILITY, "value": availability},
            {
                "key": META_BACKORDER_MESSAGE,
                "value": rule.text()
                if orderable or (kind == ProductType.VARIABLE and rule.enabled)
                else "",
            },
        ]
        if kind == ProductType.SIMPLE:
            if sizes:
                plan.rejection = Reason.UNEXPECTED_SIZES
                return plan
            desired.update(_stock_fields(int(item.get("quantity") or 0), orderable))
            desired["regular_price"] = item.get("price") or ""
        else:
            if not sizes:
                plan.rejection = Reason.MISSING_SIZES
                return plan
            plan.variations, plan.unknown_sizes = _variation_writes(
                product, variations, sizes, orderable or rule.enabled, item.get("price")
            )
    changed = _diff(product, desired)
    if changed or plan.variations:
        meta_data = changed.setdefault("meta_data", [])
        meta_data.append({"key": META_VERSION, "value": str(version)})
        plan.product = changed
    return plan


def _variation_writes(
    product: dict[str, Any],
    variations: list[dict[str, Any]],
    sizes: list[dict[str, Any]],
    orderable_when_out: bool,
    product_price: str | None,
) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """Per variation: its size's stock and TLD price. A size the ERP does not list has no
    stock and the product's price (the lowest the ERP gave): only prices written in the ERP
    ever show (seed §10: "with one size and one price in the ERP, only that price shows").
    Sizes with no variation are returned apart."""
    attribute = size_attribute(product)
    name = str((attribute or {}).get("name") or "")
    wanted = {str(s["size"]): s for s in sizes}
    writes = []
    seen: set[str] = set()
    for variation in variations:
        size = size_of(variation, name)
        if size is None:
            continue
        seen.add(size)
        entry = wanted.get(size)
        desired = _stock_fields(int(entry["quantity"]) if entry else 0, orderable_when_out)
        if entry is not None:
            desired["regular_price"] = entry.get("price") or product_price or ""
        elif product_price:
            desired["regular_price"] = product_price
        changed = _diff(variation, desired)
        if changed:
            writes.append({"id": variation["id"], **changed})
    unknown = tuple(sorted(set(wanted) - seen, key=_size_sort))
    return writes, unknown
