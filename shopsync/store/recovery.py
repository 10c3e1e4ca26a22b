"""A damaged local database heals itself: moved aside, rebuilt, and the sync goes on.

Everything in `shopsync.db` can be learnt again except a person's decisions: the site says what
it publishes (observed on a first connection), the ERP export says what the stock is, and the
catalogue is fetched again. So a file that is not a database, has malformed pages, fails
`PRAGMA quick_check` at open or cannot be migrated is renamed `shopsync.db.damaged-<date>`
(with its -wal/-shm, kept for support), a new one is built, and the run continues as a first
connection: nothing the site already shows is sent again, versions keep growing (the last one
is salvaged when readable and the site's are observed), and the unpublish guard still holds any
mass unpublishing that would follow. What can still be read of the person's decisions (brand
choices, accepted or rejected reference aliases) is copied into the new file.

A damage met in the middle of a run (SQLite says "malformed" on a page the open-time check did
not visit) leaves a flag file beside the database; the next open runs the thorough
`PRAGMA integrity_check` and heals the same way, or drops the flag if the file is sound.

The rebuild is recorded in the new database's meta under `META_KEY` (JSON: at, moved_to,
reason, salvaged) for `shopsync status`, the status window, diagnostics and the heartbeat.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock
import sqlite_utils

from shopsync.errors import ShopSyncError
from shopsync.store.failures import (
    StorageError,
    current_problem,
    is_damage,
    is_storage,
    remember_problem,
    storage_message,
)
from shopsync.store.meta import get_meta, set_meta

log = logging.getLogger(__name__)

META_KEY = "db_rebuilt"
FLAG_SUFFIX = ".check"
HEAL_WAIT_SECONDS = 60.0
# What a person decided, worth copying out of a damaged file (column lists as in schema v1).
SALVAGE_TABLES = {
    "brands": "key, erp_brand, site_brand, mode, decided, first_seen",
    "aliases": "erp_reference, catalog_reference, decision, decided_at, stale",
}


class DatabaseDamaged(Exception):
    """The database file is damaged; the message says how (for the log and the status)."""


Opener = Callable[[Path, bool], sqlite_utils.Database]


def flag_path(path: Path) -> Path:
    return path.with_name(path.name + FLAG_SUFFIX)


def flag(path: Path, reason: str) -> None:
    """Ask the next open to check the whole file (a damage was met mid-run)."""
    try:
        flag_path(path).write_text(reason + "\n", encoding="utf-8")
    except OSError:
        log.warning("cannot write %s; the next open runs the usual check", flag_path(path))


def flagged(path: Path) -> bool:
    return flag_path(path).exists()


def _clear_flag(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        flag_path(path).unlink()


def open_or_rebuild(path: Path, opener: Opener) -> sqlite_utils.Database:
    """`opener(path, thorough)` opens, checks and migrates, raising DatabaseDamaged when the
    file is damaged; then the file is moved aside and a new one built (see module docstring)."""
    thorough = flagged(path)
    try:
        db = opener(path, thorough)
    except DatabaseDamaged as exc:
        return _rebuild(path, opener, str(exc))
    if thorough:
        log.info("%s: checked in full after a damage was reported; it is sound", path.name)
        _clear_flag(path)
    return db


def _rebuild(path: Path, opener: Opener, reason: str) -> sqlite_utils.Database:
    lock = filelock.FileLock(str(path.with_name(path.name + ".heal.lock")))
    try:
        lock.acquire(timeout=HEAL_WAIT_SECONDS)
    except filelock.Timeout as exc:
        raise ShopSyncError(f"{path}: base locale endommagée, réparation déjà en cours") from exc
    try:
        try:  # another process may have rebuilt it while we waited for the lock
            db = opener(path, flagged(path))
        except DatabaseDamaged as exc:
            reason = str(exc)
        else:
            _clear_flag(path)
            return db
        moved = _move_aside(path)
        try:
            db = opener(path, False)
        except DatabaseDamaged as exc:
            # A new file fails too: the fault is in this ShopSync (a broken migration), not in
            # the file. Put the file back untouched and say so.
            _move_back(moved, path)
            raise ShopSyncError(
                f"{path}: la base locale ne peut pas être mise à jour ({exc}) ; rien n'a été "
                "modifié, réinstallez ShopSync ou contactez le support"
            ) from exc
        salvaged = _salvage(moved, db)
        now = time.time()
        info = {"at": now, "moved_to": moved.name, "reason": reason[:300], "salvaged": salvaged}
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            set_meta(db, META_KEY, json.dumps(info, ensure_ascii=False))
            # The engine keeps "promised" in memory keyed by this counter: start it where an
            # engine that knew the old file cannot have seen it.
            set_meta(db, "promised_gen", str(time.time_ns()))
            db.conn.execute("COMMIT")
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        _clear_flag(path)
        log.warning(
            "base locale endommagée (%s) : mise de côté sous %s et reconstruite ; la "
            "synchronisation repart de ce que le site publie",
            reason[:200],
            moved.name,
        )
        return db
    finally:
        lock.release()


def _move_aside(path: Path) -> Path:
    """Rename the file and its -wal/-shm to `<name>.damaged-<date>[-n]`; a stale -shm must
    never meet the new file."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        # The main file last: killed half-way, the next open still meets a damaged file (or a
        # missing one) and never a new file beside the old one's log.
        for suffix in ("-wal", "-shm", "-journal", ""):
            source = Path(str(path) + suffix)
            if source.exists():
                os.replace(source, str(dest) + suffix)
    except PermissionError as exc:  # Windows: another ShopSync still has it open
        raise ShopSyncError(
            f"{path}: base locale endommagée mais encore ouverte par un autre programme "
            "ShopSync ; fermez-le, la réparation se fera au prochain lancement"
        ) from exc
    return dest


