"""The deliver step: site settings when they changed, batches left in flight, then the outbox.

Exactly-once rests on the journal (`store.delivery`): a batch is written before it is sent and
acknowledged only after the site's 2xx. A 413 splits the batch; the smaller size holds for the
rest of this delivery only, so one oversized batch never shrinks every later run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from shopsync.errors import SiteRejected, SiteUnreachable
from shopsync.store import delivery
from shopsync.store.db import get_meta, set_meta
from shopsync.sync.port import Capability, can

if TYPE_CHECKING:
    import sqlite_utils

    from shopsync.sync.site_api import SiteApi

BATCH_SIZE = 500
Progress = Callable[[int, int], None]  # (done, total) items


@dataclass(slots=True)
class DeliveryReport:
    """What a delivery did. `stopped_by` is the error that ended it early (an outage, a refused
    token, a bug): the counts still tell what went out before it."""

    uploaded: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)
    stopped_by: Exception | None = None


def deliver(
    db: sqlite_utils.Database,
    client: SiteApi,
    settings_wire: dict[str, Any],
    *,
    clock: Callable[[], float],
    progress: Progress,
    batch_size: int = BATCH_SIZE,
) -> DeliveryReport:
    report = DeliveryReport()
    # A target takes at most its own batch size (WooCommerce: 100; a site's /health may say less)
    batch_size = min(batch_size, int(getattr(client, "max_batch", batch_size) or batch_size))
    try:
        if can(client, Capability.SITE_SETTINGS):
            _put_settings(db, client, settings_wire)
        _send_pending(db, client, report, clock, progress, batch_size)
    except Exception as exc:  # noqa: BLE001 - handed back with the counts; the engine raises it
        report.stopped_by = exc
    return report


def _put_settings(db: sqlite_utils.Database, client: SiteApi, wire: dict[str, Any]) -> None:
    key = json.dumps(wire, sort_keys=True)
    if get_meta(db, "site_settings") != key:
        client.put_settings(wire)
        set_meta(db, "site_settings", key)


def _send_pending(
    db: sqlite_utils.Database,
    client: SiteApi,
    report: DeliveryReport,
    clock: Callable[[], float],
    progress: Progress,
    size: int,
) -> None:
    total = delivery.pending_count(db)
    done = 0
    for batch in delivery.inflight(db):
        if delivery.drop_if_superseded(db, batch):
            continue
        sent = _send(db, client, batch, report, clock)
        if sent is None:
            size = max(1, len(batch.items) // 2)
        done += sent or 0
        progress(done, total)
    while (batch := delivery.take_batch(db, size, clock())) is not None:
        sent = _send(db, client, batch, report, clock)
        if sent is None:
            size = max(1, len(batch.items) // 2)
        done += sent or 0
        progress(done, total)


def _send(
    db: sqlite_utils.Database,
    client: SiteApi,
    batch: delivery.Batch,
    report: DeliveryReport,
    clock: Callable[[], float],
) -> int | None:
    """Send one batch; the items it settled, or None when the site found it too large (its
    items are back in the outbox, to go in halves with fresh keys)."""
    try:
        results = client.send_batch(batch.items, batch.key)
    except SiteUnreachable as exc:
        delivery.batch_failed(db, batch.key, str(exc))
        raise
    except SiteRejected as exc:
        if exc.status_code == 413 and len(batch.items) > 1:
            delivery.split_batch(db, batch, clock())
            return None
        reason = f"batch refused by the site: {exc}"
        results_map = {item["reference"]: ("rejected", reason) for item in batch.items}
        _, rejected = delivery.acknowledge(db, batch, results_map, clock())
        report.rejected += rejected
        report.errors.append(reason)
        return len(batch.items)
    results_map = {r.reference: (r.status, r.reason) for r in results}
    acked, rejected = delivery.acknowledge(db, batch, results_map, clock())
    report.uploaded += acked
    report.rejected += rejected
    for r in results:
        if r.status == "rejected":
            report.errors.append(f"{r.reference}: refused by the site: {r.reason}")
    return len(batch.items)
