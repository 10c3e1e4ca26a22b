"""The shop's decisions about suggested matches: accepted aliases and remembered rejections.

An accepted alias lets the shop keep its ERP reference (`TIS-T120.417.17.041.00`) and still
update the catalogue product (`T120.417.17.041.00`) on every sync, instead of rewriting its ERP.
A rejection is remembered so that the same wrong suggestion is never auto-matched or offered
again. Brands rewrite their references and the platform follows them, so `recheck` runs after
each catalogue fetch and flags (`stale = 1`) the aliases whose catalogue reference vanished: a
stale alias connects nothing, and the shop is told.

Table `aliases` (store migration v1): erp_reference, catalog_reference, decision
('accepted' | 'rejected'), decided_at, stale; primary key (erp_reference, catalog_reference).
One ERP reference has at most one accepted alias: accepting another replaces it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from shopsync.errors import ShopSyncError
from shopsync.store.db import transaction

if TYPE_CHECKING:
    import sqlite_utils


class AliasError(ShopSyncError):
    """An alias decision that cannot be stored as given (empty reference…)."""


def _clean(erp_ref: str, catalog_ref: str) -> tuple[str, str]:
    erp = (erp_ref or "").strip()
    cat = (catalog_ref or "").strip()
    if not erp or not cat:
        raise AliasError(
            "an alias needs an ERP reference and a catalogue reference, both non-empty"
        )
    return erp, cat


def accepted(db: sqlite_utils.Database) -> dict[str, str]:
    """ERP reference -> catalogue reference for every accepted alias (stale ones included:
    `connect` ignores an alias whose target is not in the catalogue, and uses it again if the
    reference comes back)."""
    rows = db.conn.execute(
        "SELECT erp_reference, catalog_reference FROM aliases WHERE decision = 'accepted' "
        "ORDER BY decided_at"
    )
    return {erp: cat for erp, cat in rows}


def rejected(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    """(ERP reference, catalogue reference) pairs the shop said are not the same product."""
    rows = db.conn.execute(
        "SELECT erp_reference, catalog_reference FROM aliases WHERE decision = 'rejected'"
    )
    return {(erp, cat) for erp, cat in rows}


def _decide(db: sqlite_utils.Database, erp: str, cat: str, decision: str) -> None:
    db.conn.execute(
        "INSERT INTO aliases (erp_reference, catalog_reference, decision, decided_at, stale) "
        "VALUES (?, ?, ?, ?, 0) ON CONFLICT (erp_reference, catalog_reference) DO UPDATE SET "
        "decision = excluded.decision, decided_at = excluded.decided_at, stale = 0",
        (erp, cat, decision, time.time()),
    )


def accept(db: sqlite_utils.Database, erp_ref: str, catalog_ref: str) -> None:
    """Connect `erp_ref` to `catalog_ref` from now on (replacing its previous accepted alias;
    a rejection of this very pair is overturned)."""
    erp, cat = _clean(erp_ref, catalog_ref)
    with transaction(db) as conn:
        conn.execute(
            "DELETE FROM aliases WHERE erp_reference = ? AND decision = 'accepted' "
            "AND catalog_reference <> ?",
            (erp, cat),
        )
        _decide(db, erp, cat, "accepted")


def reject(db: sqlite_utils.Database, erp_ref: str, catalog_ref: str) -> None:
    """Remember that `erp_ref` is not `catalog_ref` (an accepted alias of this pair is undone)."""
    erp, cat = _clean(erp_ref, catalog_ref)
    with transaction(db):
        _decide(db, erp, cat, "rejected")


def list_all(db: sqlite_utils.Database) -> list[dict]:
    """Every decision, ERP reference order: dicts with the table's columns (stale as bool)."""
    cur = db.conn.execute(
        "SELECT erp_reference, catalog_reference, decision, decided_at, stale FROM aliases "
        "ORDER BY erp_reference, decision, catalog_reference"
    )
    return [
        {
            "erp_reference": erp,
            "catalog_reference": cat,
            "decision": decision,
            "decided_at": decided_at,
            "stale": bool(stale),
        }
        for erp, cat, decision, decided_at, stale in cur
    ]


def recheck(db: sqlite_utils.Database, catalog_references: set[str]) -> list[dict]:
    """Flag the aliases whose catalogue reference is no longer in `catalog_references`.

    Returns the ones that became stale by this call (accepted and rejected alike; the `decision`
    key tells them apart), so that a sync reports each vanished reference once. Aliases whose
    reference is back are unflagged. An empty catalogue flags nothing: that is a failed fetch,
    not every brand rewriting every reference overnight.
    """
    if not catalog_references:
        return []
    rows = db.conn.execute(
        "SELECT erp_reference, catalog_reference, decision, decided_at, stale FROM aliases"
    ).fetchall()
    newly: list[dict] = []
    back: list[tuple[str, str]] = []
    for erp, cat, decision, decided_at, stale in rows:
        present = cat in catalog_references
        if not present and not stale:
            newly.append(
                {
                    "erp_reference": erp,
                    "catalog_reference": cat,
                    "decision": decision,
                    "decided_at": decided_at,
                    "stale": True,
                }
            )
        elif present and stale:
            back.append((erp, cat))
    if newly or back:
        with transaction(db) as conn:
            conn.executemany(
                "UPDATE aliases SET stale = 1 WHERE erp_reference = ? AND catalog_reference = ?",
                [(a["erp_reference"], a["catalog_reference"]) for a in newly],
            )
            conn.executemany(
                "UPDATE aliases SET stale = 0 WHERE erp_reference = ? AND catalog_reference = ?",
                back,
            )
    return newly


def decisions_version(db: sqlite_utils.Database) -> tuple:
    """A value that moves whenever a decision is added, changed or flagged stale (for the sync
    fingerprint: a new alias must make an unchanged export sync again)."""
    return db.conn.execute(
        "SELECT COUNT(*), MAX(decided_at), SUM(stale) FROM aliases"
    ).fetchone()
