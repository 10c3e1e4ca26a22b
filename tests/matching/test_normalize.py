"""Folding: what makes two spellings the same reference, and nothing more."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from shopsync.matching import fold, fold_many
from shopsync.matching.normalize import brand_key, confusable, iter_truncations, prefix_strips


def test_fold_removes_case_spaces_dots_dashes_slashes_underscores() -> None:
    assert fold("T120.417.17.041.00") == "T1204171704100"
    assert fold(" t120 417-17/041_00\t") == "T1204171704100"
    assert fold("F20560/1") == fold("f20560-1") == fold("F 20560 1") == "F205601"
    assert fold("590702HV-16") == "590702HV16"


def test_fold_handles_what_office_software_types() -> None:
    # NBSP, narrow NBSP, en dash (autocorrect), minus sign, full-width slash.
    assert fold("T120\u00a0417\u202f17\u2013041\u221200") == "T1204171704100"
    assert fold("F20560\uff0f1") == "F205601"


def test_fold_keeps_characters_that_change_a_reference() -> None:
    # O/0, I/1, a suffix: different references as far as an automatic match goes.
    assert fold("T12O.417") != fold("T120.417")
    assert fold("GA-2100-IAER") != fold("GA-2100-1AER")
    assert fold("590702HV") != fold("590702HV-16")
    assert fold("---") == ""


@given(st.lists(st.text(max_size=12), max_size=30))
def test_fold_many_is_fold_item_by_item(refs: list[str]) -> None:
    assert fold_many(refs) == [fold(r) for r in refs]


@given(st.lists(st.text(alphabet="aZ09 .-/_\t\x00\x1c", max_size=10), max_size=30))
def test_fold_many_ascii_fast_path(refs: list[str]) -> None:
    assert fold_many(refs) == [fold(r) for r in refs]


def test_confusable_and_brand_helpers() -> None:
    assert confusable("T12O417") == confusable("T120417")
    assert confusable("GA2100IAER") == confusable("GA21001AER")
    assert brand_key("Thomas Sabo") == brand_key("THOMAS-SABO") == "THOMASSABO"
    assert brand_key("Frédérique Constant") == "FREDERIQUECONSTANT"
    assert brand_key(None) == ""


def test_prefix_strips() -> None:
    assert "T1204171704100" in prefix_strips("TIS-T120.417.17.041.00", "TISSOT")
    assert "T1204171704100" in prefix_strips("TIST120.417.17.041.00", "TISSOT")
    assert "590702HV16" in prefix_strips("PAN 590702HV-16", None)
    assert prefix_strips("ABC", None) == []


def test_truncations_keep_most_of_the_reference() -> None:
    cuts = list(iter_truncations("TR20940012154"))
    assert cuts[0] == "TR2094001215"
    assert "TR209400121" in cuts
    assert min(len(c) for c in cuts) >= 8
