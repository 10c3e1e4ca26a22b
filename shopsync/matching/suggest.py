"""Suggestions for the ERP references that do not connect: keyed rewrites, then fuzzy blocks.

Part of the catalogue index (`matcher.CatalogIndex` mixes `Suggestions` in). Suggestions come
from keyed look-ups (the O/0-I/1 key, brand prefixes removed, suffixes dropped or added) and
from rapidfuzz inside small blocks (same brand, same first or last characters), never from
comparing all pairs. Their structures are only built the first time `match` needs them, so
that a sync that only calls `connect` stays cheap.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from shopsync.matching.normalize import (
    brand_key,
    confusable,
    iter_truncations,
    prefix_strips,
)
from shopsync.matching.results import SUGGESTED, UNMATCHED, Candidate, MatchResult

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct

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


class Suggestions:
    """The suggestion side of a catalogue index; the attributes below are the index's."""

    catalog: Mapping[str, CatalogProduct]
    _fold_of: dict[str, str]
    _by_fold: dict[str, str | None]
    _collisions: dict[str, list[str]]
    _suggest_ready: bool

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
        brand_map: BrandMap,
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
            if is_rejected(rejected, ref, cat_ref):
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



class BrandMap:
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


def is_rejected(rejected, erp_ref: str, cat_ref: str) -> bool:
    """True when the shop rejected this pair (the ERP reference as given, or trimmed)."""
    if not rejected:
        return False
    return (erp_ref, cat_ref) in rejected or (erp_ref.strip(), cat_ref) in rejected

