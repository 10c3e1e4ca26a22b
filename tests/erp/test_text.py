"""Delimited text exports: code pages, separators, line ends, preambles, footers, rejects."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from shopsync.erp import read_export
from shopsync.errors import InputError
from shopsync.i18n import english

from .corpus import HEADER, ROWS, write_text


def by_ref(result):  # type: ignore[no-untyped-def]
    return {(line.reference, line.size): line for line in result.lines}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "cp850", "mac_roman"])
def test_code_pages_are_detected(tmp_path: Path, encoding: str) -> None:
    path = write_text(tmp_path / "stock.csv", ROWS, encoding=encoding)
    result = read_export(path)
    assert result.details["encoding"] in (encoding, {"latin-1": "cp1252"}.get(encoding))
    lines = by_ref(result)
    assert lines[("B-1001", "52")].designation == "Bague Liens or rosé"
    assert lines[("C-2001", None)].designation == "Collier chaîne argent 925"
    assert lines[("B-1002", "56.5")].status == "Réservé"
    assert result.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_profile_code_page_is_used_after_utf8_fails(tmp_path: Path) -> None:
    # cp850 bytes that also decode (wrongly) as cp1252: the profile's word settles it.
    path = write_text(tmp_path / "stock.csv", ROWS, encoding="cp850")
    profile = tmp_path / "dos.toml"
    profile.write_text('[options]\nencoding = "cp850"\n', encoding="utf-8")
    assert read_export(path, profile).details["encoding"] == "cp850"


def test_utf8_wins_over_the_profile_code_page(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", ROWS, encoding="utf-8")
    result = read_export(path, "bijou3")  # bijou3 says cp1252
    assert result.details["encoding"] == "utf-8"
    assert by_ref(result)[("B-1001", "52")].designation == "Bague Liens or rosé"


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_separators_are_detected(tmp_path: Path, delimiter: str) -> None:
    path = write_text(tmp_path / "stock.txt", ROWS, delimiter=delimiter)
    result = read_export(path)
    assert result.details["delimiter"] == delimiter
    assert by_ref(result)[("B-1001", "52")].price == Decimal("1290.00")
    assert len(result.lines) == 4 and not result.rejected


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_ends(tmp_path: Path, newline: str) -> None:
    path = write_text(tmp_path / "stock.csv", ROWS, newline=newline)
    result = read_export(path)
    assert [line.line for line in result.lines] == [2, 3, 4, 5]


def test_4d_export_text_tab_and_bare_cr_in_mac_roman(tmp_path: Path) -> None:
    # EXPORT TEXT: tab between fields, CR after records, nothing quoted
    text = "Référence\tMarque\tDésignation\tQté\tPrix TTC\r4D-1\tDinh Van\tBague \"Menottes\" or\t1\t1290,00\r"
    path = tmp_path / "export.txt"
    path.write_bytes(text.encode("mac_roman"))
    result = read_export(path, "4d-text")
    assert not result.rejected
    line = result.lines[0]
    assert (line.reference, line.designation, line.line) == ("4D-1", 'Bague "Menottes" or', 2)
    assert result.details["encoding"] == "mac_roman"


def test_quoted_fields_hold_separators_and_newlines(tmp_path: Path) -> None:
    rows = [
        ["Q-1", "Cartier", "Bague; or\nblanc", "1", "10", "", "", ""],
        ["Q-2", "Cartier", 'dit "Love"', "2", "20", "", "", ""],
    ]
    path = write_text(tmp_path / "stock.csv", rows, quote_all=True)
    result = read_export(path)
    lines = by_ref(result)
    assert lines[("Q-1", None)].designation == "Bague; or\nblanc"
    assert lines[("Q-2", None)].designation == 'dit "Love"'
    assert lines[("Q-1", None)].line == 2
    assert lines[("Q-2", None)].line == 4  # the record before spans two lines


def test_preamble_blank_and_footer_lines(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "stock.csv",
        ROWS[:2] + [[""] * 8] + ROWS[2:],
        preamble=["EXTRACTION DU STOCK", "Bijouterie Martin - édité le 03/02/2025", ""],
        footer=["", "Total : 4 articles", "Fin de l'export"],
    )
    result = read_export(path)
    assert result.details["header_line"] == 4
    assert not result.rejected, [str(p) for p in result.rejected]
    assert result.raw_lines == 4
    assert [line.line for line in result.lines] == [5, 6, 8, 9]


def test_repeated_header_lines_are_not_data(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [ROWS[0], HEADER, ROWS[1]])
    result = read_export(path)
    assert len(result.lines) == 2 and not result.rejected


def test_unreadable_lines_are_rejected_the_rest_kept(tmp_path: Path) -> None:
    rows = [
        ["OK-1", "Fred", "a", "1", "10", "", "", ""],
        ["", "Fred", "no reference", "1", "10", "", "", ""],
        ["BAD-Q", "Fred", "b", "2,5", "10", "", "", ""],
        ["BAD-P", "Fred", "c", "1", "dix euros", "", "", ""],
        ["OK-2", "Fred", "d", "3", "", "", "", ""],
    ]
    path = write_text(tmp_path / "stock.csv", rows)
    # a file cut while being written: the last line stops mid-field
    path.write_bytes(path.read_bytes() + b"CUT-1;Fred;Bague en o")
    result = read_export(path)
    assert [line.reference for line in result.lines] == ["OK-1", "OK-2"]
    messages = [str(p) for p in result.rejected]
    assert messages == [
        f"{path}:3 : référence : vide : la ligne est ignorée",
        f"{path}:4 : quantité : « 2,5 » n'est pas un nombre entier (ligne refusée)",
        f"{path}:5 : prix : « dix euros » n'est pas un prix (ligne refusée)",
        f"{path}:7: trop peu de champs (3 sur 8 attendus ; le fichier a-t-il été coupé pendant "
        "son écriture ?)",
    ]
    assert [english(m) for m in messages] == [  # as stored (runs, status --json)
        f"{path}:3: reference: empty: the line is skipped",
        f"{path}:4: quantity: '2,5' is not a whole number (line rejected)",
        f"{path}:5: price: 'dix euros' is not a price (line rejected)",
        f"{path}:7: too few fields (3 of 8 expected; was the file cut while being written?)",
    ]
    assert result.raw_lines == 6


def test_negative_quantity_becomes_zero_with_a_warning(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["N-1", "Fred", "a", "-2", "10", "", "", ""]])
    result = read_export(path)
    assert result.lines[0].quantity == 0
    assert [str(w) for w in result.warnings] == [f"{path}:2 : quantité : -2 (vendu en trop), compté comme 0"]


def test_same_reference_and_size_merge(tmp_path: Path) -> None:
    rows = [
        ["ALL-3", "Alliances", "Alliance or 3mm", "1", "450,00", "T52", "", ""],
        ["ALL-3", "Alliances", "Alliance or 3mm", "1", "450,00", "52", "", ""],
        ["ALL-3", "Alliances", "Alliance or 3mm", "2", "470,00", "54", "", ""],
        ["ALL-3", "Alliances", "Alliance or 3mm", "1", "490,00", "T.54", "", ""],
        ["PIECE", "Pandora", "Charm", "1", "39", "", "", ""],
        ["PIECE", "Pandora", "Charm", "1", "39", "", "", ""],
    ]
    path = write_text(tmp_path / "stock.csv", rows)
    result = read_export(path)
    lines = by_ref(result)
    assert lines[("ALL-3", "52")].quantity == 2
    assert lines[("ALL-3", "54")].quantity == 3
    assert lines[("ALL-3", "54")].price == Decimal("490.00")
    assert lines[("ALL-3", "54")].line == 4
    assert lines[("PIECE", None)].quantity == 2
    assert result.raw_lines == 6
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert (warning.line, warning.field) == (5, "price")
    assert "le plus élevé est gardé, 490.00" in warning.reason and "ligne 4" in warning.reason


def test_references_are_trimmed_but_kept_as_written(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["  t120.417.17.041.00 ", "Tissot", "x", "1", "1", "", "", ""]])
    assert read_export(path).lines[0].reference == "t120.417.17.041.00"


def test_header_only_file_reads_as_no_items(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [])
    result = read_export(path)
    assert result.lines == [] and result.raw_lines == 0


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n  \n", b"\xef\xbb\xbf"])
def test_empty_file_is_a_whole_file_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        read_export(path)


def test_binary_file_is_a_whole_file_error(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError, match="pas un export lisible") as info:
        read_export(path)
    assert english(str(info.value)) == (
        f"{path}: not a readable export: this looks like binary data (NUL bytes). ShopSync reads "
        "CSV/TXT, XLSX/XLS/ODS and DBF exports.")


def test_pdf_saved_as_csv_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError, match="PDF"):
        read_export(path)


def test_no_reference_column_names_headers_and_names_tried(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["x", "1"]], header=["Libellé", "Quantité"])
    with pytest.raises(InputError) as info:
        read_export(path)
    message = str(info.value)
    assert str(path) in message
    assert "en-têtes trouvés ligne 1 : « Libellé, Quantité »" in message  # a French shop (conftest)
    assert "headers found on line 1: Libellé, Quantité." in english(message)  # as written, not "Quantity"
    assert "Référence" in message and "Code article" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="fichier introuvable"):  # the suite runs in French
        read_export(tmp_path / "nope.csv")


def test_without_quantity_column_each_line_is_a_piece(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["P-1"], ["P-1"], ["P-2"]], header=["Réf.", "Marque"][:1])
    path.write_text("Réf.;Marque\nP-1;Fred\nP-1;Fred\nP-2;Fred\n", encoding="utf-8")
    result = read_export(path)
    assert {line.reference: line.quantity for line in result.lines} == {"P-1": 2, "P-2": 1}
    assert any("pas de colonne de quantité" in w.reason for w in result.warnings)


def test_ean_damaged_by_excel_is_warned_and_dropped(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["E-1", "Fred", "x", "1", "1", "", "3,66E+12", ""]])
    result = read_export(path)
    assert result.lines[0].ean is None
    assert "notation scientifique" in result.warnings[0].reason


def test_many_lines_cross_batches_and_merge(tmp_path: Path) -> None:
    rows = [[f"R{i % 3000}", "Fred", "x", "1", f"{10 + i % 7},00", "", "", ""] for i in range(7000)]
    path = write_text(tmp_path / "stock.csv", rows)
    result = read_export(path)
    assert len(result.lines) == 3000
    assert sum(line.quantity for line in result.lines) == 7000
    first = {line.reference: line.line for line in result.lines}
    assert first["R0"] == 2 and first["R2999"] == 3001
    expected_price = {f"R{r}": max(10 + i % 7 for i in range(r, 7000, 3000)) for r in range(3000)}
    assert all(line.price == expected_price[line.reference] for line in result.lines)


def test_euro_sign_and_nbsp_in_cp1252(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["E-1", "Fred", "x", "1", "1\u00a0290,00\u00a0€", "", "", ""]],
                      encoding="cp1252")
    assert read_export(path).lines[0].price == Decimal("1290.00")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.txt", ROWS, encoding="utf-16", delimiter="\t")
    result = read_export(path)
    assert result.details["encoding"] == "utf-16"
    assert by_ref(result)[("B-1001", "52")].designation == "Bague Liens or rosé"


def test_cp1252_undefined_byte_does_not_fail_the_file(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", ROWS, encoding="cp1252")
    path.write_bytes(path.read_bytes().replace(b"Montre PRX", b"Montre\x81PRX"))
    result = read_export(path)
    assert by_ref(result)[("M-3001", None)].designation == "Montre\x81PRX 40 mm"
    assert by_ref(result)[("B-1001", "52")].designation == "Bague Liens or rosé"


def test_preview_of_a_text_export(tmp_path: Path) -> None:
    from shopsync.erp import preview

    path = write_text(tmp_path / "stock.csv", ROWS, encoding="cp850", delimiter="|", preamble=["Stock"])
    shown = preview(path, rows=2)
    assert (shown.encoding, shown.delimiter) == ("cp850", "|")
    assert shown.headers == HEADER
    assert shown.mapping == {"reference": "Référence", "brand": "Marque", "designation": "Désignation",
                             "quantity": "Qté", "price": "Prix TTC", "size": "Taille", "ean": "EAN",
                             "status": "Statut"}
    assert shown.rows == [ROWS[0], ROWS[1]]


def test_a_glob_reads_the_newest_file(tmp_path: Path) -> None:
    import os

    old = write_text(tmp_path / "stock_1.csv", ROWS[:1])
    new = write_text(tmp_path / "stock_2.csv", ROWS[1:2])
    os.utime(old, (1_600_000_000, 1_600_000_000))
    result = read_export(str(tmp_path / "stock_*.csv"))
    assert result.source == str(new)
    assert [line.reference for line in result.lines] == ["B-1002"]
