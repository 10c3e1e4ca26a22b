"""Reading the sandbox's catalogue CSV (`reference,brand,title,has_sizes[,sizes]`).

The catalogue is what the platform's listing team wrote: the references the site knows. A demo
or a test hands the sandbox one so that it answers like a real shop's site would.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from shopsync.errors import ConfigError
from shopsync.model import CatalogProduct

_TRUE = {"1", "true", "oui", "yes", "vrai", "o", "y", "x"}
_FALSE = {"", "0", "false", "non", "no", "faux", "n"}


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; cp1252 is what Excel on a French Windows writes."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_catalog_csv(path: Path) -> list[CatalogProduct]:
    """Parse the catalogue; a bad line is an error naming its line, not a silent skip."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the catalogue: {exc.strerror or exc}") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    if "reference" not in columns:
        raise ConfigError(
            f"{path}: no `reference` column (expected reference,brand,title,has_sizes)"
        )
    products: dict[str, CatalogProduct] = {}
    for row in reader:
        line = reader.line_num

        def cell(name: str, row: dict[str, str | None] = row) -> str:
            column = columns.get(name)
            return (row.get(column) or "").strip() if column else ""

        reference = cell("reference")
        if not reference:
            continue
        flag = cell("has_sizes").lower()
        if flag not in _TRUE | _FALSE:
            raise ConfigError(f"{path}:{line}: has_sizes: expected 1/0, true/false or oui/non")
        sizes = tuple(s.strip() for s in cell("sizes").split("|") if s.strip())
        products[reference] = CatalogProduct(
            reference=reference,
            brand=cell("brand"),
            title=cell("title"),
            has_sizes=flag in _TRUE or bool(sizes),
            sizes=sizes,
        )
    return list(products.values())
