"""What a shop reads when its export cannot be found or opened (the export moved, the ERP still
writing, an empty file, a missing sheet, an ODBC query or a 4D server refusing), and why one cell
of a line could not be taken (`'dix euros' is not a price`), in the shop's language from the
same catalogue as the tray (shopsync/i18n.py). The file's path leads every sentence. Stored run messages are turned to English by
`i18n.english` through these same templates, so each reason is one catalogue sentence with
its cell text as `%1`.
"""

from __future__ import annotations

from collections.abc import Iterable

from shopsync.i18n import QT_TRANSLATE_NOOP, arg, translate
from shopsync.model import Problem, Severity


def no_match(pattern: object) -> str:
    return arg(translate("Erp", "%1 : aucun fichier d'export ne correspond"), pattern)


def no_such_file(path: object) -> str:
    return arg(translate("Erp", "%1 : fichier introuvable"), path)


def is_a_folder(path: object) -> str:
    return arg(translate("Erp", "%1 : c'est un dossier, pas un fichier d'export"), path)


def permission_denied(path: object) -> str:
    return arg(translate("Erp", "%1 : accès refusé (l'ERP est-il encore en train de l'écrire ?)"), path)


def empty_file(path: object) -> str:
    return arg(translate("Erp", "%1 : le fichier est vide"), path)


def no_source(profile: str) -> str:
    return arg(
        translate(
            "Erp",
            "aucun fichier d'export indiqué, et le profil « %1 » ne nomme pas de source : "
            "choisissez le fichier dans les réglages ([erp] path dans config.toml)",
        ),
        profile,
    )


def _count(n: int) -> str:
    """A count as the shop reads it: "1 999 900" in French, "1,999,900" in English."""
    from shopsync.i18n import language

    grouped = f"{n:,}"
    return grouped.replace(",", "\u202f") if language() == "fr" else grouped


def _megabytes(size: int) -> str:
    from shopsync.i18n import language

    megabytes = size / 1_000_000
    text = f"{megabytes:,.0f}" if megabytes >= 10 else f"{megabytes:,.1f}"
    if language() == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return arg(translate("Erp", "%1 Mo"), text)


def not_a_file(path: object, kind: str) -> str:
    """`kind`: one of the words in `FILE_KINDS` (a FIFO, a device…), already translated."""
    return arg(
        translate("Erp", "%1 : ce n'est pas un fichier d'export mais %2 ; rien n'a été lu"), path, kind
    )


FILE_KINDS = {
    "fifo": QT_TRANSLATE_NOOP("Erp", "un tube nommé (FIFO)"),
    "device": QT_TRANSLATE_NOOP("Erp", "un périphérique"),
    "socket": QT_TRANSLATE_NOOP("Erp", "une socket"),
    "other": QT_TRANSLATE_NOOP("Erp", "un fichier spécial"),
}


def file_kind(kind: str) -> str:
    return translate("Erp", FILE_KINDS.get(kind, FILE_KINDS["other"]))


def too_big(path: object, size: int, limit: int) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : %2, plus que les %3 qu'un export peut faire (les plus gros exports connus font "
            "environ 20 Mo) ; rien n'a été lu",
        ),
        path, _megabytes(size), _megabytes(limit),
    )


def too_many_rows(path: object, limit: int) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : plus de %2 lignes, plus qu'un export peut en avoir (les plus gros exports connus "
            "en ont environ 200 000) ; rien n'a été lu",
        ),
        path, _count(limit),
    )


def too_much_xml(path: object, limit: int) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : le classeur décompressé dépasse %2, plus qu'un export peut faire ; rien n'a été lu",
        ),
        path, _megabytes(limit),
    )


MAX_LISTED = 100  # problems listed one per line; the rest are counted in one line


