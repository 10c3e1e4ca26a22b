"""Web orders in the sandbox (Site API v1.2): the storefront sells, the connector reads the
orders still open, the shop completes them.

What a real shop engine does when a customer pays: the product's stock (or the size's) goes
down at once and an order stays open until the shop has dealt with it. The connector reads
`GET /api/v1/orders?status=open` and never writes a quantity that would undo such a sale
(docs/site-api.md, "Web orders"; shopsync/sync/web_orders.py).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from typing import Any

from shopsync.site.sandbox import validation

OPEN = "open"
COMPLETED = "completed"
CANCELLED = "cancelled"
STATUSES = (OPEN, COMPLETED, CANCELLED)


class NotForSale(ValueError):
    """The product is unknown, unpublished, or has not enough stock for the order."""


class OrderBook:
    """Orders over the sandbox's database (the store's connection and lock)."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock | threading.Lock) -> None:
        self._db = db
        self._lock = lock

    def place(self, reference: str, units: int = 1, size: str | None = None) -> str:
        """A customer buys `units` of `reference` (and `size`): stock lowered, order open."""
        if units < 1:
            raise NotForSale("an order is for at least one unit")
        with self._lock:
            row = self._db.execute(
                "SELECT published, quantity, sizes, availability FROM products WHERE reference = ?",
                (reference,),
            ).fetchone()
            if row is None or not row["published"]:
                raise NotForSale(f"{reference!r} is not for sale")
            sizes = json.loads(row["sizes"])
            backorder = row["availability"] in ("backorder", "preorder")
            if size is not None:
                match = [s for s in sizes if s["size"] == size]
                if not match or (match[0]["quantity"] < units and not backorder):
                    raise NotForSale(f"{reference!r} size {size!r}: not enough stock")
                match[0]["quantity"] = max(0, match[0]["quantity"] - units)
                quantity = sum(s["quantity"] for s in sizes)
            else:
                if row["quantity"] < units and not backorder:
                    raise NotForSale(f"{reference!r}: not enough stock")
                quantity = max(0, row["quantity"] - units)
            availability = row["availability"]
            if quantity == 0 and availability == "in_stock":
                availability = "out_of_stock"
            count = self._db.execute("SELECT count(*) FROM orders").fetchone()[0]
            ident = f"W{count + 1:07d}"
            now = datetime.now(UTC).isoformat(timespec="seconds")
            lines = [{"reference": reference, "size": size, "quantity": units}]
            with self._db:
                self._db.execute(
                    "UPDATE products SET quantity = ?, sizes = ?, availability = ? "
                    "WHERE reference = ?",
                    (quantity, json.dumps(sizes), availability, reference),
                )
                self._db.execute(
                    "INSERT INTO orders (id, placed_at, status, lines) VALUES (?, ?, ?, ?)",
                    (ident, now, OPEN, json.dumps(lines)),
                )
        return ident

    def set_status(self, ident: str, status: str) -> bool:
        """The shop completes (or cancels) an order; False for an unknown order."""
        if status not in STATUSES:
            raise ValueError(f"order status {status!r}")
        with self._lock, self._db:
            done = self._db.execute("UPDATE orders SET status = ? WHERE id = ?", (status, ident))
        return done.rowcount == 1

    def page(self, after: str, limit: int, status: str | None) -> tuple[list[dict[str, Any]], str | None]:
        where, args = ("AND status = ?", [status]) if status else ("", [])
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM orders WHERE id > ? {where} ORDER BY id LIMIT ?",
                (after, *args, limit + 1),
            ).fetchall()
        items = [
            {
                "id": r["id"],
                "placed_at": r["placed_at"],
                "status": r["status"],
                "lines": json.loads(r["lines"]),
            }
            for r in rows[:limit]
        ]
        cursor = validation.encode_cursor(rows[limit - 1]["id"]) if len(rows) > limit else None
        return items, cursor
