"""Connecting ERP references to catalogue references, and suggesting the ones that do not connect.

Two jobs with two very different risk profiles:

* `connect` decides what a sync may use. It only trusts the shop's accepted aliases, identical
  text, and identical folded text when exactly one catalogue reference folds that way. A wrong
  connection publishes stock on the wrong product, so anything less certain is left out.
* `match` explains: it gives every distinct ERP reference a level (`exact`, `normalized`,
  `suggested`, `unmatched`) and ranked candidates, so that a person can rewrite the ERP or accept
  an alias. Suggestions come from keyed look-ups (the O/0-I/1 key, brand prefixes removed,
  suffixes dropped or added) and from rapidfuzz inside small blocks (same brand, same first
  characters) — never from comparing all pairs.

`CatalogIndex` is built once per catalogue; the suggestion structures are only built the first
time `match` needs them, so that a sync that only calls `connect` stays cheap.

This module holds the index and `connect`/`match`; the suggestions and their scores are in
`suggest` (mixed into `CatalogIndex`), the statuses and result types in `results`.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import compress, repeat
from typing import TYPE_CHECKING

from shopsync.matching.normalize import brand_key, fold_many
from shopsync.matching.results import (
    EXACT,
    NORMALIZED,
    STATUSES,
    SUGGESTED,
    UNMATCHED,
    Candidate,
    MatchResult,
)
from shopsync.matching.suggest import BrandMap, Suggestions, is_rejected

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct

# The result types are re-exported: `shopsync.matching.matcher` named them before the split.
__all__ = [
    "EXACT",
    "NORMALIZED",
    "STATUSES",
    "SUGGESTED",
    "UNMATCHED",
    "Candidate",
    "CatalogIndex",
    "MatchResult",
    "connect",
    "match",
]


class CatalogIndex(Suggestions):
    """The catalogue's look-up structures, built once and shared by every `connect`/`match`.

    The catalogue must not change while the index is in use: build a new one after a catalogue
    fetch.
    """

    def __init__(self, catalog: Mapping[str, CatalogProduct]) -> None:
        self.catalog = catalog
        refs = [r for r in catalog if r and r.strip()]
        self._refs = refs
        # Trimmed text -> catalogue key. A key equal to its trimmed text wins over a padded one.
        exact: dict[str, str] = {}
        for ref in refs:
            trimmed = ref.strip()
            if trimmed not in exact or ref == trimmed:
                exact[trimmed] = ref
        self._exact = exact
        folds = fold_many(refs)
        self._fold_of: dict[str, str] = dict(zip(refs, folds, strict=True))
        # Fold -> the one catalogue reference folding that way, or None when several do.
        by_fold: dict[str, str | None] = {}
        collisions: dict[str, list[str]] = {}
        for ref, key in zip(refs, folds, strict=True):
            if not key:
                continue
            if key not in by_fold:
                by_fold[key] = ref
                continue
            first = by_fold[key]
            if first is not None:  # second reference folding this way: both become ambiguous
                collisions[key] = [first]
                by_fold[key] = None
            collisions[key].append(ref)
        self._by_fold = by_fold
        self._collisions = collisions
        self._previous_exact, self._previous_fold = self._previous_spellings(refs, exact, by_fold)
        self._suggest_ready = False

    def _previous_spellings(
        self, refs: list[str], exact: dict[str, str], by_fold: dict[str, str | None]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Renames: previous spelling (trimmed, then folded) -> the product's reference now.

        A spelling that is some product's current reference (or folds like one) stays that
        product's; a spelling two products claim is ambiguous and connects nothing."""
        olds: dict[str, str | None] = {}
        for ref in refs:
            for old in self.catalog[ref].previous_references:
                text = old.strip()
                if text and text not in exact:
                    olds[text] = ref if olds.get(text, ref) == ref else None
        if not olds:
            return {}, {}
        folded: dict[str, str | None] = {}
        for text, key in zip(olds, fold_many(list(olds)), strict=True):
            target = olds[text]
            if key and key not in by_fold and target is not None:
                folded[key] = target if folded.get(key, target) == target else None
        return (
            {k: v for k, v in olds.items() if v is not None},
            {k: v for k, v in folded.items() if v is not None},
        )

    def renamed_from(self, erp_reference: str, catalog_reference: str) -> bool:
        """True when this connection goes through a previous spelling of the product."""
        text = erp_reference.strip()
        if self._previous_exact.get(text) == catalog_reference:
            return True
        if not self._previous_fold or text in self._exact:
            return False
        key = fold_many([text])[0]
        return self._by_fold.get(key) is None and self._previous_fold.get(key) == catalog_reference

    # -- connect -------------------------------------------------------------------------------

    def connect(
        self,
        erp_references: Iterable[str],
        accepted: Mapping[str, str] | None = None,
        rejected: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    ) -> dict[str, str]:
        """ERP reference -> catalogue reference for every match a sync may use.

        Order: the shop's accepted alias (only while its target is still in the catalogue), then
        identical text after trimming, then identical fold when exactly one catalogue reference
        folds that way and the shop has not rejected that pair. The keys are the ERP references
        as given. Renamed products: a previous spelling connects after the current ones, exactly
        then folded (see `_previous_spellings`).
        """
        # Written as comprehensions over C-level map(dict.get): this runs on every sync, over
        # every ERP reference (~10^5), and a plain loop costs several times more.
        refs = erp_references if isinstance(erp_references, list) else list(erp_references)
        stripped = [r.strip() for r in refs]
        aliased: dict[str, str] = {}
        if accepted:
            catalog, exact = self.catalog, self._exact
            targets = {k.strip(): v for k, v in accepted.items()}
            for ref, key in zip(refs, stripped, strict=True):
                target = targets.get(key)
                if target is not None:
                    hit = target if target in catalog else exact.get(target.strip())
                    if hit is not None:
                        aliased[ref] = hit
        hits = list(map(self._exact.get, stripped))
        if self._previous_exact:
            old = self._previous_exact
            hits = [old.get(s) if h is None else h for h, s in zip(hits, stripped, strict=True)]
        out = {ref: hit for ref, hit in zip(refs, hits, strict=True) if hit is not None}
        missing = list(map(operator.is_, hits, repeat(None)))
        pending = list(compress(refs, missing))
        if pending:
            folds = fold_many(list(compress(stripped, missing)))
            by_fold = self._by_fold
            if self._previous_fold:
                old_fold = self._previous_fold
                by_fold = {k: by_fold.get(k) or old_fold.get(k) for k in folds}
            found = zip(pending, map(by_fold.get, folds), strict=True)
            out.update(
                {
                    ref: hit
                    for ref, hit in found
                    if hit is not None and not (rejected and is_rejected(rejected, ref, hit))
                }
            )
        out.update(aliased)
        return out

    # -- match ---------------------------------------------------------------------------------

    def match(
        self,
        items: Iterable[tuple[str, str | None]],
        accepted: Mapping[str, str] | None = None,
        rejected: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
        limit: int = 5,
    ) -> list[MatchResult]:
        """One MatchResult per distinct (trimmed) ERP reference, in first-seen order.

        Connected references get the same answer as `connect`; the others get up to `limit`
        ranked candidates (rejected pairs left out) and the status `suggested`, or `unmatched`
        when no candidate reaches SUGGEST_MIN.
        """
        brands: dict[str, str | None] = {}
        for ref, brand in items:
            ref = (ref or "").strip()
            if not ref:
                continue
            if ref not in brands or (not brands[ref] and brand):
                brands[ref] = brand.strip() if brand and brand.strip() else None
        refs = list(brands)
        connected = self.connect(refs, accepted, rejected)
        results: dict[str, MatchResult] = {}
        learned: dict[str, Counter[str]] = defaultdict(Counter)
        catalog = self.catalog
        for ref in refs:
            hit = connected.get(ref)
            if hit is None:
                continue
            product = catalog[hit]
            is_exact = hit.strip() == ref
            via_alias = False
            if accepted and not is_exact:
                target = _alias_target(accepted, ref)
                via_alias = target is not None and hit in (target, self._exact.get(target.strip()))
            status = EXACT if is_exact else NORMALIZED
            results[ref] = MatchResult(
                ref,
                brands[ref],
                status,
                hit,
                1.0,
                [Candidate(hit, product.brand, 1.0)],
                via_alias,
                renamed=not is_exact and not via_alias and self.renamed_from(ref, hit),
            )
            erp_brand = brand_key(brands[ref])
            if erp_brand:
                learned[erp_brand][brand_key(product.brand)] += 1
        rest = [r for r in refs if r not in results]
        if rest:
            self._prepare_suggestions()
            brand_map = BrandMap(self._brand_keys, learned)
            for ref, key in zip(rest, fold_many(rest), strict=True):
                results[ref] = self._suggest(ref, key, brands[ref], brand_map, rejected, limit)
        return [results[r] for r in refs]


def _alias_target(accepted: Mapping[str, str], ref: str) -> str | None:
    target = accepted.get(ref)
    return target if target is not None else accepted.get(ref.strip())


def connect(
    erp_references: Iterable[str],
    catalog: Mapping[str, CatalogProduct],
    accepted: Mapping[str, str] | None = None,
    rejected: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> dict[str, str]:
    """`CatalogIndex(catalog).connect(...)`; keep a CatalogIndex to connect several times."""
    return CatalogIndex(catalog).connect(erp_references, accepted or {}, rejected)


def match(
    items: Iterable[tuple[str, str | None]],
    catalog: Mapping[str, CatalogProduct],
    accepted: Mapping[str, str] | None = None,
    rejected: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    limit: int = 5,
) -> list[MatchResult]:
    """`CatalogIndex(catalog).match(...)`."""
    return CatalogIndex(catalog).match(items, accepted or {}, rejected, limit)
