"""Which file to read, and when: the newest match of a glob, once the ERP has finished it.

An ERP writes its export over seconds (or a copy lands on a network share over minutes);
reading it halfway would unpublish every reference not yet written. A file counts as
complete when either

* a **marker file** beside it is at least as new as the file: `stock.csv.done`,
  `stock.csv.ok`, `stock.done` or `stock.ok` (case as the ERP writes it), for ERPs that write
  one after the export; a marker older than the file means a new export is being written, so
  the file is waited for until its marker is renewed (or, without `wait`, refused);
* or, without a marker, its size and modification date **have not moved for
  `settle_seconds`**, observed by polling. A file whose last change (the later of its
  modification and change/creation dates, so that a Windows copy that keeps the source's
  date still counts as new) is already older than that is taken at once.

Then `read_settled` reads it, and takes the read as the whole stock only when nobody held the
file and it did not move meanwhile. Another program may hold it (the ERP still writing under
a lock, an antivirus scan, a Windows share-deny-write open: `busy_reason`), it may vanish
between listing and reading (an ERP that deletes then rewrites), or it may change while read:
each time it is resolved and read again after a short wait, for at most `busy_limit` seconds,
then an ExportBusy ("export occupé", exit 2) says so and nothing is changed; the next run
tries again.
"""

from __future__ import annotations

import errno
import glob
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from shopsync.erp import messages
from shopsync.erp.export_file import check_export_file, check_stat
from shopsync.errors import InputError

log = logging.getLogger(__name__)
T = TypeVar("T")

MARKER_SUFFIXES = (".done", ".ok", ".DONE", ".OK")
POLL_SECONDS = 0.5
# Give up waiting after this long: an export still moving after minutes is not settling.
MAX_WAIT_FACTOR = 20
MIN_MAX_WAIT = 60.0
# How long a held, vanished or moving export is waited for before "export occupé": short, the
# worker must not hang on a workbook someone left open; the next run tries again.
MIN_BUSY_WAIT = 10.0
BUSY_WAIT_FACTOR = 4
BUSY_ERRNOS = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EBUSY})
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
BUSY_WINERRORS = frozenset({32, 33})


class ExportBusy(InputError):
    """The export is held by another program or vanished while being read: nothing changed."""


def busy_limit(settle_seconds: float) -> float:
    return max(MIN_BUSY_WAIT, settle_seconds * BUSY_WAIT_FACTOR)


def _is_marker(path: str) -> bool:
    return path.endswith(MARKER_SUFFIXES)


def markers_for(path: Path) -> list[Path]:
    """The marker files that may accompany `path` (whether they exist or not)."""
    names = [path.name + s for s in (".done", ".ok", ".DONE", ".OK")]
    names += [path.stem + s for s in (".done", ".ok", ".DONE", ".OK")]
    return [path.with_name(n) for n in dict.fromkeys(names)]


def _matches(pattern: str) -> list[Path]:
    """The regular files `pattern` names. A glob skips anything else (folders, FIFOs); a path
    naming a FIFO, a device or a folder is refused with what it is (never opened: a FIFO
    would block the read for ever)."""
    expanded = os.path.expanduser(pattern)
    if glob.has_magic(expanded):
        found = [p for p in glob.glob(expanded) if not _is_marker(p) and os.path.isfile(p)]
    elif os.path.isfile(expanded):
        found = [expanded]
    else:
        if os.path.exists(expanded):
            check_export_file(Path(expanded))  # raises: what it is instead of an export
        found = []
    return [Path(p) for p in found]


def _newest(pattern: str) -> tuple[Path, os.stat_result]:
    stats = []
    for path in _matches(pattern):
        try:
            stats.append((path, path.stat()))
        except OSError:
            continue  # vanished between listing and stat: the ERP is rotating files
    if not stats:
        if glob.has_magic(os.path.expanduser(pattern)):
            raise InputError(messages.no_match(pattern))
        raise InputError(messages.no_such_file(pattern))  # one file named: say just that
    newest = max(stats, key=lambda ps: (ps[1].st_mtime, ps[0].name))
    check_stat(*newest)  # a 2 GB file is refused here, before it is hashed or read
    return newest


def _marker_state(path: Path, st: os.stat_result) -> bool | None:
    """True: a fresh marker says complete; False: only stale markers; None: no marker."""
    state: bool | None = None
    for marker in markers_for(path):
        try:
            mst = marker.stat()
        except OSError:
            continue
        if mst.st_mtime >= st.st_mtime - 1.0:  # 1 s slack for coarse network-share clocks
            return True
        state = False
    return state


