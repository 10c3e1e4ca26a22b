"""Errors a person can read. Each carries the process exit code the CLI contract gives it."""

from __future__ import annotations

from enum import StrEnum

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2  # configuration or input error
EXIT_UNREACHABLE = 3  # site unreachable: changes kept, pending
EXIT_HELD = 4  # held by a safety guard


class ErrorCode(StrEnum):
    """What went wrong, as `--json` says it (`{"status": "error", "error": {"code": …}}`): a
    stable English word a script can branch on, whatever the shop's language."""

    USAGE = "usage_error"  # the command line itself (argparse)
    CONFIG = "config_error"
    INPUT = "input_error"
    FILE = "file_error"  # a file or folder the system refused
    SITE = "site_error"
    SITE_UNREACHABLE = "site_unreachable"
    CERTIFICATE_REFUSED = "certificate_refused"
    TOKEN_REFUSED = "token_refused"
    SITE_REJECTED = "site_rejected"
    BUSY = "busy"
    INTERRUPTED = "interrupted"
    INTERNAL = "internal_error"
    ERROR = "error"


class ShopSyncError(Exception):
    """Base of every error meant for a person: the message is shown as is, no traceback."""

    exit_code = EXIT_INPUT
    code: ErrorCode = ErrorCode.ERROR


class ConfigError(ShopSyncError):
    code = ErrorCode.CONFIG
    exit_code = EXIT_INPUT


class InputError(ShopSyncError):
    """A whole ERP source cannot be read (empty, binary, no reference column…)."""

    code = ErrorCode.INPUT
    exit_code = EXIT_INPUT


class SiteError(ShopSyncError):
    code = ErrorCode.SITE
    exit_code = EXIT_UNREACHABLE


class SiteUnreachable(SiteError):
    """Connection failure, timeout, 5xx or 429 after the client's retries."""

    code = ErrorCode.SITE_UNREACHABLE

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SiteCertificateRefused(SiteUnreachable):
    """The TLS handshake failed on the site's certificate: this PC does not trust it (an
    HTTPS-scanning antivirus or a proxy whose CA is missing, or a wrong address). Nothing was
    sent; kept apart from an outage so that the shop and support read the right cause."""

    code = ErrorCode.CERTIFICATE_REFUSED


class SiteAuthError(SiteError):
    """401/403: the site refused the token. Never retried automatically."""

    code = ErrorCode.TOKEN_REFUSED


class SiteRejected(SiteError):
    """Another 4xx: the request itself is wrong (a bug or a contract mismatch)."""

    code = ErrorCode.SITE_REJECTED

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class BusyError(ShopSyncError):
    """Another run holds the sync lock."""

    code = ErrorCode.BUSY
    exit_code = EXIT_UNREACHABLE
