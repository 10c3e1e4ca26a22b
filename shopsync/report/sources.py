"""Where `match` and `check` get the two sides they compare: ERP items and the catalogue.

The catalogue comes from a CSV (`reference,brand,title[,has_sizes,sizes]`, what a CSM exports
from the platform's back office), from the site itself, or from the store (the catalogue the
last sync fetched). The ERP side always goes through the same reader a sync uses, so that what
the report says about a reference is what a sync will see.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from shopsync.errors import InputError

if TYPE_CHECKING:
    from shopsync.config import Settings
    from shopsync.model import CatalogProduct, ReadResult


def read_erp(path: str | Path | None, profile: str | None, home: Path | None) -> ReadResult:
    """The ERP export read exactly as a sync reads it (InputError when unreadable)."""
    from shopsync.erp import read_export

    # An ODBC or 4D REST profile has no file: the reader then takes its source from the profile
    # (and says so when a file profile gets no file).
    source = Path(path).expanduser() if path and str(path).strip() else None
    return read_export(source, profile or "auto", home=home)


def _decode(raw: bytes, where: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{where}: not a text file (neither UTF-8 nor Windows-1252)")


def load_catalog_csv(path: str | Path) -> dict[str, CatalogProduct]:
    """A catalogue CSV: header `reference,brand,title` (optional `has_sizes`, `sizes` with `|`
    between sizes). `;` is accepted too, since a French Excel saves CSV that way. Duplicate
    references keep the first row; a row without a reference is an error with its line."""
    from shopsync.model import CatalogProduct

    where = Path(path).expanduser()
    try:
        raw = where.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read the catalogue ({exc.strerror or exc})") from exc
    text = _decode(raw, where)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise InputError(f"{where}: the catalogue is empty")
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("reference", "brand") if c not in names]
    if missing:
        raise InputError(
            f"{where}:1: the catalogue needs the columns reference,brand,title "
            f"(missing: {', '.join(missing)}; found: {', '.join(header)})"
        )
    col = {name: names.index(name) for name in names if name}
    catalog: dict[str, CatalogProduct] = {}

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    for row in reader:
        if not any(c.strip() for c in row):
            continue
        reference = cell(row, "reference")
        if not reference:
            raise InputError(f"{where}:{reader.line_num}: reference: empty")
        if reference in catalog:
            continue
        sizes = tuple(s.strip() for s in cell(row, "sizes").split("|") if s.strip())
        has_sizes = cell(row, "has_sizes").lower() in ("1", "true", "yes", "oui") or bool(sizes)
        catalog[reference] = CatalogProduct(
            reference, cell(row, "brand"), cell(row, "title"), has_sizes, sizes
        )
    return catalog


def load_catalog_site(settings: Settings) -> dict[str, CatalogProduct]:
    """The catalogue fetched from the site (URL from the settings, token from keyring/env)."""
    from shopsync.config import site_token
    from shopsync.site.client import SiteClient

    url = settings.site.url
    with SiteClient(url, site_token(url)) as client:
        return {p.reference: p for p in client.catalog()}


def load_catalog_store(db) -> dict[str, CatalogProduct]:
    """The catalogue the last sync fetched (empty when no sync ever reached the site)."""
    from shopsync.store.catalog import load_catalog

    return load_catalog(db)
