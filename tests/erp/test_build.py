"""The builder's one road: StockLines built in C loops give what the constructor gives, and
a text export read with its lines counted from the chunks (`feed_reader`) gives what the same
rows give with the csv reader's own line numbers (`feed`, as every other source feeds it),
whatever the chunk size."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from itertools import repeat
from operator import attrgetter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopsync.erp import build
from shopsync.erp.build import make_stock_lines
from shopsync.erp.reader import read_export
from shopsync.errors import InputError
from shopsync.i18n import english
from shopsync.model import StockLine


def test_fast_stock_lines_equal_constructed_ones() -> None:
    columns = (["A", "B"], ["Fred", None], ["x", None], [2, 0], [Decimal("1.50"), None],
               ["52", None], ["3662000123456", None], ["Actif", None], [2, 9])
    fast = make_stock_lines(*[list(c) for c in columns])
    slow = [StockLine(*values) for values in zip(*columns, strict=True)]
    assert fast == slow
    assert hash(fast[0]) == hash(slow[0])
    assert repr(fast[1]) == repr(slow[1])


def test_importing_the_api_loads_no_reader_library() -> None:
    probe = ("import sys, shopsync.erp, shopsync.commands.read; "
             "print([m for m in ('python_calamine', 'dbfread', 'pyodbc', 'httpx', 'PySide6', 'shopsync.erp.reader') "
             "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


# --- lines counted per chunk (text exports) read as lines counted per record, line for line ---

HEADER = ["Référence", "Marque", "Désignation", "Qté", "Prix TTC", "Taille", "EAN", "Statut"]
CELLS = [
    ["A1", "B2", " A1 ", "", "  ", "Total", "C3"],  # references: repeats, blanks, a footer word
    ["Cartier", "", " Fred "],
    ["Bague", "", '"deux\r\nlignes"', '"a\nb\rc"', '"x;y"'],  # quoted separators and line breaks
    ["1", "2", "0", "-1", "", "x", "3,00", "1 200"],
    ["10,00", "12,50", "", "abc", "-3", "1 290,00"],
    ["", "T52", "52", "56,5", "S"],
    ["3662000123456", "", "3,66E+12", "12 34", "abc", "3662000123456.0"],
    ["Actif", "", "actif", "Réservé"],
]


def _read_both(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch, chunk: int):  # type: ignore[no-untyped-def]
    path = tmp_path / "stock.csv"
    path.write_bytes(text.encode("cp1252"))

    def outcome():  # type: ignore[no-untyped-def]
        try:
            result = read_export(path)
        except InputError as exc:
            return str(exc)
        return (result.lines, [str(p) for p in result.rejected], [str(p) for p in result.warnings],
                result.raw_lines)

    monkeypatch.setattr(build, "CHUNK_ROWS", chunk)
    columnar = outcome()
    with monkeypatch.context() as m:  # `feed`, over the csv reader's own line numbers
        m.setattr(build.Builder, "feed_reader", lambda self, reader, prev=0: self.feed(
            zip(reader, map(attrgetter("line_num"), repeat(reader)), strict=False), prev))
        rows = outcome()
    return columnar, rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_chunk_line_counts_read_as_the_readers_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data) -> None:  # type: ignore[no-untyped-def]
    fields = data.draw(st.lists(st.integers(0, 7), min_size=1, max_size=8, unique=True))
    unique = data.draw(st.booleans())  # mostly new references, or repeats (merges)
    lines = [";".join(HEADER[f] for f in fields)]
    for n in range(data.draw(st.integers(0, 40))):
        kind = data.draw(st.integers(0, 12))
        if kind == 0:
            lines.append("")
            continue
        cells = [data.draw(st.sampled_from(CELLS[f])) for f in fields]
        if unique and 0 in fields and kind > 3:
            cells[fields.index(0)] = f"R{n}"
        lines.append(";".join(cells[:-1] if kind == 1 else cells + ["extra"] if kind == 2 else cells))
    newline = data.draw(st.sampled_from(["\r\n", "\n", "\r"]))
    text = newline.join(lines) + data.draw(st.sampled_from(["", newline]))
    columnar, rows = _read_both(tmp_path, text, monkeypatch, data.draw(st.sampled_from([1, 2, 3, 7, 256])))
    assert columnar == rows


def test_line_numbers_after_a_quoted_line_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\r\n".join([
        ";".join(HEADER),
        "A1;Fred;Bague;1;10,00;;3662000123456;Actif",
        'A2;Fred;"deux\r\nlignes";1;10,00;;;Actif',
        "A3;Fred;Bague;x;10,00;;;Actif",  # line 5: rejected
        "A1;Fred;Bague;1;12,00;;;Actif",  # line 6: merged, price warning
    ])
    columnar, rows = _read_both(tmp_path, text, monkeypatch, 256)
    assert columnar == rows
    _, rejected, warnings, raw_lines = columnar
    rejected, warnings = [english(r) for r in rejected], [english(w) for w in warnings]  # as stored
    assert [r.split(": ")[0].rsplit(":", 1)[1] for r in rejected] == ["5"]
    assert any(":6: price: 12.00 differs from 10.00 for 'A1' (first seen on line 2)" in w for w in warnings)
    assert raw_lines == 4


def test_record_ends_count_the_line_breaks_quoted_fields_hold() -> None:
    rows = [["a"], ["b\r\nc", "d\re\nf"], [], ["g"]]  # CRLF is one break, a lone CR or LF one each
    assert build._record_ends(rows, 1, 8) == [2, 6, 7, 8]
    assert build._record_ends([["a"], ["b"]], 0, 5) == [1, 5]  # the last ends where the reader is


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_prices_to_the_cent_read_without_the_cache_as_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data) -> None:  # type: ignore[no-untyped-def]
    # most prices new in each chunk: the column is read in C loops (`_direct_prices`), the odd
    # cells by the rule; the outcome is the cached road's, line for line
    odd = ["", " 12", "1 290,00", "sur demande", "-3", "12€", "1.290,50"]
    lines = [";".join(HEADER[:5])]
    for _n in range(data.draw(st.integers(20, 300))):
        price = (data.draw(st.sampled_from(odd)) if data.draw(st.integers(0, 30)) == 0
                 else f"{data.draw(st.integers(0, 99999))},{data.draw(st.integers(0, 99)):02d}")
        ref = f"R{data.draw(st.integers(0, 400))}"  # repeats: merges and price warnings too
        lines.append(f"{ref};Fred;Bague;1;{price}")
    path = tmp_path / "stock.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    monkeypatch.setattr(build, "CHUNK_ROWS", data.draw(st.sampled_from([17, 40, 256])))

    def outcome():  # type: ignore[no-untyped-def]
        result = read_export(path)
        return (result.lines, [str(p) for p in result.rejected], [str(p) for p in result.warnings],
                result.raw_lines)

    direct = outcome()
    monkeypatch.setattr(build.Builder, "_direct_prices", lambda self, texts: None)
    assert direct == outcome()


def test_merge_warnings_come_in_line_order_with_the_others(tmp_path: Path) -> None:
    # merges are resolved after the rows are read: their warnings still take their line's
    # place among the others (a quantity read on line 4, a cp1252 line appended to a UTF-8
    # export on line 5)
    lines = [";".join(HEADER[:5]).encode("utf-8"), "A1;Fred;Bague é;1;10,00".encode(),
             b"A1;Fred;Bague;1;12,00", b"A2;Fred;Bague;;10,00",
             "A3;Fred;Bague è;1;5,00".encode("cp1252"), b"A3;Fred;Bague;x;5,00"]
    path = tmp_path / "stock.csv"
    path.write_bytes(b"\r\n".join(lines))
    result = read_export(path)
    assert [(p.line, p.field) for p in result.warnings] == [(3, "price"), (4, "quantity"), (5, None)]
    assert [(p.line, p.field) for p in result.rejected] == [(6, "quantity")]
    assert [(line.reference, line.quantity, str(line.price)) for line in result.lines] == [
        ("A1", 2, "12.00"), ("A2", 0, "10.00"), ("A3", 1, "5.00")]
