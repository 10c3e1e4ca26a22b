"""The seed's publishing rules: pure functions from (ERP read, catalogue, choices) to site states.

Every rule is a small function so that each can be tested on its own and the engine stays a
plain pipeline. Nothing here does I/O or knows about SQLite or HTTP.
"""

from __future__ import annotations

import enum
import functools
import operator
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress, repeat

from shopsync.model import (
    Availability,
    CatalogProduct,
    ProductState,
    SizeState,
    StockLine,
    format_price,
)


class BrandMode(enum.StrEnum):
    """What the site does with one brand's products (`brands.mode`, `[rules] new_brands`).

    A StrEnum: the values are the strings stored in SQLite and written in config.toml."""

    STOCK = "stock"  # published from the ERP's stock and prices
    PREORDER = "preorder"  # every catalogue product published, orderable before it is in stock
    OFF = "off"  # never on the site
    UNMAPPED = "unmapped"  # not decided yet: off until the shop chooses


class Unpublished(enum.StrEnum):
    """Why the rules keep a catalogue product off the site (`Desired.reasons`). A StrEnum:
    its values are the English words stored and compared before it existed. The export's
    counting (sync/counts.py) sorts connected references by these."""

    BRAND_UNMAPPED = "brand not mapped"  # the brand is not decided yet (or has no name)
    BRAND_OFF = "brand off the site"
    NOT_IN_ERP = "not in the ERP"
    STATUS = "held by its ERP status"


MODES = (BrandMode.STOCK, BrandMode.PREORDER, BrandMode.OFF)  # what a shop may choose
UNMAPPED = BrandMode.UNMAPPED
# Modes whose ERP items the platform should list when the catalogue lacks them.
WANTED_MODES = frozenset({BrandMode.STOCK, BrandMode.PREORDER})
_BRAND = operator.attrgetter("brand")
_REFERENCE = operator.attrgetter("reference")
# When several ERP brands point at one site brand, the most visible choice wins.
_MODE_RANK = {BrandMode.PREORDER: 3, BrandMode.STOCK: 2, BrandMode.OFF: 1, BrandMode.UNMAPPED: 0}


@functools.lru_cache(maxsize=4096)
def fold_brand(name: str | None) -> str:
    """Brands are compared without case, accents or surrounding spaces ("TISSOT" == "Tissot")."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class BrandMapping:
    erp_brand: str
    site_brand: str | None  # None: same name as the ERP brand
    mode: str  # a BrandMode value (plain str when read back from SQLite; StrEnum compares equal)
    decided: bool = True


@dataclass(frozen=True, slots=True)
class RuleOptions:
    new_brands: str = BrandMode.UNMAPPED
    hold_statuses: frozenset[str] = frozenset()
    preorder_statuses: frozenset[str] = frozenset()
    backorder: bool = False

    @classmethod
    def from_settings(cls, settings) -> RuleOptions:  # settings: shopsync.config.Settings
        return cls(
            new_brands=settings.rules.new_brands,
            hold_statuses=frozenset(_fold_status(s) for s in settings.rules.hold_statuses),
            preorder_statuses=frozenset(_fold_status(s) for s in settings.rules.preorder_statuses),
            backorder=settings.backorder.enabled,
        )


@dataclass(slots=True)
class Desired:
    """The rules' answer for one run."""

    states: dict[str, ProductState] = field(default_factory=dict)
    unmatched: list[StockLine] = field(default_factory=list)  # ERP items not in the catalogue
    new_brands: list[str] = field(default_factory=list)  # ERP brands seen for the first time
    reasons: dict[str, str] = field(default_factory=dict)  # why a product is unpublished
    keys: dict[str, str] = field(default_factory=dict)  # state_key per reference
    groups: dict[str, tuple[StockLine, ...]] = field(default_factory=dict)  # lines per reference
    site_modes: dict[str, str] = field(default_factory=dict)  # folded site brand -> mode
    catalog: Mapping[str, CatalogProduct] | None = None  # the catalogue these states are for


@functools.lru_cache(maxsize=1024)
def _fold_status(status: str | None) -> str:
    return " ".join((status or "").split()).casefold()


def resolve_brands(
    erp_brands: Iterable[str], mappings: Mapping[str, BrandMapping], new_brands: str
) -> tuple[dict[str, BrandMapping], list[str]]:
    """Every ERP brand gets a mapping; a brand never seen takes the `new_brands` default.

    Returns the full mapping (keyed by folded ERP brand) and the brands that were new."""
    full = dict(mappings)
    new: list[str] = []
    for brand in erp_brands:
        key = fold_brand(brand)
        if not key or key in full:
            continue
        full[key] = BrandMapping(brand, None, new_brands, decided=new_brands != BrandMode.UNMAPPED)
        new.append(brand)
    return full, new


