"""Web orders are never undone: units sold online and still open on the site are taken off
the ERP's quantity until the ERP shows them.

The sale that decides whether a jeweller trusts online selling: a customer buys the only ring
at 10:00, the site takes its stock to 0, the shop has not yet entered the web order in its ERP,
and at 10:05 an export still says 1. An absolute write of 1 would put it back on sale and sell
it twice. So each run reads the orders the site holds open (`DeliveryTarget.open_orders`:
Site API v1.2 `GET /api/v1/orders?status=open`; WooCommerce's `processing` and `on-hold`
orders) and subtracts their units from the ERP's lines of the same product (and ring size)
before the rules work out the site's state.

When the ERP is taken to have caught up: when the order is no longer open on the site — the
shop completed it (or cancelled or refunded it), the step that follows entering the sale in
its till. Not earlier, and on purpose not from the ERP's quantity going down: a sale at the
counter of the same piece also lowers it, and taking that for the web order would put a sold
ring back online. The price of that choice: while an order already entered in the ERP stays
open, the site shows its units fewer than the shop holds (it undersells; it never oversells).
docs/targets.md says how each target maps this; docs/site-api.md states the rule as part of
the contract (v1.2).

A shop whose ERP takes in its web orders itself (an order import) has them in the next export,
and would rather not undersell until the order is completed: `[site] web_orders_until =
"export"` takes an order as caught up once the ERP wrote an export after it was placed (the
export file's modification time; for an ERP database, the time it was read). That is the
rule to choose only when the ERP really does take the orders in: an export written before
the sale is entered puts it back on sale.

Pure functions: no clock, no store, no I/O.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from shopsync.model import StockLine, WebOrder

Pending = Mapping[tuple[str, str | None], int]  # (catalogue reference, size or None) -> units

# Sites give `placed_at` to the second: an order stamped 10:00:00 was placed before 10:00:01.
# It is taken as written in an export only when that export is surely later.
PLACED_AT_PRECISION = 1.0


def pending_units(
    orders: Iterable[WebOrder], placed_after: float | None = None
) -> dict[tuple[str, str | None], int]:
    """Units in open orders per (reference, size); lines of one order and of several add up.
    `placed_after` (Unix seconds): only the orders placed later count (`until "export"`: the
    ERP is taken to hold those placed before the export it wrote)."""
    pending: dict[tuple[str, str | None], int] = {}
    for order in orders:
        if placed_after is not None and order.placed_at + PLACED_AT_PRECISION <= placed_after:
            continue
        for line in order.lines:
            key = (line.reference, line.size or None)
            pending[key] = pending.get(key, 0) + max(0, line.units)
    return pending


META_KEY = "web_orders_pending"  # the last open orders read, for a run the site did not answer


def dumps(pending: Pending) -> str:
    return json.dumps(sorted([ref, size, units] for (ref, size), units in pending.items()))


def loads(text: str | None) -> dict[tuple[str, str | None], int]:
    """`dumps`' text back; nothing (or a damaged value) is no order."""
    try:
        return {(ref, size): int(units) for ref, size, units in json.loads(text or "[]")}
    except (ValueError, TypeError):
        return {}


def digest(pending: Pending) -> str:
    """A short stable text of `pending`, for the run's fingerprint: a new or completed web
    order is a reason to plan again even when the export did not change."""
    if not pending:
        return ""
    text = repr(sorted((ref, size or "", units) for (ref, size), units in pending.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def deduct(
    groups: dict[str, tuple[StockLine, ...]], pending: Pending
) -> dict[str, tuple[StockLine, ...]]:
    """`groups` (ERP lines per catalogue reference) with open web orders' units taken off.

    An order line for a size takes from that size's lines; one without a size takes from the
    product's lines in order. Quantities never go below zero. Returns the changed groups only
    (the caller updates its dict), so a run without web orders costs nothing.
    """
    changed: dict[str, list[StockLine]] = {}
    for (reference, size), units in sorted(pending.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        lines = changed.get(reference)
        if lines is None:
            found = groups.get(reference)
            if not found:
                continue
            lines = changed[reference] = list(found)
        left = units
        for i, line in enumerate(lines):
            if left <= 0:
                break
            if size is not None and line.size != size:
                continue
            take = min(left, max(0, line.quantity))
            if take:
                lines[i] = line._replace(quantity=line.quantity - take)
                left -= take
    return {ref: tuple(lines) for ref, lines in changed.items()}
