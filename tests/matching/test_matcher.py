"""connect() and match(): the levels, the brand, aliases and rejections."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from shopsync.matching import (
    EXACT,
    NORMALIZED,
    SUGGESTED,
    UNMATCHED,
    CatalogIndex,
    connect,
    match,
)
from shopsync.model import CatalogProduct


def catalog_of(*rows: tuple[str, str]) -> dict[str, CatalogProduct]:
    return {ref: CatalogProduct(ref, brand, f"{brand} {ref}") for ref, brand in rows}


CATALOG = catalog_of(
    ("T120.417.17.041.00", "Tissot"),
    ("T137.407.11.041.00", "Tissot"),
    ("F20560/1", "Festina"),
    ("L18820/3", "Lotus"),
    ("590702HV-16", "Pandora"),
    ("590702HV-17", "Pandora"),
    ("TR2094-001-21", "Thomas Sabo"),
    ("GA-2100-1AER", "Casio"),
    ("SRPD55K1", "Seiko"),
    # Twins: the platform wrote one reference twice (a brand changed its writing).
    ("MK-3192", "Michael Kors"),
    ("MK31-92", "Michael Kors"),
)


def one(ref: str, brand: str | None = None, **kw):
    [res] = match([(ref, brand)], CATALOG, **kw)
    return res


def test_exact_after_trimming() -> None:
    assert connect(["T120.417.17.041.00", " F20560/1 "], CATALOG) == {
        "T120.417.17.041.00": "T120.417.17.041.00",
        " F20560/1 ": "F20560/1",
    }
    res = one("  SRPD55K1 ", "SEIKO")
    assert (res.status, res.catalog_reference, res.score) == (EXACT, "SRPD55K1", 1.0)
    assert res.reference == "SRPD55K1"


@pytest.mark.parametrize(
    "erp, cat",
    [
        ("T1204171704100", "T120.417.17.041.00"),
        ("t120 417 17 041 00", "T120.417.17.041.00"),
        ("F20560-1", "F20560/1"),
        ("l18820_3", "L18820/3"),
        ("GA21001AER", "GA-2100-1AER"),
    ],
)
def test_normalized_when_one_catalogue_reference_folds_alike(erp: str, cat: str) -> None:
    assert connect([erp], CATALOG) == {erp: cat}
    res = one(erp)
    assert (res.status, res.catalog_reference) == (NORMALIZED, cat)


def test_two_catalogue_references_folding_alike_are_only_suggested() -> None:
    assert connect(["MK3192", "mk 3192"], CATALOG) == {}
    res = one("MK3192", "MICHAEL KORS")
    assert res.status == SUGGESTED
    assert {c.reference for c in res.candidates[:2]} == {"MK-3192", "MK31-92"}
    # The one written exactly like the ERP still connects.
    assert connect(["MK-3192"], CATALOG) == {"MK-3192": "MK-3192"}


def test_brand_never_blocks_a_reference_match() -> None:
    # The ERP says G-SHOCK, the site says Casio; a wrong brand is still no obstacle.
    assert one("GA-2100-1AER", "G-SHOCK").status == EXACT
    assert one("ga21001aer", "PANDORA").status == NORMALIZED


def test_brand_ranks_suggestions() -> None:
    cat = catalog_of(("AB1234-56", "Seiko"), ("AB1234-57", "Citizen"))
    assert one_of(cat, "AB1234-5X", "CITIZEN").catalog_reference == "AB1234-57"
    assert one_of(cat, "AB1234-5X", "SEIKO").catalog_reference == "AB1234-56"


def one_of(cat, ref, brand):
    [res] = match([(ref, brand)], cat)
    return res


@pytest.mark.parametrize(
    "erp, brand, expected",
    [
        ("TIS-T120.417.17.041.00", "TISSOT", "T120.417.17.041.00"),  # brand prefix
        ("TIST1204171704100", "TISSOT", "T120.417.17.041.00"),  # prefix, no separator
        ("T12O.417.17.O41.00", "TISSOT", "T120.417.17.041.00"),  # O for 0
        ("GA-2100-IAER", "G-SHOCK", "GA-2100-1AER"),  # I for 1
        ("TR2094-001-21-54", "THOMAS SABO", "TR2094-001-21"),  # ERP adds the ring size
        ("L18820", "LOTUS", "L18820/3"),  # dropped suffix
        ("T120.417.17.014.00", "TISSOT", "T120.417.17.041.00"),  # transposed digits
        ("SRDP55K1", "SEIKO", "SRPD55K1"),  # typo near the start
    ],
)
def test_suggestions(erp: str, brand: str, expected: str) -> None:
    assert connect([erp], CATALOG) == {}
    res = one(erp, brand)
    assert res.status == SUGGESTED, res
    assert res.catalog_reference == expected
    assert 0.8 <= res.score < 1.0
    assert res.candidates[0].reference == expected
    assert [c.score for c in res.candidates] == sorted((c.score for c in res.candidates), reverse=True)


def test_dropped_size_suffix_lists_every_size() -> None:
    res = one("590702HV", "PANDORA")
    assert res.status == SUGGESTED
    assert {c.reference for c in res.candidates} >= {"590702HV-16", "590702HV-17"}


def test_unmatched() -> None:
    res = one("ZZ-99999", "INCONNUE")
    assert (res.status, res.catalog_reference, res.score) == (UNMATCHED, None, 0.0)
    assert match([("", "X"), ("   ", None)], CATALOG) == []


def test_accepted_alias_comes_first_while_its_target_exists() -> None:
    accepted = {"MON-TISSOT-1": "T137.407.11.041.00", "T1204171704100": "T137.407.11.041.00"}
    got = connect(["MON-TISSOT-1", "T1204171704100"], CATALOG, accepted)
    assert got == {"MON-TISSOT-1": "T137.407.11.041.00", "T1204171704100": "T137.407.11.041.00"}
    res = one("MON-TISSOT-1", "TISSOT", accepted=accepted)
    assert (res.status, res.catalog_reference, res.alias) == (NORMALIZED, "T137.407.11.041.00", True)
    # Target gone from the catalogue: the alias is ignored, the usual levels apply.
    gone = {"T1204171704100": "T999.000.00.000.00"}
    assert connect(["T1204171704100"], CATALOG, gone) == {"T1204171704100": "T120.417.17.041.00"}
    assert one("T1204171704100", accepted=gone).alias is False


def test_rejected_pair_is_neither_connected_nor_suggested() -> None:
    rejected = {("F205601", "F20560/1")}
    assert connect(["F205601"], CATALOG, {}, rejected) == {}
    res = one("F205601", "FESTINA", rejected=rejected)
    assert "F20560/1" not in {c.reference for c in res.candidates}
    assert res.status in (SUGGESTED, UNMATCHED)
    # A rejection never undoes an exact match.
    assert connect(["F20560/1"], CATALOG, {}, {("F20560/1", "F20560/1")}) == {"F20560/1": "F20560/1"}


def test_match_gives_one_result_per_distinct_reference_with_a_brand() -> None:
    results = match(
        [("F20560/1", None), ("F20560/1 ", "FESTINA"), ("SRPD55K1", "SEIKO")], CATALOG
    )
    assert [(r.reference, r.brand) for r in results] == [
        ("F20560/1", "FESTINA"),
        ("SRPD55K1", "SEIKO"),
    ]
    assert results[0].to_dict()["candidates"][0] == {
        "reference": "F20560/1",
        "brand": "Festina",
        "score": 1.0,
    }


def test_match_agrees_with_connect() -> None:
    refs = ["T1204171704100", "MK3192", "TIS-T120.417.17.041.00", "F20560/1", "nope"]
    index = CatalogIndex(CATALOG)
    connected = index.connect(refs)
    for res in index.match([(r, None) for r in refs]):
        assert connected.get(res.reference) == (res.catalog_reference if res.connected else None)


def test_connect_does_not_import_rapidfuzz() -> None:
    code = (
        "import sys\n"
        "from shopsync.matching import connect\n"
        "from shopsync.model import CatalogProduct as P\n"
        "connect(['a-1'], {'A1': P('A1', 'x')})\n"
        "sys.exit(1 if 'rapidfuzz' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_connect_is_fast() -> None:
    """200,000 ERP references against 100,000 catalogue references (benchmark: ~0.2 s)."""
    catalog = {
        f"T{i:03d}.{i * 7 % 1000:03d}.{i % 97:02d}.041.00": CatalogProduct(
            f"T{i:03d}.{i * 7 % 1000:03d}.{i % 97:02d}.041.00", "Tissot"
        )
        for i in range(100_000)
    }
    refs = list(catalog)
    erp = refs[:50_000] + [r.replace(".", "") for r in refs[50_000:]] + [f"X{i}" for i in range(100_000)]
    start = time.perf_counter()
    got = connect(erp, catalog)
    elapsed = time.perf_counter() - start
    assert len(got) == 100_000
    assert elapsed < 1.5, f"connect took {elapsed:.2f} s"  # generous: the machine is shared
