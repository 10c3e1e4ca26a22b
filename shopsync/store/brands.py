"""Brand mappings: which ERP brand goes to which site brand, in which mode."""

from __future__ import annotations

import time

import sqlite_utils

from shopsync.rules import BrandMapping, fold_brand
from shopsync.store.db import get_meta, set_meta, transaction


def load_mappings(db: sqlite_utils.Database) -> dict[str, BrandMapping]:
    return {
        r[0]: BrandMapping(r[1], r[2], r[3], bool(r[4]))
        for r in db.conn.execute("SELECT key, erp_brand, site_brand, mode, decided FROM brands")
    }


def set_mapping(
    db: sqlite_utils.Database, erp_brand: str, mode: str, site_brand: str | None = None
) -> BrandMapping:
    """The shop's decision for one brand (a brand absent from the ERP is allowed)."""
    key = fold_brand(erp_brand)
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO brands(key, erp_brand, site_brand, mode, decided, first_seen) "
            "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(key) DO UPDATE SET site_brand = "
            "excluded.site_brand, mode = excluded.mode, decided = 1",
            (key, erp_brand.strip(), site_brand, mode, time.time()),
        )
        _bump(db)
    return BrandMapping(erp_brand.strip(), site_brand, mode, True)


def record_new(db: sqlite_utils.Database, mappings: list[BrandMapping]) -> None:
    """Remember brands seen for the first time with the default they took (flagged undecided
    when that default is `unmapped`), so the shop is asked once and the choice is stable."""
    if not mappings:
        return
    now = time.time()
    with transaction(db) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO brands(key, erp_brand, site_brand, mode, decided, first_seen) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(fold_brand(m.erp_brand), m.erp_brand, None, m.mode, int(m.decided), now) for m in mappings],
        )


def mappings_version(db: sqlite_utils.Database) -> str:
    return get_meta(db, "brands_version", "0") or "0"


def _bump(db: sqlite_utils.Database) -> None:
    set_meta(db, "brands_version", str(int(mappings_version(db)) + 1))
