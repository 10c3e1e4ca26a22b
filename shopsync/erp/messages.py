"""What a shop reads when its export cannot be found or opened (the export moved, the ERP still
writing, an empty file), and why one cell of a line could not be taken (`'dix euros' is not a
price`), in the shop's language from the same catalogue as the tray (shopsync/i18n.py). The
file's path leads every sentence. Stored run messages are turned to English by
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
