"""Passwords for ODBC and 4D REST: the environment first (headless use), then the keyring.

They never appear in a profile, a log line or an error message; `scrub` removes one from a
driver's message before it is shown, in case a driver echoes its connection string.
"""

from __future__ import annotations

import logging
import os

from shopsync.vocab import KeyringService

ENV = {"odbc": "SHOPSYNC_ODBC_PASSWORD", "4d": "SHOPSYNC_4D_PASSWORD"}
log = logging.getLogger("shopsync.erp")


def password(kind: str, key: str) -> str | None:
    """The password for `kind` ("odbc" or "4d") and `key` (the DSN or the server URL).

    Keyring entries are under `KeyringService.SITE` ("shopsync") with the username
    "<kind>:<key>", e.g. "odbc:BIJOU3" or "4d:http://192.168.1.10:8080"; failing that, the
    settings window's entry (`KeyringService.ERP`, username the source itself).
    """
    value = os.environ.get(ENV[kind])
    if value:
        return value
    try:
        import keyring

        return keyring.get_password(
            KeyringService.SITE.value, f"{kind}:{key}"
        ) or keyring.get_password(KeyringService.ERP.value, key)
    except Exception:  # noqa: BLE001 - no keyring backend on this machine: no password
        log.debug("no keyring backend for %s:%s", kind, key)
        return None


def scrub(message: str, secret: str | None) -> str:
    return message.replace(secret, "****") if secret else message
