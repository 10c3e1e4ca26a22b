"""The sandbox's catalogue CSV: the shared reader (`shopsync.catalog_csv`), as a list.

The catalogue is what the platform's listing team wrote: the references the site knows. A demo
or a test hands the sandbox one so that it answers like a real shop's site would.
"""

from __future__ import annotations

from pathlib import Path

from shopsync.catalog_csv import read_catalog_csv as _read
from shopsync.model import CatalogProduct


def read_catalog_csv(path: Path) -> list[CatalogProduct]:
    return list(_read(path).values())
