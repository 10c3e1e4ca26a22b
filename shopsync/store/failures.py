"""What a failing local store means for a person: a damaged file, or a disk that refuses writes.

SQLite tells the two apart by its error code (`sqlite3.Error.sqlite_errorname`, Python ≥ 3.11):
a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) is disposable state to move aside and rebuild
(`shopsync.store.recovery`); a full disk, a quota, a read-only or vanished home (SQLITE_FULL,
SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN, or the same as an OSError) is the PC's problem:
the file is fine, nothing was half-written (every write is a transaction), and the message names
the folder and its free space so that the shop knows what to clear. The run resumes by itself
once space returns.

The last storage problem seen in this process is remembered per home folder, so that the status
(tray, `shopsync status`) can show it even when the run history itself could not be written.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
from pathlib import Path

from shopsync.errors import EXIT_INPUT, ShopSyncError

# Error names (prefixes) that mean "the file's content is wrong", not "the disk refused".
DAMAGE_NAMES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
DAMAGE_WORDS = ("malformed", "not a database", "file is encrypted")
# Error names that mean the disk, the quota or the permissions refused.
STORAGE_NAMES = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")
STORAGE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}
)


class StorageError(ShopSyncError):
    """The home folder refuses writes (full disk, quota, read-only). Nothing was half-written;
    the next run tries again."""

    exit_code = EXIT_INPUT


def _name(exc: BaseException) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def is_damage(exc: BaseException) -> bool:
    """The database file itself is unreadable or inconsistent."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = _name(exc)
    if name:
        return name.startswith(DAMAGE_NAMES)
    text = str(exc).lower()
    return any(word in text for word in DAMAGE_WORDS)


def is_transient(exc: BaseException) -> bool:
    """Another process holds the file a while (busy, locked) or memory ran short: try later."""
    return _name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_INTERRUPT"))


def is_storage(exc: BaseException) -> bool:
    """The disk, the quota or the permissions refused (the file's content is not in question)."""
    if isinstance(exc, sqlite3.Error):
        name = _name(exc)
        if name:
            return name.startswith(STORAGE_NAMES)
        text = str(exc).lower()
        return any(w in text for w in ("disk is full", "disk i/o", "readonly", "unable to open"))
    return isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS


def free_space_text(folder: Path) -> str:
    """'12,5 Mo libres' for the nearest existing folder, or '' when even that cannot be asked."""
    probe = Path(folder)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return ""
    if free >= 1 << 30:
        amount = f"{free / (1 << 30):.1f} Go"
    elif free >= 1 << 20:
        amount = f"{free / (1 << 20):.1f} Mo"
    else:
        amount = f"{free / 1024:.0f} Ko"
    return amount.replace(".", ",") + " libres"


def storage_message(folder: Path, exc: BaseException) -> str:
    """One sentence naming the folder, the free space and what to do; no traceback."""
    name = _name(exc)
    # SQLITE_FULL covers a quota too; the OS error numbers tell them apart when we have one.
    code = getattr(exc, "errno", None)
    free = free_space_text(folder)
    if name.startswith("SQLITE_READONLY") or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        what = "le dossier de ShopSync est en lecture seule ou interdit en écriture"
    elif name.startswith("SQLITE_CANTOPEN"):
        what = "le dossier de ShopSync est introuvable ou inaccessible"
    elif name.startswith("SQLITE_IOERR") or code == errno.EIO:
        what = "le disque refuse d'écrire (erreur d'entrée/sortie, disque plein ou quota atteint)"
    elif code == errno.EDQUOT:
        what = "le quota du disque est atteint"
    else:
        what = "le disque est plein"
    where = f"{folder} ({free})" if free else str(folder)
    return (
        f"{what} : {where}. Rien n'a été modifié à moitié ; libérez de la place, la "
        "synchronisation reprendra d'elle-même."
    )


def storage_error(folder: Path, exc: BaseException) -> StorageError:
    error = StorageError(storage_message(folder, exc))
    error.__cause__ = exc
    return error


# The last storage problem per home folder, in this process --------------------------------

_problems: dict[str, str] = {}
_problems_lock = threading.Lock()


def remember_problem(home: Path, message: str | None) -> None:
    """Record (or with None clear) the storage problem the last run of this home met."""
    with _problems_lock:
        if message:
            _problems[str(home)] = message
        else:
            _problems.pop(str(home), None)


def current_problem(home: Path) -> str | None:
    with _problems_lock:
        return _problems.get(str(home))

