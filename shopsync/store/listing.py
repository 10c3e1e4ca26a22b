"""Listing requests already sent to the platform: per ERP reference, the hash of the item as
sent, so that an item goes again only when its state changed (table `listing_requests`)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils


def sent(db: sqlite_utils.Database) -> dict[str, str]:
    """ERP reference -> hash of the item last sent."""
    return dict(db.conn.execute("SELECT reference, hash FROM listing_requests").fetchall())


def record_sent(db: sqlite_utils.Database, items: Iterable[tuple[str, str]], now: float) -> None:
    """Remember (reference, hash) pairs the site accepted."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO listing_requests VALUES (?, ?, ?)",
        [(reference, digest, now) for reference, digest in items],
    )
