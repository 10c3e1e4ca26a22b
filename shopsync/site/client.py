"""The Site API v1 client (httpx): one method per operation, retries inside, never the token out.

What the engine can rely on:
- a method returns only after the site's 2xx; anything else is an exception from
  `shopsync.errors`: `SiteUnreachable` (connection errors, timeouts, 5xx, 408, 429, once the
  retries are spent; carries the site's Retry-After), `SiteAuthError` (401/403, never
  retried), `SiteRejected` (other 4xx: 413 batch too large, 422…, never retried);
- `send_batch` sends exactly the body it was given under the given Idempotency-Key on every
  attempt, so retrying inside (here) or later (the engine's outbox) never applies twice;
- the token is attached per request by an auth object that hides it from reprs; it is never
  logged, nor put in an exception message.

Transport: TLS verified against the operating system's trust store (`system_trust_context`,
in `transport` with the other connection rules the update and 4D REST readers share);
plain http refused except on loopback (the sandbox); proxies from the
environment (HTTPS_PROXY, NO_PROXY; shops sit behind proxies), except for loopback, which no
proxy could reach; keep-alive; request bodies over 1 KB gzip-compressed.
"""

from __future__ import annotations

import gzip
import logging
import random
import time
from collections.abc import Callable, Generator
from typing import Any
from urllib.parse import quote

import httpx

from shopsync import __version__
from shopsync.errors import (
    ConfigError,
    SiteAuthError,
    SiteCertificateRefused,
    SiteRejected,
    SiteUnreachable,
)
from shopsync.model import CatalogProduct
from shopsync.site import protocol
from shopsync.site.protocol import ItemResult, WireError
from shopsync.site.transport import (
    is_certificate_error,
    is_loopback,
    parse_retry_after,
    system_trust_context,
)

log = logging.getLogger("shopsync.site")

GZIP_THRESHOLD = 1024
PAGE_LIMIT = 1000
LISTING_CHUNK = 1000
RETRYABLE_STATUSES = frozenset({408, 429})

# the transport rules are re-exported: other code and tests import them from here, where
# they were first
__all__ = ["SiteClient", "ItemResult", "is_loopback", "parse_retry_after", "system_trust_context"]


class _BearerAuth(httpx.Auth):
    """Adds the token to each request; its repr never shows it."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "_BearerAuth(<hidden>)"


def _server_message(response: httpx.Response) -> str:
    """The contract's `{"error": {"code", "message"}}`, or the start of whatever came back."""
    try:
        error = response.json().get("error", {})
        if isinstance(error, dict) and error.get("code"):
            return f"{error['code']}: {error.get('message', '')}"[:300]
    except (ValueError, AttributeError):
        pass
    return response.text[:200].strip() or response.reason_phrase