def listed(problems: Iterable[Problem], limit: int = MAX_LISTED) -> list[str]:
    """The first `limit` problems, one per line, then one line per kind saying how many more
    ("… and 1,999,900 more lines rejected"): a workbook of 2 million bad rows must not print,
    store or log 2 million lines. `problems` in the order they are to be read."""
    out: list[str] = []
    more = {Severity.ERROR: 0, Severity.WARNING: 0}
    first_unlisted: Problem | None = None
    for problem in problems:
        if len(out) < limit:
            out.append(str(problem))
            continue
        first_unlisted = first_unlisted or problem
        more[Severity.ERROR if problem.severity == Severity.ERROR else Severity.WARNING] += 1
    if first_unlisted is not None and sum(more.values()) == 1:
        return [*out, str(first_unlisted)]  # one more line is shorter than a line counting it
    if more[Severity.ERROR]:
        out.append(arg(translate("Erp", "… et %1 lignes refusées de plus"), _count(more[Severity.ERROR])))
    if more[Severity.WARNING]:
        out.append(arg(translate("Erp", "… et %1 avertissements de plus"), _count(more[Severity.WARNING])))
    return out


# --- why one cell could not be taken (shopsync/erp/values.py, shopsync/erp/cells.py) -------


def not_a_price(raw: str) -> str:
    return arg(translate("Erp", "« %1 » n'est pas un prix"), raw)


def negative_price(raw: str) -> str:
    return arg(translate("Erp", "« %1 » est négatif"), raw)


def not_a_whole_number(raw: str) -> str:
    return arg(translate("Erp", "« %1 » n'est pas un nombre entier"), raw)


def scientific_barcode(raw: str) -> str:
    return arg(translate("Erp", "« %1 » est en notation scientifique : ses chiffres sont perdus"), raw)


def not_a_barcode(raw: str) -> str:
    return arg(translate("Erp", "« %1 » n'est pas un code-barres"), raw)


def line_rejected(reason: str) -> str:
    return arg(translate("Erp", "%1 (ligne refusée)"), reason)


def empty_quantity() -> str:
    return translate("Erp", "vide, compté comme 0")


def oversold(quantity: int) -> str:
    return arg(translate("Erp", "%1 (vendu en trop), compté comme 0"), quantity)


def barcode_ignored(reason: str) -> str:
    return arg(translate("Erp", "%1 ; code-barres ignoré"), reason)


def no_quantity_column() -> str:
    return translate("Erp", "pas de colonne de quantité : chaque ligne compte pour une pièce")


def too_few_fields(found: int, expected: int) -> str:
    return arg(
        translate(
            "Erp",
            "trop peu de champs (%1 sur %2 attendus ; le fichier a-t-il été coupé pendant "
            "son écriture ?)",
        ),
        found, expected,
    )


def empty_reference() -> str:
    return translate("Erp", "vide : la ligne est ignorée")


def price_differs(price: str, first: str, reference: str, first_line: int, kept: str) -> str:
    return arg(
        translate(
            "Erp",
            "%1 diffère de %2 pour « %3 » (vu d'abord ligne %4) ; le plus élevé est gardé, %5",
        ),
        price, first, reference, first_line, kept,
    )


def same_header(header: str, columns: list[int], read: int, field: str, other: int) -> str:
    """`columns`: every column with that header, 1-based (at least two)."""
    return arg(
        translate(
            "Erp",
            "l'en-tête « %1 » est sur les colonnes %2 et %3 : la colonne %4 est lue (pour lire "
            "la colonne %5 à la place, donnez son numéro dans le profil : [columns] %6 = %5)",
        ),
        header, ", ".join(str(c) for c in columns[:-1]), columns[-1], read, other, field,
    )


# --- why a whole source cannot be read (readers of files, sheets, DBF, ODBC, 4D REST) ----------
#
# The path, sheet or server address leads the sentence as `%1`; what comes from outside (an
# exception's text, an OS error, a server's status) is a value, converted on its own when it is
# a catalogue sentence itself. A name the shop or the ERP chose (a profile, a sheet, a column)
# is quoted: never translated. A list of such names the English leaves unquoted ("(sheets:
# Produits)") is quoted whole in French, so that it is kept as written both ways (i18n: a value
# quoted in one language is a name in all of them): a sheet named "Produits" must not come back
# as "Products". Passwords are scrubbed by the callers before a value gets here.


