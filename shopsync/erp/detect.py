"""Guessing what a person would see at a glance: the format, separator and columns (the code
page: `codepages`).

No ERP vendor publishes its export layout, so every guess here is checked against the one
thing all exports share: a header row naming a reference column. Column names are compared
after folding (no case, accents, punctuation or spaces) against the names ERPs actually write,
in French and English; a profile's explicit mapping always wins over the guess.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shopsync.erp.fields import FIELDS
from shopsync.erp.values import fold, fold_words

# Names as ERPs write them, best first: the first one present in a file wins. Display forms are
# kept so that an error can say which names were tried. Upper-case ten-letter names are DBF
# field names, which dBase cuts at ten characters.
ALIASES: dict[str, tuple[str, ...]] = {
    "reference": (
        "Référence", "Réf.", "REF", "Réf. article", "Référence article", "Code article",
        "Code produit", "Réf. produit", "Article", "Code", "N° article", "No article",
        "Numéro article", "SKU", "Reference", "Item code", "Item ref", "Product code",
        "Part number",
    ),
    "brand": ("Marque", "Fournisseur", "Brand", "Supplier", "Vendor", "Fabricant",
              "Manufacturer", "Frs", "Fourn.", "Nom fournisseur", "Libellé marque",
              "FOURNISSEU"),
    "designation": ("Désignation", "Libellé", "Libellé article", "Désignation article",
                    "Description", "Intitulé", "Nom", "Nom article", "Name", "Product name",
                    "Title", "Titre", "DESIGNATIO"),
    "quantity": ("Qté", "Quantité", "Stock", "Qté stock", "Qté en stock", "Stock réel",
                 "Stock disponible", "Qté dispo", "Disponible", "En stock", "Qty",
                 "Quantity", "On hand", "Stock qty", "Stock quantity"),
    "price": ("Prix TTC", "PV TTC", "Prix de vente", "Prix de vente TTC", "Prix vente",
              "Prix vente TTC", "Prix public", "Prix public TTC", "PPTTC", "PU TTC",
              "Prix unitaire TTC", "Prix", "Tarif", "Tarif TTC", "PV", "Price",
              "Retail price", "Sale price", "Selling price"),
    "size": ("Taille", "TLD", "Tour de doigt", "Taille bague", "Size", "Ring size"),
    "ean": ("EAN", "EAN13", "EAN 13", "Code barre", "Code barres", "Code-barre",
            "Code EAN", "Gencod", "Gencode", "Barcode", "GTIN", "UPC", "CB"),
    "status": ("Statut", "État", "Status", "State", "Statut article", "État article"),
}

# When no exact name matches: words a header must contain (any of `need`, and one of `also`
# when given), and words that rule it out (`Prix HT`, `Stock mini`, `Réf. fournisseur`...).
_TOKEN_RULES: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "reference": (
        frozenset({"ref", "reference", "sku"}),
        frozenset(),
        frozenset({"fournisseur", "fourn", "frs", "supplier", "ean", "barre", "client",
                   "commande", "cde", "interne"}),
    ),
    "brand": (frozenset({"marque", "brand", "fournisseur", "fournisseu", "supplier", "fabricant"}),
              frozenset(), frozenset({"ref", "reference", "code"})),
    "designation": (frozenset({"designation", "designatio", "libelle", "description",
                               "intitule"}),
                    frozenset(), frozenset({"marque", "fournisseur", "statut", "etat"})),
    "quantity": (
        frozenset({"qte", "quantite", "qty", "quantity", "stock"}),
        frozenset(),
        frozenset({"min", "mini", "minimum", "max", "maxi", "alerte", "commande", "cde",
                   "reserve", "valeur", "val", "prix", "date", "statut", "etat"}),
    ),
    "price": (
        frozenset({"prix", "pv", "price", "tarif", "pu"}),
        frozenset({"ttc", "vente", "public", "retail", "sale", "selling"}),
        frozenset({"ht", "achat", "revient", "pa", "remise", "promo", "solde", "cost",
                   "ancien", "old"}),
    ),
    "size": (frozenset({"taille", "tld", "size"}), frozenset(), frozenset()),
    "ean": (frozenset({"ean", "ean13", "gencod", "gencode", "barcode", "gtin", "codebarre",
                       "codebarres"}),
            frozenset(), frozenset()),
    "status": (frozenset({"statut", "etat", "status"}), frozenset(), frozenset()),
}

_CODE_LIKE = frozenset('=[]{}<>"')
_FOLDED_ALIASES = {f: tuple(dict.fromkeys(fold(a) for a in names)) for f, names in ALIASES.items()}

# A header row is looked for among this many first rows (titles, export dates, blank lines...).
MAX_PREAMBLE_ROWS = 50
DELIMITERS = (";", "\t", ",", "|")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which column (0-based) holds each canonical field; absent fields are not in `index`."""

    headers: tuple[str, ...]
    index: Mapping[str, int]

    def header_of(self, field: str) -> str | None:
        i = self.index.get(field)
        if i is None:
            return None
        return self.headers[i] if i < len(self.headers) else f"column {i + 1}"


