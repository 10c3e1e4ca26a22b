"""The site's catalogue as last fetched: what ShopSync may publish."""

from __future__ import annotations

import hashlib
import json
import time

import sqlite_utils

from shopsync.model import CatalogProduct
from shopsync.store.db import get_meta, set_meta, transaction


def save_catalog(db: sqlite_utils.Database, products: list[CatalogProduct]) -> bool:
    """Replace the cached catalogue; returns True when it changed."""
    rows = sorted(
        (p.reference, p.brand, p.title, int(p.has_sizes), json.dumps(list(p.sizes)))
        for p in products
    )
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
    changed = digest != get_meta(db, "catalog_hash")
    with transaction(db) as conn:
        if changed:
            conn.execute("DELETE FROM catalog")
            conn.executemany("INSERT OR REPLACE INTO catalog VALUES (?,?,?,?,?)", rows)
            set_meta(db, "catalog_hash", digest)
        set_meta(db, "catalog_fetched_at", str(time.time()))
    return changed


def load_catalog(db: sqlite_utils.Database) -> dict[str, CatalogProduct]:
    return {
        r[0]: CatalogProduct(r[0], r[1], r[2] or "", bool(r[3]), tuple(json.loads(r[4] or "[]")))
        for r in db.conn.execute("SELECT reference, brand, title, has_sizes, sizes FROM catalog")
    }


# A fetch dated this far in the future means the clock went backwards: treat it as old.
CLOCK_SLACK = 300.0


def catalog_age(db: sqlite_utils.Database, now: float) -> float | None:
    """Seconds since the catalogue was fetched; infinite when the clock went backwards (a PC
    starting in 2009 would otherwise keep a catalogue "fetched in the future" for years)."""
    fetched = get_meta(db, "catalog_fetched_at")
    if fetched is None:
        return None
    age = now - float(fetched)
    return float("inf") if age < -CLOCK_SLACK else age
