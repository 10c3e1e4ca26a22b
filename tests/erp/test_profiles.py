"""Profiles: presets, the shop's own profiles, explicit mappings, status values, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopsync.erp import available_profiles, load_profile, read_export
from shopsync.erp.detect import map_columns
from shopsync.errors import ConfigError, InputError
from shopsync.i18n import english

from .corpus import write_text

PRESETS = ["auto", "bijou3", "cestia", "m3soft", "4d-text", "4d-rest", "odbc"]


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads(name: str, tmp_path: Path) -> None:
    profile = load_profile(name, home=tmp_path)
    assert profile.name == name and profile.description
    assert name in available_profiles(tmp_path)


def test_user_profile_shadows_the_preset(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "bijou3.toml").write_text('description = "tuned"\n[options]\ndelimiter = "tab"\n', encoding="utf-8")
    profile = load_profile("bijou3", home=tmp_path)
    assert profile.description == "tuned" and profile.options.delimiter == "\t"


def test_unknown_profile_lists_the_available_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="available: 4d-rest, 4d-text, auto, bijou3"):
        load_profile("bijoux3", home=tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns]\nreferense = 'Réf'\n", "unknown field 'referense'"),
        ("[options]\ndelimter = ';'\n", "unknown key 'delimter'"),
        ("[options]\nencoding = 'klingon'\n", "unknown code page"),
        ("[source]\ntype = 'ftp'\n", "type: expected one of"),
        ("[columns]\nquantity = 0\n", "column number"),
        ("[options]\nheader = false\n[columns]\nreference = 'Réf'\n", "column numbers"),
        ("not toml at all [", "not valid TOML"),
    ],
)
def test_bad_profiles_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_profile(path)


def test_explicit_mapping_overrides_detection(tmp_path: Path) -> None:
    # "Stock" would be detected as the quantity; the profile says it is "Dispo"
    path = tmp_path / "stock.csv"
    path.write_text("Code article;Réf. fournisseur;Stock;Dispo;Prix HT;Prix public\n"
                    "INT-1;T120.417;9;2;100;129,00\n", encoding="utf-8")
    profile = tmp_path / "shop.toml"
    profile.write_text('[columns]\nreference = "Réf. fournisseur"\nquantity = "Dispo"\n', encoding="utf-8")
    line = read_export(path, profile).lines[0]
    assert (line.reference, line.quantity, str(line.price)) == ("T120.417", 2, "129.00")
    detected = read_export(path).lines[0]
    assert (detected.reference, detected.quantity) == ("INT-1", 9)


def test_a_column_can_be_switched_off(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["A", "Fred", "x", "1", "10", "", "", "Actif"]])
    profile = tmp_path / "p.toml"
    profile.write_text("[columns]\nstatus = false\n", encoding="utf-8")
    assert read_export(path, profile).lines[0].status is None


def test_headerless_file_with_column_numbers(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("A-1\tFred\t3\nA-2\tFred\t1\n", encoding="utf-8")
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nheader = false\ndelimiter = "tab"\n[columns]\nreference = 1\nbrand = 2\nquantity = 3\n',
                       encoding="utf-8")
    result = read_export(path, profile)
    assert [(line.reference, line.brand, line.quantity, line.line) for line in result.lines] == [
        ("A-1", "Fred", 3, 1), ("A-2", "Fred", 1, 2)]


def test_status_values_translate_erp_codes(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["A", "Fred", "x", "1", "10", "", "", "R"],
                                               ["B", "Fred", "x", "1", "10", "", "", "S"]])
    profile = tmp_path / "p.toml"
    profile.write_text('[status_values]\nr = "Réservé"\n', encoding="utf-8")
    assert [line.status for line in read_export(path, profile).lines] == ["Réservé", "S"]


def test_profile_reference_column_missing_names_it(tmp_path: Path) -> None:
    path = write_text(tmp_path / "stock.csv", [["A", "1"]], header=["Libellé", "Qté"])
    profile = tmp_path / "p.toml"
    profile.write_text('[columns]\nreference = "Code interne"\n', encoding="utf-8")
    with pytest.raises(InputError, match="Noms essayés pour la référence : « Code interne, Référence") as info:
        read_export(path, profile)
    assert "Names tried for the reference: Code interne, Référence" in english(str(info.value))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["REF", "Fournisseur", "Libellé", "Quantité", "PV TTC", "TLD", "Gencod", "État"],
         {"reference": 0, "brand": 1, "designation": 2, "quantity": 3, "price": 4, "size": 5, "ean": 6, "status": 7}),
        (["Code article", "Prix d'achat", "Prix HT", "Prix de vente TTC", "Stock mini", "Stock réel"],
         {"reference": 0, "price": 3, "quantity": 5}),
        (["SKU", "Brand", "Name", "Qty", "Retail price", "Ring size", "Barcode", "Status"],
         {"reference": 0, "brand": 1, "designation": 2, "quantity": 3, "price": 4, "size": 5, "ean": 6, "status": 7}),
        (["Réf. article", "Code-barres", "Désignation article", "Qté en stock"],
         {"reference": 0, "ean": 1, "designation": 2, "quantity": 3}),
    ],
)
def test_column_detection_in_french_and_english(headers: list[str], expected: dict[str, int]) -> None:
    assert dict(map_columns(headers).index) == expected


def test_settings_window_columns_in_config_apply_to_the_configured_profile(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("Code article;Réf. fournisseur;Stock\nINT-1;T120.417;9\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text('[erp]\nprofile = "bijou3"\n[erp.columns]\nreference = "Réf. fournisseur"\n',
                                      encoding="utf-8")
    assert read_export(path, "bijou3", home=home).lines[0].reference == "T120.417"
    assert read_export(path, "auto", home=home).lines[0].reference == "INT-1"  # another profile


def test_the_fields_a_profile_names_are_the_stock_lines_own() -> None:
    from shopsync.erp.detect import map_columns
    from shopsync.erp.fields import FIELDS
    from shopsync.erp.profiles import parse_profile
    from shopsync.model import StockLine

    assert StockLine._fields[: len(FIELDS)] == FIELDS  # the record's fields, in its order
    columns = {str(field): f"Colonne {n}" for n, field in enumerate(FIELDS)}
    profile = parse_profile({"columns": columns}, name="all", where="test")
    headers = [f"Colonne {n}" for n in range(len(FIELDS))]
    assert dict(map_columns(headers, profile.columns).index) == {f: n for n, f in enumerate(FIELDS)}
    with pytest.raises(ConfigError, match="fields: reference, brand, designation, quantity, price, size, ean, status"):
        parse_profile({"columns": {"prix": "Prix"}}, name="bad", where="test")
