"""One engine batch on WooCommerce: read what the site shows, write only what differs.

WooCommerce ignores idempotency keys, so exactly-once rests on three things here:
1. writes are absolute (`stock_quantity: 3`), so applying one twice equals applying it once;
2. each item is compared with the site's current state first and nothing is sent when they
   match: a run interrupted after its batch went out, and repeated, sends nothing new;
3. the state's version is written with the product, after its variations: a site showing
   the version (or a newer one) has the whole state, and what changed there since — a web
   order, a hand edit — is not undone (`ignored: stale_version`, as the Site API answers).
Products are only ever updated by the id found for their SKU; ShopSync never creates one, so
no retry can make a duplicate. 25 writes per request (WooCommerce's limit is 100; 101 → 413).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from shopsync.errors import SiteRejected, SiteUnreachable
from shopsync.site.protocol import ItemResult
from shopsync.site.woocommerce import catalogue
from shopsync.site.woocommerce.catalogue import SkuIndex
from shopsync.site.woocommerce.http import WooHttp
from shopsync.site.woocommerce.mapping import BackorderRule, ItemPlan, Reason, plan_item

log = logging.getLogger("shopsync.site.woocommerce")

# WooCommerce takes up to 100 writes a request (101 → 413), but saves them one by one: on the
# live server a 100-product update outlasted the 30 s read timeout on a busy machine. 25 a
# request keeps each answer short; a request costs little next to its products' saves.
WRITE_CHUNK = 25


def send(
    http: WooHttp,
    index: SkuIndex,
    items: list[dict[str, Any]],
    rule: BackorderRule,
) -> list[ItemResult]:
    """The verdict per item, in order. A write that fails (429, 5xx, a lost answer) is not
    sent again blindly: the site is read again and only what still differs goes, with the
    usual backoff between attempts — so a write whose answer was lost, then a web order,
    then the retry, never puts the sold piece back on sale."""
    attempt = 0
    while True:
        try:
            return _send_once(http, index, items, rule)
        except SiteUnreachable as failure:
            if not http.wait_before_retry(attempt, failure):
                raise
            attempt += 1


def _send_once(
    http: WooHttp,
    index: SkuIndex,
    items: list[dict[str, Any]],
    rule: BackorderRule,
) -> list[ItemResult]:
    verdicts: dict[int, ItemResult] = {}
    located: list[tuple[int, dict[str, Any], int]] = []  # (position, item, product id)
    for position, item in enumerate(items):
        reference = str(item["reference"])
        entry = index.entries.get(reference)
        if entry is None:
            reason = (
                Reason.DUPLICATE_REFERENCE
                if reference in index.ambiguous
                else Reason.UNKNOWN_REFERENCE
            )
            verdicts[position] = ItemResult(reference, "rejected", str(reason))
        else:
            located.append((position, item, entry.id))
    current = catalogue.products_by_id(http, sorted({pid for _, _, pid in located}))
    variations = catalogue.variations_for(http, current.values())
    plans: list[tuple[int, ItemPlan, int]] = []
    for position, item, pid in located:
        product = current.get(pid)
        if product is None:  # gone (trashed) since the index was read
            verdicts[position] = ItemResult(
                item["reference"], "rejected", str(Reason.UNKNOWN_REFERENCE)
            )
            continue
        plan = plan_item(item, product, variations.get(pid, []), rule)
        if plan.unknown_sizes:
            log.warning(
                "%s: sizes %s have no variation on the shop; the other sizes are written",
                plan.reference,
                ", ".join(plan.unknown_sizes),
            )
        if plan.rejection:
            verdicts[position] = ItemResult(plan.reference, "rejected", str(plan.rejection))
        elif plan.ignored:
            verdicts[position] = ItemResult(plan.reference, "ignored", str(plan.ignored))
        elif not plan.writes:
            verdicts[position] = ItemResult(plan.reference, "accepted")
        else:
            plans.append((position, plan, pid))
    errors = _write_variations(http, plans)
    errors.update(
        _write_products(http, [(pos, p, pid) for pos, p, pid in plans if pid not in errors])
    )
    for position, plan, pid in plans:
        error = errors.get(pid)
        verdicts[position] = (
            ItemResult(plan.reference, "rejected", error)
            if error
            else ItemResult(plan.reference, "accepted")
        )
    return [verdicts[i] for i in range(len(items))]


def _chunks(rows: list[Any]) -> list[list[Any]]:
    return [rows[i : i + WRITE_CHUNK] for i in range(0, len(rows), WRITE_CHUNK)]


def _item_error(answer: dict[str, Any]) -> str | None:
    error = answer.get("error") if isinstance(answer, dict) else None
    if isinstance(error, dict):
        return str(error.get("code") or "woocommerce_error")
    return None


def _batch(
    http: WooHttp, path: str, updates: list[dict[str, Any]], owner: Callable[[dict], int]
) -> dict[int, str]:
    """POST …/batch {"update": [...]} in chunks; per-item errors by owning product id."""
    errors: dict[int, str] = {}
    for chunk in _chunks(updates):
        answer = http.post(path, {"update": chunk})
        results = answer.get("update") if isinstance(answer, dict) else None
        if not isinstance(results, list) or len(results) != len(chunk):
            raise SiteRejected(
                f"POST /{path}: the answer does not list the {len(chunk)} updates sent"
            )
        for sent, result in zip(chunk, results, strict=True):
            error = _item_error(result)
            if error:
                errors.setdefault(owner(sent), error)
    return errors


def _write_variations(http: WooHttp, plans: list[tuple[int, ItemPlan, int]]) -> dict[int, str]:
    """Sizes first, through variations/batch only (trap #11736: variations sent inside
    products/{id} do nothing, with a 200)."""
    errors: dict[int, str] = {}
    for _, plan, pid in plans:
        if plan.variations:
            errors.update(
                _batch(
                    http, f"products/{pid}/variations/batch", plan.variations, lambda _v, p=pid: p
                )
            )
    return errors


def _write_products(http: WooHttp, plans: list[tuple[int, ItemPlan, int]]) -> dict[int, str]:
    updates = [{"id": pid, **plan.product} for _, plan, pid in plans if plan.product]
    return _batch(http, "products/batch", updates, lambda sent: sent["id"])