def names_tried(field: str, explicit: Sequence[str | int] | None = None) -> list[str]:
    """The names tried for one field, profile first, for error messages."""
    names = [str(n) for n in explicit or () if isinstance(n, str)]
    return list(dict.fromkeys([*names, *ALIASES[field]]))


def map_columns(
    headers: Sequence[str],
    explicit: Mapping[str, Sequence[str | int] | None] | None = None,
) -> ColumnMap:
    """Map a header row to canonical fields: the profile's names first, then detection.

    `explicit[field]` is a list of header names or 1-based column numbers (the first present
    wins), or None to say the file has no such column even if a header looks like one.
    """
    explicit = explicit or {}
    header_words = [fold_words(h) for h in headers]  # once per header, not once per field
    folded = ["".join(words) for words in header_words]  # fold(h)
    columns_of: dict[str, list[int]] = {}  # folded header -> its columns, left to right
    for i, h in enumerate(folded):
        columns_of.setdefault(h, []).append(i)
    taken: set[int] = set()
    index: dict[str, int] = {}

    def claim(field: str, i: int) -> None:
        index[field] = i
        taken.add(i)

    for field, wanted in explicit.items():
        if wanted is None:
            continue
        for name in wanted:
            if isinstance(name, int):
                if 1 <= name <= max(len(headers), 1) or not headers:
                    claim(field, name - 1)
                    break
                continue
            hit = next((i for i in columns_of.get(fold(name), ()) if i not in taken), None)
            if hit is not None:
                claim(field, hit)
                break
    for field in FIELDS:
        if field in index or (field in explicit and explicit[field] is None):
            continue
        for alias in _FOLDED_ALIASES[field]:
            if alias not in columns_of:  # most names are absent: no generator for them
                continue
            hit = next((i for i in columns_of[alias] if i not in taken), None)
            if hit is not None:
                claim(field, hit)
                break
    for field in FIELDS:
        if field in index or (field in explicit and explicit[field] is None):
            continue
        need, also, never = _TOKEN_RULES[field]
        for i, header in enumerate(headers):
            if i in taken or _CODE_LIKE & set(header) or len(header) > 40:
                continue  # `HEADER = ["Référence"`: code or prose, not a column name
            words = set(header_words[i])
            words.add(folded[i])
            if words & need and (not also or words & also) and not words & never:
                claim(field, i)
                break
    return ColumnMap(tuple(headers), index)


def looks_like_header(columns: ColumnMap, explicit_reference: bool) -> bool:
    """A header row names a reference column and at least one other field.

    One match alone is too weak (a data row holding the word "Stock" would do), unless the
    profile itself named the reference column.
    """
    if "reference" not in columns.index:
        return False
    return explicit_reference or len(columns.index) >= 2


def find_header(
    rows: Sequence[Sequence[str]],
    explicit: Mapping[str, Sequence[str | int] | None] | None = None,
) -> tuple[int, ColumnMap] | None:
    """The first row (index into `rows`) that reads as a header, with its column map."""
    explicit = explicit or {}
    named_reference = any(isinstance(n, str) for n in explicit.get("reference") or ())
    for i, row in enumerate(rows[:MAX_PREAMBLE_ROWS]):
        if sum(1 for c in row if c.strip()) < 1:
            continue
        columns = map_columns([c.strip() for c in row], explicit)
        if looks_like_header(columns, named_reference):
            return i, columns
    return None


