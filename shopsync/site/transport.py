"""Connection rules every HTTP client of ShopSync shares: loopback, TLS trust, Retry-After.

The site client, the update downloads (shopsync/update) and the 4D REST reader
(shopsync/erp/fourd_rest.py) all refuse plain http except on loopback, verify TLS against the
operating system's trust store and wait what a server's Retry-After says. Kept free of httpx
so that asking one of these questions does not load an HTTP stack.
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import ssl
from datetime import UTC, datetime


def is_loopback(host: str) -> bool:
    """True for localhost and the loopback addresses (IPv4 or IPv6, bracketed or not)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@functools.lru_cache(maxsize=1)
def system_trust_context() -> ssl.SSLContext:
    """TLS verification against the operating system's trust store, not only Python's bundle;
    one context per process, shared by every client (see below).

    Why: shop PCs behind an antivirus that scans HTTPS, or a company proxy, trust the CA that
    re-signs their traffic only in the Windows certificate store; a connector checking against
    certifi's bundle alone could never reach the site there. `truststore` asks the OS (Windows'
    CryptoAPI, macOS' Security framework, the system CA files on Linux) to verify the chain, so
    the site is trusted exactly when the PC's browser would trust it: still verified, never
    disabled. Also used by the 4D REST reader and the update fetcher.

    Why one: a context built per client (one client per sync run) stayed alive with its CA
    store, about 0.7 MB each: `shopsync run --headless` grew by that much per export (issue 13,
    benchmarks/soak_memory.py). An SSLContext is meant to be shared by connections and threads.
    """
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_certificate_error(exc: BaseException | None) -> bool:
    """True when `exc`, or what caused it, is a refused TLS certificate (httpx wraps
    httpcore's error, which wraps the `ssl` one)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
