"""What the read step hands the run (`ErpRead`), whichever road the ERP took: a file parsed
(or not: same bytes), or a database's cached view after its changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shopsync.model import ReadResult, StockLine
from shopsync.store import erp_cache

if TYPE_CHECKING:
    import sqlite_utils

MAX_PROBLEMS = 200  # problems carried in a run summary (the cached read keeps more)


@dataclass(frozen=True, slots=True)
class ErpRead:
    """What the read step found. `fresh` is a new parse, saved by the outbox step once the run
    commits to it; None means the cached read (same bytes) serves."""

    content_hash: str | None
    items: int
    fresh: ReadResult | None = None
    problems: list[str] = field(default_factory=list)
    moved: bool = True  # the ERP view changed in this read (a poll runs only then)
    view: list[StockLine] | None = None  # a database view's lines, as this read left them
    asked: int = 0  # requests or queries sent to an ERP database by this read
    transferred: int = 0  # rows or entities it sent back
    lines_read: int = 0  # the export's data lines (rejected ones included): sync/counts.py
    lines_rejected: int = 0
    # When the ERP wrote what was read: the export file's modification time (None for a
    # database, read live: the run's own time stands in). `[site] web_orders_until = "export"`.
    written_at: float | None = None

    def lines(self, db: sqlite_utils.Database) -> list[StockLine]:
        if self.fresh is not None:
            return self.fresh.lines
        return self.view if self.view is not None else erp_cache.load_lines(db)


def lines_hash(result: ReadResult) -> str:
    """For sources without bytes of their own (ODBC, REST): a hash of what was read."""
    digest = hashlib.sha256()
    for line in result.lines:
        digest.update(repr(line).encode())
    return digest.hexdigest()
