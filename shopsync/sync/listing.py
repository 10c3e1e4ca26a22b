"""The listing step: ERP items of wanted brands that match no catalogue product go to the
platform's listing team, once per item state. A failure here never fails the run: they go
again next time."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring_ascii as _json_string  # json.dumps's own, in C
from operator import attrgetter
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


# What an item's listing request says, read off its StockLine: equal tuples, equal requests.
_SENT_FIELDS = attrgetter("brand", "designation", "quantity", "price", "ean")


def item_digest(item: dict) -> str:
    """The SHA-1 of `json.dumps(item, sort_keys=True)` (what `listing_requests.hash` holds
    since the first release), written out by hand: json.dumps costs ~7 µs an item, and a
    large export holds ~200,000 items absent from the catalogue."""
    def text(value: str | None) -> str:
        return "null" if value is None else _json_string(value)

    quantity = item["quantity"]
    body = (
        f'{{"brand": {text(item["brand"])}, "designation": {text(item["designation"])}, '
        f'"ean": {text(item["ean"])}, "price": {text(item["price"])}, '
        f'"quantity": {"null" if quantity is None else int(quantity)}, '
        f'"reference": {_json_string(item["reference"])}}}'
    )
    return hashlib.sha1(body.encode()).hexdigest()


class ListingMemo:
    """A long-lived engine's memory of the items known sent as they are now (reference -> the
    fields sent), so that a run hashes only the items that changed. It holds while no process
    wrote `listing_requests` (`store.listing.generation` moves with every write): another
    process's sync, a rebuilt database or a new home empty it."""

    def __init__(self) -> None:
        self._generation: str | None = None
        self.known: dict[str, tuple] = {}

    def check(self, db: sqlite_utils.Database) -> None:
        generation = listing_store.generation(db)
        if generation != self._generation:
            self.known = {}
            self._generation = generation

    def wrote(self, db: sqlite_utils.Database) -> None:
        self._generation = listing_store.generation(db)


def send_listing_requests(
    db: sqlite_utils.Database,
    client: SiteApi,
    unmatched: Sequence[StockLine],
    clock: Callable[[], float],
    memo: ListingMemo | None = None,
) -> None:
    if not can(client, Capability.LISTING_REQUESTS):
        if unmatched:
            log.info(
                "%d ERP item(s) absent from the catalogue: this site takes no listing requests "
                "(they stay in the connection report)", len(unmatched)
            )
        return
    memo = memo or ListingMemo()
    memo.check(db)
    known = memo.known
    sent: dict[str, str] | None = None  # read only when an item is not known as it is
    todo = []
    for line in unmatched:
        state = _SENT_FIELDS(line)
        if known.get(line.reference) == state:
            continue
        if sent is None:
            sent = listing_store.sent(db)
        item = listing_item(line)
        digest = item_digest(item)
        if sent.get(line.reference) != digest:
            todo.append((item, digest, state))
        else:
            known[line.reference] = state
    if not todo:
        return
    try:
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            client.send_listing_requests([item for item, _, _ in chunk])
            listing_store.record_sent(
                db, [(item["reference"], digest) for item, digest, _ in chunk], clock()
            )
            memo.wrote(db)
            known.update((item["reference"], state) for item, _, state in chunk)
    except (SiteUnreachable, SiteRejected) as exc:
        log.warning("listing requests not sent (will retry): %s", exc)
