"""The one place where ShopSync meets the network: `BoundedClient`.

Every client that talks to something ShopSync does not control — the site (Site API or a shop
engine), the platform's agent endpoints, the 4D REST server, the update repository — sends its
requests through a `BoundedClient`, which owns the connection rules and the limits:

- plain http only on loopback (a secret never crosses a network in clear), https verified
  against the operating system's trust store (`site.transport.system_trust_context`);
- proxies from the system (environment variables; on Windows also the Internet settings),
  never for loopback; no redirects followed; no `.netrc`;
- each exchange bounded by a `shopsync.net.limits.Limits`: decoded size (the body is inflated
  here, in bounded steps, never by a library in one go), a total deadline (connect + headers +
  body, enforced on every socket operation by `net.deadline`), JSON depth;
- one error tree, mapped here once: `SiteContractBroken` (a limit crossed), `NetworkFailure`
  (could not exchange: connection refused, reset, timeout — the caller's retry policy decides),
  `SiteCertificateRefused` (TLS said no: never retried), `ConfigError` (the URL itself).

What a caller gets back is an `Answer`: status, headers and the body already read within the
limits. Status codes are the caller's business (the Site API, 4D and TUF each give them their
own meaning).
"""

from __future__ import annotations

import time
import urllib.request
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from shopsync.errors import ConfigError, SiteCertificateRefused, SiteUnreachable
from shopsync.net import deadline, jsonsafe
from shopsync.net.limits import Breach, Limits, SiteContractBroken
from shopsync.site.transport import is_certificate_error, is_loopback, system_trust_context

CHUNK = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class NetworkFailure(SiteUnreachable):
    """No complete exchange: refused, reset, timed out on one operation. Retryable."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer, read whole within its limits."""

    method: str
    url: str
    path: str
    status_code: int
    headers: Mapping[str, str]
    content: bytes
    reason_phrase: str
    limits: Limits

    def json(self) -> Any:
        """The body as JSON within the depth limit; `jsonsafe.TooDeep` is a broken contract."""
        try:
            return jsonsafe.loads(self.content, self.limits.max_depth)
        except jsonsafe.TooDeep as exc:
            raise SiteContractBroken(
                f"{self.method} {self.path}: {exc}", Breach.TOO_DEEP
            ) from exc

    def text(self, limit: int = 200) -> str:
        """The start of the body as text (for logs; never the whole of a large body)."""
        return self.content[: limit * 4].decode("utf-8", "replace")[:limit]


