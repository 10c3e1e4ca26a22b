"""Accuracy on a corpus of real-looking reference spellings (see corpus.py).

A false exact or normalized match publishes stock on the wrong product: there must be none.
Suggestions are judged by recall (is the right reference the best candidate / among them?).
"""

from __future__ import annotations

import pytest

from shopsync.matching import CatalogIndex

from .corpus import AUTO_KINDS, build_catalog, build_erp, score


@pytest.fixture(scope="module")
def scored():
    catalog = build_catalog(20_000, seed=11)
    cases = build_erp(catalog, 6_000, seed=12)
    results = CatalogIndex(catalog).match([(c.reference, c.brand) for c in cases])
    return cases, results, score(cases, results)


def test_no_false_exact_or_normalized_match(scored) -> None:
    _cases, _results, s = scored
    print("\n".join(s.lines()))
    assert s.false_auto == 0
    assert s.level("exact")["absent"] == 0 and s.level("normalized")["absent"] == 0


def test_every_harmless_spelling_connects(scored) -> None:
    _cases, _results, s = scored
    for kind in AUTO_KINDS:
        counts = s.per_kind.get(kind)
        assert counts, kind
        connected = counts["exact"] + counts["normalized"]
        assert counts["right"] == connected == sum(
            v for k, v in counts.items() if k != "right"
        ), (kind, counts)


def test_rewrites_are_never_connected_but_mostly_suggested_right(scored) -> None:
    cases, results, s = scored
    by_ref = {c.reference.strip(): c for c in cases}
    for res in results:
        case = by_ref[res.reference]
        if case.kind not in AUTO_KINDS:
            assert not res.connected, (case, res)
    assert s.recall_top1 >= 0.95
    assert s.recall_candidates >= 0.98
    for kind in ("prefix", "confusable", "collision", "added_suffix"):
        counts = s.per_kind[kind]
        assert counts["right"] >= 0.95 * counts["suggested"], (kind, counts)
