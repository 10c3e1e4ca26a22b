"""The sandbox site's state in one SQLite file, so that it survives restarts and crashes.

Everything a batch changes (product states, the applied log, the idempotency record) is written
in one transaction: a request that dies half-way leaves either all of it or none of it, which
is exactly the property a client's retry relies on. The `applied` table logs every application
of a (reference, version), so that tests can prove nothing was ever applied twice.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shopsync.model import CatalogProduct
from shopsync.site import protocol
from shopsync.site.protocol import ItemResult
from shopsync.site.sandbox import validation
from shopsync.site.sandbox.orders import OrderBook
from shopsync.site.sandbox.schema import DB_NAME, open_sandbox_db
from shopsync.site.sandbox.validation import StockItem


class KeyReused(Exception):
    """An Idempotency-Key already used for a different body."""


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    response: dict[str, Any]
    replayed: bool


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SandboxStore:
    """A thread-safe facade over the sandbox database (one connection, one lock).

    One connection behind a lock is plenty for a sandbox and makes the idempotency check and the
    application of a batch trivially atomic with respect to a concurrent retry of the same batch.
    """

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DB_NAME
        self._lock = threading.Lock()
        self._db = open_sandbox_db(self.path)
        self.orders = OrderBook(self._db, self._lock)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- catalogue ------------------------------------------------------------------------

    def seed_catalog(self, products: Iterable[CatalogProduct]) -> int:
        """Add catalogue products not yet known; refresh the labels of known ones.

        A product's state (what was sent for it) is never touched, so restarting the sandbox with
        the same `--catalog` keeps everything the last sync did. A product listing a previous
        spelling that the site holds (and not its new one) is that product renamed: the row
        takes the new reference and keeps its state, as a platform's rename does.
        """
        products = list(products)
        with self._lock, self._db:
            self._db.execute("BEGIN")
            before = self._db.execute("SELECT COUNT(*) FROM products").fetchone()[0]
            for p in products:
                self._rename(p)
            self._db.executemany(
                "INSERT INTO products (reference, brand, title, has_sizes, catalog_sizes, "
                "previous_references) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO UPDATE "
                "SET brand = excluded.brand, title = excluded.title, "
                "has_sizes = excluded.has_sizes, catalog_sizes = excluded.catalog_sizes, "
                "previous_references = excluded.previous_references",
                [
                    (
                        p.reference,
                        p.brand,
                        p.title,
                        int(p.has_sizes),
                        json.dumps(list(p.sizes)),
                        json.dumps(list(p.previous_references)),
                    )
                    for p in products
                ],
            )
            added = self._db.execute("SELECT COUNT(*) FROM products").fetchone()[0] - before
        return added

    def _rename(self, product: CatalogProduct) -> None:
        if not product.previous_references:
            return
        exists = "SELECT 1 FROM products WHERE reference = ?"
        if self._db.execute(exists, (product.reference,)).fetchone():
            return
        for old in product.previous_references:
            if self._db.execute(exists, (old,)).fetchone():
                self._db.execute(
                    "UPDATE products SET reference = ? WHERE reference = ?", (product.reference, old)
                )
                return

    def catalog_size(self) -> int:
        """How many products the catalogue holds (announced in /health: Site API v1.2)."""
        return int(self._db.execute("SELECT count(*) FROM products").fetchone()[0])

    def catalog_page(self, after: str, limit: int) -> tuple[list[CatalogProduct], str | None]:
        rows = self._page("products", after, limit)
        items = [
            CatalogProduct(
                reference=r["reference"],
                brand=r["brand"],
                title=r["title"],
                has_sizes=bool(r["has_sizes"]),
                sizes=tuple(json.loads(r["catalog_sizes"])),
                previous_references=tuple(json.loads(r["previous_references"])),
            )
            for r in rows[:limit]
        ]
        return items, self._next(rows, limit)

    # --- products -------------------------------------------------------------------------

    def products_page(
        self, after: str, limit: int, published: bool | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        where = "" if published is None else f" AND published = {int(published)}"
        rows = self._page("products", after, limit, where)
        return [_product(r) for r in rows[:limit]], self._next(rows, limit)

    def product(self, reference: str) -> dict[str, Any] | None:
        if not validation.is_utf8(reference):
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM products WHERE reference = ?", (reference,)
            ).fetchone()
        return None if row is None else _product(row)

    def storefront(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int, int]:
        """Published products in shop order (brand, title), their count and the catalogue's."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM products WHERE published = 1 "
                "ORDER BY brand COLLATE NOCASE, title COLLATE NOCASE, reference LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            published = self._db.execute(
                "SELECT COUNT(*) FROM products WHERE published = 1"
            ).fetchone()[0]
            total = self._db.execute("SELECT COUNT(*) FROM products").fetchone()[0]
        return [_product(r) for r in rows], published, total

    def recent_changes(self, limit: int = 8) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT a.reference, a.version, a.applied_at, p.brand, p.title, p.published, "
                "p.availability FROM applied a JOIN products p USING (reference) "
                "ORDER BY a.id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [dict(r) for r in rows]

    # --- stock batches --------------------------------------------------------------------

    def apply_batch(self, key: str, fingerprint: str, items: list[dict[str, Any]]) -> BatchOutcome:
        """Judge and apply one batch, or replay the stored answer to the same key.

        Raises KeyReused when the key was used for another body. The answer is stored in the
        same transaction as the changes, so a crash between commit and reply leaves a replayable
        answer behind.
        """
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            known = self._db.execute(
                "SELECT fingerprint, response FROM idempotency WHERE key = ?", (key,)
            ).fetchone()
            if known is not None:
                if known["fingerprint"] != fingerprint:
                    raise KeyReused(key)
                self._db.execute(
                    "UPDATE idempotency SET replays = replays + 1 WHERE key = ?", (key,)
                )
                return BatchOutcome(json.loads(known["response"]), replayed=True)
            now = _now()
            results = [self._apply_item(raw, key, now) for raw in items]
            response = validation.batch_response(results)
            self._db.execute(
                "INSERT INTO idempotency (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)",
                (key, fingerprint, json.dumps(response), now),
            )
        return BatchOutcome(response, replayed=False)

    def _apply_item(self, raw: dict[str, Any], key: str, now: str) -> ItemResult:
        reference = raw["reference"]
        row = None
        if validation.is_utf8(reference):
            row = self._db.execute(
                "SELECT version, has_sizes, quantity FROM products WHERE reference = ?",
                (reference,),
            ).fetchone()
        if row is None:
            return ItemResult(reference, "rejected", protocol.UNKNOWN_REFERENCE)
        checked = validation.validate_item(raw, has_sizes=bool(row["has_sizes"]))
        if isinstance(checked, str):
            return ItemResult(reference, "rejected", checked)
        if row["version"] is not None and checked.version <= row["version"]:
            return ItemResult(reference, "ignored", protocol.STALE_VERSION)
        self._write_state(checked, key, now)
        if row["version"] is not None and checked.quantity < row["quantity"]:
            self._set_meta("last_sale_at", now)  # stock went down: the shop sold something
        return ItemResult(reference, "accepted", None)

    def _set_meta(self, name: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    def meta(self, name: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else row["value"]

    def _write_state(self, item: StockItem, key: str, now: str) -> None:
        state = item.state()
        self._db.execute(
            "UPDATE products SET version = ?, published = ?, availability = ?, quantity = ?, "
            "price = ?, sizes = ?, updated_at = ? WHERE reference = ?",
            (
                item.version,
                int(item.published),
                item.availability,
                item.quantity,
                item.price,
                json.dumps(state["sizes"]),
                now,
                item.reference,
            ),
        )
        self._db.execute(
            "INSERT INTO applied (reference, version, idempotency_key, applied_at) "
            "VALUES (?, ?, ?, ?)",
            (item.reference, item.version, key, now),
        )

    def applied_counts(self) -> dict[tuple[str, int], int]:
        """How many times each (reference, version) was applied: never more than once."""
        with self._lock:
            rows = self._db.execute(
                "SELECT reference, version, COUNT(*) AS n FROM applied GROUP BY reference, version"
            ).fetchall()
        return {(r["reference"], r["version"]): r["n"] for r in rows}

    def replay_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COALESCE(SUM(replays), 0) FROM idempotency").fetchone()[
                0
            ]

    def record_fault(self, kind: str) -> None:
        """Count injected faults, so that a test (or a person) can see what the run went through."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO faults (kind, injected) VALUES (?, 1) "
                "ON CONFLICT (kind) DO UPDATE SET injected = injected + 1",
                (kind,),
            )

    def fault_counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT kind, injected FROM faults").fetchall()
        return {r["kind"]: r["injected"] for r in rows}

    # --- settings -------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        with self._lock:
            row = self._db.execute("SELECT value FROM settings WHERE name = 'backorder'").fetchone()
        backorder = json.loads(row["value"]) if row else dict(validation.DEFAULT_BACKORDER)
        return {"backorder": backorder}

    def put_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO settings (name, value) VALUES ('backorder', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (json.dumps(settings["backorder"]),),
            )
        return self.settings()

    # --- listing requests -----------------------------------------------------------------

    def add_listing_requests(self, items: list[dict[str, Any]]) -> tuple[int, int]:
        """Upsert by reference: a request sent every night is one request, counted."""
        new = 0
        now = _now()
        with self._lock, self._db:
            self._db.execute("BEGIN")
            for item in items:
                cur = self._db.execute(
                    "INSERT INTO listing_requests "
                    "(reference, item, times_requested, first_requested, last_requested) "
                    "VALUES (?, ?, 1, ?, ?) ON CONFLICT (reference) DO UPDATE SET "
                    "item = excluded.item, times_requested = times_requested + 1, "
                    "last_requested = excluded.last_requested RETURNING times_requested",
                    (item["reference"], json.dumps(item), now, now),
                )
                if cur.fetchone()[0] == 1:
                    new += 1
        return len(items), new

    def listing_page(self, after: str, limit: int) -> tuple[list[dict[str, Any]], str | None]:
        rows = self._page("listing_requests", after, limit)
        items = [
            {
                "reference": r["reference"],
                "item": json.loads(r["item"]),
                "times_requested": r["times_requested"],
                "first_requested": r["first_requested"],
                "last_requested": r["last_requested"],
            }
            for r in rows[:limit]
        ]
        return items, self._next(rows, limit)

    # --- paging ---------------------------------------------------------------------------

    def _page(self, table: str, after: str, limit: int, where: str = "") -> list[sqlite3.Row]:
        """limit + 1 rows after `after` (by reference): the extra row says another page exists."""
        with self._lock:
            return self._db.execute(
                f"SELECT * FROM {table} WHERE reference > ?{where} ORDER BY reference LIMIT ?",
                (after, limit + 1),
            ).fetchall()

    @staticmethod
    def _next(rows: list[sqlite3.Row], limit: int) -> str | None:
        return validation.encode_cursor(rows[limit - 1]["reference"]) if len(rows) > limit else None


def _product(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "reference": row["reference"],
        "brand": row["brand"],
        "title": row["title"],
        "published": bool(row["published"]),
        "availability": row["availability"],
        "quantity": row["quantity"],
        "price": row["price"],
        "sizes": json.loads(row["sizes"]),
        "version": row["version"],
    }
