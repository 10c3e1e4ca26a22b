"""The catalogue as a CSV file (`reference,brand,title[,has_sizes,sizes,previous_references]`).

Two places read one: the sandbox site seeds its catalogue from it, and `shopsync match` /
`check` compare an ERP export against the one a CSM exported from the platform. One reader, so
both accept exactly the same files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shopsync.errors import ConfigError, InputError
from shopsync.model import CatalogProduct

_TRUE = {"1", "true", "oui", "yes", "vrai", "o", "y", "x"}
_FALSE = {"", "0", "false", "non", "no", "faux", "n"}


class CatalogFileError(ConfigError, InputError):
    """A catalogue file that cannot be used (a sandbox option or a command's input alike)."""


def _decode(raw: bytes, where: Path) -> str:
    """UTF-8 (with or without BOM) first; cp1252 is what Excel on a French Windows writes."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CatalogFileError(f"{where}: not a text file (neither UTF-8 nor Windows-1252)")


def read_catalog_csv(path: str | Path) -> dict[str, CatalogProduct]:
    """Every product of the file, by reference, in file order. `,` or `;` (a French Excel);
    header names in any case; duplicate references keep the first row; blank rows are skipped;
    a row without a reference or with an unreadable `has_sizes` is an error naming its line."""
    where = Path(path).expanduser()
    try:
        raw = where.read_bytes()
    except OSError as exc:
        raise CatalogFileError(f"{where}: cannot read the catalogue ({exc.strerror or exc})") from exc
    text = _decode(raw, where)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise CatalogFileError(f"{where}: the catalogue is empty")
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("reference", "brand") if c not in names]
    if missing:
        raise CatalogFileError(
            f"{where}:1: the catalogue needs the columns reference,brand,title[,has_sizes,sizes] "
            f"(missing: {', '.join(missing)}; found: {', '.join(header)})"
        )
    col = {name: names.index(name) for name in names if name}

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    catalog: dict[str, CatalogProduct] = {}
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        line = reader.line_num
        reference = cell(row, "reference")
        if not reference:
            raise CatalogFileError(f"{where}:{line}: reference: empty")
        flag = cell(row, "has_sizes").lower()
        if flag not in _TRUE | _FALSE:
            raise CatalogFileError(f"{where}:{line}: has_sizes: expected 1/0, true/false or oui/non")
        if reference in catalog:
            continue
        sizes = _split(cell(row, "sizes"))
        previous = tuple(p for p in _split(cell(row, "previous_references")) if p != reference)
        catalog[reference] = CatalogProduct(
            reference,
            cell(row, "brand"),
            cell(row, "title"),
            flag in _TRUE or bool(sizes),
            sizes,
            previous,
        )
    return catalog


def _split(cell: str) -> tuple[str, ...]:
    """`50|52|54` -> ("50", "52", "54"): the list cells (sizes, previous spellings)."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())
