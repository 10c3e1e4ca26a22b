"""The password the configured ERP source uses, before any read (issue 18).

A process that talks to the site before it reads the ERP (the heartbeat goes first in service
mode) must already know the ERP password to redact it from whatever the site echoes. This asks
the same place the reader will (`secrets.password`, which registers it with
shopsync.redaction), under the same key. Its own module: it needs the readers, which need
`secrets`.
"""

from __future__ import annotations

from pathlib import Path

from shopsync import redaction
from shopsync.erp.fourd_rest import server_address
from shopsync.erp.odbc import connection_key
from shopsync.erp.profiles import load_profile
from shopsync.erp.reader import source_kind
from shopsync.erp.secrets import password
from shopsync.errors import ShopSyncError


def source_password(source: str | None, profile_name: str, home: Path | None) -> str | None:
    """The password the reader of `[erp] path` under `[erp] profile` would use (registered
    with shopsync.redaction like every password read), so that a process that talks to the
    site before it reads the ERP (the heartbeat) already knows what to redact. None: no
    password, or a profile that cannot be loaded (the read will say why)."""
    try:
        profile = load_profile(profile_name, home=home)
    except (ShopSyncError, OSError, ValueError):
        return None
    redaction.register_connection_string(profile.source.connection_string)
    kind = source_kind(source or None, profile)
    if kind == "4d-rest":
        base = server_address(source, profile.source)
        return password("4d", base) if base and profile.source.auth != "none" else None
    if kind == "odbc":
        try:
            return password("odbc", connection_key(source, profile))
        except ShopSyncError:
            return None
    return None
