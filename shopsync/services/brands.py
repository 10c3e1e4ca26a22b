"""Brands: every ERP brand with its products, how many reach the catalogue, the site brand it
goes to and its mode — one answer for `shopsync brands` and the brands window.

The mode shown is what the next sync does with the brand (rules.resolve_brands): the shop's
decision, else the `[rules] new_brands` default a brand seen for the first time takes. The
site brand shown is the shop's choice, else the catalogue's spelling of the same brand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import sqlite_utils

from shopsync import rules
from shopsync.config import Settings
from shopsync.rules import BrandMapping, BrandMode, fold_brand
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import erp_cache

# The modes in the order the window lists them ("unmapped" = undecided, not a choice to save).
MODES = (BrandMode.UNMAPPED, *rules.MODES)


@dataclass(slots=True)
class BrandRow:
    erp_brand: str
    products: int  # ERP items of the brand in the last read
    matched: int  # of which connected to a catalogue product
    site_brand: str | None  # the shop's choice, else the catalogue's spelling, else None
    mode: BrandMode  # what the next sync does with the brand
    decided: bool

    @property
    def target(self) -> str:
        """The site brand its products go to (its own name when none is set)."""
        return self.site_brand or self.erp_brand

    def as_dict(self) -> dict:
        """`shopsync brands list --json` (English keys, stable)."""
        return {
            "brand": self.erp_brand,
            "products": self.products,
            "matched": self.matched,
            "site_brand": self.target,
            "mode": self.mode,
            "decided": self.decided,
        }


@dataclass(slots=True)
class BrandTable:
    rows: list[BrandRow] = field(default_factory=list)  # undecided first, then by name
    site_brands: list[str] = field(default_factory=list)  # the catalogue's brands

    def as_dict(self) -> dict:
        return {"rows": [asdict(r) for r in self.rows], "site_brands": self.site_brands}


class BrandService:
    def __init__(self, db: sqlite_utils.Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def table(self) -> BrandTable:
        """Every ERP brand of the last read, and every brand the shop mapped (even one absent
        from the ERP), with its counts."""
        from shopsync import matching

        db = self.db
        counts = erp_cache.erp_brands(db)
        catalog = catalog_store.load_catalog(db)
        lines = erp_cache.load_lines(db)
        accepted, rejected = alias_store.accepted(db), alias_store.rejected(db)
        connections = (
            matching.connect({ln.reference for ln in lines}, catalog, accepted, rejected)
            if catalog
            else {}
        )
        matched: dict[str, set[str]] = {}
        for line in lines:
            if line.reference in connections:
                matched.setdefault(fold_brand(line.brand), set()).add(line.reference)
        site_brands = sorted({p.brand for p in catalog.values() if p.brand}, key=str.casefold)
        by_fold = {fold_brand(b): b for b in site_brands}
        effective, _new = rules.resolve_brands(
            (b for b, _n in counts), brand_store.load_mappings(db), self.settings.rules.new_brands
        )
        products = {fold_brand(b): n for b, n in counts}
        spelling = {fold_brand(b): b for b, _n in counts}  # the ERP's, over the mapping's
        rows = [
            BrandRow(
                spelling.get(key, m.erp_brand),
                products.get(key, 0),
                len(matched.get(key, ())),
                m.site_brand or by_fold.get(key),
                BrandMode(m.mode) if m.decided else BrandMode.UNMAPPED,
                m.decided,
            )
            for key, m in effective.items()
        ]
        rows.sort(key=lambda r: (r.decided, r.erp_brand.casefold()))
        return BrandTable(rows, site_brands)

    def set_mapping(self, erp_brand: str, mode: str, site_brand: str | None = None) -> BrandMapping:
        """The shop's decision for one brand. A site brand that is the ERP brand's own name
        (whatever its case or accents) is stored as "the same name"."""
        if not fold_brand(erp_brand):
            raise ValueError("brand mapping: the ERP brand is empty")
        if mode not in rules.MODES:
            raise ValueError(f"brand mode: expected one of {', '.join(rules.MODES)}, got {mode!r}")
        site = (site_brand or "").strip() or None
        if site is not None and fold_brand(site) == fold_brand(erp_brand):
            site = None
        return brand_store.set_mapping(self.db, erp_brand, mode, site)

    def save(self, choices: Mapping[str, tuple[str, str | None]]) -> int:
        """Several decisions at once (the brands window's Save): ERP brand -> (mode, site)."""
        for erp_brand, (mode, site) in choices.items():
            self.set_mapping(erp_brand, mode, site)
        return len(choices)

    def preview(self, choices: Mapping[str, tuple[str, str | None]]):
        """What unsaved choices would publish, update and unpublish (read-only)."""
        from shopsync.preview import preview_mappings

        return preview_mappings(self.db, self.settings, choices)