def resolve_source(
    pattern: str,
    *,
    settle_seconds: float = 3.0,
    wait: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """The newest complete file matching `pattern` (see the module docstring)."""
    started = clock()
    limit = max(MIN_MAX_WAIT, settle_seconds * MAX_WAIT_FACTOR)
    path, st = _newest(pattern)
    marker = _marker_state(path, st)
    if marker:
        return path
    if marker is None and time.time() - max(st.st_mtime, st.st_ctime) >= settle_seconds:
        return path
    if not wait:
        if marker is False:
            raise InputError(messages.marker_older(path))
        raise InputError(messages.still_being_written(path, settle_seconds))
    still_since = clock()
    seen = (path, st.st_size, st.st_mtime)
    while True:
        if clock() - started > limit:
            raise InputError(messages.still_changing(path, limit))
        sleep(min(POLL_SECONDS, max(settle_seconds, 0.01)))
        try:
            path, st = _newest(pattern)
        except InputError:
            continue  # the ERP deleted the old export before writing the new one
        marker = _marker_state(path, st)
        if marker:
            return path
        now = (path, st.st_size, st.st_mtime)
        if now != seen:
            seen, still_since = now, clock()
        elif marker is None and clock() - still_since >= settle_seconds:
            return path


def _busy_windows(path: Path) -> str | None:
    """Open it denying writers, as a careful reader must: fails while the ERP (or a person's
    spreadsheet) has it open for writing, or an antivirus holds it exclusively."""
    import _winapi  # noqa: PLC0415 - Windows only

    generic_read, share_read, open_existing = 0x80000000, 0x00000001, 3
    try:
        handle = _winapi.CreateFile(str(path), generic_read, share_read, 0, open_existing, 0, 0)
    except OSError as exc:
        if getattr(exc, "winerror", None) in BUSY_WINERRORS or isinstance(exc, PermissionError):
            return "ouvert en écriture ou verrouillé par un autre programme"
        if isinstance(exc, FileNotFoundError):
            return "disparu entre la liste et la lecture"
        raise
    _winapi.CloseHandle(handle)
    return None


def _busy_posix(path: Path) -> str | None:
    """Ask for a shared lock, both kinds (POSIX record locks and BSD flock are separate on
    Linux): refused while a writer holds an exclusive one. Ours is released at once."""
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO swapped in must not block
    except FileNotFoundError:
        return "disparu entre la liste et la lecture"
    except PermissionError:
        return "interdit en lecture par un autre programme"
    try:
        for lock, unlock in (
            (lambda: fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB), lambda: fcntl.lockf(fd, fcntl.LOCK_UN)),
            (lambda: fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB), lambda: fcntl.flock(fd, fcntl.LOCK_UN)),
        ):
            try:
                lock()
            except OSError as exc:
                if exc.errno in BUSY_ERRNOS:
                    return "verrouillé par un autre programme (l'ERP l'écrit encore ?)"
                continue  # a share that does not support locks: nothing to learn here
            unlock()
    finally:
        os.close(fd)
    return None


def busy_reason(path: Path) -> str | None:
    """Why `path` cannot be read as a whole right now, or None when it can."""
    return _busy_windows(path) if sys.platform == "win32" else _busy_posix(path)


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def read_settled(
    pattern: str,
    read: Callable[[Path], T],
    *,
    settle_seconds: float = 3.0,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[Path, T]:
    """Resolve the export (waiting for it to settle), then `read(path)` it while nobody holds
    it; retried while it is held, vanished or moved, for at most `busy_limit` seconds (see
    the module docstring). Returns the path and what `read` returned."""
    deadline = clock() + busy_limit(settle_seconds)
    path: Path | None = None
    while True:
        try:
            path = resolve_source(pattern, settle_seconds=settle_seconds, clock=clock, sleep=sleep)
        except InputError:
            if path is None:
                raise  # no export at all: not a race, the usual message
            reason = "disparu entre la liste et la lecture"
        else:
            reason = busy_reason(path)
            if reason is None:
                before = _signature(path)
                try:
                    result = read(path)
                except (InputError, OSError) as exc:
                    # The reader words a vanished or locked file as it likes; the file tells.
                    after = _signature(path)
                    if after is None:
                        reason = "disparu pendant la lecture"
                    elif isinstance(exc, PermissionError) or busy_reason(path):
                        reason = "verrouillé par un autre programme pendant la lecture"
                    elif after != before:
                        reason = "modifié pendant la lecture"
                    else:
                        raise
                else:
                    if _signature(path) in (before, None):  # gone after a whole read: fine
                        return path, result
                    reason = "modifié pendant la lecture"
        if clock() >= deadline:
            raise ExportBusy(
                f"export occupé : {path} {reason} ; rien n'a changé sur le site, nouvel essai "
                "à la prochaine synchronisation"
            )
        log.info("export %s %s : nouvel essai", path, reason)
        sleep(POLL_SECONDS)
