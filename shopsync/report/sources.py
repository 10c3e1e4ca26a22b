"""Where `match` and `check` get the two sides they compare: ERP items and the catalogue.

The catalogue comes from a CSV (`reference,brand,title[,has_sizes,sizes]`, what a CSM exports
from the platform's back office) or from the site itself; the catalogue the last sync fetched
comes through `services.references` (`ReferenceService.catalog()`). The ERP side always goes through the same reader a sync uses, so that what
the report says about a reference is what a sync will see.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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


def load_catalog_csv(path: str | Path) -> dict[str, CatalogProduct]:
    """A catalogue CSV, read as the sandbox reads it (see shopsync.catalog_csv)."""
    from shopsync.catalog_csv import read_catalog_csv

    return read_catalog_csv(path)


def load_catalog_site(settings: Settings) -> dict[str, CatalogProduct]:
    """The catalogue fetched from the site (URL from the settings, token from keyring/env)."""
    from shopsync.site.factory import Purpose, SiteTargets

    client = SiteTargets.from_settings(settings).open(Purpose.REPORT)
    try:
        return {p.reference: p for p in client.catalog()}
    finally:
        client.close()