def likeliest_header(rows: Sequence[Sequence[str]]) -> tuple[int, list[str]] | None:
    """For an error message: the early row with the most filled cells (the would-be header)."""
    best: tuple[int, list[str]] | None = None
    for i, row in enumerate(rows[:MAX_PREAMBLE_ROWS]):
        cells = [c.strip() for c in row]
        filled = sum(1 for c in cells if c)
        if filled and (best is None or filled > sum(1 for c in best[1] if c)):
            best = (i, cells)
    return best


def _consistency(rows: Sequence[Sequence[str]]) -> float:
    """How regular the field counts are: share of rows with the commonest count (if > 1)."""
    counts: dict[int, int] = {}
    for row in rows:
        if any(c.strip() for c in row):
            counts[len(row)] = counts.get(len(row), 0) + 1
    if not counts:
        return 0.0
    common, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return hits / sum(counts.values()) if common > 1 else 0.0


def parse_sample(text: str, delimiter: str, **options: object) -> list[list[str]]:
    """The first records of a text sample, split the way the full read will split them."""
    import io

    options = {"strict": False, **options, "delimiter": delimiter}
    reader = csv.reader(io.StringIO(text, newline=""), **options)  # type: ignore[arg-type]
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= 400:
                break
    except csv.Error:
        pass  # a sample can end inside a quoted field; what came before is enough
    return rows


def choose_delimiter(
    text: str, explicit: Mapping[str, Sequence[str | int] | None] | None = None
) -> str:
    """The separator under which a header row appears (most fields mapped), else the most
    regular one; `;` when nothing tells (the French Excel default)."""
    best: tuple[tuple[int, int, float], str] | None = None
    for delimiter in DELIMITERS:
        if delimiter not in text:
            continue
        rows = parse_sample(text, delimiter)
        found = find_header(rows, explicit)
        score = (1, len(found[1].index), _consistency(rows)) if found else (0, 0, _consistency(rows))
        if best is None or score > best[0]:
            best = (score, delimiter)
    return best[1] if best else ";"


# --- formats -----------------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "spreadsheet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "spreadsheet"),
    (b"%PDF", "binary:a PDF document"),
    (b"\x89PNG", "binary:a PNG image"),
    (b"\xff\xd8\xff", "binary:a JPEG image"),
    (b"GIF8", "binary:a GIF image"),
    (b"\x1f\x8b", "binary:a gzip archive"),
    (b"7z\xbc\xaf", "binary:a 7-Zip archive"),
    (b"Rar!", "binary:a RAR archive"),
    (b"SQLite format 3\x00", "binary:an SQLite database"),
    (b"MZ", "binary:a Windows program"),
    (b"\x7fELF", "binary:a program"),
)
_DBF_VERSIONS = {0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0x8E,
                 0xCB, 0xE5, 0xF5, 0xFB}
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}


def looks_like_dbf(head: bytes, size: int) -> bool:
    """A dBase/FoxPro header: version byte, a date, and lengths that fit the file size."""
    if len(head) < 32 or head[0] not in _DBF_VERSIONS:
        return False
    month, day = head[2], head[3]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    records = int.from_bytes(head[4:8], "little")
    header_len = int.from_bytes(head[8:10], "little")
    record_len = int.from_bytes(head[10:12], "little")
    if header_len < 33 or record_len < 1:
        return False
    if header_len <= len(head) and head[header_len - 1] != 0x0D:
        return False  # the field descriptors end with a carriage return
    return header_len <= size and header_len + records * record_len <= size + 1


def sniff_format(head: bytes, suffix: str, size: int) -> str:
    """`text`, `spreadsheet`, `dbf`, `empty` or `binary:<what it looks like>`.

    Content wins over the file name: shops rename exports, and an XLSX saved as `.csv` is
    still an XLSX.
    """
    if not head.strip(b" \t\r\n\x00\x1a") or head in (codecs.BOM_UTF8,):
        return "empty"
    stripped_bom = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    if not stripped_bom.strip():
        return "empty"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if looks_like_dbf(head, size):
        return "dbf"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "text"
    if b"\x00" in head:
        return "binary:binary data (NUL bytes)"
    controls = sum(head.count(bytes([c])) for c in range(1, 32) if c not in (9, 10, 12, 13, 26))
    if controls > max(8, len(head) // 100):
        return "binary:binary data (control characters)"
    return "text"
