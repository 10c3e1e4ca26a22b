"""The conformance suite: one set of checks that every delivery target must pass — our sandbox,
the WooCommerce target, and any live site (`shopsync conformance --site URL`), so that the
platform can check its own Site API implementation, and a WooCommerce shop its set-up.

What it checks, through the delivery port only (the engine's own view of a site): the seed's
rules as the site shows them after a write (in stock, sold out, backorder, pre-order,
unpublished but never deleted, ring sizes with their own prices), replay safety (the same batch
twice; an older version after a newer one), an unknown reference refused and never created,
paging (no reference twice, the announced size), the site-wide backorder rule, and web orders
(readable; with a `sell` hook, a sale shows as an open order and lowers the stock).

Safety on a live site: it writes ONLY to catalogue products whose reference starts with the
prefix (`SHOPSYNC-CONFORMANCE-` by default), which the platform creates for the purpose: one
plain product and one sold by size. It leaves them unpublished. It never touches any other
product, and it puts the site-wide backorder rule back as it found it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from shopsync.errors import ShopSyncError
from shopsync.model import CatalogProduct
from shopsync.sync.port import Capability, DeliveryTarget, can

DEFAULT_PREFIX = "SHOPSYNC-CONFORMANCE-"


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    outcome: Outcome
    detail: str = ""


@dataclass
class Report:
    target: str
    results: list[CheckResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.outcome is not Outcome.FAILED for r in self.results)

    def counts(self) -> dict[str, int]:
        return {o.value: sum(r.outcome is o for r in self.results) for o in Outcome}

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "passed": self.passed,
            "counts": self.counts(),
            "checks": [
                {"name": r.name, "outcome": r.outcome.value, "detail": r.detail}
                for r in self.results
            ],
        }


class CheckFailed(AssertionError):
    """A check saw the site answer other than the contract says."""


Seller = Callable[[str, str | None], None]  # (reference, size) -> a customer buys one


class Suite:
    """The checks, run in order against one target."""

    def __init__(
        self,
        target: DeliveryTarget,
        *,
        prefix: str = DEFAULT_PREFIX,
        sell: Seller | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.target = target
        self.prefix = prefix
        self.sell = sell
        self.clock = clock
        self._version = 0
        self.plain: CatalogProduct | None = None
        self.sized: CatalogProduct | None = None

    # -- helpers ---------------------------------------------------------------------------

    def _next_version(self, reference: str) -> int:
        state = self._state(reference)
        current = int((state or {}).get("version") or 0)
        self._version = max(self._version + 1, current + 1, int(self.clock() * 1000))
        return self._version

    def _state(self, reference: str) -> dict[str, Any] | None:
        """The product as the site shows it now: one request, not the whole catalogue (a live
        WooCommerce of 2,000 products took about a minute per read of them all)."""
        return self.target.product(reference)

    def _write(self, item: dict[str, Any], key: str | None = None) -> Any:
        item = {"sizes": [], "price": None, **item}
        if "version" not in item:
            item["version"] = self._next_version(item["reference"])
        key = key or f"conformance-{item['reference']}-{item['version']}"
        (result,) = self.target.send_batch([item], key)
        return result

    def _expect(self, reference: str, **wanted: Any) -> dict[str, Any]:
        state = self._state(reference)
        if state is None:
            raise CheckFailed(f"{reference}: not listed by the site after the write")
        for name, value in wanted.items():
            seen = state.get(name)
            if name == "price" and seen is not None and value is not None:
                seen, value = f"{float(seen):.2f}", f"{float(value):.2f}"
            if seen != value:
                raise CheckFailed(f"{reference}: {name} is {seen!r}, expected {value!r}")
        return state

    # -- the checks ------------------------------------------------------------------------

    def check_health(self) -> str:
        answer = self.target.health()
        if not isinstance(answer, dict):
            raise CheckFailed("the health answer is not an object")
        return f"kind {self.target.kind}"

    def check_catalogue_paging(self) -> str:
        announced = self.target.health().get("catalog_size")
        catalog = self.target.catalog()
        references = Counter(p.reference for p in catalog)
        twice = sorted(r for r, n in references.items() if n > 1)
        if twice:
            raise CheckFailed(f"references listed twice: {twice[:3]}")
        if isinstance(announced, int) and announced != len(catalog):
            raise CheckFailed(f"announced {announced} products, listed {len(catalog)}")
        mine = [p for p in catalog if p.reference.startswith(self.prefix)]
        self.plain = next((p for p in mine if not p.has_sizes), None)
        self.sized = next((p for p in mine if p.has_sizes and len(p.sizes) >= 2), None)
        if self.plain is None or self.sized is None:
            raise CheckFailed(
                f"the catalogue needs two test products whose reference starts with "
                f"{self.prefix!r}: one plain, one sold by size (two sizes or more)"
            )
        return f"{len(catalog)} products, test products {self.plain.reference}, {self.sized.reference}"

    def check_in_stock(self) -> str:
        ref = self._plain()
        result = self._write(
            {"reference": ref, "published": True, "availability": "in_stock",
             "quantity": 3, "price": "123.00"}
        )
        _accepted(result)
        self._expect(ref, published=True, availability="in_stock", quantity=3, price="123.00")
        return "published, 3 in stock at 123.00"

    def check_sold_out(self) -> str:
        ref = self._plain()
        _accepted(self._write({"reference": ref, "published": True,
                               "availability": "out_of_stock", "quantity": 0, "price": "123.00"}))
        self._expect(ref, published=True, availability="out_of_stock", quantity=0)
        return "sold out, still published"

    def check_backorder(self) -> str:
        ref = self._plain()
        _accepted(self._write({"reference": ref, "published": True,
                               "availability": "backorder", "quantity": 0, "price": "123.00"}))
        self._expect(ref, availability="backorder", quantity=0)
        return "sold out, on backorder"

    def check_preorder(self) -> str:
        ref = self._plain()
        _accepted(self._write({"reference": ref, "published": True,
                               "availability": "preorder", "quantity": 0, "price": "123.00"}))
        self._expect(ref, availability="preorder")
        return "pre-order"

    def check_ring_sizes(self) -> str:
        ref, (first, second) = self._sized().reference, self._sized().sizes[:2]
        sizes = [
            {"size": first, "quantity": 1, "price": "390.00"},
            {"size": second, "quantity": 2, "price": "410.00"},
        ]
        _accepted(self._write({"reference": ref, "published": True, "availability": "in_stock",
                               "quantity": 3, "price": "390.00", "sizes": sizes}))
        state = self._expect(ref, published=True, quantity=3)
        seen = {s["size"]: (s["quantity"], f"{float(s['price']):.2f}") for s in state["sizes"]}
        wanted = {first: (1, "390.00"), second: (2, "410.00")}
        if {k: seen.get(k) for k in wanted} != wanted:
            raise CheckFailed(f"sizes read back as {seen}, expected {wanted}")
        return f"sizes {first} and {second} with their own prices"

    def check_replay_same_batch(self) -> str:
        ref = self._plain()
        item = {"reference": ref, "version": self._next_version(ref), "published": True,
                "availability": "in_stock", "quantity": 5, "price": "99.00", "sizes": []}
        key = f"conformance-replay-{item['version']}"
        first = self.target.send_batch([item], key)
        again = self.target.send_batch([dict(item)], key)
        if [r.status for r in first] != ["accepted"] or again[0].status not in ("accepted", "ignored"):
            raise CheckFailed(f"first {first}, replay {again}")
        self._expect(ref, quantity=5, price="99.00")
        return "the same batch twice: one state"

    def check_older_version_ignored(self) -> str:
        ref = self._plain()
        newer = self._next_version(ref) + 10
        _accepted(self._write({"reference": ref, "version": newer, "published": True,
                               "availability": "in_stock", "quantity": 7, "price": "99.00"}))
        late = self._write({"reference": ref, "version": newer - 5, "published": True,
                            "availability": "in_stock", "quantity": 1, "price": "99.00"})
        if late.status == "accepted":
            state = self._state(ref) or {}
            if state.get("quantity") != 7:
                raise CheckFailed("an older version replayed late overwrote a newer one")
        self._expect(ref, quantity=7)
        return f"an older version after a newer one: {late.status}"

    def check_unknown_reference(self) -> str:
        ref = f"{self.prefix}NOT-IN-CATALOGUE-{int(self.clock())}"
        result = self._write({"reference": ref, "version": 1, "published": True,
                              "availability": "in_stock", "quantity": 1, "price": "1.00"})
        if result.status == "accepted":
            raise CheckFailed("a reference the catalogue lacks was accepted")
        if self._state(ref) is not None:
            raise CheckFailed("a reference the catalogue lacks was created")
        return f"refused ({result.reason})"

    def check_unpublish_keeps_the_product(self) -> str:
        checked = []
        for product in (self._plain_product(), self._sized()):
            _accepted(self._write({"reference": product.reference, "published": False,
                                   "availability": "out_of_stock", "quantity": 0}))
            self._expect(product.reference, published=False)
            if self._state(product.reference) is None:
                raise CheckFailed(f"{product.reference}: deleted instead of unpublished")
            checked.append(product.reference)
        return "unpublished, still in the catalogue: " + ", ".join(checked)

    def check_backorder_rule(self) -> str:
        if not can(self.target, Capability.SITE_SETTINGS):
            raise _Skip("this target keeps the backorder rule elsewhere (docs/targets.md)")
        before = self.target.get_settings() if hasattr(self.target, "get_settings") else None
        rule = {"backorder": {"enabled": True, "restock_days": 12,
                              "message": "Disponible sur commande, expédié sous {days} jours"}}
        answer = self.target.put_settings(rule)
        if answer.get("backorder", {}).get("restock_days") != 12:
            raise CheckFailed(f"the site holds {answer!r}")
        if isinstance(before, dict) and "backorder" in before:
            self.target.put_settings({"backorder": before["backorder"]})
        return "restocking delay kept"

    def check_web_orders(self) -> str:
        if not can(self.target, Capability.WEB_ORDERS):
            raise _Skip("this target cannot tell its web orders")
        before = {o.id for o in self.target.open_orders()}
        if self.sell is None:
            return f"readable ({len(before)} open); no sale made (no way to buy here)"
        ref = self._plain()
        _accepted(self._write({"reference": ref, "published": True, "availability": "in_stock",
                               "quantity": 2, "price": "50.00"}))
        self.sell(ref, None)
        new = [o for o in self.target.open_orders() if o.id not in before]
        lines = [(ln.reference, ln.units) for o in new for ln in o.lines]
        if (ref, 1) not in lines:
            raise CheckFailed(f"the sale is not listed as an open order: {lines}")
        self._expect(ref, quantity=1)
        return "a sale shows as an open order and lowers the stock"

    # -- running ---------------------------------------------------------------------------

    CHECKS = (
        "health",
        "catalogue_paging",
        "in_stock",
        "sold_out",
        "backorder",
        "preorder",
        "ring_sizes",
        "replay_same_batch",
        "older_version_ignored",
        "unknown_reference",
        "web_orders",
        "backorder_rule",
        "unpublish_keeps_the_product",
    )

    def run(self) -> Report:
        report = Report(target=str(getattr(self.target, "kind", "site")))
        for name in self.CHECKS:
            try:
                detail = getattr(self, f"check_{name}")()
                report.results.append(CheckResult(name, Outcome.PASSED, detail))
            except _Skip as skip:
                report.results.append(CheckResult(name, Outcome.SKIPPED, str(skip)))
            except (CheckFailed, ShopSyncError, ValueError, KeyError, TypeError) as exc:
                report.results.append(CheckResult(name, Outcome.FAILED, str(exc)[:300]))
        return report

    def _plain_product(self) -> CatalogProduct:
        if self.plain is None:
            raise _Skip("no plain test product (see catalogue_paging)")
        return self.plain

    def _plain(self) -> str:
        return self._plain_product().reference

    def _sized(self) -> CatalogProduct:
        if self.sized is None:
            raise _Skip("no test product sold by size (see catalogue_paging)")
        return self.sized


class _Skip(Exception):
    """The check does not apply to this target."""


def _accepted(result: Any) -> None:
    if result.status != "accepted":
        raise CheckFailed(f"{result.reference}: {result.status} ({result.reason})")