def _quoted_list(names: Iterable[str]) -> str:
    """Sheet names as `'Info', 'Notes'`: the same in both languages (a value kept as written),
    so that the stored English sentence is the one the shop's French one gives back."""
    return ", ".join(repr(n) for n in names)


def cannot_be_read(path: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : illisible (%2)"), path, reason)


def marker_older(path: object) -> str:
    return arg(
        translate("Erp", "%1 : son fichier témoin est plus ancien que le fichier : encore en cours d'écriture"),
        path,
    )


def still_being_written(path: object, seconds: float) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : encore en cours d'écriture (modifié il y a moins de %2 s) ; il sera lu dès qu'il "
            "ne change plus",
        ),
        path, f"{seconds:g}",
    )


def still_changing(path: object, seconds: float) -> str:
    return arg(translate("Erp", "%1 : change encore après %2 s ; non lu"), path, f"{seconds:g}")


def not_an_export(path: object, kind: str) -> str:
    """`kind`: a `binary:` kind of `shopsync.erp.detect` without its prefix ("a PDF document")."""
    return arg(
        translate(
            "Erp",
            "%1 : pas un export lisible : cela ressemble à %2. ShopSync lit les exports CSV/TXT, "
            "XLSX/XLS/ODS et DBF.",
        ),
        path, translate("Erp", BINARY_KINDS[kind]) if kind in BINARY_KINDS else kind,
    )


# shopsync.erp.detect's words for what a file that is no export looks like -> French.
BINARY_KINDS = {
    "a PDF document": QT_TRANSLATE_NOOP("Erp", "un document PDF"),
    "a PNG image": QT_TRANSLATE_NOOP("Erp", "une image PNG"),
    "a JPEG image": QT_TRANSLATE_NOOP("Erp", "une image JPEG"),
    "a GIF image": QT_TRANSLATE_NOOP("Erp", "une image GIF"),
    "a gzip archive": QT_TRANSLATE_NOOP("Erp", "une archive gzip"),
    "a 7-Zip archive": QT_TRANSLATE_NOOP("Erp", "une archive 7-Zip"),
    "a RAR archive": QT_TRANSLATE_NOOP("Erp", "une archive RAR"),
    "an SQLite database": QT_TRANSLATE_NOOP("Erp", "une base de données SQLite"),
    "a Windows program": QT_TRANSLATE_NOOP("Erp", "un programme Windows"),
    "a program": QT_TRANSLATE_NOOP("Erp", "un programme"),
    "binary data (NUL bytes)": QT_TRANSLATE_NOOP("Erp", "des données binaires (octets NUL)"),
    "binary data (control characters)": QT_TRANSLATE_NOOP("Erp", "des données binaires (caractères de contrôle)"),
}


def unexpected_failure(where: object, kind: str, reason: object) -> str:
    return arg(translate("Erp", "%1 : illisible (%2 : %3) ; détails dans le journal"), where, kind, reason)


