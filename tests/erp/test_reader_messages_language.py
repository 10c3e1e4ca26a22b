"""Why a whole ERP source cannot be read, in the shop's language, and stored in English.

A French jeweller reads `stock.xlsx : pas de feuille nommée « Inventaire » (feuilles : « Stock »)`
in the tray's status window and from `shopsync sync --once`; runs, `--json` and the heartbeat
keep `stock.xlsx: no sheet named 'Inventaire' (sheets: Stock)`, the sentence these readers
said before they spoke French, and `i18n.in_language` turns the one back into the other.

Each case below makes the failure for real (a workbook written by openpyxl, a DBF by the `dbf`
package, a file still being written, an ODBC query through unixODBC's SQLite driver, the 4D
stand-in server on a socket) and checks the three forms. The suite runs as a French shop
(tests/conftest.py), so the readers speak French here.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopsync import i18n
from shopsync.erp import detect, fourd_rest, messages, read_export, resolve_source
from shopsync.errors import InputError

from .corpus import HEADER, ROWS, write_dbf, write_text, write_xlsx
from .fourd_standin import PASSWORD, Server4D, pieces, running
from .test_odbc import _profile, database, odbc_driver  # noqa: F401 - pytest fixtures
from .test_settle import FakeTime, age


def _refusal(*args: object) -> str:
    """What `read_export(*args)` says when it refuses the source (it must refuse it)."""
    with pytest.raises(InputError) as info:
        read_export(*args)  # type: ignore[arg-type]
    return str(info.value)


def _three_forms(french: str, english: str) -> None:
    """`french` is what the shop reads; its stored form is exactly `english`, which gives the
    same French back (a French shop reading yesterday's stored runs)."""
    assert i18n.english(french) == english
    assert i18n.in_language(english, "fr") == french
    assert i18n.in_language(english, "en") == english  # English is left as it is


# -- spreadsheets -----------------------------------------------------------------------------


def test_a_missing_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER], sheets={"Notes": [["rien"]]})
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nsheet = "Inventaire"\n', encoding="utf-8")
    said = _refusal(path, profile)
    assert said == f"{path} : pas de feuille nommée « Inventaire » (feuilles : « Stock, Notes »)"
    _three_forms(said, f"{path}: no sheet named 'Inventaire' (sheets: Stock, Notes)")


def test_a_sheet_number_past_the_last(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER])
    profile = tmp_path / "p.toml"
    profile.write_text("[options]\nsheet = 3\n", encoding="utf-8")
    said = _refusal(path, profile)
    assert said == f"{path} : pas de feuille numéro 3 (feuilles : « Stock »)"
    _three_forms(said, f"{path}: no sheet number 3 (sheets: Stock)")


def test_a_sheet_named_like_a_word_of_the_catalogue_stays_as_written(tmp_path: Path) -> None:
    """"Produits" is also a word of the tray ("Products" in English): as a sheet's name it is
    the shop's, and the stored English keeps it as the workbook spells it."""
    assert i18n.english("Produits") == "Products"  # the premise
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER])
    book = __import__("openpyxl").load_workbook(path)
    book["Stock"].title = "Produits"
    book.save(path)
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nsheet = "Inventaire"\n', encoding="utf-8")
    said = _refusal(path, profile)
    _three_forms(said, f"{path}: no sheet named 'Inventaire' (sheets: Produits)")


def test_an_empty_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [])
    said = _refusal(path)
    assert said == f"{path} : la feuille « Stock » est vide"
    _three_forms(said, f"{path}: the sheet 'Stock' is empty")


def test_a_workbook_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "stock.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    said = _refusal(path)
    assert said.startswith(f"{path} : pas un classeur lisible (")
    reason = said[len(f"{path} : pas un classeur lisible (") : -1]  # calamine's own words
    _three_forms(said, f"{path}: not a readable spreadsheet ({reason})")


def test_the_stock_found_after_two_sheets_without_references(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "stock.xlsx", [["Export du stock"]],
                      sheets={"Notes": [["rien"]], "Articles": [HEADER, ROWS[0]]})
    [warning] = read_export(path).warnings
    said = str(warning)
    tail = "(to read another sheet, name it in the profile: [options] sheet = \"...\")"
    assert said == (f"{path}: feuille « Articles » lue : pas de colonne de référence dans 'Stock', "
                    "'Notes' avant elle (pour lire une autre feuille, nommez-la dans le profil : "
                    "[options] sheet = \"...\")")
    _three_forms(said, f"{path}: read the sheet 'Articles': no reference column in 'Stock', "
                       f"'Notes' before it {tail}")


