"""Reading a jeweller's ERP stock exports: files, spreadsheets, DBF, ODBC and 4D REST.

The public API is these four functions and their types. Nothing heavy is imported here: the
CLI's `read` and `--help` must stay fast, so calamine, dbfread, pyodbc and httpx are imported
by the reader that needs them, when it needs them; even this package's own modules load on
first call.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shopsync.erp.profiles import Profile
    from shopsync.erp.reader import ExportResult, Preview

__all__ = [
    "ExportResult",
    "Preview",
    "Profile",
    "available_profiles",
    "load_profile",
    "preview",
    "read_export",
    "resolve_source",
]


def read_export(
    source: str | os.PathLike[str] | None,
    profile: str | os.PathLike[str] | Profile = "auto",
    *,
    home: Path | None = None,
) -> ExportResult:
    """Read one ERP source completely (a file, or the profile's ODBC/4D REST source).

    Returns merged StockLines (same reference and size: quantities add, the highest price is
    kept with a warning), rejected lines and warnings as Problems, the count of data lines
    seen and, for files, the SHA-256 of the raw bytes. Raises InputError when the source as a
    whole cannot be read, and ConfigError for a bad profile.
    """
    from shopsync.erp.reader import read_export as _read

    return _read(source, profile, home=home)


def resolve_source(
    pattern: str,
    *,
    settle_seconds: float = 3.0,
    wait: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """The newest complete file matching `pattern` (a path or glob, local or UNC).

    Complete means a fresh marker file beside it (`stock.csv.done`, `stock.csv.ok`,
    `stock.done`, `stock.ok`) or, without one, a size and date that have not moved for
    `settle_seconds`. With `wait`, waits for that; otherwise raises InputError at once.
    """
    from shopsync.erp.settle import resolve_source as _resolve

    return _resolve(pattern, settle_seconds=settle_seconds, wait=wait, clock=clock, sleep=sleep)


def load_profile(name_or_path: str | os.PathLike[str], *, home: Path | None = None) -> Profile:
    """A profile by name (HOME/profiles/NAME.toml, then the shipped preset) or by path."""
    from shopsync.erp.profiles import load_profile as _load

    return _load(name_or_path, home=home)


def preview(
    source: str | os.PathLike[str] | None,
    profile: str | os.PathLike[str] | Profile = "auto",
    *,
    rows: int = 20,
    home: Path | None = None,
) -> Preview:
    """Headers, detected mapping, the first rows, code page and separator of a source."""
    from shopsync.erp.reader import preview as _preview

    return _preview(source, profile, rows=rows, home=home)


def available_profiles(home: Path | None = None) -> list[str]:
    """Names of the shipped presets and the shop's own profiles."""
    from shopsync.erp.profiles import available_profiles as _available

    return _available(home)


_TYPES = {
    "ExportResult": "shopsync.erp.reader",
    "Preview": "shopsync.erp.reader",
    "Profile": "shopsync.erp.profiles",
}


def __getattr__(name: str) -> Any:
    """The API's types, imported on first use (PEP 562)."""
    module_name = _TYPES.get(name)
    if module_name is None:
        raise AttributeError(f"module 'shopsync.erp' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
