"""What the platform link (`shopsync/agent/`) reads and remembers in the home's store.

The agent builds the heartbeat, the connection report and the "done once" record of support
requests from the same state the windows and the CLI read; like them it goes through this door
and never opens a store module itself (tests/test_layering.py), so that a change of the store's
layout is made here once, not in every caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlite_utils

from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import erp_cache
from shopsync.store import support as support_journal  # noqa: F401 - the agent's, through here
from shopsync.store.db import get_meta, open_db, set_meta

if TYPE_CHECKING:
    from pathlib import Path

    from shopsync.matching import CatalogProduct
    from shopsync.model import StockLine


# `support_journal`: the journal of support requests (listed, started, answered: "done once"
# and the pace), which the agent's SupportHandler keeps; re-exported as it is.


def open_store(db_path: Path) -> sqlite_utils.Database:
    """The home's database, for a caller on its own thread (the link has its own connection)."""
    return open_db(db_path)


def remembered(db: sqlite_utils.Database, key: str) -> str | None:
    """A value the agent noted in the store (a report's hash, the requests done)."""
    return get_meta(db, key)


def remember(db: sqlite_utils.Database, key: str, value: str) -> None:
    set_meta(db, key, value)


def erp_lines(db: sqlite_utils.Database) -> list[StockLine]:
    """The ERP's lines as last read by a sync."""
    return erp_cache.load_lines(db)


def catalogue(db: sqlite_utils.Database) -> dict[str, CatalogProduct]:
    """The site's catalogue as last downloaded by a sync."""
    return catalog_store.load_catalog(db)


def catalogue_hash(db: sqlite_utils.Database) -> str | None:
    return get_meta(db, "catalog_hash")


def alias_decisions(db: sqlite_utils.Database) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """The shop's accepted aliases (ERP ref → catalogue ref) and rejected pairs."""
    return alias_store.accepted(db), alias_store.rejected(db)


def undecided_brands(db: sqlite_utils.Database) -> list[str]:
    """ERP brands the shop has not decided yet, sorted."""
    return sorted(m.erp_brand for m in brand_store.load_mappings(db).values() if not m.decided)


def brand_decisions_version(db: sqlite_utils.Database) -> str:
    """Changes whenever a brand decision changes (the report's inputs fingerprint)."""
    return brand_store.mappings_version(db)
