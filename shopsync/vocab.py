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


class ReasonCode(StrEnum):
    """Why the connector is in its state, or what else a person must act on (services/status.py
    decides them with the state; shopsync/texts.py words them once)."""

    UP_TO_DATE = "up_to_date"  # the last run succeeded at `at` and nothing waits
    NEVER_RUN = "never_run"  # nothing says where the stock is or which site yet
    TOKEN_REFUSED = "token_refused"
    HELD = "held"  # unpublishing waits for a person's yes
    EXPORT_UNREADABLE = "export_unreadable"  # the last run could not read the ERP's export
    OFFLINE = "offline"  # the site did not answer the last run
    FAILED = "failed"  # the last run failed for another reason (its message says which)
    PENDING = "pending"  # changes wait for the next run
    BRANDS_UNDECIDED = "brands_undecided"
    REJECTED = "rejected"  # products the site refused
    DISK_REFUSES = "disk_refuses"  # the home's disk refuses writes
    DATABASE_REBUILT = "database_rebuilt"  # the local database was damaged and rebuilt lately


class KeyringService(StrEnum):
    """Keyring service names: where secrets live in the OS keyring. Renaming one loses every
    shop's stored secret, so they are written here once (shopsync/erp/secrets.py reads the ERP
    passwords under them too)."""

    SITE = "shopsync"  # username: the site URL -> the site's bearer token
    ERP = "shopsync-erp"  # username: the ERP source as typed in the settings -> its password
