"""Rotating log files in the home folder. No secret is passed to a log call; the formatter
redacts every line anyway (shopsync.redaction), for whatever a site or a driver echoes back."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from shopsync import redaction


class RedactingFormatter(logging.Formatter):
    """Every line written to the log goes through the one redaction policy (shopsync.redaction:
    the secrets this process holds, wherever they were echoed — a site's 5xx body, a driver's
    message, a traceback), and a message cannot forge lines: its control and format characters
    (newlines, ANSI escapes, bidi overrides) are written as visible escapes. Tracebacks keep
    their lines (they are ours), redacted too."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = redaction.neutralise(record.message, keep="\t")
        return super().formatMessage(record)

    def format(self, record: logging.LogRecord) -> str:
        return redaction.redact(super().format(record))


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
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request at INFO; keep those at WARNING unless asked.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