def unclosed_quote(where: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : %2 (un guillemet ouvert n'est jamais fermé ?)"), where, reason)


def needs_calamine(source: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : lire des classeurs demande python-calamine (%2)"), source, reason)


def needs_dbfread(source: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : lire un DBF demande dbfread (%2)"), source, reason)


def needs_httpx(base: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : le REST de 4D demande httpx (%2)"), base, reason)


def needs_pyodbc(label: object, reason: object) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : l'ODBC demande pyodbc et le gestionnaire de pilotes ODBC du système "
            "(pip install 'shopsync[odbc]' ; sous Linux, unixODBC) : %2",
        ),
        label, reason,
    )


# spreadsheets


def no_sheet(source: object) -> str:
    return arg(translate("Erp", "%1 : le classeur n'a aucune feuille"), source)


def no_sheet_number(source: object, wanted: int, names: Iterable[str]) -> str:
    return arg(
        translate("Erp", "%1 : pas de feuille numéro %2 (feuilles : « %3 »)"), source, wanted, ", ".join(names)
    )


def no_sheet_named(source: object, wanted: str, names: Iterable[str]) -> str:
    return arg(
        translate("Erp", "%1 : pas de feuille nommée « %2 » (feuilles : « %3 »)"), source, wanted, ", ".join(names)
    )


def empty_sheet(source: object, name: str) -> str:
    return arg(translate("Erp", "%1 : la feuille « %2 » est vide"), source, name)


def sheet_taken(name: str, skipped: list[str]) -> str:
    """The stock found on a sheet after others without a reference column (a cover sheet).
    The sheets skipped are listed as Python writes them (`'Info', 'Notes'`) in both languages:
    one value the stored English and the French share, whatever the names hold."""
    return arg(
        translate(
            "Erp",
            "feuille « %1 » lue : pas de colonne de référence dans %2 avant elle (pour lire une "
            "autre feuille, nommez-la dans le profil : [options] sheet = \"...\")",
        ),
        name, _quoted_list(skipped),
    )


def not_a_spreadsheet(source: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : pas un classeur lisible (%2)"), source, reason)


def password_protected() -> str:
    return translate("Erp", "le classeur est protégé par un mot de passe")


# dBase


def not_a_dbf(source: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : pas une table DBF lisible (%2)"), source, reason)


def memo_missing() -> str:
    return translate("Erp", "fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides")


def not_decoded(encoding: str) -> str:
    return arg(translate("Erp", "une partie du texte ne se décode pas en %1"), encoding)


def unreadable_value(field: str, reason: object) -> str:
    return arg(translate("Erp", "%1 : valeur illisible (%2)"), field, reason)


# text exports written as UTF-8 with some lines in a code page (shopsync/erp/mixed_text.py)


def not_utf8_line(line: object, code_page: str) -> str:
    return arg(
        translate("Erp", "la ligne %1 n'est pas en UTF-8 (le reste du fichier l'est) : lue en %2"),
        line, code_page,
    )


def not_utf8_lines(lines: str, code_page: str) -> str:
    return arg(
        translate("Erp", "les lignes %1 ne sont pas en UTF-8 (le reste du fichier l'est) : lues en %2"),
        lines, code_page,
    )


def lines_and_more(shown: str, total: int) -> str:
    """The first runs of lines, then how many there are in all: `7-9, 12, … (40 lines in all)`."""
    return arg(translate("Erp", "%1, … (%2 lignes en tout)"), shown, total)


# columns and headers (shopsync/erp/table.py)


def header_row_past(source: object, row: int) -> str:
    return arg(translate("Erp", "%1 : la ligne d'en-tête %2 du profil est après les données"), source, row)


def no_reference_column(source: object, where: str, tried: str) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : pas de colonne de référence ; %2. Noms essayés pour la référence : « %3 ». Nommez la "
            "colonne dans un profil d'ERP ([columns] reference = \"...\").",
        ),
        source, where, tried,
    )


def no_header_row() -> str:
    return translate("Erp", "aucune ligne d'en-tête trouvée")


def headers_found(line: int, cells: Iterable[str]) -> str:
    return arg(translate("Erp", "en-têtes trouvés ligne %1 : « %2 »"), line, ", ".join(cells))


# no line left to publish


def no_item_answered(label: object) -> str:
    return arg(translate("Erp", "%1 : aucun article lisible (la source n'a renvoyé aucune ligne)"), label)


def no_item_lines(source: object, rejected: int) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : aucun article lisible (%2 lignes refusées) : rien n'a été modifié sur le site",
        ),
        source, rejected,
    )


def no_item_rows(label: object, rejected: int) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : aucun article lisible (%2 enregistrements refusés) : rien n'a été modifié sur le site",
        ),
        label, rejected,
    )


def no_item_left(label: object) -> str:
    return arg(
        translate("Erp", "%1 : plus aucun article lisible : rien n'a été modifié sur le site"), label
    )


