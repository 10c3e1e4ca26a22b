"""The catalogue step: what the site may publish, fetched when old, observed on first contact,
and kept in memory with its matching index while it does not change."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from shopsync import rules
from shopsync.errors import SiteAuthError, SiteUnreachable
from shopsync.model import CatalogProduct
from shopsync.store import aliases as alias_store
from shopsync.store import catalog as catalog_store
from shopsync.store import delivery
from shopsync.store.db import get_meta

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.matching import CatalogIndex
    from shopsync.sync.site_api import SiteApi

log = logging.getLogger(__name__)

CATALOG_MAX_AGE = 3600.0  # seconds; the nightly reconcile refreshes it regardless


def refresh(db: sqlite_utils.Database, client: SiteApi, now: float, *, full: bool) -> None:
    """Fetch the catalogue when it is old (or on a full run); offline, the cached one serves,
    and with none cached the run cannot decide anything."""
    age = catalog_store.catalog_age(db, now)
    if not (full or age is None or age > CATALOG_MAX_AGE):
        return
    try:
        products = client.catalog()
    except SiteUnreachable:
        if age is None or full:
            raise  # nothing cached, or a reconcile that could not reconcile
        log.warning("catalogue refresh failed; using the cached one")
        return
    if catalog_store.save_catalog(db, products):
        stale = alias_store.recheck(db, {p.reference for p in products})
        if stale:
            log.warning("%d reference aliases point at products gone from the catalogue", len(stale))


def observe_once(db: sqlite_utils.Database, client: SiteApi, now: float) -> None:
    """First connection: learn what the site already publishes, so the guard counts real
    unpublishing and products already right are not sent again."""
    if get_meta(db, "observed_at"):
        return
    states = client.products(published=True)
    delivery.observe(db, ((s["reference"], s, rules.wire_key(s)) for s in states), now)


def check_site(client: SiteApi) -> None:
    """A run with nothing to send still asks the site how it is (one small GET), so that
    the tray shows an outage or a refused token now, not at the next change."""
    health = client.health()
    if health.get("authenticated") is False:
        raise SiteAuthError("the site does not accept this token")


class CatalogCache:
    """The catalogue and its matching index, kept while the catalogue is the same: a
    long-lived engine (tray app, service) skips reloading 10^5 rows every run."""

    def __init__(self) -> None:
        self._digest: str | None = None
        self._entry: tuple[dict[str, CatalogProduct], CatalogIndex] | None = None

    def get(self, db: sqlite_utils.Database) -> tuple[dict[str, CatalogProduct], CatalogIndex]:
        from shopsync.matching import CatalogIndex

        digest = get_meta(db, "catalog_hash")
        if self._entry is None or self._digest != digest:
            catalog = catalog_store.load_catalog(db)
            self._digest, self._entry = digest, (catalog, CatalogIndex(catalog))
        return self._entry