# -- DBF --------------------------------------------------------------------------------------


def test_a_dbf_that_cannot_be_read(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", "REF C(10); QTE N(3,0)", [("A-1", 2)])
    data = bytearray(path.read_bytes())
    assert data[32 + 32 + 11] == ord("N")  # the second field's type (descriptors of 32 bytes)
    data[32 + 32 + 11] = ord("Z")  # a type no dBase writes
    path.write_bytes(bytes(data))
    said = _refusal(path)
    assert said == f"{path} : pas une table DBF lisible (Unknown field type: 'Z')"
    _three_forms(said, f"{path}: not a readable DBF table (Unknown field type: 'Z')")


def test_a_csv_read_as_dbf_by_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "stock.dbf"
    path.write_text("Référence;Qté\nA;1\n", encoding="utf-8")  # too short for a DBF header
    profile = tmp_path / "p.toml"
    profile.write_text('[source]\nformat = "dbf"\n', encoding="utf-8")
    said = _refusal(path, profile)
    assert said.startswith(f"{path} : pas une table DBF lisible (")
    _three_forms(said, f"{path}: not a readable DBF table ({said.split(' (', 1)[1]}")


def test_a_dbf_whose_memo_file_is_missing(tmp_path: Path) -> None:
    path = write_dbf(tmp_path / "stock.dbf", "REF C(10); QTE N(3,0); NOTE M",
                     [("A-1", 2, "une note")])
    (tmp_path / "stock.dbt").unlink()
    [warning] = read_export(path).warnings
    said = str(warning)
    assert said == f"{path}: fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides"
    _three_forms(said, f"{path}: memo file (.dbt/.fpt) missing: memo fields read as empty")


# -- a file the ERP is still writing -------------------------------------------------------------


def test_a_file_still_being_written(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    fake = FakeTime()
    with pytest.raises(InputError) as info:
        resolve_source(str(path), settle_seconds=2.5, wait=False, clock=fake.clock, sleep=fake.sleep)
    said = str(info.value)
    assert said == (f"{path} : encore en cours d'écriture (modifié il y a moins de 2.5 s) ; il sera "
                    "lu dès qu'il ne change plus")
    _three_forms(said, f"{path}: still being written (changed less than 2.5 s ago); it will be "
                       "read once it stops changing")


def test_a_marker_older_than_the_file(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    marker = tmp_path / "stock.csv.done"
    marker.write_text("")
    age(marker, 600)
    path.write_text("ab")
    fake = FakeTime()
    with pytest.raises(InputError) as info:
        resolve_source(str(path), settle_seconds=3, wait=False, clock=fake.clock, sleep=fake.sleep)
    said = str(info.value)
    assert said == f"{path} : son fichier témoin est plus ancien que le fichier : encore en cours d'écriture"
    _three_forms(said, f"{path}: its marker file is older than the file: still being written")


def test_a_file_that_never_stops_changing(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("a")
    fake = FakeTime()
    fake.during_sleep = lambda now: path.write_text("a" * int(now))
    with pytest.raises(InputError) as info:
        resolve_source(str(path), settle_seconds=1, clock=fake.clock, sleep=fake.sleep)
    said = str(info.value)
    assert said == f"{path} : change encore après 60 s ; non lu"
    _three_forms(said, f"{path}: still changing after 60 s; not read")


# -- text exports -----------------------------------------------------------------------------


def test_a_pdf_saved_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    said = _refusal(path)
    assert said == (f"{path} : pas un export lisible : cela ressemble à un document PDF. ShopSync "
                    "lit les exports CSV/TXT, XLSX/XLS/ODS et DBF.")
    _three_forms(said, f"{path}: not a readable export: this looks like a PDF document. ShopSync "
                       "reads CSV/TXT, XLSX/XLS/ODS and DBF exports.")


def test_no_reference_column_keeps_the_headers_as_written(tmp_path: Path) -> None:
    """A header "Marque" (the tray's word for "Brand") is the file's: never translated."""
    path = write_text(tmp_path / "stock.csv", [["x"]], header=["Marque"])
    said = _refusal(path)
    assert said.startswith(f"{path} : pas de colonne de référence ; en-têtes trouvés ligne 1 : "
                           "« Marque ». Noms essayés pour la référence : « Référence, Réf., ")
    stored = i18n.english(said)
    assert stored.startswith(f"{path}: no reference column; headers found on line 1: Marque. "
                             "Names tried for the reference: Référence, Réf., ")
    assert stored.endswith('. Name the column in an ERP profile ([columns] reference = "...").')
    assert i18n.in_language(stored, "fr") == said


def _utf8_with_lines_in_cp1252(path: Path, bad: list[int]) -> Path:
    """A UTF-8 export (accents in it) whose lines `bad` (1-based, the header is line 1) were
    written in cp1252."""
    lines = [";".join(HEADER)] + [f"R-{n};Fred;Bague rosée;1;10,00;;;" for n in range(2, max(bad) + 3)]
    data = b"\r\n".join(
        line.encode("cp1252" if number in bad else "utf-8") for number, line in enumerate(lines, start=1)
    )
    path.write_bytes(data + b"\r\n")
    return path


def test_one_line_not_in_utf8(tmp_path: Path) -> None:
    path = _utf8_with_lines_in_cp1252(tmp_path / "stock.csv", [5])
    [warning] = read_export(path).warnings
    said = str(warning)
    assert said == f"{path}:5: la ligne 5 n'est pas en UTF-8 (le reste du fichier l'est) : lue en cp1252"
    _three_forms(said, f"{path}:5: line 5 is not UTF-8 (the rest of the file is): read as cp1252")


def test_many_lines_not_in_utf8_are_counted_past_the_first_runs(tmp_path: Path) -> None:
    bad = [4, 5, 6, *range(10, 40, 2)]  # 4-6, then 15 single lines: 16 runs, 12 shown
    path = _utf8_with_lines_in_cp1252(tmp_path / "stock.csv", bad)
    [warning] = read_export(path).warnings
    said = str(warning)
    shown = "4-6, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30"
    assert said == (f"{path}:4: les lignes {shown}, … (18 lignes en tout) ne sont pas en UTF-8 "
                    "(le reste du fichier l'est) : lues en cp1252")
    _three_forms(said, f"{path}:4: lines {shown}, … (18 lines in all) are not UTF-8 (the rest of "
                       "the file is): read as cp1252")


# -- ODBC (unixODBC's SQLite driver; skipped where it cannot be installed) -----------------------


def test_an_odbc_query_that_returns_no_rows(odbc_driver, database: Path, tmp_path: Path) -> None:  # noqa: F811 # type: ignore[no-untyped-def]
    profile = _profile(tmp_path, f"Driver=SQLite3;Database={database}",
                       "UPDATE Articles SET Stock = Stock WHERE 0")
    said = _refusal(None, profile)
    assert said == "odbc:odbc : la requête ne renvoie pas de lignes (est-ce un SELECT ?)"
    _three_forms(said, "odbc:odbc: the query returns no rows (is it a SELECT?)")


def test_a_failing_odbc_query_never_shows_the_password(odbc_driver, database: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: F811 # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_ODBC_PASSWORD", "pw-very-secret")
    profile = _profile(tmp_path, f"Driver=SQLite3;Database={database}", "SELECT * FROM Nowhere")
    said = _refusal(None, profile)
    assert said.startswith("odbc:odbc : la requête a échoué (") and "no such table: Nowhere" in said
    stored = i18n.english(said)
    assert stored == "odbc:odbc: the query failed (" + said.split(" (", 1)[1]
    assert "pw-very-secret" not in said + stored
    assert i18n.in_language(stored, "fr") == said


def test_a_profile_without_a_query(tmp_path: Path) -> None:
    profile = _profile(tmp_path, "Driver=SQLite3;Database=x.db", "")
    said = _refusal(None, profile)
    assert said == "odbc:odbc : le profil « odbc » n'a pas de requête [source] query"
    _three_forms(said, "odbc:odbc: the profile 'odbc' has no [source] query")


# -- 4D REST (the stand-in server of tests/erp/fourd_standin.py) -------------------------------


@pytest.fixture
def four_d() -> Iterator[str]:
    with running(Server4D(pieces(3), tracking=False)) as url:
        try:
            yield url
        finally:
            fourd_rest.close_sessions()


def _rest_profile(tmp_path: Path, url: str, data_class: str = "Article", **extra: str) -> Path:
    lines = ["[source]", 'type = "4d-rest"', f'url = "{url}"', f'data_class = "{data_class}"',
             'user = "web"', *(f"{k} = {v}" for k, v in extra.items())]
    path = tmp_path / "rest.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_4d_refuses_the_login(four_d: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "not-the-one")
    said = _refusal(None, _rest_profile(tmp_path, four_d))
    assert said == f"{four_d} : le serveur 4D a refusé la connexion de « web »"
    _three_forms(said, f"{four_d}: the 4D server refused the login of 'web'")


def test_4d_has_no_such_data_class(four_d: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    said = _refusal(None, _rest_profile(tmp_path, four_d, "Bijou"))
    assert said == f"{four_d}/rest/Bijou : cette classe de données n'existe pas sur le serveur 4D (HTTP 404)"
    _three_forms(said, f"{four_d}/rest/Bijou: no such data class on the 4D server (HTTP 404)")


def test_4d_answers_an_error(four_d: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    said = _refusal(None, _rest_profile(tmp_path, four_d, filter="\"stock > :1\""))  # no $params
    assert said == f"{four_d}/rest/Article : le serveur 4D a répondu HTTP 400"
    _three_forms(said, f"{four_d}/rest/Article: the 4D server answered HTTP 400")


def test_every_4d_licence_taken(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    store = Server4D(pieces(3), tracking=False, licences=1)
    with running(store) as url:
        try:
            assert store.login() is not None  # the shop's till took the only licence
            said = _refusal(None, _rest_profile(tmp_path, url))
        finally:
            fourd_rest.close_sessions()
    assert said == (f"{url} : toutes les licences du serveur 4D sont prises (HTTP 402) : la session "
                    "de ShopSync en demande une")
    _three_forms(said, f"{url}: every licence of the 4D server is in use (HTTP 402): ShopSync's "
                       "session needs one")


def test_an_unreachable_4d_server_nested_in_the_deletions_hint() -> None:
    """A sentence holding another one (`%1: ShopSync reads deletions from …`, `%1` being the
    4D server's refusal) is worded whole, the inner sentence too."""
    inner = messages.no_data_class("http://127.0.0.1:9/rest/__DeletedRecords")
    said = messages.deletions_unreadable(inner, "__DeletedRecords")
    assert said.startswith("http://127.0.0.1:9/rest/__DeletedRecords : cette classe de données")
    _three_forms(said, "http://127.0.0.1:9/rest/__DeletedRecords: no such data class on the 4D "
                       "server (HTTP 404): ShopSync reads deletions from __DeletedRecords, which 4D "
                       "adds with data change tracking; it must be exposed as a REST resource "
                       "(docs/erp-profiles.md)")


# -- where the shop reads them: the CLI, in both languages --------------------------------------


def _missing_sheet(tmp_path: Path) -> tuple[Path, Path]:
    path = write_xlsx(tmp_path / "stock.xlsx", [HEADER])
    profile = tmp_path / "p.toml"
    profile.write_text('[options]\nsheet = "Inventaire"\n', encoding="utf-8")
    return path, profile


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr_FR.UTF-8", "{path} : pas de feuille nommée « Inventaire » (feuilles : « Stock »)"),
    ("C", "{path}: no sheet named 'Inventaire' (sheets: Stock)"),
])
def test_the_command_line_says_it_in_the_systems_language(tmp_path: Path, lang: str, expected: str) -> None:
    path, profile = _missing_sheet(tmp_path)
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "SHOPSYNC_HOME": str(tmp_path / "home"),
           "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "shopsync", "read", str(path), "--profile", str(profile)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert expected.format(path=path) in done.stderr and "Traceback" not in done.stderr


def test_a_sync_stores_no_readable_item_in_english_and_shows_it_in_french(shop) -> None:  # type: ignore[no-untyped-def]
    from shopsync.config import load_settings
    from shopsync.services import Services

    shop.write([])  # the header alone: nothing to publish
    code, out = shop.cli_json("sync", "--once")  # a French system (conftest), `--json`: English
    english = f"{shop.export}: no readable item (0 lines rejected): nothing was changed on the site"
    assert (code, out["status"], out["message"]) == (2, "input_error", english), out
    with Services(load_settings(shop.home)) as svc:
        shown = svc.history.recent()[0]["message"]  # what the tray's history shows
    assert shown == (f"{shop.export} : aucun article lisible (0 lignes refusées) : rien n'a été "
                     "modifié sur le site")


# -- every sentence: its English is the text the readers wrote before they spoke French ----------

P = "/exports/stock.csv"
U = "http://127.0.0.1:8080/rest/Article"
B = "http://127.0.0.1:8080"
BOOM = ValueError("struct.error: bad header")

EVERY_SENTENCE = [
    (lambda: messages.cannot_be_read(P, "Input/output error"), f"{P}: cannot be read (Input/output error)"),
    (lambda: messages.marker_older(P), f"{P}: its marker file is older than the file: still being written"),
    (lambda: messages.still_being_written(P, 3.0),
     f"{P}: still being written (changed less than 3 s ago); it will be read once it stops changing"),
    (lambda: messages.still_changing(P, 60.0), f"{P}: still changing after 60 s; not read"),
    (lambda: messages.not_an_export(P, "a JPEG image"),
     f"{P}: not a readable export: this looks like a JPEG image. ShopSync reads CSV/TXT, XLSX/XLS/ODS and DBF exports."),
    (lambda: messages.not_an_export(P, "binary data (control characters)"),
     f"{P}: not a readable export: this looks like binary data (control characters). ShopSync reads "
     "CSV/TXT, XLSX/XLS/ODS and DBF exports."),
    (lambda: messages.unexpected_failure(P, "ValueError", BOOM),
     f"{P}: cannot be read (ValueError: struct.error: bad header); details in the log"),
    (lambda: messages.unclosed_quote(f"{P}:7", "field larger than field limit (131072)"),
     f"{P}:7: field larger than field limit (131072) (an opening quote that is never closed?)"),
    (lambda: messages.needs_calamine(P, "No module named 'python_calamine'"),
     f"{P}: reading spreadsheets needs python-calamine (No module named 'python_calamine')"),
    (lambda: messages.needs_dbfread(P, "No module named 'dbfread'"),
     f"{P}: reading DBF needs dbfread (No module named 'dbfread')"),
    (lambda: messages.needs_httpx(B, "No module named 'httpx'"), f"{B}: 4D REST needs httpx (No module named 'httpx')"),
    (lambda: messages.needs_pyodbc("odbc:BIJOU", "libodbc.so.2: cannot open shared object file"),
     "odbc:BIJOU: ODBC needs pyodbc and the system's ODBC driver manager (pip install "
     "'shopsync[odbc]'; on Linux, unixODBC): libodbc.so.2: cannot open shared object file"),
    (lambda: messages.no_sheet(P), f"{P}: the workbook has no sheet"),
    (lambda: messages.no_sheet_number(P, 4, ["Stock", "Notes"]), f"{P}: no sheet number 4 (sheets: Stock, Notes)"),
    (lambda: messages.no_sheet_named(P, "Inventaire", ["Stock"]), f"{P}: no sheet named 'Inventaire' (sheets: Stock)"),
    (lambda: messages.empty_sheet(P, "Feuil1"), f"{P}: the sheet 'Feuil1' is empty"),
    (lambda: messages.sheet_taken("Stock", ["Info"]),
     "read the sheet 'Stock': no reference column in 'Info' before it (to read another sheet, name "
     "it in the profile: [options] sheet = \"...\")"),
    (lambda: messages.not_a_spreadsheet(P, messages.password_protected()),
     f"{P}: not a readable spreadsheet (the workbook is password-protected)"),
    (lambda: messages.not_a_dbf(P, BOOM), f"{P}: not a readable DBF table (struct.error: bad header)"),
    (lambda: messages.memo_missing(), "memo file (.dbt/.fpt) missing: memo fields read as empty"),
    (lambda: messages.not_decoded("cp850"), "some text did not decode as cp850"),
    (lambda: messages.unreadable_value("DATEMAJ", "month must be in 1..12"),
     "DATEMAJ: unreadable value (month must be in 1..12)"),
    (lambda: messages.header_row_past(P, 12), f"{P}: the profile's header row 12 is past the data"),
    (lambda: messages.no_reference_column(P, messages.no_header_row(), "Référence, Réf."),
     f"{P}: no reference column; no header row found. Names tried for the reference: Référence, "
     "Réf.. Name the column in an ERP profile ([columns] reference = \"...\")."),
    (lambda: messages.no_item_answered("odbc:BIJOU"), "odbc:BIJOU: no readable item (the source answered no row)"),
    (lambda: messages.no_item_lines(P, 12), f"{P}: no readable item (12 lines rejected): nothing was changed on the site"),
    (lambda: messages.no_item_rows(U, 3), f"{U}: no readable item (3 rows rejected): nothing was changed on the site"),
    (lambda: messages.no_item_left(U), f"{U}: no readable item left: nothing was changed on the site"),
    (lambda: messages.no_odbc_source("hfsql"),
     "the profile 'hfsql' names no ODBC source: set [source] dsn or connection_string (copy the "
     "preset to the home folder's profiles/)"),
    (lambda: messages.cannot_connect("odbc:BIJOU", "[08001] server not found"), "odbc:BIJOU: cannot connect ([08001] server not found)"),
    (lambda: messages.query_failed("odbc:BIJOU", "[42S02] no such table"), "odbc:BIJOU: the query failed ([42S02] no such table)"),
    (lambda: messages.key_column_missing("odbc:BIJOU", "Ref", ["Code", "Stock"]),
     "odbc:BIJOU: the column 'Ref' of [source] key or changes_column is not among the query's columns (Code, Stock)"),
    (lambda: messages.cannot_reach_4d(B, "connection refused"), f"{B}: cannot reach the 4D server (connection refused)"),
    (lambda: messages.login_failed(B, 500), f"{B}: 4D login failed (HTTP 500)"),
    (lambda: messages.fourd_not_json(U), f"{U}: the 4D server's answer is not JSON"),
    (lambda: messages.fourd_no_entities(U), f"{U}: unexpected answer (no __ENTITIES list)"),
    (lambda: messages.session_refused(B), f"{B}: the 4D server refused the session"),
    (lambda: messages.no_data_class_in_profile(B, "4d-rest"), f"{B}: the profile '4d-rest' has no [source] data_class"),
    (lambda: messages.no_login_user(B, "4d-rest"), f"{B}: the profile '4d-rest' has no [source] user for the login"),
    (lambda: messages.skip_ignored(U), f"{U}: the server ignores $skip (the same page came back twice)"),
    (lambda: messages.no_stamp(U, "__GlobalStamp"),
     f"{U}: the 4D server's answer carries no __GlobalStamp: turn on data change tracking for this "
     "table (Structure editor: Enable data change tracking), or remove changes = \"stamp\" from the "
     "profile (docs/erp-profiles.md)"),
]


@pytest.mark.parametrize(("make", "english"), EVERY_SENTENCE)
def test_every_sentence_says_todays_english_and_its_french_comes_back(make, english: str) -> None:  # type: ignore[no-untyped-def]
    previous = i18n.language()
    try:
        i18n.set_language("en")
        assert make() == english  # an English system reads what it always read
        i18n.set_language("fr")
        french = make()
    finally:
        i18n.set_language(previous)
    assert french != english  # worded in French, not left in English
    _three_forms(french, english)


@pytest.mark.parametrize(("magic", "kind"), [
    (magic, kind[len("binary:"):]) for magic, kind in detect._MAGIC if kind.startswith("binary:")
])
def test_every_file_that_is_no_export_is_named_in_french(tmp_path: Path, magic: bytes, kind: str) -> None:
    """Each kind `shopsync.erp.detect` recognises has its French words (a kind added there
    without them would show English to a French shop)."""
    assert kind in messages.BINARY_KINDS
    path = tmp_path / "stock.csv"
    path.write_bytes(magic + b"\x00" * 64)
    said = _refusal(path)
    assert f"cela ressemble à {i18n.in_language(kind, 'fr')}. " in said and kind not in said
    _three_forms(said, f"{path}: not a readable export: this looks like {kind}. ShopSync reads "
                       "CSV/TXT, XLSX/XLS/ODS and DBF exports.")
