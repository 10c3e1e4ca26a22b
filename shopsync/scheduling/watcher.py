"""The export watcher: a run as soon as the ERP writes a new export.

File events come in bursts while the ERP writes (and a copy to a network share may take
minutes), so the watcher only *debounces*: once no event came for `debounce` seconds it asks
for one run. Waiting for the file to be complete is the read step's job
(`erp.settle.resolve_source`, marker files or size and date at rest), the one wait of a run
whatever started it. An ERP that writes a marker file after the export (`stock.csv.done`, see
`erp.settle`) is heard when it writes the marker too.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from shopsync.erp.settle import MARKER_SUFFIXES

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

    from shopsync.config import Settings

log = logging.getLogger(__name__)

WATCH_DEBOUNCE_SECONDS = 2.0
NETWORK_PROFILES = ("odbc", "4d-rest")  # sources without a file to watch
_MARKERS = tuple(dict.fromkeys(s.casefold() for s in MARKER_SUFFIXES))


def watch_target(settings: Settings) -> tuple[Path, str] | None:
    """(folder to watch, file name pattern) for the configured export, or None."""
    erp = settings.erp
    if not settings.schedule.watch or not erp.path:
        return None
    if erp.profile in NETWORK_PROFILES or "://" in erp.path:
        return None
    path = Path(os.path.expandvars(erp.path)).expanduser()
    if path.is_dir():
        return path, "*"
    if path.parent.is_dir():
        return path.parent, path.name
    return None


def is_export_event(name: str, pattern: str) -> bool:
    """The export itself (`pattern`, any case) or one of its marker files."""
    folded, wanted = name.casefold(), pattern.casefold()
    if fnmatch.fnmatch(folded, wanted):
        return True
    for suffix in _MARKERS:
        if folded.endswith(suffix):
            base = folded[: -len(suffix)]
            return fnmatch.fnmatch(base, wanted) or fnmatch.fnmatch(base, PurePath(wanted).stem)
    return False


class ExportWatcher:
    """Watchdog on one folder, debounced into calls of `on_export()` (from a timer thread)."""

    def __init__(
        self,
        target: tuple[Path, str],
        on_export: Callable[[], object],
        *,
        debounce: float = WATCH_DEBOUNCE_SECONDS,
    ) -> None:
        self.folder, self.pattern = target
        self._on_export = on_export
        self.debounce = debounce
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._observer: BaseObserver | None = None

    def start(self) -> bool:
        """Start watching; False when the folder cannot be watched (the interval remains)."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory or event.event_type not in ("created", "modified", "moved"):
                    return
                path = os.fsdecode(getattr(event, "dest_path", "") or event.src_path)
                if is_export_event(os.path.basename(path), watcher.pattern):
                    watcher.file_event(path)

        observer = Observer()
        observer.schedule(Handler(), str(self.folder), recursive=False)
        observer.daemon = True
        try:
            observer.start()
        except OSError as exc:  # inotify limits, a network share…: the interval job remains
            log.warning("cannot watch %s (%s); relying on the interval", self.folder, exc)
            return False
        self._observer = observer
        log.info("watching %s for %s", self.folder, self.pattern)
        return True

    def stop(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(5)
            self._observer = None

    def file_event(self, path: str) -> None:
        """An export (or its marker) was written: (re)start the debounce timer."""
        log.debug("export event: %s", path)
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            timer = threading.Timer(self.debounce, self._on_export)
            timer.daemon = True
            self._timer = timer
        timer.start()
