"""Rotating log files in the home folder. The site token is never passed to a log call; the
redaction filter is a second belt for anything that might echo a header."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
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


def setup_logging(log_dir: Path, *, verbose: bool = False) -> None:
    """One rotating file per home folder (2 MB × 5), installed once per process."""
    root = logging.getLogger()
    log_dir.mkdir(parents=True, exist_ok=True)
    target = str(log_dir / "shopsync.log")
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == target:
            return
    handler = logging.handlers.RotatingFileHandler(
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
