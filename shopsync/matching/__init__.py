"""Connecting ERP references to the site catalogue's, and suggesting rewrites.

The public API the engine, the `match`/`check` commands and the readiness report use. Pure: no
I/O, and rapidfuzz is only imported when `match` needs fuzzy suggestions, so that a sync (which
only calls `connect`) never pays for it.

    fold(reference) -> str
    connect(erp_references, catalog, accepted, rejected) -> {erp ref: catalogue ref}
    match(items, catalog, accepted, rejected, limit) -> [MatchResult]
    CatalogIndex(catalog).connect(...) / .match(...)   # build once, use many times
"""

from shopsync.matching.matcher import (
    EXACT,
    NORMALIZED,
    STATUSES,
    SUGGESTED,
    UNMATCHED,
    Candidate,
    CatalogIndex,
    MatchResult,
    connect,
    match,
)
from shopsync.matching.normalize import fold, fold_many

__all__ = [
    "EXACT",
    "NORMALIZED",
    "STATUSES",
    "SUGGESTED",
    "UNMATCHED",
    "Candidate",
    "CatalogIndex",
    "MatchResult",
    "connect",
    "fold",
    "fold_many",
    "match",
]
