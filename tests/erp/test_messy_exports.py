"""Exports as they really come (issue 13): code pages mixed in one file, the stock on a
later sheet, two columns with the same header. Files are written by real writers: Python's
codecs in each code page, openpyxl for workbooks (merged cells included)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopsync.cli import main
from shopsync.erp import read_export
from shopsync.erp.mixed_text import decode_by_line, first_invalid_utf8
from shopsync.errors import InputError
from shopsync.i18n import english

from .corpus import HEADER, ROWS, write_text

APPENDED = [
    ["A-9001", "Mauboussin", "Bague Étoile divine or rosé", "1", "1 990,00", "", "", "Réservé"],
    ["A-9002", "Lalique", "Pendentif cœur cristal", "2", "290,00", "", "", ""],
]


def _utf8_with_cp1252_tail(tmp_path: Path, *, bom: bool = False, code_page: str = "cp1252",
                           appended: list[list[str]] = APPENDED) -> Path:
    """A UTF-8 export, then lines added by someone whose editor writes `code_page`."""
    path = write_text(tmp_path / "stock.csv", ROWS, encoding="utf-8-sig" if bom else "utf-8")
    tail = write_text(tmp_path / "tail.csv", appended, encoding=code_page, header=None)
    path.write_bytes(path.read_bytes() + tail.read_bytes())
    return path


def test_utf8_export_with_appended_cp1252_lines_is_read_line_by_line(tmp_path: Path) -> None:
    path = _utf8_with_cp1252_tail(tmp_path)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the premise: the file as a whole is not UTF-8
    result = read_export(path)
    assert result.details["encoding"] == "utf-8+cp1252"
    assert result.details["mapping"]["reference"] == "Référence"  # not `RÃ©fÃ©rence`
    lines = {line.reference: line for line in result.lines}
    assert lines["B-1001"].designation == "Bague Liens or rosé"  # a UTF-8 line
    assert lines["B-1002"].status == "Réservé"
    assert lines["A-9001"].designation == "Bague Étoile divine or rosé"  # a cp1252 line
    assert lines["A-9002"].designation == "Pendentif cœur cristal"
    assert (lines["A-9001"].line, lines["A-9001"].price) == (6, Decimal("1990.00"))
    assert not result.rejected
    [warning] = [w for w in result.warnings if "UTF-8" in w.reason]
    assert str(warning) == (f"{path}:6: les lignes 6-7 ne sont pas en UTF-8 (le reste du fichier "
                            "l'est) : lues en cp1252")  # a French shop (conftest)
    assert english(str(warning)) == (f"{path}:6: lines 6-7 are not UTF-8 (the rest of the file is): "
                                     "read as cp1252")


def test_lines_in_the_profile_code_page_after_a_bom(tmp_path: Path) -> None:
    dos_rows = [APPENDED[0], ["A-9003", "Dinh Van", "Créoles Pi argent", "1", "350,00", "", "", ""]]
    path = _utf8_with_cp1252_tail(tmp_path, bom=True, code_page="cp850", appended=dos_rows)
    profile = tmp_path / "dos.toml"
    profile.write_text('[options]\nencoding = "cp850"\n', encoding="utf-8")
    result = read_export(path, profile)
    lines = {line.reference: line for line in result.lines}
    assert lines["A-9001"].designation == "Bague Étoile divine or rosé"
    assert lines["A-9003"].designation == "Créoles Pi argent"
    assert lines["B-1001"].designation == "Bague Liens or rosé"
    assert any("lignes 6-7 ne sont pas en UTF-8" in w.reason and w.reason.endswith("cp850")
               for w in result.warnings)


def test_mixed_lines_through_the_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _utf8_with_cp1252_tail(tmp_path)
    assert main(["read", str(path), "--format", "summary"]) == 0
    out, err = capsys.readouterr()
    assert "utf-8+cp1252" in out and "articles : 6" in out  # French system (conftest)
    assert f"{path}:6: les lignes 6-7 ne sont pas en UTF-8" in err and "Traceback" not in err


def test_a_whole_cp1252_export_is_not_called_mixed(tmp_path: Path) -> None:
    result = read_export(write_text(tmp_path / "stock.csv", ROWS + APPENDED, encoding="cp1252"))
    assert result.details["encoding"] == "cp1252"
    assert not [w for w in result.warnings if "UTF-8" in w.reason]


def _workbook_with_info_first(path: Path, *, stock: bool = True) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    info = book.active
    info.title = "Info"
    info.append(["Export du stock"])
    info.append(["Boutique", "Bijouterie du Centre"])
    info.append(["Date", "03/02/2025"])
    sheet = book.create_sheet("Stock")
    sheet.append(["Stock au 03/02/2025"] + [None] * 7)
    sheet.merge_cells("A1:H1")  # the title, centred over the columns
    sheet.append(HEADER if stock else ["Libellé", "Quantité"])
    for row in ROWS:
        sheet.append([row[0], row[1], row[2], int(row[3]), row[4], row[5], row[6], row[7]])
    book.save(path)
    return path


def test_stock_on_the_second_sheet_under_a_merged_title(tmp_path: Path) -> None:
    path = _workbook_with_info_first(tmp_path / "stock.xlsx")
    result = read_export(path)
    assert result.details["sheet"] == "Stock" and result.details["header_line"] == 2
    assert [(line.reference, line.line) for line in result.lines][:2] == [("B-1001", 3), ("B-1002", 4)]
    assert result.lines[0].designation == "Bague Liens or rosé" and result.lines[0].quantity == 2
    [warning] = result.warnings
    assert warning.source == str(path) and warning.severity == "warning"
    assert warning.reason.startswith(
        "feuille « Stock » lue : pas de colonne de référence dans 'Info' avant elle")
    assert english(str(warning)).startswith(
        f"{path}: read the sheet 'Stock': no reference column in 'Info' before it")


def test_no_sheet_with_a_reference_column_is_the_first_sheets_error(tmp_path: Path) -> None:
    path = _workbook_with_info_first(tmp_path / "stock.xlsx", stock=False)
    with pytest.raises(InputError, match="pas de colonne de référence ; en-têtes trouvés ligne 2 : "
                       "« Boutique") as info:
        read_export(path)
    assert "no reference column; headers found on line 2: Boutique" in english(str(info.value))


def test_two_columns_with_the_same_header_warn_and_a_profile_picks_one(tmp_path: Path) -> None:
    header = ["Référence", "Désignation", "Prix TTC", "Qté", "Prix TTC"]
    rows = [["B-1", "Bague", "1 290,00", "1", "990,00"], ["B-2", "Collier", "89,90", "2", "79,00"]]
    path = write_text(tmp_path / "stock.csv", rows, header=header, encoding="cp1252")
    result = read_export(path)
    assert [line.price for line in result.lines] == [Decimal("1290.00"), Decimal("89.90")]
    assert [str(w) for w in result.warnings] == [
        f"{path}:1 : prix : l'en-tête « Prix TTC » est sur les colonnes 3 et 5 : la colonne 3 "
        "est lue (pour lire la colonne 5 à la place, donnez son numéro dans le profil : "
        "[columns] price = 5)"]
    assert english(str(result.warnings[0])) == (
        f"{path}:1: price: the header 'Prix TTC' is on columns 3 and 5: column 3 is read "
        "(to read column 5 instead, give its number in the profile: [columns] price = 5)")
    profile = tmp_path / "second.toml"
    profile.write_text("[columns]\nprice = 5\n", encoding="utf-8")
    chosen = read_export(path, profile)
    assert [line.price for line in chosen.lines] == [Decimal("990.00"), Decimal("79.00")]
    assert not chosen.warnings  # the profile chose: nothing left to warn about


def test_same_header_twice_in_a_workbook(tmp_path: Path) -> None:
    from .corpus import write_xlsx

    path = write_xlsx(tmp_path / "stock.xlsx", [["Réf.", "Prix TTC", "Stock", "Prix TTC"],
                                               ["A-1", 10, 1, 12]])
    result = read_export(path)
    assert result.lines[0].price == Decimal("10")
    assert [(w.line, w.field) for w in result.warnings] == [(1, "price")]
    assert "colonnes 2 et 4" in result.warnings[0].reason


WORDS = ["Bague", "Créoles", "Chaîne", "Pendentif cœur", "Étoile", "or rosé", "30€", "argent"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.booleans()),
                min_size=1, max_size=30), st.sampled_from(["\r\n", "\n", "\r"]))
def test_each_line_reads_back_in_its_own_code_page(lines, newline) -> None:  # type: ignore[no-untyped-def]
    texts = ["Référence;Désignation"] + [f"R{n};{' '.join(words)}" for n, (words, _) in enumerate(lines)]
    data = newline.encode("ascii").join(
        [texts[0].encode("utf-8")]
        + [text.encode("cp1252" if in_cp1252 else "utf-8") for text, (_, in_cp1252) in zip(texts[1:], lines, strict=True)]
    )
    bad = first_invalid_utf8(data)
    expected = [n + 2 for n, (words, in_cp1252) in enumerate(lines)
                if in_cp1252 and not " ".join(words).isascii()]
    assert (bad is None) == (not expected)
    if bad is not None:
        mixed = decode_by_line(data, bad)
        assert mixed.utf8.decode("utf-8") == newline.join(texts)
        assert list(mixed.lines) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"a", "é".encode(), "€".encode(), "😀".encode(), b"\xe9", b"\xff", b"\r\n"]),
                max_size=40), st.sampled_from([4, 5, 7, 1 << 20]))
def test_invalid_utf8_found_across_chunk_boundaries(parts: list[bytes], chunk: int) -> None:
    from shopsync.erp import mixed_text

    data = b"".join(parts)
    try:
        data.decode("utf-8")
        expected = None
    except UnicodeDecodeError as exc:
        expected = exc.start
    original, mixed_text._CHUNK = mixed_text._CHUNK, chunk
    try:
        assert first_invalid_utf8(data) == expected
    finally:
        mixed_text._CHUNK = original
