"""The Site API v1.2 client: one method per operation, retries inside, never the token out.
It is the `DeliveryTarget` (shopsync.sync.port) of a site that speaks our own Site API.

What the engine can rely on:
- a method returns only after the site's 2xx; anything else is an exception from
  `shopsync.errors`: `SiteUnreachable` (connection errors, timeouts, 5xx, 408, 429, once the
  retries are spent; carries the site's Retry-After), `SiteContractBroken` (an answer too
  large, too slow, too deep, a listing that never ends: `shopsync.net.limits`, never
  retried), `SiteAuthError` (401/403, never retried), `SiteRejected` (other 4xx: 413 batch
  too large, 422…, never retried);
- `send_batch` sends exactly the body it was given under the given Idempotency-Key on every
  attempt, so retrying inside (here) or later (the engine's outbox) never applies twice;
- the token is attached per request by an auth object that hides it from reprs; it is never
  logged, nor put in an exception message.

Transport: `shopsync.net.http.BoundedClient`, the one door to the network (TLS through the
operating system's trust store, plain http only on loopback, system proxies, bounded answers);
keep-alive; request bodies over 1 KB gzip-compressed. Built only by `shopsync.site.factory`.
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
    SiteAuthError,
    SiteRejected,
    SiteUnreachable,
)
from shopsync.model import CatalogProduct
from shopsync.net import limits
from shopsync.net.http import Answer, BoundedClient, NetworkFailure
from shopsync.net.untrusted import quote_untrusted
from shopsync.site import protocol
from shopsync.site.answers import BearerAuth, is_unknown_reference, server_message
from shopsync.site.protocol import ItemResult, WireError
from shopsync.site.transport import (
    is_loopback,
    parse_retry_after,
    system_trust_context,
)
from shopsync.sync.port import Capability, TargetKind, WebOrder

log = logging.getLogger("shopsync.site")

GZIP_THRESHOLD = 1024
PAGE_LIMIT = 1000
LISTING_CHUNK = 1000
RETRYABLE_STATUSES = frozenset({408, 429})

# the transport rules are re-exported: other code and tests import them from here, where
# they were first
__all__ = ["SiteClient", "ItemResult", "is_loopback", "parse_retry_after", "system_trust_context"]


class SiteClient:
    """Talks to one shop's site. Thread-compatible: one instance per sync run is the intent.

    Every exchange goes through `shopsync.net.http.BoundedClient` with the limits of its kind
    of answer (`shopsync.net.limits`); crossing one is `SiteContractBroken` (exit 3, never
    retried), whatever the retry policy says.
    """

    MAX_BATCH = 500
    kind = TargetKind.SHOPSYNC
    capabilities = frozenset(Capability)  # a v1.1 site answers 404 to orders: none open

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
        self._net = BoundedClient(
            base_url,
            what="site",
            auth=self._auth(token) if token else None,
            transport=transport,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            headers={"User-Agent": f"ShopSync/{__version__}", "Accept": "application/json"},
        )
        self.base_url = self._net.base_url
        self.retries = max(0, retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.max_batch = self.MAX_BATCH
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._catalog_size: int | None = None
        self._health_read = False

    @staticmethod
    def _auth(token: str) -> httpx.Auth:
        """How the credentials travel: a bearer token here; the WooCommerce caller, which
        shares this plumbing, sends its consumer key and secret as HTTP Basic."""
        return BearerAuth(token)

    # --- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        self._net.close()

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SiteClient({self.base_url!r})"

    # --- operations -------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """`{"status": "ok", "api_version": "v1", "authenticated": bool, ...}`; remembers the
        catalogue size a v1.2 site announces (`catalog_size`), which caps catalogue paging."""
        answer = self._json(self._call("GET", "api/v1/health", limits.HEALTH))
        self._health_read = True
        if isinstance(answer, dict):
            size = answer.get("catalog_size")
            if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
                self._catalog_size = size
            batch_limit = answer.get("batch_limit")
            if isinstance(batch_limit, int) and not isinstance(batch_limit, bool):
                self.max_batch = max(1, min(self.MAX_BATCH, batch_limit))
        return answer

    def catalog(self) -> list[CatalogProduct]:
        """The whole catalogue, following cursors to the end (or to the page cap). Asks
        /health first when it has not yet, for the catalogue size that caps the paging."""
        if not self._health_read:
            self.health()
        return [
            self._checked(protocol.catalog_product_from_wire, item)
            for item in self._pages("api/v1/catalog", {})
        ]

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]:
        """POST one batch; the verdict per item, in order. Retried inside with the same key.

        More items than the site's limit is `SiteRejected(status_code=413)`: the engine chunks
        to `max_batch`, and a site with a lower limit says so in /api/v1/health.
        """
        if not protocol.KEY_RE.match(idempotency_key):
            raise ValueError("an Idempotency-Key is 1 to 255 printable ASCII characters")
        response = self._call(
            "POST",
            "api/v1/stock/batches",
            limits.BATCH_ANSWER,
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
        return self._json(self._call("GET", "api/v1/shop/settings", limits.SETTINGS))

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        """Replace the site-wide backorder rule; returns what the site now holds."""
        return self._json(self._call("PUT", "api/v1/shop/settings", limits.SETTINGS, body=settings))

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        """ERP items not in the catalogue; `{"received": n, "new": m}` summed over chunks.

        Re-sending is harmless (the site upserts by reference), so chunks are retried freely.
        """
        total = {"received": 0, "new": 0}
        for start in range(0, len(items), LISTING_CHUNK):
            chunk = items[start : start + LISTING_CHUNK]
            answer = self._json(
                self._call("POST", "api/v1/listing-requests", limits.REPORT, body={"items": chunk})
            )
            for name in total:
                value = answer.get(name, 0) if isinstance(answer, dict) else 0
                total[name] += value if isinstance(value, int) else 0
        return total

    def product(self, reference: str) -> dict[str, Any] | None:
        """One product's state; None when the site does not know the reference (404)."""
        segment = quote(reference, safe="")
        if segment in (".", ".."):  # a dot segment would be collapsed by URL normalisation
            segment = segment.replace(".", "%2E")
        response = self._call("GET", f"api/v1/products/{segment}", limits.PRODUCT, allow_404=True)
        if response.status_code == 404:
            return None
        return self._json(response)

    def products(self, published: bool | None = None) -> list[dict[str, Any]]:
        """Every product's state (optionally only published or unpublished ones)."""
        params = {} if published is None else {"published": "true" if published else "false"}
        return list(self._pages("api/v1/products", params))

    def open_orders(self) -> list[WebOrder]:
        """Web orders the site holds open (Site API v1.2, `GET /api/v1/orders?status=open`);
        an empty list from a v1.1 site, which has none to tell (its 404 is not an error)."""
        try:
            return [
                self._checked(protocol.web_order_from_wire, item)
                for item in self._pages(protocol.ORDERS_PATH, {"status": "open"})
            ]
        except SiteRejected as exc:
            if exc.status_code == 404:
                return []
            raise

    # --- the agent (v1.1; a v1 site answers 404: SiteRejected with status_code 404) ----------

    def put_heartbeat(self, heartbeat: dict[str, Any]) -> list[protocol.SupportRequest]:
        """`PUT /api/v1/agent`; the answer's support requests (to do once, then acknowledge)."""
        answer = self._json(
            self._call("PUT", protocol.AGENT_PATH, limits.HEARTBEAT, body=heartbeat)
        )
        return self._checked(protocol.support_requests_from_wire, answer)

    def put_connection_report(self, report: dict[str, Any]) -> dict[str, Any]:
        return self._json(
            self._call(
                "PUT", f"{protocol.AGENT_PATH}/connection-report", limits.REPORT, body=report
            )
        )

    def support_requests(self) -> list[protocol.SupportRequest]:
        """`GET /api/v1/agent/requests`: every request not yet acknowledged."""
        answer = self._json(self._call("GET", f"{protocol.AGENT_PATH}/requests", limits.HEARTBEAT))
        return self._checked(protocol.support_requests_from_wire, answer)

    def ack_request(self, request_id: str, outcome: str, message: str | None = None) -> None:
        segment = quote(request_id, safe="")
        self._call(
            "POST",
            f"{protocol.AGENT_PATH}/requests/{segment}/ack",
            limits.ACK,
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
            limits.DIAGNOSTIC_ANSWER,
            params=params,
            raw=(data, protocol.DIAGNOSTIC_MEDIA_TYPE),
        )
        return self._json(response)

    # --- plumbing ---------------------------------------------------------------------------

    def _pages(self, path: str, params: dict[str, str]) -> Generator[Any, None, None]:
        """Every item of a paged listing. Stops with `SiteContractBroken` past the page cap
        derived from the size the site announced, and on a page that is empty yet names a
        next cursor, or that holds more items than asked: each would otherwise loop."""
        cursor: str | None = None
        seen: set[str] = set()
        cap = limits.page_cap(self._catalog_size if "catalog" in path else None, PAGE_LIMIT)
        for _page_number in range(cap):
            query = {**params, "limit": str(PAGE_LIMIT)}
            if cursor is not None:
                query["cursor"] = cursor
            items, cursor = self._checked(
                protocol.page_from_wire,
                self._json(self._call("GET", path, limits.CATALOG_PAGE, params=query)),
            )
            if len(items) > PAGE_LIMIT or (cursor is not None and not items):
                raise limits.SiteContractBroken(
                    f"GET /{path}: a page of {len(items)} items"
                    f"{' with a next cursor' if cursor is not None else ''} "
                    f"(asked for at most {PAGE_LIMIT})",
                    limits.Breach.TOO_MANY_PAGES,
                )
            yield from items
            if cursor is None:
                return
            if cursor in seen:
                raise SiteRejected(f"{path}: the site returned the same cursor twice")
            seen.add(cursor)
        raise limits.SiteContractBroken(
            f"GET /{path}: still more pages after {cap} (the site announced "
            f"{'no catalogue size' if self._catalog_size is None else self._catalog_size})",
            limits.Breach.TOO_MANY_PAGES,
        )

    @staticmethod
    def _checked(parse: Callable[..., Any], *args: Any) -> Any:
        try:
            return parse(*args)
        except WireError as exc:
            raise SiteRejected(f"the site's answer breaks the contract: {exc.message}") from exc

    def _json(self, response: Answer) -> Any:
        try:
            return response.json()
        except (ValueError, UnicodeDecodeError) as exc:
            # A 2xx that is not JSON is usually a proxy's or captive portal's page.
            raise SiteUnreachable(
                f"{response.method} {response.path}: the answer is not the "
                f"Site API's JSON (a proxy or login page?): {quote_untrusted(response.text(120))}"
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
        bounds: limits.Limits,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        allow_404: bool = False,
        raw: tuple[bytes, str] | None = None,
    ) -> Answer:
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
                response = self._net.exchange(
                    method, path, bounds, params=params, content=content, headers=headers
                )
            except NetworkFailure as exc:
                problem, retry_after = str(exc), None
            else:
                status = response.status_code
                if status < 300 or (status == 404 and allow_404 and is_unknown_reference(response)):
                    return response
                if status in (401, 403):
                    raise SiteAuthError(
                        f"{label}: the site refused the token ({status}); check the site token "
                        "in the settings"
                    )
                if status >= 500 or status in RETRYABLE_STATUSES:
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    problem = f"{status} {server_message(response)}"
                elif 300 <= status < 400:
                    raise SiteRejected(
                        f"{label}: the site redirects to "
                        f"{quote_untrusted(response.headers.get('Location', ''))}; "
                        "set the site URL to that address",
                        status,
                    )
                else:
                    raise SiteRejected(f"{label}: {status} {server_message(response)}", status)
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
