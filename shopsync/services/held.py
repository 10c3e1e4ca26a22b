"""Held unpublishing: the guard stopped a run that would take many products off the site at
once. What would go, and a person's yes (carried out by the next run)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from shopsync.store import catalog as catalog_store
from shopsync.store import delivery


@dataclass(frozen=True, slots=True)
class HeldItem:
    reference: str
    brand: str
    title: str


class HeldService:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def items(self) -> list[HeldItem]:
        """The products waiting for a yes, with the catalogue's brand and title."""
        catalog = catalog_store.load_catalog(self.db)
        out = []
        for ref, confirmed in sorted(delivery.held(self.db).items()):
            if confirmed:
                continue
            product = catalog.get(ref)
            out.append(
                HeldItem(ref, product.brand if product else "", product.title if product else "")
            )
        return out

    def confirm(self) -> int:
        """A person said yes: the next run unpublishes them. Returns how many."""
        return delivery.confirm_held(self.db)
