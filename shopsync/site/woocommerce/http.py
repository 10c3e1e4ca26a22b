"""WooCommerce REST v3 over the connector's one HTTP plumbing.

The retry policy (429/5xx/timeouts with equal-jitter backoff, Retry-After), the loopback/https
rule, the OS trust store, proxies, the refusal of redirects and the error classes are the Site
API client's (`SiteClient._call`): a WooCommerce shop gets exactly the same network behaviour.
What differs is said here:
- auth: the consumer key and secret as HTTP Basic. WooCommerce takes Basic only over HTTPS
  (`is_ssl()`); over plain http it wants OAuth 1.0a signatures, and ShopSync refuses plain http
  off this machine anyway;
- no gzip request bodies (PHP does not inflate them);
- paging by `page`/`per_page` with the `X-WP-TotalPages` header instead of cursors.

Retrying a write here is safe because every WooCommerce write ShopSync makes is absolute
(`stock_quantity: 3`, never "minus one"): applying it twice leaves what applying it once did.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from shopsync.errors import SiteRejected
from shopsync.site.client import SiteClient

REST_PREFIX = "wp-json/wc/v3"
PER_PAGE = 100  # WooCommerce's maximum per_page, and its maximum batch
MAX_PAGES = 10_000  # 10^6 products: a site answering more pages is looping


class _HiddenBasicAuth(httpx.BasicAuth):
    def __repr__(self) -> str:
        return "_HiddenBasicAuth(<hidden>)"


def split_credentials(secret: str) -> tuple[str, str]:
    """ "ck_…:cs_…" → (key, secret). Both halves are hex after their prefix, so ":" is free."""
    key, sep, rest = secret.strip().partition(":")
    if not sep or not key or not rest:
        raise ValueError("WooCommerce credentials are 'consumer_key:consumer_secret'")
    return key, rest


class WooHttp(SiteClient):
    """The WooCommerce REST v3 caller: `get`, `post`, `put`, `pages`. Not a Site API client:
    only the plumbing of `SiteClient` is used (its `_call`)."""

    def __init__(self, shop_url: str, credentials: str | None, **options: Any) -> None:
        super().__init__(shop_url.rstrip("/") + "/" + REST_PREFIX, None, **options)
        if credentials:
            key, secret = split_credentials(credentials)
            self._http.auth = _HiddenBasicAuth(key, secret)

    def __repr__(self) -> str:
        return f"WooHttp({self.base_url!r})"

    def _encode(self, body: Any, headers: dict[str, str]) -> bytes:
        from shopsync.site import protocol

        headers["Content-Type"] = "application/json"
        return protocol.dumps(body)

    def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        return self._json(self._call("GET", path, params=params))

    def post(self, path: str, body: Any) -> Any:
        return self._json(self._call("POST", path, body=body))

    def put(self, path: str, body: Any) -> Any:
        return self._json(self._call("PUT", path, body=body))

    def pages(self, path: str, params: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a list, page by page, ordered by id (a stable order while paging)."""
        query = {"per_page": str(PER_PAGE), "orderby": "id", "order": "asc", **(params or {})}
        page = 1
        while True:
            response = self._call("GET", path, params={**query, "page": str(page)})
            items = self._json(response)
            if not isinstance(items, list):
                raise SiteRejected(
                    f"GET /{path}: WooCommerce answered a {type(items).__name__}, not a list"
                )
            yield from items
            total = _int_header(response, "X-WP-TotalPages")
            if not items or total is None or page >= total:
                return
            page += 1
            if page > MAX_PAGES:
                raise SiteRejected(f"GET /{path}: more than {MAX_PAGES} pages")


def _int_header(response: httpx.Response, name: str) -> int | None:
    try:
        return int(response.headers[name])
    except (KeyError, ValueError):
        return None
