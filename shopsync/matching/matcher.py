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
"""

from __future__ import annotations

import bisect
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import TYPE_CHECKING

from shopsync.matching.normalize import (
    brand_key,
    confusable,
    fold_many,
    iter_truncations,
    prefix_strips,
)

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct

EXACT = "exact"
NORMALIZED = "normalized"
SUGGESTED = "suggested"
UNMATCHED = "unmatched"
STATUSES = (EXACT, NORMALIZED, SUGGESTED, UNMATCHED)

# Scores of the keyed suggestion kinds (0..1). They rank a candidate found by a precise rewrite
# above a merely similar one; none reaches 1.0, which only a connected match has.
SCORE_FOLD_COLLISION = 0.97  # folds alike, but so does another catalogue reference
SCORE_PREFIX = 0.93  # equal once the ERP's brand prefix (`TIS-`) is removed
SCORE_CONFUSABLE = 0.92  # equal once O/0 and I/L/1 are confused
SCORE_PREFIX_CONFUSABLE = 0.88
SUFFIX_BASE, SUFFIX_SPAN = 0.72, 0.2  # dropped or added suffix: base + span × shorter/longer
FUZZY_CUTOFF = 0.7  # rapidfuzz normalised OSA similarity (a transposition is one edit)
SUGGEST_MIN = 0.8  # the best candidate must reach this for the status `suggested`
WEAK_MIN = 0.7  # weaker candidates are still listed (for an `unmatched` reference too)
BRAND_AGREES, BRAND_DIFFERS = 0.02, -0.10  # brand adjustment; an unknown brand changes nothing
MAX_SUGGESTION = 0.99
# Fuzzy blocks (see _block_keys): a catalogue reference sits in the block of its first and the
# block of its last characters, so that one typo anywhere leaves one block in common.
LONG_KEY = 8  # keys this long are blocked on 4 characters, shorter ones on 3
SKIP_FUZZY_ABOVE = 0.9  # a keyed rewrite this good makes the fuzzy search pointless
MAX_EXTENSIONS = 12  # catalogue references read after the ERP one in sorted fold order


@dataclass(frozen=True, slots=True)
class Candidate:
    """A catalogue reference offered for an ERP reference, with its score in 0..1."""

    reference: str
    brand: str
    score: float


@dataclass(slots=True)
class MatchResult:
    """What `match` says about one distinct ERP reference.

    `catalog_reference` is the connected reference (exact, normalized) or the best candidate
    (suggested), None when unmatched. `alias` is True when the shop's accepted alias made the
    connection; the status is then `normalized` (connected, though written differently).
    """

    reference: str
    brand: str | None
    status: str
    catalog_reference: str | None
    score: float
    candidates: list[Candidate] = field(default_factory=list)
    alias: bool = False
    renamed: bool = False  # connected through a spelling the platform used before a rename

    @property
    def connected(self) -> bool:
        """True when a sync uses this match (exact, normalized or accepted alias)."""
        return self.status in (EXACT, NORMALIZED)

    def to_dict(self) -> dict:
        """The JSONL object of the CLI contract (plus `alias`)."""
        return {
            "reference": self.reference,
            "brand": self.brand,
            "status": self.status,
            "catalog_reference": self.catalog_reference,
            "score": round(self.score, 4),
            "candidates": [
                {"reference": c.reference, "brand": c.brand, "score": round(c.score, 4)}
                for c in self.candidates
            ],
            "alias": self.alias,
            "renamed": self.renamed,
        }


class CatalogIndex:
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
                    if hit is not None and not (rejected and _is_rejected(rejected, ref, hit))
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
            brand_map = _BrandMap(self._brand_keys, learned)
            for ref, key in zip(rest, fold_many(rest), strict=True):
                results[ref] = self._suggest(ref, key, brands[ref], brand_map, rejected, limit)
        return [results[r] for r in refs]

    # -- suggestions ---------------------------------------------------------------------------

    def _prepare_suggestions(self) -> None:
        """Build the structures only `match` needs (confusable key, sorted folds, blocks)."""
        if self._suggest_ready:
            return
        import gc

        # ~10^5 small lists and tuples: the cyclic GC would walk them again and again for nothing.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build_suggestion_index()
        finally:
            if gc_was_enabled:
                gc.enable()

    def _build_suggestion_index(self) -> None:
        catalog = self.catalog
        by_ck: dict[str, list[str]] = defaultdict(list)
        blocks: dict[str, tuple[list[str], list[str]]] = {}
        brand_blocks: dict[str, dict[str, tuple[list[str], list[str]]]] = defaultdict(dict)
        brand_of: dict[str, str] = {}
        brand_cache: dict[str, str] = {}
        for ref, key in self._fold_of.items():
            if not key:
                continue
            raw_brand = catalog[ref].brand
            bkey = brand_cache.get(raw_brand)
            if bkey is None:
                bkey = brand_cache[raw_brand] = brand_key(raw_brand)
            brand_of[ref] = bkey
            ck = confusable(key)
            by_ck[ck].append(ref)
            mine = brand_blocks[bkey]
            for block_key in _block_keys(ck):
                block = blocks.get(block_key)
                if block is None:
                    block = blocks[block_key] = ([], [])
                block[0].append(ck)
                block[1].append(ref)
                block = mine.get(block_key)
                if block is None:
                    block = mine[block_key] = ([], [])
                block[0].append(ck)
                block[1].append(ref)
        pairs = sorted((k, r) for r, k in self._fold_of.items() if k)
        self._sorted_folds = [k for k, _ in pairs]
        self._sorted_refs = [r for _, r in pairs]
        self._by_ck = dict(by_ck)
        self._blocks = blocks
        self._brand_blocks = dict(brand_blocks)
        self._brand_of = brand_of
        self._brand_keys = set(brand_cache.values()) - {""}
        self._suggest_ready = True

    def _refs_folding_to(self, key: str) -> list[str]:
        hit = self._by_fold.get(key)
        if hit is not None:
            return [hit]
        return self._collisions.get(key, [])

    def _suggest(
        self,
        ref: str,
        key: str,
        brand: str | None,
        brand_map: _BrandMap,
        rejected: set[tuple[str, str]] | frozenset[tuple[str, str]],
        limit: int,
    ) -> MatchResult:
        """Candidates for one ERP reference that did not connect."""
        if not key:
            return MatchResult(ref, brand, UNMATCHED, None, 0.0, [])
        scores: dict[str, float] = {}

        def offer(cat_ref: str, score: float) -> None:
            if score > scores.get(cat_ref, 0.0):
                scores[cat_ref] = score

        # Folds alike, but several catalogue references do (or the shop rejected the only one).
        for cat_ref in self._refs_folding_to(key):
            offer(cat_ref, SCORE_FOLD_COLLISION)
        ck = confusable(key)
        for cat_ref in self._by_ck.get(ck, ()):
            if self._fold_of[cat_ref] != key:
                offer(cat_ref, SCORE_CONFUSABLE)
        # A brand prefix the ERP added.
        stripped = prefix_strips(ref, brand)
        for rest in stripped:
            for cat_ref in self._refs_folding_to(rest):
                offer(cat_ref, SCORE_PREFIX)
            for cat_ref in self._by_ck.get(confusable(rest), ()):
                offer(cat_ref, SCORE_PREFIX_CONFUSABLE)
        # The ERP appended a suffix (a size, a variant): the catalogue has a shorter reference.
        for short in iter_truncations(key):
            found = self._refs_folding_to(short)
            for cat_ref in found:
                offer(cat_ref, SUFFIX_BASE + SUFFIX_SPAN * len(short) / len(key))
            if found:
                break
        # The ERP dropped a suffix: catalogue references that start with the ERP's.
        for base in (key, *stripped):
            if len(base) < 4:
                continue
            folds, cat_refs = self._sorted_folds, self._sorted_refs
            i = bisect.bisect_left(folds, base)
            for j in range(i, min(i + MAX_EXTENSIONS, len(folds))):
                longer = folds[j]
                if not longer.startswith(base):
                    break
                if longer != base:
                    offer(cat_refs[j], SUFFIX_BASE + SUFFIX_SPAN * len(base) / len(longer))
        # Similar spellings in the same brand and block; the whole block when the brand does not
        # help (unknown brand, or nothing similar in it).
        targets = brand_map.targets(brand)
        if max(scores.values(), default=0.0) < SKIP_FUZZY_ABOVE:
            self._fuzzy(key, ck, targets, offer, limit, MAX_SUGGESTION)
            for rest in stripped:  # never above what the prefix rewrite itself scores
                self._fuzzy(rest, confusable(rest), targets, offer, limit, SCORE_PREFIX)

        ranked: list[Candidate] = []
        erp_brand = brand_key(brand)
        catalog = self.catalog
        for cat_ref, base_score in scores.items():
            if _is_rejected(rejected, ref, cat_ref):
                continue
            score = base_score
            if targets:
                score += BRAND_AGREES if self._brand_of.get(cat_ref) in targets else BRAND_DIFFERS
            elif erp_brand and self._brand_of.get(cat_ref) == erp_brand:
                score += BRAND_AGREES
            score = min(MAX_SUGGESTION, max(0.0, score))
            if score >= WEAK_MIN:
                ranked.append(Candidate(cat_ref, catalog[cat_ref].brand, round(score, 4)))
        ranked.sort(key=lambda c: (-c.score, len(c.reference), c.reference))
        ranked = ranked[: max(1, limit)]
        if not ranked or ranked[0].score < SUGGEST_MIN:
            # Only weak look-alikes (often a sibling product, `F6606/1` for `F6606/3`): listed,
            # never proposed as the reference to write.
            return MatchResult(ref, brand, UNMATCHED, None, 0.0, ranked)
        best = ranked[0]
        return MatchResult(ref, brand, SUGGESTED, best.reference, best.score, ranked)

    def _fuzzy(
        self, key: str, ck: str, targets: frozenset[str], offer, limit: int, ceiling: float
    ) -> None:
        """rapidfuzz inside the blocks sharing `ck`'s first or last characters (the ERP brand's
        blocks first; all brands' when nothing similar is found there).

        Candidates are scored on the folds; an O/0-I/1 difference, free in the confusable key,
        costs what SCORE_CONFUSABLE says. No score goes above `ceiling`.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        keys = _query_block_keys(ck)
        blocks = []
        for b in targets:
            mine = self._brand_blocks.get(b)
            if mine:
                blocks.extend(mine[k] for k in keys if k in mine)
        found = False
        for searched_all in (False, True):
            if searched_all:
                if found:
                    return
                blocks = [self._blocks[k] for k in keys if k in self._blocks]
            for cks, cat_refs in blocks:
                hits = process.extract(
                    ck,
                    cks,
                    scorer=OSA.normalized_similarity,
                    limit=limit * 2,
                    score_cutoff=FUZZY_CUTOFF,
                )
                for _choice, _sim, index in hits:
                    cat_ref = cat_refs[index]
                    other = self._fold_of[cat_ref]
                    score = max(
                        OSA.normalized_similarity(key, other),
                        OSA.normalized_similarity(ck, cks[index]) - (1.0 - SCORE_CONFUSABLE),
                    )
                    if score >= FUZZY_CUTOFF:
                        offer(cat_ref, min(score, ceiling))
                        found = True


