"""`read_export` and `preview`: pick the reader for a source and keep its failures readable.

This is the one boundary between the readers and the rest of the app. Whatever goes wrong
inside (a library's own exception, an OS error on a network share, a bug), what comes out is
either a result or an InputError/ConfigError with a message naming the source: the CLI
contract says no traceback, ever, and the sync must be able to say "nothing changed, because".
"""

from __future__ import annotations

import _thread
import csv
import gc
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopsync.erp import messages
from shopsync.erp.build import Builder
from shopsync.erp.detect import SPREADSHEET_SUFFIXES, sniff_format
from shopsync.erp.profiles import Profile, load_profile
from shopsync.erp.table import Table, repeated_headers
from shopsync.errors import InputError, ShopSyncError
from shopsync.model import Problem, ReadResult

_GLOB_CHARS = frozenset("*?[")


@dataclass(slots=True)
class ExportResult(ReadResult):
    """A ReadResult that also says how the source was read (format, code page, columns...)."""

    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Preview:
    """The first rows of a source as read, for the settings wizard to show and correct."""

    headers: list[str]
    mapping: dict[str, str]
    rows: list[list[str]]
    encoding: str | None = None
    delimiter: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def source_kind(source: str | None, profile: Profile) -> str:
    """How `source` is read under `profile`: "file", "odbc" or "4d-rest"."""
    if source and source.lower().startswith(("http://", "https://")):
        return "4d-rest"
    if source and profile.source.type == "file" and "=" in source and ";" in source and (
        source.upper().startswith(("DSN=", "DRIVER="))
    ):
        return "odbc"
    return profile.source.type


def _load_file(path: Path) -> bytes:
    """The file's bytes, once it is known to be an export: a regular file within the size
    limit (export_file.py; a FIFO is never opened, /dev/zero never read)."""
    from shopsync.erp.export_file import read_export_file

    return read_export_file(path)


def _resolve_path(source: str | os.PathLike[str] | None, profile: Profile) -> Path:
    text = os.fspath(source) if source is not None else profile.source.path
    if not text:
        raise InputError(messages.no_source(profile.name))
    if _GLOB_CHARS & set(text) and not os.path.exists(text):
        from shopsync.erp.settle import resolve_source

        return resolve_source(text, settle_seconds=0, wait=False)
    return Path(text).expanduser()


def _open_file(path: Path, profile: Profile) -> Table:
    data = _load_file(path)
    digest = _hash_meanwhile(data)
    kind = sniff_format(data[:65536], path.suffix.lower(), len(data))
    wanted = profile.source.format
    if kind == "empty":
        raise InputError(messages.empty_file(path))
    if wanted == "auto" and kind == "text" and path.suffix.lower() in SPREADSHEET_SUFFIXES:
        kind = "spreadsheet"  # let calamine say why it is not one
    if wanted != "auto" and not kind.startswith("binary:"):
        kind = wanted
    if kind.startswith("binary:"):
        raise InputError(messages.not_an_export(path, kind[7:]))
    source = str(path)
    if kind == "spreadsheet":
        from shopsync.erp.spreadsheet import open_spreadsheet

        table = open_spreadsheet(data, source, profile)
    elif kind == "dbf":
        from shopsync.erp.dbase import open_dbf

        table = open_dbf(path, data, source, profile)
    else:
        from shopsync.erp.text import open_text

        table = open_text(data, source, profile)
    if table.content_hash is None:
        table.digest = digest
    return table


def _hash_meanwhile(data: bytes) -> Callable[[], str]:
    """The SHA-256 of the file, computed on another core while the rows are being read
    (hashlib lets go of the GIL over large inputs); calling the result waits for it."""
    if len(data) < 1 << 20:
        digest = hashlib.sha256(data).hexdigest()
        return lambda: digest
    done = _thread.allocate_lock()
    done.acquire()
    out: list[str] = []

    def work() -> None:
        try:
            out.append(hashlib.sha256(data).hexdigest())
        except BaseException:  # noqa: BLE001 - never a traceback from a thread: `result` hashes
            pass
        finally:
            done.release()

    try:
        _thread.start_new_thread(work, ())
    except RuntimeError:  # no thread to be had: hash here, now
        work()

    def result() -> str:
        with done:
            return out[0] if out else hashlib.sha256(data).hexdigest()

    return result


def _open(source: str | os.PathLike[str] | None, profile: Profile) -> tuple[str, Table]:
    text = os.fspath(source) if source is not None else None
    kind = source_kind(text, profile)
    if kind == "odbc":
        from shopsync.erp.odbc import open_odbc

        return open_odbc(text, profile)
    if kind == "4d-rest":
        from shopsync.erp.fourd_rest import open_rest

        return open_rest(text, profile)
    path = _resolve_path(source, profile)
    return str(path), _open_file(path, profile)


