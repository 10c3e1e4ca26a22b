"""Rotating log files in the home folder. The site token is never passed to a log call; the
redaction filter is a second belt for anything that might echo a header."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path

_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\"]+")


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = [s for s in (secrets or []) if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = _BEARER.sub(r"\1***", message)
        for secret in self.secrets:
            clean = clean.replace(secret, "***")
        if clean != message:
            record.msg, record.args = clean, None
        return True


class SafeRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written (full disk, quota, read-only home) never stops a run
    nor prints logging's "--- Logging error ---" traceback: the first failure is said once on
    stderr in one line, the records meanwhile are dropped (nothing half-written stays
    buffered: the file is closed and reopened at the next record), and writing resumes by
    itself when the disk accepts it again."""

    def __init__(self, filename: str, **kwargs) -> None:
        super().__init__(filename, delay=True, **kwargs)
        self.failing = False

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)  # calls handleError on any failure, including rollover's
        if self.failing and self.stream is not None:
            self.failing = False
            sys.stderr.write(f"shopsync: journal {self.baseFilename} de nouveau écrit\n")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        error = sys.exc_info()[1]
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()  # drops the unwritten buffer: reopened at the next record
        if not self.failing:
            self.failing = True
            with contextlib.suppress(Exception):
                sys.stderr.write(
                    f"shopsync: journal {self.baseFilename} impossible à écrire ({error}) ; "
                    "la synchronisation continue sans journal\n"
                )


def setup_logging(log_dir: Path, *, verbose: bool = False) -> None:
    """One rotating file per home folder (2 MB × 5), installed once per process. A folder
    that cannot be created (read-only home) leaves the run without a log file, said once."""
    root = logging.getLogger()
    target = str(log_dir / "shopsync.log")
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == target:
            return
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"shopsync: dossier du journal {log_dir} impossible à créer ({exc})\n")
    handler = SafeRotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    token = os.environ.get("SHOPSYNC_SITE_TOKEN")
    handler.addFilter(RedactSecrets([token] if token else []))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request at INFO; keep those at WARNING unless asked.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
