"""The read step: the newest complete export, parsed only when its bytes are new; or, for an
ERP database that can tell its changes (4D's global stamp, an ODBC change column, the gate),
only what changed, applied to the cached ERP view (`sync/read_database.py`).

This is the one place a run waits for an export to settle (`erp.settle.read_settled`, which
also waits while another program holds the file and reads again when it vanished or moved
during the read, then says "export occupé"): the export
watcher only debounces file events, so a run started by the watcher, the interval, the nightly
job or the CLI all wait here, once. A whole-source failure raises InputError before anything
downstream is touched; the cached read and the site stay as they were.

What the step hands the run is an `ErpRead` (`sync/erp_read.py`), whichever road was taken.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from shopsync.erp import messages
from shopsync.erp.messages import listed
from shopsync.erp.settle import read_settled
from shopsync.errors import InputError
from shopsync.store import erp_cache
from shopsync.sync.erp_read import MAX_PROBLEMS, ErpRead, lines_hash
from shopsync.sync.erp_view import ViewCache

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.config import Settings
    from shopsync.erp.profiles import Profile

DATABASE_SOURCES = ("odbc", "4d-rest")
__all__ = ["MAX_PROBLEMS", "ErpRead", "file_hash", "lines_hash", "polls", "read_erp",
           "release_sources"]

def read_erp(
    settings: Settings, db: sqlite_utils.Database, *, full: bool, cache: ViewCache | None = None
) -> ErpRead:
    """Read the export unless its bytes are the ones already read (or `full` asks again); a
    database source by its changes unless `full` (`cache`: the engine's mirror of its view)."""
    erp_settings = settings.erp
    database = _database_source(settings)
    if database is not None:
        from shopsync.sync.read_database import read_changes

        return read_changes(db, *database, full=full, cache=cache)
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
    written_at = _written_at(source)
    content_hash = file_hash(source) if source is not None else None
    if (
        content_hash is not None
        and previous is not None
        and previous["content_hash"] == content_hash
        and not full
    ):
        return ErpRead(
            content_hash,
            previous["items"],
            lines_read=int(previous["raw_lines"] or 0),
            lines_rejected=int(previous["rejected"] or 0),
            written_at=written_at,
        )
    result = erp.read_export(source, erp_settings.profile, home=settings.home)
    if not result.lines:
        raise InputError(messages.no_item_lines(result.source, len(result.rejected)))
    result.content_hash = content_hash or result.content_hash or lines_hash(result)
    problems = listed((*result.rejected, *result.warnings))  # the first ones, the rest counted
    return ErpRead(
        result.content_hash, len(result.lines), result, problems,
        lines_read=result.raw_lines, lines_rejected=len(result.rejected),
        written_at=written_at,
    )  # fmt: skip


def _written_at(source: Path | None) -> float | None:
    """The export's modification time, taken before its bytes: a file rewritten meanwhile is
    read again by the settle step."""
    if source is None:
        return None
    try:
        return source.stat().st_mtime
    except OSError:
        return None


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# -- database sources read by their changes ------------------------------------------------------


def _database_source(settings: Settings) -> tuple[str | None, Profile] | None:
    """(source, profile) when the ERP is a database (ODBC, 4D REST), else None (a file)."""
    from shopsync import erp
    from shopsync.erp.reader import source_kind

    path = settings.erp.path or None
    profile = erp.load_profile(settings.erp.profile, home=settings.home)
    if source_kind(path, profile) not in DATABASE_SOURCES:
        return None
    if profile.source.type not in DATABASE_SOURCES:  # a URL or DSN given as the path
        from dataclasses import replace

        kind = source_kind(path, profile)
        profile = replace(profile, source=replace(profile.source, type=kind))
    return path, profile


def polls(settings: Settings) -> bool:
    """True when the ERP is a database that the poll job asks for its changes."""
    try:
        return _database_source(settings) is not None
    except Exception:  # noqa: BLE001 - a broken profile shows at the next run, not here
        return False


def release_sources() -> None:
    """Log out of the ERP sessions this process holds (4D: each holds a licence)."""
    fourd = sys.modules.get("shopsync.erp.fourd_rest")
    if fourd is not None:
        fourd.close_sessions()
