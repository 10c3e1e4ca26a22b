"""Renamed catalogue products: an ERP still writing a previous spelling connects to the product
under its new reference (exactly or normalized), never over a product's current reference, and
never when two products claim the same old spelling."""

from __future__ import annotations

from shopsync.matching import NORMALIZED, CatalogIndex
from shopsync.model import CatalogProduct


def index(*products: CatalogProduct) -> CatalogIndex:
    return CatalogIndex({p.reference: p for p in products})


def test_a_previous_spelling_connects_exactly_and_normalized():
    idx = index(CatalogProduct("T137.407.11.041.00", "Tissot", previous_references=("T1374071104100",)))
    assert idx.connect(["T1374071104100", " t137-407-11-041-00 ", "t1374071104100"]) == {
        "T1374071104100": "T137.407.11.041.00",
        " t137-407-11-041-00 ": "T137.407.11.041.00",  # the current spelling, folded
        "t1374071104100": "T137.407.11.041.00",  # the old spelling, folded
    }
    [old, new] = idx.match([("T1374071104100", "TISSOT"), ("T137.407.11.041.00", "TISSOT")])
    assert (old.status, old.catalog_reference, old.renamed) == (NORMALIZED, "T137.407.11.041.00", True)
    assert old.connected and not new.renamed
    assert old.to_dict()["renamed"] is True


def test_a_current_reference_wins_over_someone_elses_previous_spelling():
    idx = index(
        CatalogProduct("NEW-1", "B", previous_references=("A-1",)),
        CatalogProduct("A-1", "B"),
    )
    assert idx.connect(["A-1", "a 1"]) == {"A-1": "A-1", "a 1": "A-1"}
    assert not idx.renamed_from("A-1", "A-1")


def test_an_old_spelling_two_products_claim_connects_nothing():
    idx = index(
        CatalogProduct("NEW-1", "B", previous_references=("OLD",)),
        CatalogProduct("NEW-2", "B", previous_references=("OLD",)),
    )
    assert idx.connect(["OLD", "old"]) == {}
    [result] = idx.match([("OLD", "B")])
    assert not result.connected


def test_a_rejected_pair_is_not_connected_through_a_folded_old_spelling():
    idx = index(CatalogProduct("NEW-1", "B", previous_references=("OLD-1",)))
    assert idx.connect(["old 1"], rejected={("old 1", "NEW-1")}) == {}
    assert idx.connect(["old 1"]) == {"old 1": "NEW-1"}
