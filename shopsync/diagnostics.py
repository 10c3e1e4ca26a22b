""""Exporter un diagnostic": one zip the shop can mail to its support contact.

Logs, settings, the last runs and the engine's state — with secrets removed: the site token
(wherever it may have been echoed), bearer headers, passwords in connection strings and any
setting whose name says it is secret. Qt-free: the GUI calls it from a worker thread.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from shopsync import redaction
from shopsync.config import KeyringUnavailable, Settings, site_token

log = logging.getLogger(__name__)

REDACTED = redaction.REDACTED
MAX_LOG_BYTES = 5_000_000


def redact(text: str, secrets: list[str]) -> str:
    """Remove every known secret and secret-looking value from a text (the one policy:
    shopsync.redaction, with `secrets` on top of the registered ones)."""
    return redaction.redact(text, secrets)


def _versions() -> dict[str, Any]:
    from shopsync import __version__

    info: dict[str, Any] = {
        "shopsync": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
    }
    for dist in ("PySide6-Essentials", "APScheduler", "httpx", "watchdog"):
        try:
            from importlib.metadata import version

            info[dist] = version(dist)
        except Exception:  # noqa: BLE001 - not installed
            info[dist] = None
    return info


def known_secrets(settings: Settings) -> list[str]:
    """Every secret this installation can name — the site token, the ERP password of the
    configured source (environment or keyring), any password inside `[erp] path` — each also
    registered with shopsync.redaction, so a process that only builds a zip or a heartbeat
    redacts them everywhere too."""
    from shopsync.erp.credentials import source_password
    from shopsync.erp.secrets import ENV

    try:
        token = site_token(settings.site.url)
    except KeyringUnavailable:
        token = None  # a token nobody can read cannot leak into the zip either
    redaction.register_connection_string(settings.erp.path)
    values = [token, *(os.environ.get(name) for name in ENV.values())]
    values.append(source_password(settings.erp.path, settings.erp.profile, settings.home))
    for value in values:
        redaction.register(value)
    return [v for v in values if v]


def _home_file_tail(home: Path, path: Path, max_bytes: int) -> str | None:
    """The last `max_bytes` of `path` as text, or None when it is not a regular file inside
    the home folder. The zip leaves the PC: a link in logs/ to /etc/shadow or to a key file
    must not take that file along, and a FIFO named `x.log` must not hang the export."""
    import stat

    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(Path(home).resolve()):
            log.warning("diagnostic: %s leads out of the home folder: left out", path.name)
            return None
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, RuntimeError):
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            return None
        handle.seek(max(0, st.st_size - max_bytes))
        return handle.read(max_bytes).decode("utf-8", "replace")


def export_diagnostic(
    settings: Settings,
    dest: Path,
    *,
    runs: int = 50,
    extra_secrets: list[str] | None = None,
    max_log_bytes: int = MAX_LOG_BYTES,
) -> Path:
    """Write the diagnostic zip to `dest` (a file path or a folder) and return its path.
    `max_log_bytes`: the tail kept of each log (a size-capped upload asks for less)."""
    from shopsync.services import Services

    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"shopsync-diagnostic-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    secrets = [*known_secrets(settings), *(s for s in extra_secrets or [] if s)]

    def clean(text: str) -> str:
        return redact(text, secrets)

    with Services(settings) as svc:
        status = svc.status.read().as_dict()
        recent = svc.history.recent(runs)

    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        config = _home_file_tail(settings.home, settings.config_path, max_log_bytes)
        if config is not None:
            zf.writestr("config.toml", clean(config))
        zf.writestr("status.json", clean(json.dumps(status, ensure_ascii=False, indent=2, default=str)))
        zf.writestr("runs.json", clean(json.dumps(recent, ensure_ascii=False, indent=2, default=str)))
        zf.writestr("versions.json", json.dumps(_versions(), indent=2))
        if settings.log_dir.is_dir():
            for log_file in sorted(settings.log_dir.glob("*.log*")):
                text = _home_file_tail(settings.home, log_file, max_log_bytes)
                if text is not None:
                    zf.writestr(f"logs/{log_file.name}", clean(text))
        zf.writestr(
            "LISEZMOI.txt",
            "Diagnostic ShopSync : journaux, réglages et dernières synchronisations.\n"
            "Le jeton du site et les mots de passe ont été retirés.\n",
        )
    return dest
