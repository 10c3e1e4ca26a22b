"""Errors a person can read. Each carries the process exit code the CLI contract gives it."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2  # configuration or input error
EXIT_UNREACHABLE = 3  # site unreachable: changes kept, pending
EXIT_HELD = 4  # held by a safety guard


class ShopSyncError(Exception):
    """Base of every error meant for a person: the message is shown as is, no traceback."""

    exit_code = EXIT_INPUT


class ConfigError(ShopSyncError):
    exit_code = EXIT_INPUT


class InputError(ShopSyncError):
    """A whole ERP source cannot be read (empty, binary, no reference column…)."""

    exit_code = EXIT_INPUT


class SiteError(ShopSyncError):
    exit_code = EXIT_UNREACHABLE


class SiteUnreachable(SiteError):
    """Connection failure, timeout, 5xx or 429 after the client's retries."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SiteCertificateRefused(SiteUnreachable):
    """The TLS handshake failed on the site's certificate: this PC does not trust it (an
    HTTPS-scanning antivirus or a proxy whose CA is missing, or a wrong address). Nothing was
    sent; kept apart from an outage so that the shop and support read the right cause."""


class SiteAuthError(SiteError):
    """401/403: the site refused the token. Never retried automatically."""


class SiteRejected(SiteError):
    """Another 4xx: the request itself is wrong (a bug or a contract mismatch)."""

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class BusyError(ShopSyncError):
    """Another run holds the sync lock."""

    exit_code = EXIT_UNREACHABLE
