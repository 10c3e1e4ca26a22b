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
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Callable
from pathlib import Path

from shopsync.erp import messages
from shopsync.errors import InputError

MARKER_SUFFIXES = (".done", ".ok", ".DONE", ".OK")
POLL_SECONDS = 0.5
# Give up waiting after this long: an export still moving after minutes is not settling.
MAX_WAIT_FACTOR = 20
MIN_MAX_WAIT = 60.0


def _is_marker(path: str) -> bool:
    return path.endswith(MARKER_SUFFIXES)


def markers_for(path: Path) -> list[Path]:
    """The marker files that may accompany `path` (whether they exist or not)."""
    names = [path.name + s for s in (".done", ".ok", ".DONE", ".OK")]
    names += [path.stem + s for s in (".done", ".ok", ".DONE", ".OK")]
    return [path.with_name(n) for n in dict.fromkeys(names)]


def _matches(pattern: str) -> list[Path]:
    expanded = os.path.expanduser(pattern)
    if glob.has_magic(expanded):
        found = [p for p in glob.glob(expanded) if not _is_marker(p) and os.path.isfile(p)]
    else:
        found = [expanded] if os.path.isfile(expanded) else []
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
    return max(stats, key=lambda ps: (ps[1].st_mtime, ps[0].name))


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
            raise InputError(f"{path}: its marker file is older than the file: still being written")
        raise InputError(
            f"{path}: still being written (changed less than {settle_seconds:g} s ago); "
            "it will be read once it stops changing"
        )
    still_since = clock()
    seen = (path, st.st_size, st.st_mtime)
    while True:
        if clock() - started > limit:
            raise InputError(f"{path}: still changing after {limit:g} s; not read")
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
