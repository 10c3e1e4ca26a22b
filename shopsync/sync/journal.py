"""The hold and outbox steps: a plan written to the store, in the order a crash can survive.

`hold` records the unpublishing the guard kept back (and drops held rows no longer needed);
`outbox` then saves the new ERP read, remembers first-seen brands, enqueues the changes with
fresh versions and stores the fingerprint that lets the next identical run stop early.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from shopsync import rules
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import delivery, erp_cache
from shopsync.store.db import get_meta, set_meta

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.config import Settings
    from shopsync.sync.plan import Plan
    from shopsync.sync.read import ErpRead


def hold(db: sqlite_utils.Database, references: list[str], now: float) -> None:
    """Keep these unpublishings back until a person confirms; release the others."""
    delivery.clear_held_except(db, set(references))
    delivery.hold(db, references, now)


def outbox(
    db: sqlite_utils.Database,
    plan: Plan,
    read: ErpRead,
    *,
    new_brands: str,
    fingerprint: str,
    now: float,
) -> int:
    """Commit the run's input and its changes; returns how many changes were enqueued."""
    if read.fresh is not None:
        erp_cache.save_read(db, read.fresh, read.problems)  # as listed: the first, then counted
    brand_store.record_new(
        db,
        [
            rules.BrandMapping(b, None, new_brands, new_brands != rules.BrandMode.UNMAPPED)
            for b in plan.desired.new_brands
        ],
    )
    count = delivery.enqueue(db, plan.changes, now)
    set_meta(db, "fingerprint", fingerprint)
    return count


def fingerprint(db: sqlite_utils.Database, settings: Settings, content_hash: str | None) -> str:
    """Everything a run's outcome depends on: the export, the catalogue, the brand choices, the
    alias decisions and the rule settings."""
    parts = (
        content_hash,
        get_meta(db, "catalog_hash"),
        brand_store.mappings_version(db),
        alias_store.decisions_version(db),
        settings.rules_fingerprint(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def nothing_new(db: sqlite_utils.Database, fingerprint: str) -> bool:
    """Same fingerprint as the last committed run, nothing pending, no confirmed unpublishing
    waiting: the run has nothing to plan."""
    settled = not delivery.pending_count(db) and not any(delivery.held(db).values())
    return settled and fingerprint == get_meta(db, "fingerprint")
