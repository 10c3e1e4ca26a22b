"""References: ERP references the catalogue does not know, with suggestions; the shop's alias
decisions (accept: keep the ERP reference and still reach the catalogue product; reject: never
offer that pair again). One door for `shopsync aliases|match|check|demo` and the references
window."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from shopsync.model import CatalogProduct
from shopsync.rules import BrandMode, fold_brand
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import erp_cache

EXPORT_HEADERS = [
    "reference_erp", "marque", "designation", "statut", "reference_catalogue_proposee", "score",
]


@dataclass(slots=True)
class RefRow:
    reference: str
    brand: str | None
    designation: str
    status: str  # suggested | unmatched
    candidates: list[tuple[str, float]] = field(default_factory=list)
    wanted: bool = True  # its brand is published (stock/preorder)


class ReferenceService:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- what the last read and the cached catalogue say -----------------------------------------

    def catalog(self) -> dict[str, CatalogProduct]:
        """The catalogue the last sync fetched (empty when no sync ever reached the site)."""
        return catalog_store.load_catalog(self.db)

    def decisions(self) -> tuple[dict[str, str], set[tuple[str, str]]]:
        """(accepted aliases ERP -> catalogue, rejected pairs), as `matching` takes them."""
        return alias_store.accepted(self.db), alias_store.rejected(self.db)

    def match_last_read(self, limit: int = 5) -> list[Any]:
        """Every ERP reference of the last read matched against the cached catalogue."""
        from shopsync import matching

        lines = erp_cache.load_lines(self.db)
        catalog = self.catalog()
        if not lines or not catalog:
            return []
        items = sorted({(ln.reference, ln.brand) for ln in lines})
        accepted, rejected = self.decisions()
        return matching.match(items, catalog, accepted=accepted, rejected=rejected, limit=limit)

    def to_connect(self) -> list[RefRow]:
        """Unmatched and suggested ERP references, those of published brands first."""
        from shopsync import matching

        lines = erp_cache.load_lines(self.db)
        catalog = self.catalog()
        if not lines or not catalog:
            return []
        mappings = brand_store.load_mappings(self.db)
        seen: dict[str, Any] = {}
        for line in lines:
            seen.setdefault(line.reference, line)
        accepted, rejected = self.decisions()
        results = matching.match(
            [(ref, line.brand) for ref, line in seen.items()],
            catalog, accepted=accepted, rejected=rejected, limit=5,
        )  # fmt: skip
        rows = []
        for res in results:
            if res.status not in (matching.SUGGESTED, matching.UNMATCHED):
                continue
            line = seen.get(res.reference)
            m = mappings.get(fold_brand(res.brand))
            rows.append(
                RefRow(
                    res.reference,
                    res.brand,
                    (line.designation if line else "") or "",
                    res.status,
                    [(c.reference, c.score) for c in res.candidates],
                    bool(m and m.mode in (BrandMode.STOCK, BrandMode.PREORDER)),
                )
            )
        rows.sort(
            key=lambda r: (
                not r.wanted, r.status != matching.SUGGESTED, (r.brand or "").casefold(), r.reference,
            )
        )  # fmt: skip
        return rows

    # -- the shop's decisions ---------------------------------------------------------------------

    def accept(self, erp_ref: str, catalog_ref: str) -> bool:
        """Connect `erp_ref` to `catalog_ref` from now on. Returns whether the cached catalogue
        knows `catalog_ref` (an alias to an unknown reference waits until it appears)."""
        alias_store.accept(self.db, erp_ref, catalog_ref)
        known = self.catalog()
        return not known or catalog_ref.strip() in known

    def reject(self, erp_ref: str, catalog_ref: str) -> None:
        alias_store.reject(self.db, erp_ref, catalog_ref)

    def aliases(self, *, stale_only: bool = False) -> list[dict]:
        rows = alias_store.list_all(self.db)
        return [r for r in rows if r["stale"]] if stale_only else rows


def write_rewrite_list(rows: list[RefRow], path: Path) -> Path:
    """The references to rewrite, as CSV (`;`, UTF-8 with BOM for Excel) or XLSX."""
    data = [
        [r.reference, r.brand or "", r.designation, r.status,
         r.candidates[0][0] if r.candidates else "",
         f"{r.candidates[0][1]:.2f}" if r.candidates else ""]
        for r in rows
    ]  # fmt: skip
    # The shared writers neutralise formulas: an ERP reference like `=1+2` must not run in Excel.
    from shopsync.report.cells import Sheet, write_csv, write_xlsx

    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, [Sheet("References", EXPORT_HEADERS, data)])
    else:
        write_csv(path, EXPORT_HEADERS, data, delimiter=";")
    return path
