"""The read step: the newest complete export, parsed only when its bytes are new.

This is the one place a run waits for an export to settle (`erp.settle.read_settled`, which
also waits while another program holds the file and reads again when it vanished or moved
during the read, then says "export occupé"): the export
watcher only debounces file events, so a run started by the watcher, the interval, the nightly
job or the CLI all wait here, once. A whole-source failure raises InputError before anything
downstream is touched; the cached read and the site stay as they were.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from shopsync.erp.messages import listed
from shopsync.erp.settle import read_settled
from shopsync.errors import InputError
from shopsync.model import ReadResult, StockLine
from shopsync.store import erp_cache

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.config import Settings



@dataclass(frozen=True, slots=True)
class ErpRead:
    """What the read step found. `fresh` is a new parse, saved by the outbox step once the run
    commits to it; None means the cached read (same bytes) serves."""

    content_hash: str | None
    items: int
    fresh: ReadResult | None = None
    problems: list[str] = field(default_factory=list)

    def lines(self, db: sqlite_utils.Database) -> list[StockLine]:
        return self.fresh.lines if self.fresh is not None else erp_cache.load_lines(db)


def read_erp(settings: Settings, db: sqlite_utils.Database, *, full: bool) -> ErpRead:
    """Read the export unless its bytes are the ones already read (or `full` asks again)."""
    erp_settings = settings.erp
    if erp_settings.path:  # held, vanished or moving while read: read again, or "occupé"
        return read_settled(
            erp_settings.path,
            lambda source: _read_source(settings, db, source, full=full),
            settle_seconds=erp_settings.settle_seconds,
        )[1]
    return _read_source(settings, db, None, full=full)


def _read_source(
    settings: Settings, db: sqlite_utils.Database, source: Path | None, *, full: bool
) -> ErpRead:
    from shopsync import erp  # the readers pull in their parsers: only when a run reads

    erp_settings = settings.erp
    previous = erp_cache.last_read(db)
    content_hash = file_hash(source) if source is not None else None
    if (
        content_hash is not None
        and previous is not None
        and previous["content_hash"] == content_hash
        and not full
    ):
        return ErpRead(content_hash, previous["items"])
    result = erp.read_export(source, erp_settings.profile, home=settings.home)
    if not result.lines:
        raise InputError(
            f"{result.source}: no readable item ({len(result.rejected)} lines rejected): "
            "nothing was changed on the site"
        )
    result.content_hash = content_hash or result.content_hash or lines_hash(result)
    problems = listed((*result.rejected, *result.warnings))  # the first ones, the rest counted
    return ErpRead(result.content_hash, len(result.lines), result, problems)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def lines_hash(result: ReadResult) -> str:
    """For sources without bytes of their own (ODBC, REST): a hash of what was read."""
    digest = hashlib.sha256()
    for line in result.lines:
        digest.update(repr(line).encode())
    return digest.hexdigest()