def _line_order(problem: Problem) -> tuple[bool, int]:
    return (problem.line is not None, problem.line or 0)


def _unexpected(where: str, exc: BaseException) -> InputError:
    """A failure no reader foresaw (a bug, or a library's new exception): logged in full,
    shown as one line. The fuzz tests replace this to make such a failure fail them."""
    import logging  # only now: `shopsync read` never needs it otherwise

    logging.getLogger("shopsync.erp").error("unexpected failure reading %s", where, exc_info=exc)
    return InputError(messages.unexpected_failure(where, type(exc).__name__, exc))


def read_export(
    source: str | os.PathLike[str] | None,
    profile: str | os.PathLike[str] | Profile = "auto",
    *,
    home: Path | None = None,
) -> ExportResult:
    """Read one ERP source completely: merged stock lines, rejected lines and warnings.

    The cyclic garbage collector is paused while reading: a read allocates hundreds of
    thousands of small acyclic objects, and the collector's passes over them would otherwise
    cost as much as the reading itself. When it resumes, what the read allocated is moved to
    the oldest generation at once (freeze, then unfreeze: a list splice), as if it had
    survived the young collections; otherwise the first young collection after the read
    would walk every object of it, a tenth of the read's own time.
    """
    chosen = load_profile(profile, home=home)
    where = os.fspath(source) if source is not None else chosen.name
    collecting = gc.isenabled()
    gc.disable()
    table: Table | None = None
    try:
        where, table = _open(source, chosen)
        return build_table(where, table, chosen)
    except ShopSyncError:
        raise
    except Exception as exc:  # noqa: BLE001 - the boundary: every reader failure is an InputError
        raise _unexpected(where, exc) from None
    finally:
        if table is not None and table.close is not None:
            table.close()
        if collecting:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def build_table(where: str, table: Table, chosen: Profile) -> ExportResult:
    """The one road from an opened table to an ExportResult (files, ODBC, 4D REST, and the
    cached rows of a source read by its changes: `shopsync.erp.view`)."""
    builder = Builder(where, table.columns, chosen.status_values)
    try:
        if table.reader is not None:
            builder.feed_reader(table.reader, table.prev)
        elif table.numbered:
            builder.feed_numbered(table.pairs)
        else:
            builder.feed(table.pairs, table.prev)
    except ShopSyncError:
        raise
    except (csv.Error, UnicodeError) as exc:
        line = table.position() if table.position else None
        at = f"{where}:{line}" if line else where
        if isinstance(exc, csv.Error):
            raise InputError(messages.unclosed_quote(at, exc)) from None
        raise InputError(f"{at}: {exc}") from None
    # source-level notes, some made while reading
    builder.warnings[:0] = [*table.warnings, *repeated_headers(
        where, table.columns, chosen.columns, table.details.get("header_line"))]
    # batches meet problems column by column: give them back in line order
    builder.rejected.sort(key=_line_order)
    builder.warnings.sort(key=_line_order)
    return ExportResult(
        source=where,
        lines=builder.lines(),
        rejected=builder.rejected,
        warnings=builder.warnings,
        content_hash=table.content_hash if table.digest is None else table.digest(),
        raw_lines=builder.raw_lines,
        details={
            **table.details,
            "profile": chosen.name,
            "mapping": {f: table.columns.header_of(f) for f in table.columns.index},
        },
    )


def preview(
    source: str | os.PathLike[str] | None,
    profile: str | os.PathLike[str] | Profile = "auto",
    *,
    rows: int = 20,
    home: Path | None = None,
) -> Preview:
    """The detected layout and the first `rows` data rows, as the settings wizard shows them."""
    chosen = load_profile(profile, home=home)
    where = os.fspath(source) if source is not None else chosen.name
    table: Table | None = None
    try:
        where, table = _open(source, chosen)
        sample: list[list[str]] = []
        for cells, _ in table.pairs:
            if len(sample) >= rows:
                break
            if any(c.strip() for c in cells):
                sample.append(list(cells))
        columns = table.columns
        return Preview(
            headers=list(columns.headers),
            mapping={f: columns.header_of(f) or "" for f in columns.index},
            rows=sample,
            encoding=table.details.get("encoding"),
            delimiter=table.details.get("delimiter"),
            details=dict(table.details),
        )
    except ShopSyncError:
        raise
    except Exception as exc:  # noqa: BLE001 - the boundary, as in read_export
        raise _unexpected(where, exc) from None
    finally:
        if table is not None and table.close is not None:
            table.close()
