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
    from shopsync import redaction

    redaction.register_connection_string(key)  # a connection string used as the key
    value = os.environ.get(ENV[kind])
    if not value:
        try:
            import keyring

            value = keyring.get_password(
                KeyringService.SITE.value, f"{kind}:{key}"
            ) or keyring.get_password(KeyringService.ERP.value, key)
        except Exception:  # noqa: BLE001 - no keyring backend on this machine: no password
            log.debug("no keyring backend for %s", kind)
            return None
    redaction.register(value)  # every later log line, stored message and output drops it
    return value


def scrub(message: str, secret: str | None) -> str:
    """A driver's message without the password (the registered ones, and `secret` even when
    too short to register: here it is known to be the password), nor any `PWD=…`."""
    from shopsync import redaction

    message = redaction.redact(message)
    return message.replace(secret, "****") if secret else message