def site_brand_modes(mappings: Mapping[str, BrandMapping]) -> dict[str, str]:
    """Folded site brand -> mode; a site brand no ERP brand points at has no entry."""
    modes: dict[str, str] = {}
    for mapping in mappings.values():
        target = fold_brand(mapping.site_brand or mapping.erp_brand)
        current = modes.get(target)
        if current is None or _MODE_RANK[mapping.mode] > _MODE_RANK[current]:
            modes[target] = mapping.mode
    return modes


def unpublished(reference: str) -> ProductState:
    """Hidden products carry no stock or price, so their ERP movements cause no uploads."""
    return ProductState(reference, False, Availability.OUT_OF_STOCK, 0, None, ())


def stock_figures(
    product: CatalogProduct, lines: Sequence[StockLine]
) -> tuple[int, Decimal | None, tuple[SizeState, ...]]:
    """Quantity, price and sizes of one product from its ERP lines (ring sizes, TLD column).

    A product with sizes: each size its own quantity and price; the product's quantity is the
    sum and its price the lowest size price. Otherwise the highest price is kept (a merge of
    lines that the ERP priced differently should not undersell)."""
    quantity = sum(line.quantity for line in lines)
    if product.has_sizes:
        per_size: dict[str, list[StockLine]] = {}
        for line in lines:
            if line.size is not None:
                per_size.setdefault(line.size, []).append(line)
        if per_size:
            sizes = []
            for size in sorted(per_size, key=_size_key):
                group = per_size[size]
                prices = [ln.price for ln in group if ln.price is not None]
                sizes.append(
                    SizeState(size, sum(ln.quantity for ln in group), max(prices) if prices else None)
                )
            size_prices = [s.price for s in sizes if s.price is not None]
            return quantity, (min(size_prices) if size_prices else None), tuple(sizes)
    prices = [line.price for line in lines if line.price is not None]
    return quantity, (max(prices) if prices else None), ()


def _size_key(size: str) -> tuple[int, float, str]:
    try:
        return (0, float(size), size)
    except ValueError:
        return (1, 0.0, size)


def product_state(
    product: CatalogProduct, lines: Sequence[StockLine], mode: str | None, options: RuleOptions
) -> tuple[ProductState, str | None]:
    """One catalogue product's site state and, when unpublished, why."""
    ref = product.reference
    if mode is None or mode == BrandMode.UNMAPPED:
        return unpublished(ref), Unpublished.BRAND_UNMAPPED
    if mode == BrandMode.OFF:
        return unpublished(ref), Unpublished.BRAND_OFF
    quantity, price, sizes = stock_figures(product, lines)
    if mode == BrandMode.PREORDER:
        return ProductState(ref, True, Availability.PREORDER, quantity, price, sizes), None
    if not lines:
        return unpublished(ref), Unpublished.NOT_IN_ERP
    if options.hold_statuses or options.preorder_statuses:
        statuses = {_fold_status(line.status) for line in lines}
        if statuses & options.hold_statuses:
            return unpublished(ref), Unpublished.STATUS
        if statuses & options.preorder_statuses:
            return ProductState(ref, True, Availability.PREORDER, quantity, price, sizes), None
    if quantity > 0:
        availability = Availability.IN_STOCK
    elif options.backorder:
        availability = Availability.BACKORDER
    else:
        availability = Availability.OUT_OF_STOCK
    return ProductState(ref, True, availability, quantity, price, sizes), None