class SiteClient:
    """Talks to one shop's site. Thread-compatible: one instance per sync run is the intent."""

    MAX_BATCH = 500

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        transport: httpx.BaseTransport | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        retries: int = 4,
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        try:
            url = httpx.URL(base_url.strip())
        except httpx.InvalidURL as exc:
            raise ConfigError(f"site URL {base_url!r}: {exc}") from exc
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigError(f"site URL {base_url!r}: expected https://host[/path]")
        loopback = is_loopback(url.host)
        if url.scheme == "http" and not loopback:
            raise ConfigError(
                f"site URL {base_url!r}: plain http is refused except on this machine "
                "(127.0.0.1, localhost): use https://"
            )
        self.base_url = str(url).rstrip("/")
        self.retries = max(0, retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._http = httpx.Client(
            base_url=self.base_url + "/",
            auth=_BearerAuth(token) if token else None,
            transport=transport,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout, pool=connect_timeout),
            limits=httpx.Limits(
                max_connections=4, max_keepalive_connections=2, keepalive_expiry=30
            ),
            trust_env=not loopback,  # env proxies and CA settings; none can serve loopback
            verify=system_trust_context(),  # one per process, for http too (httpx builds one anyway)
            follow_redirects=False,
            headers={"User-Agent": f"ShopSync/{__version__}", "Accept": "application/json"},
        )

    # --- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SiteClient({self.base_url!r})"

    # --- operations -------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """`{"status": "ok", "api_version": "v1", "authenticated": bool, ...}`."""
        return self._json(self._call("GET", "api/v1/health"))

    def catalog(self) -> list[CatalogProduct]:
        """The whole catalogue, following cursors to the end."""
        return [
            self._checked(protocol.catalog_product_from_wire, item)
            for item in self._pages("api/v1/catalog", {})
        ]

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]:
        """POST one batch; the verdict per item, in order. Retried inside with the same key.

        More items than the site's limit is `SiteRejected(status_code=413)`: the engine chunks
        to `MAX_BATCH`, and a site with a lower limit says so in /api/v1/health.
        """
        if not protocol.KEY_RE.match(idempotency_key):
            raise ValueError("an Idempotency-Key is 1 to 255 printable ASCII characters")
        response = self._call(
            "POST",
            "api/v1/stock/batches",
            body={"items": items},
            headers={"Idempotency-Key": idempotency_key},
        )
        results = self._checked(protocol.batch_results_from_wire, self._json(response), items)
        replayed = response.headers.get("Idempotent-Replayed") == "true"
        log.debug(
            "batch %s: %d items, %s%s",
            idempotency_key,
            len(items),
            ", ".join(
                f"{s} {sum(r.status == s for r in results)}"
                for s in ("accepted", "rejected", "ignored")
            ),
            " (replayed answer)" if replayed else "",
        )
        return results

    def get_settings(self) -> dict[str, Any]:
        return self._json(self._call("GET", "api/v1/shop/settings"))

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        """Replace the site-wide backorder rule; returns what the site now holds."""
        return self._json(self._call("PUT", "api/v1/shop/settings", body=settings))

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        """ERP items not in the catalogue; `{"received": n, "new": m}` summed over chunks.

        Re-sending is harmless (the site upserts by reference), so chunks are retried freely.
        """
        total = {"received": 0, "new": 0}
        for start in range(0, len(items), LISTING_CHUNK):
            chunk = items[start : start + LISTING_CHUNK]
            answer = self._json(
                self._call("POST", "api/v1/listing-requests", body={"items": chunk})
            )
            for name in total:
                total[name] += int(answer.get(name, 0))
        return total

    def product(self, reference: str) -> dict[str, Any] | None:
        """One product's state; None when the site does not know the reference (404)."""
        segment = quote(reference, safe="")
        if segment in (".", ".."):  # a dot segment would be collapsed by URL normalisation
            segment = segment.replace(".", "%2E")
        response = self._call("GET", f"api/v1/products/{segment}", allow_404=True)
        if response.status_code == 404:
            return None
        return self._json(response)

    def products(self, published: bool | None = None) -> list[dict[str, Any]]:
        """Every product's state (optionally only published or unpublished ones)."""
        params = {} if published is None else {"published": "true" if published else "false"}
        return list(self._pages("api/v1/products", params))

    # --- the agent (v1.1; a v1 site answers 404: SiteRejected with status_code 404) ----------

    def put_heartbeat(self, heartbeat: dict[str, Any]) -> list[protocol.SupportRequest]:
        """`PUT /api/v1/agent`; the answer's support requests (to do once, then acknowledge)."""
        answer = self._json(self._call("PUT", protocol.AGENT_PATH, body=heartbeat))
        return self._checked(protocol.support_requests_from_wire, answer)

    def put_connection_report(self, report: dict[str, Any]) -> dict[str, Any]:
        return self._json(self._call("PUT", f"{protocol.AGENT_PATH}/connection-report", body=report))

    def support_requests(self) -> list[protocol.SupportRequest]:
        """`GET /api/v1/agent/requests`: every request not yet acknowledged."""
        answer = self._json(self._call("GET", f"{protocol.AGENT_PATH}/requests"))
        return self._checked(protocol.support_requests_from_wire, answer)

    def ack_request(self, request_id: str, outcome: str, message: str | None = None) -> None:
        segment = quote(request_id, safe="")
        self._call(
            "POST",
            f"{protocol.AGENT_PATH}/requests/{segment}/ack",
            body={"outcome": str(outcome), "message": message},
        )

    def upload_diagnostic(self, data: bytes, request_id: str | None = None) -> dict[str, Any]:
        """`POST /api/v1/agent/diagnostics`: the zip as it is (already compressed)."""
        if len(data) > protocol.MAX_DIAGNOSTIC_BYTES:
            raise ValueError("the diagnostic is over the site's 5 MB limit")
        params = {"request_id": request_id} if request_id else None
        response = self._call(
            "POST",
            f"{protocol.AGENT_PATH}/diagnostics",
            params=params,
            raw=(data, protocol.DIAGNOSTIC_MEDIA_TYPE),
        )
        return self._json(response)

    # --- plumbing ---------------------------------------------------------------------------

    def _pages(self, path: str, params: dict[str, str]) -> Generator[Any, None, None]:
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            query = {**params, "limit": str(PAGE_LIMIT)}
            if cursor is not None:
                query["cursor"] = cursor
            items, cursor = self._checked(
                protocol.page_from_wire, self._json(self._call("GET", path, params=query))
            )
            yield from items
            if cursor is None:
                return
            if cursor in seen:
                raise SiteRejected(f"{path}: the site returned the same cursor twice")
            seen.add(cursor)

    @staticmethod
    def _checked(parse: Callable[..., Any], *args: Any) -> Any:
        try:
            return parse(*args)
        except WireError as exc:
            raise SiteRejected(f"the site's answer breaks the contract: {exc.message}") from exc

    def _json(self, response: httpx.Response) -> Any:
        try:
            return protocol.loads(response.content)
        except (ValueError, UnicodeDecodeError) as exc:
            # A 2xx that is not JSON is usually a proxy's or captive portal's page.
            raise SiteUnreachable(
                f"{response.request.method} {response.request.url.path}: the answer is not the "
                f"Site API's JSON (a proxy or login page?): {response.text[:120]!r}"
            ) from exc

    def _encode(self, body: Any, headers: dict[str, str]) -> bytes:
        content = protocol.dumps(body)
        headers["Content-Type"] = "application/json"
        if len(content) > GZIP_THRESHOLD:
            # mtime=0: the same body gives the same bytes on every attempt.
            content = gzip.compress(content, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        return content

    def _delay(self, attempt: int, retry_after: float | None) -> float | None:
        """Exponential backoff with equal jitter, at least Retry-After; None: give up now.

        A Retry-After longer than backoff_max is not slept through inside a call: the error
        carries it so that the scheduler can come back later instead of blocking a run.
        """
        backoff = min(self.backoff_max, self.backoff_base * 2**attempt)
        delay = backoff / 2 + self._rng.uniform(0, backoff / 2)
        if retry_after is not None:
            if retry_after > self.backoff_max:
                return None
            delay = max(delay, retry_after)
        return delay

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        allow_404: bool = False,
        raw: tuple[bytes, str] | None = None,
    ) -> httpx.Response:
        """One request with the retry policy; returns a 2xx (or a 404 when allowed). `raw`:
        (bytes, media type) sent as they are instead of a JSON `body`."""
        headers = dict(headers or {})
        content = None if body is None else self._encode(body, headers)
        if raw is not None:
            content, headers["Content-Type"] = raw
        label = f"{method} /{path}"
        attempts = self.retries + 1
        problem = "no attempt made"
        retry_after: float | None = None
        for attempt in range(attempts):
            try:
                response = self._http.request(
                    method, path, params=params, content=content, headers=headers
                )
            except (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.InvalidURL) as exc:
                raise ConfigError(f"{label}: {exc}") from exc
            except httpx.TransportError as exc:
                problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                if is_certificate_error(exc):  # no retry makes this PC trust the certificate
                    raise SiteCertificateRefused(f"{label}: {problem}") from exc
                retry_after = None
            else:
                status = response.status_code
                if status < 300 or (status == 404 and allow_404 and _is_unknown(response)):
                    return response
                if status in (401, 403):
                    raise SiteAuthError(
                        f"{label}: the site refused the token ({status}); check the site token "
                        "in the settings"
                    )
                if status >= 500 or status in RETRYABLE_STATUSES:
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    problem = f"{status} {_server_message(response)}"
                elif 300 <= status < 400:
                    raise SiteRejected(
                        f"{label}: the site redirects to {response.headers.get('Location')!r}; "
                        "set the site URL to that address",
                        status,
                    )
                else:
                    raise SiteRejected(f"{label}: {status} {_server_message(response)}", status)
            if attempt + 1 >= attempts:
                break
            delay = self._delay(attempt, retry_after)
            if delay is None:
                break
            log.info(
                "%s failed (%s); retry %d/%d in %.1f s",
                label,
                problem,
                attempt + 1,
                self.retries,
                delay,
            )
            self._sleep(delay)
        raise SiteUnreachable(
            f"{label}: the site did not answer successfully after {attempt + 1} attempt(s): "
            f"{problem}",
            retry_after=retry_after,
        )


def _is_unknown(response: httpx.Response) -> bool:
    """A 404 that means "no such reference", not "wrong URL" (a wrong base URL must not look
    like an empty catalogue)."""
    try:
        return response.json()["error"]["code"] == "unknown_reference"
    except (ValueError, KeyError, TypeError):
        return False
