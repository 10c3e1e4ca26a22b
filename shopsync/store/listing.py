"""Listing requests already sent to the platform: per ERP reference, the hash of the item as
sent, so that an item goes again only when its state changed (table `listing_requests`).
Every write moves the meta `listing_gen`, so that a process keeping what it knows in memory
(`sync.listing.ListingMemo`) sees when another one wrote."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import sqlite_utils

from shopsync.store.db import transaction
from shopsync.store.meta import get_meta, set_meta

GENERATION = "listing_gen"


def sent(db: sqlite_utils.Database) -> dict[str, str]:
    """ERP reference -> hash of the item last sent."""
    return dict(db.conn.execute("SELECT reference, hash FROM listing_requests").fetchall())


def record_sent(db: sqlite_utils.Database, items: Iterable[tuple[str, str]], now: float) -> None:
    """Remember (reference, hash) pairs the site accepted."""
    with transaction(db) as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO listing_requests VALUES (?, ?, ?)",
            [(reference, digest, now) for reference, digest in items],
        )
        set_meta(db, GENERATION, uuid.uuid4().hex)


def generation(db: sqlite_utils.Database) -> str:
    """Moves with every write of `listing_requests`. A home without one yet (new, rebuilt,
    or written by a release before it) is given one: never the same twice."""
    found = get_meta(db, GENERATION)
    if found is None:
        found = uuid.uuid4().hex
        set_meta(db, GENERATION, found)
    return found
