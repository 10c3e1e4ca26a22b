"""The plan step: from one ERP read and the shop's choices to the changes the site needs.

`Planner.plan` is pure: it takes every input as a value (`PlanInputs`) and returns a `Plan`;
writing the held unpublishing and the outbox is the next steps' job (`sync.journal`). Its two
memo caches (catalogue connections, previous desired states) make a run where one product in
10^5 moved cost what that product costs, plus one pass; they never change the answer.
"""

from __future__ import annotations

import gc
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING

from shopsync import rules
from shopsync.model import CatalogProduct, ProductState, StockLine
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import delivery
from shopsync.store.db import get_meta

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.config import Settings
    from shopsync.matching import CatalogIndex

_REFERENCE = operator.attrgetter("reference")
Change = tuple[str, dict, str]  # (reference, wire state without version, state key)
PLAN_KINDS = ("publish", "update", "unpublish", "held")


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """Everything a plan depends on, read from the store by `load_inputs`."""

    lines: Sequence[StockLine]
    catalog: Mapping[str, CatalogProduct]
    index: CatalogIndex
    catalog_hash: str | None
    accepted: dict[str, str]  # accepted aliases, ERP reference -> catalogue reference
    rejected: set[tuple[str, str]]
    mappings: dict[str, rules.BrandMapping]
    options: rules.RuleOptions
    promised: Mapping[str, delivery.Promise]
    promised_keys: Mapping[str, str]
    held: Mapping[str, bool]  # unpublishing held so far: reference -> confirmed
    published: int  # products the site shows (for the guard's share)
    min_unpublish_count: int
    max_unpublish_share: float
    # units in the site's open web orders per (reference, size): never undone
    web_orders: Mapping[tuple[str, str | None], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """The rules' answer and what to do about it."""

    desired: rules.Desired
    changes: list[Change]  # to enqueue, unpublishing the guard let through included
    hold: list[str]  # unpublishing held until a person confirms (sorted)
    by_kind: dict[str, list[str]]  # publish / update / unpublish / held: `sync --dry-run`


class PromisedCache:
    """What was promised per reference, kept in memory while no process changed it
    (`promised_gen` moves with every write)."""

    def __init__(self) -> None:
        self._gen: str | None = None
        self._entry: tuple[dict[str, delivery.Promise], dict[str, str]] | None = None

    def get(self, db: sqlite_utils.Database) -> tuple[dict[str, delivery.Promise], dict[str, str]]:
        gen = get_meta(db, "promised_gen")
        if self._entry is None or self._gen != gen:
            promised = delivery.promised(db)
            self._gen = gen
            self._entry = (promised, {ref: p.key for ref, p in promised.items()})
        return self._entry


def load_inputs(
    db: sqlite_utils.Database,
    settings: Settings,
    lines: Sequence[StockLine],
    catalog: Mapping[str, CatalogProduct],
    index: CatalogIndex,
    promised: PromisedCache,
    web_orders: Mapping[tuple[str, str | None], int] | None = None,
) -> PlanInputs:
    """Read the plan's inputs from the store (the only I/O of the plan step)."""
    promises, keys = promised.get(db)
    return PlanInputs(
        lines=lines,
        catalog=catalog,
        index=index,
        catalog_hash=get_meta(db, "catalog_hash"),
        accepted=alias_store.accepted(db),
        rejected=alias_store.rejected(db),
        mappings=brand_store.load_mappings(db),
        options=rules.RuleOptions.from_settings(settings),
        promised=promises,
        promised_keys=keys,
        held=delivery.held(db),
        published=delivery.acknowledged_published(db),
        min_unpublish_count=settings.guard.min_unpublish_count,
        max_unpublish_share=settings.guard.max_unpublish_share,
        web_orders=dict(web_orders or {}),
    )


class Planner:
    """Rules and diff, with the memo caches of a long-lived engine."""

    def __init__(self) -> None:
        self._connect_cache: tuple[tuple, dict[str, str]] | None = None
        self._rules_cache: tuple[tuple, rules.Desired] | None = None

    def plan(self, inputs: PlanInputs, *, remember: bool = True) -> Plan:
        """The plan for `inputs`; `remember=False` (a dry run) leaves the rules cache as it was.

        The cyclic garbage collector is paused meanwhile: the step allocates 10^5 short-lived
        objects without cycles, and each full collection would walk every cached object."""
        paused = gc.isenabled()
        gc.disable()
        try:
            desired = self._desired(inputs, remember=remember)
            return diff(desired, inputs)
        finally:
            if paused:
                gc.enable()

    def _desired(self, inputs: PlanInputs, *, remember: bool) -> rules.Desired:
        refs = frozenset(map(_REFERENCE, inputs.lines))
        key = (
            id(inputs.index),
            refs,
            tuple(sorted(inputs.accepted.items())),
            frozenset(inputs.rejected),
        )
        if self._connect_cache is not None and self._connect_cache[0] == key:
            connections = self._connect_cache[1]
        else:
            connections = inputs.index.connect(list(refs), inputs.accepted, inputs.rejected)
            self._connect_cache = (key, connections)
        rule_key = (inputs.catalog_hash, repr(sorted(inputs.mappings.items())), inputs.options)
        cached = self._rules_cache
        previous = cached[1] if cached is not None and cached[0] == rule_key else None
        desired = rules.desired_states(
            inputs.lines,
            inputs.catalog,
            connections,
            inputs.mappings,
            inputs.options,
            previous,
            inputs.web_orders,
        )
        if remember:
            self._rules_cache = (rule_key, desired)
        return desired


def change_kind(published: bool, key: str, before: delivery.Promise | None) -> str | None:
    """What one desired state means against what the site was promised: "publish", "update",
    "unpublish" (subject to the guard) or None (nothing to send). The one definition of the
    split, for the plan and for previews of unsaved choices."""
    if before is not None and before.key == key:
        return None
    if before is None and not published:
        return None  # never shown on the site (it was observed): nothing to hide
    if not published and before is not None and before.published:
        return "unpublish"
    return "publish" if published and not (before and before.published) else "update"


def diff(desired: rules.Desired, inputs: PlanInputs) -> Plan:
    """Desired minus promised, with the unpublish guard applied."""
    promised = inputs.promised
    changes: list[tuple[str, ProductState, str]] = []
    unpublish: list[str] = []
    by_kind: dict[str, list[str]] = {kind: [] for kind in PLAN_KINDS}
    keys = desired.keys
    promised_keys = inputs.promised_keys
    candidates = list(compress(keys, map(operator.ne, keys.values(), map(promised_keys.get, keys))))
    states = desired.states
    for ref in candidates:  # keys that differ from the promised ones (compared in C)
        state, key = states[ref], keys[ref]
        kind = change_kind(state.published, key, promised.get(ref))
        if kind == "unpublish":
            unpublish.append(ref)
        elif kind is not None:
            changes.append((ref, state, key))
            by_kind[kind].append(ref)

    held = inputs.held
    threshold = rules.unpublish_threshold(
        inputs.published, inputs.min_unpublish_count, inputs.max_unpublish_share
    )
    confirmed = [r for r in unpublish if held.get(r)]
    unconfirmed = [r for r in unpublish if not held.get(r)]
    if len(unpublish) > threshold and unconfirmed:
        go, hold = confirmed, unconfirmed
    else:
        go, hold = unpublish, []
    for ref in go:
        changes.append((ref, states[ref], keys[ref]))
    by_kind["unpublish"] = sorted(go)
    by_kind["held"] = sorted(hold)
    wire = [(ref, state.wire(), key) for ref, state, key in changes]
    return Plan(desired, wire, sorted(hold), by_kind)