class _BrandMap:
    """Which catalogue brands an ERP brand stands for.

    Brands are written differently on both sides (`TISSOT`/`Tissot`, `G-SHOCK`/`Casio`): an ERP
    brand stands for the catalogue brand that folds alike or contains it, and for the catalogue
    brands its references already connected to in this run (learned, so `G-SHOCK` → `Casio`).
    It only ranks candidates; it never filters a reference match out.
    """

    def __init__(self, catalog_brands: set[str], learned: Mapping[str, Counter[str]]) -> None:
        self._catalog_brands = catalog_brands
        self._learned = learned
        self._cache: dict[str, frozenset[str]] = {}

    def targets(self, brand: str | None) -> frozenset[str]:
        key = brand_key(brand)
        if not key:
            return frozenset()
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        out: set[str] = set()
        if key in self._catalog_brands:
            out.add(key)
        elif len(key) >= 4:
            out.update(b for b in self._catalog_brands if len(b) >= 4 and (b in key or key in b))
        counts = self._learned.get(key)
        if counts:
            total = sum(counts.values())
            out.update(b for b, n in counts.items() if b and n >= max(1, 0.2 * total))
        result = frozenset(out)
        self._cache[key] = result
        return result


def _block_keys(ck: str) -> tuple[str, ...]:
    """The two fuzzy blocks a catalogue key belongs to: its head and its tail.

    Long keys (Tissot's 14 characters) use 4 characters, so that blocks stay small in
    catalogues where thousands of references start alike (`T120…`); short keys use 3, so that
    head and tail do not overlap and a single typo always leaves one of them intact.
    """
    if len(ck) >= LONG_KEY:
        return ("H" + ck[:4], "T" + ck[-4:])
    return ("h" + ck[:3], "t" + ck[-3:])


def _query_block_keys(ck: str) -> tuple[str, ...]:
    """The blocks an ERP key is compared with: both sizes, since a similar catalogue key may be
    a little longer or shorter than LONG_KEY."""
    return ("H" + ck[:4], "T" + ck[-4:], "h" + ck[:3], "t" + ck[-3:])


def _is_rejected(rejected, erp_ref: str, cat_ref: str) -> bool:
    if not rejected:
        return False
    return (erp_ref, cat_ref) in rejected or (erp_ref.strip(), cat_ref) in rejected


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
