"""The site's catalogue as last fetched: what ShopSync may publish.

Products may carry the spellings the platform used before renaming them (Site API v1.1,
`previous_references`): when a fetched catalogue renames a product the site was already showing,
the delivery records follow the product to its new reference, so that it keeps its state.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time

import sqlite_utils

from shopsync.model import CatalogProduct
from shopsync.store import delivery
from shopsync.store.db import get_meta, set_meta, transaction

log = logging.getLogger(__name__)


def save_catalog(db: sqlite_utils.Database, products: list[CatalogProduct]) -> bool:
    """Replace the cached catalogue; returns True when it changed."""
    rows = sorted(
        (p.reference, p.brand, p.title, int(p.has_sizes), json.dumps(list(p.sizes)))
        for p in products
    )
    previous = [
        (p.reference, old, position)
        for p in products
        for position, old in enumerate(p.previous_references)
    ]
    hashed = [rows, sorted(previous)] if previous else rows  # a v1 catalogue hashes as before
    digest = hashlib.sha256(json.dumps(hashed, ensure_ascii=False).encode()).hexdigest()
    changed = digest != get_meta(db, "catalog_hash")
    renames = _renames(db, products) if changed else {}
    with transaction(db) as conn:
        if changed:
            conn.execute("DELETE FROM catalog")
            conn.execute("DELETE FROM catalog_previous")
            conn.executemany("INSERT OR REPLACE INTO catalog VALUES (?,?,?,?,?)", rows)
            conn.executemany("INSERT OR IGNORE INTO catalog_previous VALUES (?,?,?)", previous)
            set_meta(db, "catalog_hash", digest)
        set_meta(db, "catalog_fetched_at", str(time.time()))
    if renames:
        delivery.rename_references(db, renames)
        log.info("%d catalogue products renamed by the platform keep their state", len(renames))
    return changed


def _renames(db: sqlite_utils.Database, products: list[CatalogProduct]) -> dict[str, str]:
    """old -> new for products renamed since the last fetch that the site was shown under
    their old reference (and not yet under the new one)."""
    if not any(p.previous_references for p in products):
        return {}
    current = {p.reference for p in products}
    promised = {r[0] for r in db.conn.execute("SELECT reference FROM promised")}
    renames: dict[str, str] = {}
    for product in products:
        if product.reference in promised:
            continue
        for old in product.previous_references:
            if old in promised and old not in current and old not in renames:
                renames[old] = product.reference
                break
    return renames


def load_catalog(db: sqlite_utils.Database) -> dict[str, CatalogProduct]:
    previous: dict[str, list[str]] = {}
    for reference, old in db.conn.execute(
        "SELECT reference, previous FROM catalog_previous ORDER BY reference, position"
    ):
        previous.setdefault(reference, []).append(old)
    return {
        r[0]: CatalogProduct(
            r[0],
            r[1],
            r[2] or "",
            bool(r[3]),
            tuple(json.loads(r[4] or "[]")),
            tuple(previous.get(r[0], ())),
        )
        for r in db.conn.execute("SELECT reference, brand, title, has_sizes, sizes FROM catalog")
    }


def catalog_age(db: sqlite_utils.Database, now: float) -> float | None:
    fetched = get_meta(db, "catalog_fetched_at")
    return None if fetched is None else now - float(fetched)