def desired_states(
    lines: Iterable[StockLine],
    catalog: Mapping[str, CatalogProduct],
    connections: Mapping[str, str],
    mappings: Mapping[str, BrandMapping],
    options: RuleOptions,
    previous: Desired | None = None,
    web_orders: Mapping[tuple[str, str | None], int] | None = None,
) -> Desired:
    """The whole site's desired state: one ProductState per catalogue reference.

    `connections` maps ERP references to catalogue references (exact, normalized or accepted
    aliases: see shopsync.matching.connect). `previous` is the result of a run with the same
    catalogue, mappings and options: products whose ERP lines are unchanged keep their state
    and key without being worked out again (a sale touches one product in 10^5).
    `web_orders`: units in the site's open web orders per (reference, size), taken off the
    ERP's lines first."""
    lines = list(lines)
    erp_brands = sorted(b for b in set(map(_BRAND, lines)) if b)
    full, new = resolve_brands(erp_brands, mappings, options.new_brands)
    by_site_brand = site_brand_modes(full)
    result = Desired(new_brands=new, site_modes=by_site_brand)
    if previous is not None and previous.site_modes != by_site_brand:
        previous = None  # a brand's mode moved (a new brand took the default): start afresh

    per_product, unmatched = group_lines(lines, connections, catalog)
    unmatched_seen: set[str] = set()
    for line in unmatched:
        mapping = full.get(fold_brand(line.brand))
        wanted = mapping is not None and mapping.mode in WANTED_MODES
        if wanted and line.reference not in unmatched_seen:
            unmatched_seen.add(line.reference)
            result.unmatched.append(line)

    groups: dict[str, tuple[StockLine, ...]] = dict.fromkeys(catalog, ())
    groups.update(per_product)
    if web_orders:  # units sold online and still open: never undone (sync/web_orders.py)
        from shopsync.sync.web_orders import deduct

        groups.update(deduct(groups, web_orders))
    result.groups = groups
    result.catalog = catalog
    if previous is not None and previous.catalog is catalog:
        # Same catalogue object, so both dicts list the products in the same order: compare
        # them pairwise in C (a sale touches one product among 10^5).
        todo = list(compress(groups, map(operator.ne, groups.values(), previous.groups.values())))
    elif previous is not None and previous.groups.keys() == groups.keys():
        todo = [ref for ref, _ in groups.items() - previous.groups.items()]
    else:
        previous = None
    if previous is not None:
        result.states = dict(previous.states)
        result.keys = dict(previous.keys)
        result.reasons = dict(previous.reasons)
    else:
        todo = list(groups)
    for ref in todo:
        product, product_lines = catalog[ref], groups[ref]
        mode = by_site_brand.get(fold_brand(product.brand))
        if mode is None and product_lines:
            erp_mapping = full.get(fold_brand(product_lines[0].brand))
            mode = erp_mapping.mode if erp_mapping else None
        state, reason = product_state(product, product_lines, mode, options)
        result.states[ref] = state
        result.keys[ref] = state_key(state)
        if reason:
            result.reasons[ref] = reason
        else:
            result.reasons.pop(ref, None)
    return result


def group_lines(
    lines: list[StockLine], connections: Mapping[str, str], catalog: Mapping[str, CatalogProduct]
) -> tuple[dict[str, tuple[StockLine, ...]], list[StockLine]]:
    """ERP lines per catalogue reference, and the lines that match none.

    Most products have one line: those are grouped by C loops (dict over zip), and only the
    references with several lines (ring sizes, two ERP spellings of one product) by Python."""
    targets = list(map(connections.get, map(_REFERENCE, lines)))
    counts = Counter(targets)
    unmatched = (
        list(compress(lines, map(operator.is_, targets, repeat(None)))) if None in counts else []
    )
    several = {t for t, n in counts.items() if n > 1 and t is not None}
    groups: dict[str, tuple[StockLine, ...]] = dict(zip(targets, zip(lines), strict=True))
    groups.pop(None, None)  # type: ignore[call-overload]
    stray = groups.keys() - catalog.keys()  # a connection to a reference the catalogue lost
    if stray:
        unmatched += [ln for ln, t in zip(lines, targets, strict=True) if t in stray]
        for target in stray:
            del groups[target]
    if several:
        multi: dict[str, list[StockLine]] = {t: [] for t in several}
        for line, target in zip(lines, targets, strict=True):
            if target in several:
                multi[target].append(line)
        groups.update((t, tuple(group)) for t, group in multi.items())
    return groups, unmatched


def state_key(state: ProductState) -> str:
    """A compact, stable text of a state: equal keys mean nothing to upload. The site's side
    of the same key is `wire_key`."""
    sizes = ",".join(f"{s.size}:{s.quantity}:{format_price(s.price)}" for s in state.sizes)
    return (
        f"{int(state.published)}|{state.availability}|{state.quantity}|"
        f"{format_price(state.price)}|{sizes}"
    )


def wire_key(wire: Mapping) -> str:
    """`state_key` of a Site API item (what the site shows)."""
    sizes = ",".join(f"{s['size']}:{s['quantity']}:{s.get('price')}" for s in wire.get("sizes") or [])
    return (
        f"{int(bool(wire.get('published')))}|{wire.get('availability')}|"
        f"{wire.get('quantity', 0)}|{wire.get('price')}|{sizes}"
    )


def unpublish_threshold(published: int, min_count: int, max_share: float) -> int:
    """How many unpublishings one run may do without a person's yes."""
    return max(min_count, int(max_share * published))
