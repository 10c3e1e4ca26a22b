"""One conformance suite for every target: the seed's rules, replay safety, web orders and
paging, checked through the delivery port exactly as the engine uses it.

Run against the sandbox, the WooCommerce stand-in (tests) or any live site
(`shopsync conformance --site URL [--kind …]`), so that a platform can check its own Site API
implementation, and a shop its WooCommerce, before turning ShopSync on.

Safety — the suite writes to a real shop, so it is narrow on purpose:
- it touches only catalogue products whose reference starts with the prefix
  (`SHOPSYNC-CONFORMANCE-` unless told otherwise; at least 8 characters). The shop creates
  them beforehand (e.g. one simple product and one ring with sizes): ShopSync never creates
  or deletes a product, on any target;
- it writes states with versions from the clock in milliseconds (they outrank earlier runs);
- it leaves every product it touched unpublished (hidden), whatever happened;
- the site-wide backorder rule is not changed (it is the shop's: the suite reads products
  only for the availability the rule gives).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shopsync.errors import SiteError
from shopsync.model import CatalogProduct
from shopsync.sync.port import Capability, DeliveryTarget, can

DEFAULT_PREFIX = "SHOPSYNC-CONFORMANCE-"
MIN_PREFIX = 8


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    outcome: Outcome
    detail: str = ""


class _Failed(Exception):
    pass


def _item(reference: str, version: int, **state: Any) -> dict[str, Any]:
    base = {
        "published": True,
        "availability": "in_stock",
        "quantity": 1,
        "price": "123.00",
        "sizes": [],
    }
    return {"reference": reference, "version": version, **base, **state}


class Suite:
    def __init__(
        self,
        target: DeliveryTarget,
        prefix: str = DEFAULT_PREFIX,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if len(prefix) < MIN_PREFIX:
            raise ValueError(f"the prefix must have at least {MIN_PREFIX} characters")
        self.target = target
        self.prefix = prefix
        self.version = int(clock() * 1000)
        self.touched: set[str] = set()
        self.results: list[CheckResult] = []

    # --- plumbing ---------------------------------------------------------------------------

    def _next(self) -> int:
        self.version += 1
        return self.version

    def _send(self, items: list[dict[str, Any]], key: str) -> list[Any]:
        self.touched.update(i["reference"] for i in items if i["reference"].startswith(self.prefix))
        return self.target.send_batch(items, key)

    def _state(self, reference: str) -> dict[str, Any]:
        one = getattr(self.target, "product", None)
        state = one(reference) if one is not None else None
        if state is None:
            state = next(
                (s for s in self.target.products() if s.get("reference") == reference), None
            )
        if state is None:
            raise _Failed(f"{reference}: the site does not show it")
        return state

    def _expect(self, reference: str, **expected: Any) -> None:
        state = self._state(reference)
        wrong = {k: state.get(k) for k, v in expected.items() if state.get(k) != v}
        if wrong:
            raise _Failed(f"{reference}: expected {expected}, the site shows {wrong}")

    def _check(self, name: str, body: Callable[[], str | None]) -> None:
        try:
            detail = body()
        except _Failed as exc:
            self.results.append(CheckResult(name, Outcome.FAILED, str(exc)))
        except SiteError as exc:
            self.results.append(CheckResult(name, Outcome.FAILED, f"{type(exc).__name__}: {exc}"))
        else:
            if detail is not None and detail.startswith("skip:"):
                self.results.append(CheckResult(name, Outcome.SKIPPED, detail[5:].strip()))
            else:
                self.results.append(CheckResult(name, Outcome.PASSED, detail or ""))

    # --- the suite --------------------------------------------------------------------------

    def run(self) -> list[CheckResult]:
        catalogue: list[CatalogProduct] = []

        def reachable() -> str:
            health = self.target.health()
            if health.get("authenticated") is not True:
                raise _Failed("the site does not accept these credentials")
            return f"{self.target.kind}"

        def paging() -> str:
            catalogue.extend(self.target.catalog())
            references = [p.reference for p in catalogue]
            if len(references) != len(set(references)):
                raise _Failed("the catalogue lists a reference twice (paging repeats a page?)")
            states = [s["reference"] for s in self.target.products()]
            if len(states) != len(set(states)) or set(states) != set(references):
                raise _Failed(
                    f"the catalogue ({len(references)}) and the product states ({len(states)}) "
                    "do not list the same references once each"
                )
            mine = [r for r in references if r.startswith(self.prefix)]
            if not mine:
                raise _Failed(f"no catalogue product starts with {self.prefix!r}: create one first")
            return f"{len(references)} products, {len(mine)} for the suite"

        self._check("reachable_and_authenticated", reachable)
        self._check("catalogue_paging", paging)
        mine = [p for p in catalogue if p.reference.startswith(self.prefix)]
        simple = next((p for p in mine if not p.has_sizes), None)
        ring = next((p for p in mine if p.has_sizes and len(p.sizes) >= 2), None)
        try:
            if simple is not None:
                self._check("seed_rules", lambda: self._seed_rules(simple.reference))
                self._check("replay_safety", lambda: self._replay(simple.reference))
            else:
                self.results.append(CheckResult("seed_rules", Outcome.SKIPPED, "no simple product"))
            if ring is not None:
                self._check("ring_sizes", lambda: self._sizes(ring))
            else:
                self.results.append(
                    CheckResult("ring_sizes", Outcome.SKIPPED, "no product with sizes")
                )
            self._check("unknown_reference_refused", self._unknown)
            self._check("web_orders", self._orders)
        finally:
            self._check("left_unpublished", self._hide)
        return self.results

    def _seed_rules(self, ref: str) -> str:
        steps = [
            ({"availability": "in_stock", "quantity": 2, "price": "123.00"},
             {"published": True, "availability": "in_stock", "quantity": 2, "price": "123.00"}),
            ({"availability": "out_of_stock", "quantity": 0, "price": "123.00"},
             {"published": True, "availability": "out_of_stock", "quantity": 0}),
            ({"availability": "backorder", "quantity": 0, "price": "124.00"},
             {"published": True, "availability": "backorder", "price": "124.00"}),
            ({"availability": "preorder", "quantity": 0},
             {"published": True, "availability": "preorder"}),
            ({"published": False, "availability": "out_of_stock", "quantity": 0, "price": None},
             {"published": False}),
        ]  # fmt: skip
        for n, (state, expected) in enumerate(steps):
            results = self._send(
                [_item(ref, self._next(), **state)], f"conformance-{self.version}-{n}"
            )
            if results[0].status != "accepted":
                raise _Failed(f"{ref}: {state} → {results[0].status} {results[0].reason}")
            self._expect(ref, **expected)
        return "in stock, sold out, backorder, pre-order, unpublished"

    def _replay(self, ref: str) -> str:
        version = self._next()
        items = [_item(ref, version, quantity=3)]
        key = f"conformance-replay-{version}"
        first = self._send(items, key)
        again = self._send(items, key)  # a lost answer: the same batch again
        if first[0].status != "accepted" or again[0].status not in ("accepted", "ignored"):
            raise _Failed(f"{ref}: first {first[0].status}, replay {again[0].status}")
        self._expect(ref, quantity=3, availability="in_stock")
        older = self._send([_item(ref, version - 1, quantity=9)], f"conformance-old-{version}")
        if older[0].status == "rejected":
            raise _Failed(f"{ref}: an older version was rejected ({older[0].reason}), not ignored")
        self._expect(ref, quantity=3)
        return "replayed batch and older version changed nothing"

    def _sizes(self, ring: CatalogProduct) -> str:
        first, second = ring.sizes[0], ring.sizes[1]
        sizes = [{"size": first, "quantity": 1, "price": "890.00"},
                 {"size": second, "quantity": 2, "price": "920.00"}]  # fmt: skip
        results = self._send(
            [_item(ring.reference, self._next(), quantity=3, price="890.00", sizes=sizes)],
            f"conformance-sizes-{self.version}",
        )
        if results[0].status != "accepted":
            raise _Failed(f"{ring.reference}: {results[0].status} {results[0].reason}")
        shown = {
            s["size"]: (s["quantity"], s["price"]) for s in self._state(ring.reference)["sizes"]
        }
        if shown.get(first) != (1, "890.00") or shown.get(second) != (2, "920.00"):
            raise _Failed(f"{ring.reference}: sizes shown {shown}")
        return f"sizes {first} and {second} with their own stock and price"

    def _unknown(self) -> str:
        reference = f"{self.prefix}DOES-NOT-EXIST-{self.version}"
        before = len(self.target.catalog())
        result = self.target.send_batch(
            [_item(reference, self._next())], f"conformance-unknown-{self.version}"
        )
        if result[0].status != "rejected":
            raise _Failed(f"{reference}: {result[0].status} (a product the catalogue lacks)")
        if len(self.target.catalog()) != before:
            raise _Failed("the catalogue grew: a product was created")
        return str(result[0].reason)

    def _orders(self) -> str:
        if not can(self.target, Capability.WEB_ORDERS):
            return "skip: the target does not read web orders"
        orders = self.target.open_orders()
        for order in orders:
            if not order.id or any(line.units <= 0 or not line.reference for line in order.lines):
                raise _Failed(f"order {order.id!r}: malformed lines {order.lines}")
        return f"{len(orders)} open web orders read"

    def _hide(self) -> str:
        if not self.touched:
            return "nothing touched"
        items = [
            _item(
                ref,
                self._next(),
                published=False,
                availability="out_of_stock",
                quantity=0,
                price=None,
            )
            for ref in sorted(self.touched)
        ]
        results = self.target.send_batch(items, f"conformance-hide-{self.version}")
        bad = [r for r in results if r.status == "rejected"]
        if bad:
            raise _Failed(f"could not hide {[r.reference for r in bad]}")
        return f"{len(items)} products hidden again"


def run_suite(
    target: DeliveryTarget, prefix: str = DEFAULT_PREFIX, clock: Callable[[], float] = time.time
) -> list[CheckResult]:
    return Suite(target, prefix, clock).run()
