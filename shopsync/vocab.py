"""The words the layers exchange, each defined once as a `StrEnum`.

A `StrEnum` member is equal to its string (`ConnectorState.UP_TO_DATE == "up_to_date"`), so a
value read back from SQLite, JSON or an older caller compares without conversion, and `--json`
keeps printing the same stable English values. Run statuses, triggers and brand modes belong to
the engine's vocabulary and are defined beside it.
"""

from __future__ import annotations

from enum import StrEnum


class ConnectorState(StrEnum):
    """What the connector's state is, as one word: the tray's icon, `shopsync status`, the
    status window and the platform heartbeat all start from this (services/status.py)."""

    NEVER_RUN = "never_run"  # no run has finished yet: nothing ever reached the site
    UP_TO_DATE = "up_to_date"  # the last run succeeded and nothing waits
    PENDING = "pending"  # changes wait in the outbox (the next run sends them)
    OFFLINE = "offline"  # the last run could not reach the site
    ATTENTION = "attention"  # a person must decide (held unpublishing, new brand, bad export…)
    TOKEN_REFUSED = "token_refused"  # the site refused the token: nothing goes until a new one
    ERROR = "error"  # the last run failed for another reason (see its message)


class StateReason(StrEnum):
    """Why the connector is in its state: the one classification's second half
    (services/status.py `diagnose`). Sent in the heartbeat (`reason.code`) so that the
    platform's health says what the shop's tray says."""

    NEVER_RUN = "never_run"
    UP_TO_DATE = "up_to_date"
    PENDING = "pending"  # changes wait in the outbox
    TOKEN_REFUSED = "token_refused"
    HELD_UNPUBLISHING = "held_unpublishing"  # unpublishing waits for a person's yes
    EXPORT_UNREADABLE = "export_unreadable"  # the last run could not use the export
    SITE_UNREACHABLE = "site_unreachable"
    BUSY = "busy"  # another run held the lock
    RUN_FAILED = "run_failed"  # the last run failed for another reason
    BRANDS_UNDECIDED = "brands_undecided"  # brands wait for the shop's choice: kept off the site
    REJECTED_BY_SITE = "rejected_by_site"  # the site refused items


class KeyringService(StrEnum):
    """Keyring service names: where secrets live in the OS keyring. Renaming one loses every
    shop's stored secret, so they are written here once (shopsync/erp/secrets.py reads the ERP
    passwords under them too)."""

    SITE = "shopsync"  # username: the site URL -> the site's bearer token
    ERP = "shopsync-erp"  # username: the ERP source as typed in the settings -> its password