# ODBC


def no_odbc_source(profile: str) -> str:
    return arg(
        translate(
            "Erp",
            "le profil « %1 » ne nomme aucune source ODBC : indiquez [source] dsn ou "
            "connection_string (copiez le profil fourni dans le dossier profiles/ du dossier de "
            "ShopSync)",
        ),
        profile,
    )


def cannot_connect(label: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : connexion impossible (%2)"), label, reason)


def no_query(label: object, profile: str) -> str:
    return arg(translate("Erp", "%1 : le profil « %2 » n'a pas de requête [source] query"), label, profile)


def query_without_rows(label: object) -> str:
    return arg(translate("Erp", "%1 : la requête ne renvoie pas de lignes (est-ce un SELECT ?)"), label)


def query_failed(label: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : la requête a échoué (%2)"), label, reason)


def key_column_missing(label: object, column: str, headers: Iterable[str]) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : la colonne « %2 » de [source] key ou changes_column n'est pas parmi les colonnes "
            "de la requête (« %3 »)",
        ),
        label, column, ", ".join(headers),
    )


# 4D REST


def cannot_reach_4d(base: object, reason: object) -> str:
    return arg(translate("Erp", "%1 : le serveur 4D est injoignable (%2)"), base, reason)


def login_refused(base: object, user: str) -> str:
    return arg(translate("Erp", "%1 : le serveur 4D a refusé la connexion de « %2 »"), base, user)


def licences_in_use(base: object) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : toutes les licences du serveur 4D sont prises (HTTP 402) : la session de "
            "ShopSync en demande une",
        ),
        base,
    )


def login_failed(base: object, status: int) -> str:
    return arg(translate("Erp", "%1 : échec de la connexion à 4D (HTTP %2)"), base, status)


def no_data_class(url: object) -> str:
    return arg(translate("Erp", "%1 : cette classe de données n'existe pas sur le serveur 4D (HTTP 404)"), url)


def fourd_status(url: object, status: int) -> str:
    return arg(translate("Erp", "%1 : le serveur 4D a répondu HTTP %2"), url, status)


def fourd_not_json(url: object) -> str:
    return arg(translate("Erp", "%1 : la réponse du serveur 4D n'est pas du JSON"), url)


def fourd_no_entities(url: object) -> str:
    return arg(translate("Erp", "%1 : réponse inattendue (pas de liste __ENTITIES)"), url)


def session_refused(base: object) -> str:
    return arg(translate("Erp", "%1 : le serveur 4D a refusé la session"), base)


def no_4d_server(profile: str) -> str:
    return arg(
        translate(
            "Erp",
            "le profil « %1 » ne nomme aucun serveur 4D : indiquez [source] url et data_class",
        ),
        profile,
    )


def no_data_class_in_profile(base: object, profile: str) -> str:
    return arg(translate("Erp", "%1 : le profil « %2 » n'a pas de [source] data_class"), base, profile)


def no_login_user(base: object, profile: str) -> str:
    return arg(
        translate("Erp", "%1 : le profil « %2 » n'a pas d'utilisateur [source] user pour la connexion"),
        base, profile,
    )


def skip_ignored(url: object) -> str:
    return arg(
        translate("Erp", "%1 : le serveur ignore $skip (la même page est revenue deux fois)"), url
    )


def no_stamp(label: object, stamp: str) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : la réponse du serveur 4D ne porte pas de %2 : activez le suivi des modifications "
            "de données pour cette table (éditeur de structure : Activer le suivi des "
            "modifications), ou retirez changes = \"stamp\" du profil (docs/erp-profiles.md)",
        ),
        label, stamp,
    )


def deletions_unreadable(reason: object, table: str) -> str:
    return arg(
        translate(
            "Erp",
            "%1 : ShopSync lit les suppressions dans %2, que 4D ajoute avec le suivi des "
            "modifications de données ; elle doit être exposée comme ressource REST "
            "(docs/erp-profiles.md)",
        ),
        reason, table,
    )
