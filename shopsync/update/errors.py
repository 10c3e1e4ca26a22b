"""The two ways an update step fails, with the CLI exit codes of issue 15 (2 and 3)."""

from __future__ import annotations

from shopsync.errors import EXIT_INPUT, EXIT_UNREACHABLE, ShopSyncError


class UpdateRefused(ShopSyncError):
    """The repository answered, but what it offers must not be installed."""

    exit_code = EXIT_INPUT


class UpdateUnreachable(ShopSyncError):
    """No answer (network), or no room to keep the answer (update folder): retried later."""

    exit_code = EXIT_UNREACHABLE


class UpdateNotFound(UpdateUnreachable):
    """The repository's server answered 404: nothing is published at that address (yet), or
    the address is wrong. Not an outage: said apart, still retried later (exit 3)."""
