"""The listing step: ERP items of wanted brands that match no catalogue product go to the
platform's listing team, once per item state. A failure here never fails the run: they go
again next time."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from shopsync.errors import SiteRejected, SiteUnreachable
from shopsync.model import StockLine, format_price
from shopsync.store import listing as listing_store
from shopsync.sync.port import Capability, can

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.sync.site_api import SiteApi

log = logging.getLogger(__name__)
CHUNK = 500  # items per request


def listing_item(line: StockLine) -> dict:
    """The listing request body for one ERP item."""
    return {
        "reference": line.reference,
        "brand": line.brand,
        "designation": line.designation,
        "quantity": line.quantity,
        "price": format_price(line.price),
        "ean": line.ean,
    }


def send_listing_requests(
    db: sqlite_utils.Database,
    client: SiteApi,
    unmatched: Sequence[StockLine],
    clock: Callable[[], float],
) -> None:
    if not can(client, Capability.LISTING_REQUESTS):
        if unmatched:
            log.info(
                "%d ERP item(s) absent from the catalogue: this site takes no listing requests "
                "(they stay in the connection report)", len(unmatched)
            )
        return
    sent = listing_store.sent(db)
    todo = []
    for line in unmatched:
        item = listing_item(line)
        digest = hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest()
        if sent.get(line.reference) != digest:
            todo.append((item, digest))
    if not todo:
        return
    try:
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            client.send_listing_requests([item for item, _ in chunk])
            listing_store.record_sent(
                db, [(item["reference"], digest) for item, digest in chunk], clock()
            )
    except (SiteUnreachable, SiteRejected) as exc:
        log.warning("listing requests not sent (will retry): %s", exc)
