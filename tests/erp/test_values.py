"""Value parsing: prices, quantities, sizes, barcodes and header folding, as ERPs write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopsync.erp.values import (
    BadValue,
    cell_text,
    fold,
    parse_ean,
    parse_price,
    parse_quantity,
    parse_size,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 290,00 €", "1290.00"),
        ("1.290,00", "1290.00"),
        ("1290.5", "1290.5"),
        ("1\u00a0290,00", "1290.00"),  # no-break space
        ("1\u202f290,00\u00a0€", "1290.00"),  # narrow no-break space
        ("1,290.00", "1290.00"),
        ("1.290.000", "1290000"),
        ("89,9", "89.9"),
        ("EUR 12", "12"),
        ("  375 ", "375"),
        ("0,00", "0.00"),
        ("1'290.50", "1290.50"),
    ],
)
def test_prices_are_exact_decimals(text: str, expected: str) -> None:
    value = parse_price(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize("text", ["", "   ", "€"])
def test_empty_price_is_none(text: str) -> None:
    assert parse_price(text) is None


@pytest.mark.parametrize("text", ["abc", "12,50,3.1.2", "-5", "1290.", "sur demande", "1e3"])
def test_unreadable_prices_say_why(text: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_price(text)
    assert text.strip() in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("+3", 3), (" 12 ", 12), ("1 200", 1200), ("3,00", 3), ("3.0", 3), ("-2", -2), ("", None)],
)
def test_quantities(text: str, expected: int | None) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["2,5", "deux", "1.5", "3 pièces"])
def test_non_integer_quantities_are_refused(text: str) -> None:
    with pytest.raises(BadValue, match="pas un nombre entier"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T52", "52"), ("T.52", "52"), ("t 52", "52"), ("Taille 52", "52"), ("52", "52"),
        ("56,5", "56.5"), ("56.50", "56.5"), ("52,0", "52"), ("TU", "TU"), ("S", "S"),
        ("", None), ("  ", None),
    ],
)
def test_sizes(text: str, expected: str | None) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3662000123456", "3662000123456"), ("0012345678905", "0012345678905"),
     ("3662000123456.0", "3662000123456"), (" 3 662000 123456 ", "3662000123456"), ("", None)],
)
def test_barcodes(text: str, expected: str | None) -> None:
    assert parse_ean(text) == expected


def test_barcode_in_scientific_notation_is_refused() -> None:
    with pytest.raises(BadValue, match="notation scientifique"):
        parse_ean("3,66E+12")


@pytest.mark.parametrize(
    ("header", "folded"),
    [("Référence", "reference"), ("Réf.", "ref"), ("REF", "ref"), ("Qté", "qte"),
     ("Prix T.T.C.", "prixttc"), ("Code-barre", "codebarre"), ("CODE_BARRE", "codebarre"),
     ("  État ", "etat"), ("N° article", "narticle")],
)
def test_header_folding(header: str, folded: str) -> None:
    assert fold(header) == folded


@pytest.mark.parametrize(
    ("value", "text"),
    [(3662000123456.0, "3662000123456"), (1290.5, "1290.5"), (19.990000000000002, "19.99"),
     (2.0, "2"), (7, "7"), (Decimal("1290.50"), "1290.50"), (None, ""), (True, "1"),
     (float("nan"), "")],
)
def test_typed_cells_keep_their_digits(value: object, text: str) -> None:
    assert cell_text(value) == text


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A[0-9]{1,9}([.,][0-9]{1,4})?\Z"))
def test_plain_prices_read_as_the_general_rules_read_them(text: str) -> None:
    # a padded cell skips the fast path for plain numbers and takes the general one
    assert parse_price(text) == parse_price(f" {text} ")
    assert str(parse_price(text)) == str(parse_price(f" {text} "))  # same digits, same exponent


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.from_regex(r"\A[0-9]{1,7}([.,][0-9]{1,3})?\Z"),
                          st.sampled_from(["", " 12", "1 290,00", "1.290,50", "12€", "-3", "x", "1\n2"])),
                min_size=1, max_size=20))
def test_a_column_of_plain_prices_reads_as_each_price(texts: list[str]) -> None:
    from shopsync.erp.values import parse_plain_prices

    column = parse_plain_prices(texts)
    plain = all(text and text.replace(",", ".", 1).replace(".", "", 1).isdigit() and text.isascii()
                for text in texts)
    assert (column is not None) == plain
    if column is not None:
        assert [str(value) for value in column] == [str(parse_price(text)) for text in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.from_regex(r"\A[0-9]{1,7}([.,][0-9]{1,3})?\Z"),
                          st.sampled_from(["", " 12", "1 290,00", "1.290,50", "12€", "-3", "x",
                                           "1\r", "sur demande"])),
                min_size=1, max_size=20), st.integers(0, 20))
def test_a_column_split_into_plain_prices_and_others_reads_as_each_price(
        texts: list[str], most: int) -> None:
    from shopsync.erp.values import split_plain_prices

    plain = [bool(text) and text.isascii()
             and text.replace(",", ".", 1).replace(".", "", 1).isdigit() for text in texts]
    got = split_plain_prices(texts, most)
    assert (got is None) == (plain.count(False) > most)
    if got is not None:
        values, odd = got
        assert odd == [i for i, p in enumerate(plain) if not p]
        assert [str(v) for v in values] == [
            str(parse_price(t)) if p else "None" for t, p in zip(texts, plain, strict=True)]
