"""Hypothesis: no input makes a reader raise anything but InputError (or a value parser
anything but BadValue), and what is read keeps its invariants.

The readers' last-resort boundary (`reader._unexpected`) is replaced here by one that
re-raises: an exception no reader foresaw fails the test instead of being reworded.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopsync.erp import reader
from shopsync.erp.values import BadValue, parse_ean, parse_price, parse_quantity, parse_size
from shopsync.errors import InputError

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def strict_boundary(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def unexpected(where: str, exc: BaseException) -> InputError:
        raise AssertionError(f"unforeseen {type(exc).__name__} reading {where}") from exc

    monkeypatch.setattr(reader, "_unexpected", unexpected)


def read_bytes(data: bytes, name: str = "stock.csv"):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            result = reader.read_export(path)
        except InputError as exc:
            assert str(exc)
            return None
    keys = [(line.reference, line.size) for line in result.lines]
    assert len(keys) == len(set(keys))
    assert all(line.reference and line.reference == line.reference.strip() for line in result.lines)
    assert all(line.quantity >= 0 for line in result.lines)
    assert all(p.line is None or p.line >= 1 for p in result.rejected + result.warnings)
    assert result.raw_lines >= len(result.lines)
    return result


CELL = st.text(alphabet=st.sampled_from(list("AZaz09 ,.;\t|\"'\r\n-€éàçÉ\u00a0\u202f€£")), max_size=12)
HEADERS = st.lists(st.sampled_from(["Référence", "Réf.", "Qté", "Prix TTC", "Marque", "Taille", "EAN", "Statut",
                                    "Désignation", "Stock", "X"]), min_size=1, max_size=8)


@FUZZ
@given(st.binary(max_size=2048))
def test_any_bytes(data: bytes) -> None:
    read_bytes(data)


@FUZZ
@given(HEADERS, st.lists(st.lists(CELL, max_size=9), max_size=12), st.sampled_from([";", ",", "\t", "|"]),
       st.sampled_from(["\r\n", "\n", "\r"]), st.sampled_from(["utf-8", "cp1252", "cp850", "mac_roman", "utf-16"]))
def test_export_shaped_text(headers, rows, delimiter, newline, encoding) -> None:  # type: ignore[no-untyped-def]
    text = newline.join(delimiter.join(r) for r in [headers, *rows])
    read_bytes(text.encode(encoding, errors="ignore"))


@FUZZ
@given(st.binary(max_size=600))
def test_damaged_spreadsheets(tail: bytes) -> None:
    read_bytes(b"PK\x03\x04" + tail, "stock.xlsx")
    read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, "stock.xls")


@FUZZ
@given(st.binary(min_size=0, max_size=400), st.integers(0, 5))
def test_damaged_dbf(body: bytes, records: int) -> None:
    header = bytearray(32)
    header[0], header[1], header[2], header[3] = 0x03, 125, 1, 1
    header[4:8] = records.to_bytes(4, "little")
    header[8:10] = (32 + 32 + 1).to_bytes(2, "little")
    header[10:12] = (1 + 10).to_bytes(2, "little")
    field = bytearray(32)
    field[:9] = b"REFERENCE"
    field[11] = ord("C")
    field[16] = 10
    read_bytes(bytes(header) + bytes(field) + b"\r" + body, "stock.dbf")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30))
def test_value_parsers_raise_only_bad_value(text: str) -> None:
    for parse in (parse_price, parse_quantity, parse_size, parse_ean):
        with contextlib.suppress(BadValue):
            parse(text)
