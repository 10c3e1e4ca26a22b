"""The part of the Site API client the engine uses, as a Protocol.

The engine never imports `shopsync.site.client` at module level (it pulls httpx in), and tests
hand it wrappers that fail on purpose; both fit this shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from shopsync.model import CatalogProduct
    from shopsync.site.client import ItemResult


class SiteApi(Protocol):
    def health(self) -> dict[str, Any]: ...

    def catalog(self) -> list[CatalogProduct]: ...

    def products(self, published: bool | None = None) -> list[dict[str, Any]]: ...

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]: ...

    def send_batch(self, items: list[dict[str, Any]], idempotency_key: str) -> list[ItemResult]: ...

    def send_listing_requests(self, items: list[dict[str, Any]]) -> dict[str, Any]: ...

    def close(self) -> None: ...