def _move_back(moved: Path, path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
        source = Path(str(moved) + suffix)
        if source.exists():
            os.replace(source, str(path) + suffix)


def _salvage(damaged: Path, db: sqlite_utils.Database) -> dict[str, Any]:
    """Copy what a person decided and the last version out of the damaged file, as far as it
    reads; any table that does not read is skipped (best effort, never an error)."""
    found: dict[str, Any] = {}
    try:
        old = sqlite3.connect(f"file:{damaged}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return found
    try:
        for table, columns in SALVAGE_TABLES.items():
            try:
                rows = old.execute(f"SELECT {columns} FROM {table}").fetchall()  # noqa: S608
                marks = ", ".join("?" * len(columns.split(",")))
                with _transaction(db):
                    db.conn.executemany(
                        f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", rows  # noqa: S608
                    )
                found[table] = len(rows)
            except sqlite3.Error:
                continue
        try:
            row = old.execute("SELECT value FROM meta WHERE key = 'last_version'").fetchone()
            if row and str(row[0]).isdigit():
                set_meta(db, "last_version", str(row[0]))
                found["last_version"] = int(row[0])
        except sqlite3.Error:
            pass
    finally:
        old.close()
    return found


@contextlib.contextmanager
def _transaction(db: sqlite_utils.Database):
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def rebuilt_info(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The last rebuild of this database (META_KEY), with a French sentence for people."""
    raw = get_meta(db, META_KEY)
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except ValueError:
        return None
    when = time.strftime("%d/%m/%Y à %H:%M", time.localtime(float(info.get("at") or 0)))
    info["message"] = (
        f"base locale endommagée, reconstruite le {when} (copie gardée : {info.get('moved_to')})"
    )
    return info


def local_store_status(db: sqlite_utils.Database, home: Path | None) -> dict[str, Any]:
    """The home's own health for the status (`ConnectorStatus.local_store`): the last rebuild
    of the database and the storage problem the last run of this process met."""
    return {
        "rebuilt": rebuilt_info(db),
        "problem": current_problem(home) if home is not None else None,
    }


def note_failure(path: Path, exc: BaseException) -> bool:
    """A run failed with `exc`: when it is a damage, flag the file for the next open."""
    if is_damage(exc):
        flag(path, str(exc))
        log.warning("base locale endommagée (%s) : elle sera vérifiée et reconstruite", exc)
        return True
    return False


def explain(exc: BaseException, db_path: Path, home: Path) -> tuple[int, str] | None:
    """Exit code and message for a run that failed with `exc` when the store explains it: a
    damaged file (flagged, so the next open checks it in full and rebuilds it) or a home that
    refuses writes (folder and free space named, remembered for the status). None: a bug."""
    from shopsync.errors import EXIT_INTERNAL

    if note_failure(db_path, exc):
        return EXIT_INTERNAL, "base locale endommagée : elle sera reconstruite au prochain essai"
    if is_storage(exc):
        message = storage_message(db_path.parent, exc)
        remember_problem(home, message)
        log.error("%s", message)
        return StorageError.exit_code, message
    return None
