"""WooCommerce REST v3 over the connector's one HTTP plumbing.

The retry policy (429/5xx/timeouts with equal-jitter backoff, Retry-After), the bounded
answers (`shopsync.net`: size, deadline, JSON depth), the loopback/https rule, the OS trust
store, proxies, the refusal of redirects and the error classes are the Site API client's
(`SiteClient._call` over `BoundedClient`): a WooCommerce shop gets exactly the same network
behaviour. What differs is said here:
- auth: the consumer key and secret as HTTP Basic. WooCommerce takes Basic only over HTTPS
  (`is_ssl()`); over plain http it wants OAuth 1.0a signatures, and ShopSync refuses plain
  http off this machine anyway;
- no gzip request bodies (PHP does not inflate them);
- paging by `page`/`per_page` with the `X-WP-Total`/`X-WP-TotalPages` headers.

Retrying a write here is safe because every WooCommerce write ShopSync makes is absolute
(`stock_quantity: 3`, never "minus one"): applying it twice leaves what applying it once did.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx

from shopsync.errors import ConfigError, SiteRejected, SiteUnreachable
from shopsync.net import limits
from shopsync.site import protocol
from shopsync.site.client import SiteClient

log = logging.getLogger("shopsync.site.woocommerce")

REST_PREFIX = "wp-json/wc/v3"
PER_PAGE = 100  # WooCommerce's maximum per_page, and its maximum batch


class _HiddenBasicAuth(httpx.BasicAuth):
    def __repr__(self) -> str:
        return "_HiddenBasicAuth(<hidden>)"


def split_credentials(secret: str) -> tuple[str, str]:
    """ "ck_…:cs_…" → (key, secret). Both halves are hex after their prefix, so ":" is free."""
    key, sep, rest = secret.strip().partition(":")
    if not sep or not key.strip() or not rest.strip():
        from shopsync.config import woocommerce_credentials_refused

        raise ConfigError(woocommerce_credentials_refused())
    return key.strip(), rest.strip()


class WooHttp(SiteClient):
    """The WooCommerce REST v3 caller: `get`, `post`, `put`, `pages`. Not a Site API client:
    only the plumbing of `SiteClient` is used (its `_call`)."""

    def __init__(self, shop_url: str, credentials: str | None, **options: Any) -> None:
        super().__init__(shop_url.rstrip("/") + "/" + REST_PREFIX, credentials, **options)

    @staticmethod
    def _auth(token: str) -> httpx.Auth:
        return _HiddenBasicAuth(*split_credentials(token))

    def __repr__(self) -> str:
        return f"WooHttp({self.base_url!r})"

    def _encode(self, body: Any, headers: dict[str, str]) -> bytes:
        headers["Content-Type"] = "application/json"
        return protocol.dumps(body)

    def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        return self._json(self._call("GET", path, limits.CATALOG_PAGE, params=params))

    def post(self, path: str, body: Any) -> Any:
        """One attempt, no retry inside: a write whose answer was lost may have been applied,
        and a web order may have come since; the caller reads the site again before it writes
        again (`batches.send`), which a blind retry of the same body would not."""
        retries, self.retries = self.retries, 0
        try:
            return self._json(self._call("POST", path, limits.BATCH_ANSWER, body=body))
        finally:
            self.retries = retries

    def wait_before_retry(self, attempt: int, failure: SiteUnreachable) -> bool:
        """The retry policy of every other call, for a caller that retries a whole step:
        sleeps (backoff with jitter, at least Retry-After) and says True, or says False when
        the retries are spent, the failure is a broken contract, or Retry-After is too long."""
        if isinstance(failure, limits.SiteContractBroken) or attempt >= self.retries:
            return False
        delay = self._delay(attempt, failure.retry_after)
        if delay is None:
            return False
        log.info("WooCommerce write failed (%s); read again and retry in %.1f s", failure, delay)
        self._sleep(delay)
        return True

    def put(self, path: str, body: Any) -> Any:
        return self._json(self._call("PUT", path, limits.PRODUCT, body=body))

    def pages(self, path: str, params: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a list, page by page, ordered by id (stable while paging). Bounded
        like the Site API's listings: past the pages the first answer announced (plus a
        little slack) the site is looping, and the listing stops (`SiteContractBroken`)."""
        query = {"per_page": str(PER_PAGE), "orderby": "id", "order": "asc", **(params or {})}
        cap = limits.page_cap(None, PER_PAGE)
        page = 1
        while page <= cap:
            answer = self._call(
                "GET", path, limits.CATALOG_PAGE, params={**query, "page": str(page)}
            )
            items = self._json(answer)
            if not isinstance(items, list) or len(items) > PER_PAGE:
                raise SiteRejected(f"GET /{path}: WooCommerce answered something else than a page")
            yield from items
            total_pages = _int_header(answer.headers, "X-WP-TotalPages")
            if page == 1:
                cap = limits.page_cap(_int_header(answer.headers, "X-WP-Total"), PER_PAGE)
            if not items or total_pages is None or page >= total_pages:
                return
            page += 1
        raise limits.SiteContractBroken(
            f"GET /{path}: still more pages after {cap}", limits.Breach.TOO_MANY_PAGES
        )


def _int_header(headers: Any, name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError, TypeError):
        return None