def check_url(url: str, what: str = "site") -> httpx.URL:
    """`url` as httpx parses it, or a ConfigError: http(s) with a host, https off loopback."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigError(f"{what} URL {url!r}: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigError(f"{what} URL {url!r}: expected https://host[/path]")
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ConfigError(
            f"{what} URL {url!r}: plain http is refused except on this machine "
            "(127.0.0.1, localhost): use https://"
        )
    return parsed


def system_proxy(url: httpx.URL) -> str | None:
    """The proxy the system names for `url` (HTTPS_PROXY/NO_PROXY…; the Internet settings on
    Windows), None for loopback or a bypassed host."""
    if is_loopback(url.host):
        return None
    try:
        if urllib.request.proxy_bypass(url.host):
            return None
        proxies = urllib.request.getproxies()
    except OSError:  # an unreadable registry or environment: go direct, as a browser would
        return None
    return proxies.get(url.scheme) or proxies.get("all")


class BoundedClient:
    """An httpx client whose every exchange is bounded. One per site, server or repository;
    thread-compatible (the deadline is per thread)."""

    def __init__(
        self,
        base_url: str,
        *,
        what: str = "site",
        auth: httpx.Auth | None = None,
        transport: httpx.BaseTransport | None = None,
        headers: Mapping[str, str] | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        max_connections: int = 4,
    ) -> None:
        url = check_url(base_url, what)
        self.what = what
        self.base_url = str(url).rstrip("/")
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=2, keepalive_expiry=30
        )
        if transport is None:
            transport = httpx.HTTPTransport(
                verify=system_trust_context(), proxy=system_proxy(url), limits=limits
            )
            deadline.install(transport)
        self._http = httpx.Client(
            base_url=self.base_url + "/",
            auth=auth,
            transport=transport,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout, pool=connect_timeout),
            trust_env=False,  # proxies chosen above; no .netrc credentials
            follow_redirects=False,
            headers={"Accept-Encoding": ACCEPT_ENCODING, **(headers or {})},
        )

    @property
    def cookies(self) -> httpx.Cookies:
        """The session's cookies (4D REST keeps its session in one)."""
        return self._http.cookies

    def close(self) -> None:
        self._http.close()

    def exchange(
        self,
        method: str,
        path: str,
        limits: Limits,
        *,
        params: Mapping[str, str] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """One exchange within `limits`: connect, send, headers and body before the deadline,
        at most `limits.max_bytes` of decoded body."""
        at = time.monotonic() + limits.deadline
        label = _label(method, path)
        with (
            _mapped(self.what, label, limits, at),
            deadline.deadline_at(at),
            self._http.stream(
                method, path, params=params, content=content, headers=headers
            ) as response,
        ):
            body = b"".join(_body_chunks(response, limits, at, label))
            return Answer(
                method=method,
                url=str(response.request.url),
                path=response.request.url.path,
                status_code=response.status_code,
                headers=response.headers,
                content=body,
                reason_phrase=response.reason_phrase,
                limits=limits,
            )

    def stream(
        self, url: str, limits: Limits, *, headers: Mapping[str, str] | None = None
    ) -> tuple[int, Iterator[bytes]]:
        """A GET whose body is handed over chunk by chunk (the update downloads: tens of MB,
        never held whole). Returns the status and the chunks; the deadline and the size cap
        run across the whole iteration. A status ≥ 300 comes back with no chunks to read."""
        at = time.monotonic() + limits.deadline
        label = _label("GET", url)
        with _mapped(self.what, label, limits, at), deadline.deadline_at(at):
            request = self._http.build_request("GET", url, headers=headers)
            response = self._http.send(request, stream=True)
        if response.status_code >= 300:
            response.close()
            return response.status_code, iter(())

        def chunks() -> Iterator[bytes]:
            body = _body_chunks(response, limits, at, label)
            try:
                while True:
                    with _mapped(self.what, label, limits, at), deadline.deadline_at(at):
                        piece = next(body, None)
                    if piece is None:
                        return
                    yield piece
            finally:
                response.close()

        return response.status_code, chunks()


def _label(method: str, path: str) -> str:
    return f"{method} {httpx.URL(path).path if '://' in path else '/' + path.lstrip('/')}"


@contextmanager
def _mapped(what: str, label: str, limits: Limits, at: float) -> Iterator[None]:
    """httpx's errors as the boundary's one error tree."""
    try:
        yield
    except (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.InvalidURL) as exc:
        raise ConfigError(f"{what}: {label}: {exc}") from exc
    except httpx.TimeoutException as exc:
        if time.monotonic() >= at - 0.05:
            raise _too_slow(label, limits) from exc
        raise NetworkFailure(f"{label}: {_problem(exc)}") from exc
    except httpx.TransportError as exc:
        problem = _problem(exc)
        if is_certificate_error(exc):  # no retry makes this PC trust the certificate
            raise SiteCertificateRefused(f"{label}: {problem}") from exc
        raise NetworkFailure(f"{label}: {problem}") from exc


def _problem(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _too_slow(label: str, limits: Limits) -> SiteContractBroken:
    return SiteContractBroken(
        f"{label}: no complete answer within {limits.deadline:g} s", Breach.TOO_SLOW
    )


def _body_chunks(
    response: httpx.Response, limits: Limits, at: float, label: str
) -> Iterator[bytes]:
    """The body, decoded, in chunks, bounded in size and time (the caller keeps the thread's
    deadline around each step); the connection is dropped on a breach."""
    if response.is_stream_consumed:
        # An in-memory answer (an injected test transport): already whole, checked as such.
        body = response.content
        if len(body) > limits.max_bytes:
            raise _too_large(label, limits)
        yield body
        return
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in _WBITS:
        decoder = zlib.decompressobj(_WBITS[encoding])
    else:
        raise SiteContractBroken(
            f"{label}: unsupported Content-Encoding {encoding[:40]!r}", Breach.BAD_ENCODING
        )
    declared = response.headers.get("Content-Length", "")
    if decoder is None and declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(label, limits)
    total = 0
    for chunk in response.iter_raw(CHUNK):
        if time.monotonic() > at:
            raise _too_slow(label, limits)
        if decoder is None:
            total += len(chunk)
            if total > limits.max_bytes:
                raise _too_large(label, limits)
            yield chunk
            continue
        pending = chunk
        while pending:
            try:
                piece = decoder.decompress(pending, limits.max_bytes - total + 1)
            except zlib.error as exc:
                raise NetworkFailure(f"{label}: a damaged compressed answer ({exc})") from exc
            total += len(piece)
            if total > limits.max_bytes:
                raise _too_large(label, limits)
            if piece:
                yield piece
            pending = decoder.unconsumed_tail
    if decoder is not None:
        tail = decoder.flush()
        total += len(tail)
        if total > limits.max_bytes:
            raise _too_large(label, limits)
        if tail:
            yield tail


def _too_large(label: str, limits: Limits) -> SiteContractBroken:
    return SiteContractBroken(
        f"{label}: the answer is larger than {limits.max_bytes:,} bytes", Breach.TOO_LARGE
    )
