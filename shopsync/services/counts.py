"""The one counting of an export (shopsync/sync/counts.py), as the places that show it ask for
it: the last run's (`last`, stored by the engine: `shopsync status`, the heartbeat, the tray),
or an export counted now with the shop's decisions (`of_export`: the wizard's preview, which
has the site's catalogue from its site step, or none yet)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from shopsync.config import Settings
from shopsync.model import CatalogProduct, ReadResult
from shopsync.rules import RuleOptions
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import counts as count_store
from shopsync.sync.counts import ExportCounts, count_read

if TYPE_CHECKING:
    from shopsync.matching import MatchResult


class CountService:
    def __init__(self, db: sqlite_utils.Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def last(self) -> ExportCounts | None:
        """The counting of the last run that planned (None before one did)."""
        return ExportCounts.from_dict(count_store.load(self.db))

    def counted_at(self) -> float | None:
        stored = count_store.load(self.db) or {}
        return stored.get("counted_at")

    def of_read(
        self,
        read: ReadResult,
        catalogue: Mapping[str, CatalogProduct] | None = None,
        *,
        matches: Sequence[MatchResult] | None = None,
    ) -> ExportCounts:
        """`read` counted with the shop's brand and alias decisions and rules; `catalogue`
        defaults to the one the last sync fetched (None when no sync reached the site yet).
        `matches`: `CatalogIndex.match` over this read, when the caller made it (the report)."""
        if catalogue is None:
            catalogue = catalog_store.load_catalog(self.db) or None
        return count_read(
            read,
            catalogue,
            mappings=brand_store.load_mappings(self.db),
            options=RuleOptions.from_settings(self.settings),
            accepted=alias_store.accepted(self.db),
            rejected=alias_store.rejected(self.db),
            matches=matches,
        )

    def of_export(
        self,
        source: str | os.PathLike[str] | None,
        profile: str = "auto",
        catalogue: Mapping[str, CatalogProduct] | None = None,
    ) -> ExportCounts:
        """Read `source` completely (InputError when it cannot be) and count it (`of_read`)."""
        from shopsync.report.sources import read_erp

        path = Path(source) if source is not None else None
        return self.of_read(read_erp(path, profile, self.settings.home), catalogue)
