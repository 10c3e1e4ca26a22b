"""The readiness report: can this shop's ERP be connected, and what must be fixed first?

The seed's CSM lists by hand, before going live, the references the shop must rewrite "so that
its stock is not hurt" — because once connected, a catalogue product that no ERP reference
connects to is unpublished every day. This module computes that list and the numbers around it,
per ERP brand, from a `match` run. Pure: the commands do the reading and the writing.

Verdict thresholds (documented in docs/matching.md, shown in the report):

* connected share = connected ERP references / (connected + to rewrite), i.e. among the ERP
  references the catalogue knows, how many a sync will use as they are;
* unpublish share = catalogue products the first sync would unpublish / catalogue products of
  the brands present in the ERP.

`pas prêt` when nothing connects, the connected share is below 80 % or the unpublish share above
50 %; `à corriger` when any reference remains to rewrite or the unpublish share is above 20 % (the
default share above which a sync's unpublishing waits for a person's yes); `prêt` otherwise.
"""

from __future__ import annotations

import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shopsync.formatting import percent
from shopsync.i18n import QT_TRANSLATE_NOOP, arg

if TYPE_CHECKING:
    from shopsync.matching import MatchResult
    from shopsync.model import CatalogProduct
    from shopsync.sync.counts import ExportCounts

READY, TO_FIX, NOT_READY, OFF_CATALOG = "prêt", "à corriger", "pas prêt", "hors catalogue"
# The verdicts as `shopsync check` says them in the shop's language (the report files keep the
# French words themselves). Defined beside the words, not in texts.py: texts → sync.counts →
# this module would be an import cycle.
VERDICT_LABELS: dict[str, str] = {
    READY: QT_TRANSLATE_NOOP("State", "prêt"),
    TO_FIX: QT_TRANSLATE_NOOP("State", "à corriger"),
    NOT_READY: QT_TRANSLATE_NOOP("State", "pas prêt"),
    OFF_CATALOG: QT_TRANSLATE_NOOP("State", "hors catalogue"),
}
MIN_CONNECTED_SHARE = 0.80
MAX_UNPUBLISH_SHARE = 0.50
WARN_UNPUBLISH_SHARE = 0.20
NO_BRAND = "(sans marque)"


def brand_fold(name: str | None) -> str:
    """Brands compared without case, accents or surrounding spaces (as shopsync.rules does)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(slots=True)
class BrandRow:
    """One ERP brand's figures."""

    brand: str
    items: int = 0  # distinct ERP references
    connected: int = 0  # exact + normalized (accepted aliases included)
    normalized: int = 0  # of which connected without being written exactly alike
    to_rewrite: int = 0  # suggested: a catalogue reference looks like it
    not_in_catalog: int = 0  # unmatched
    catalog_products: int = 0  # catalogue products whose brand is this brand
    would_unpublish: int = 0
    verdict: str = ""

    @property
    def matched_share(self) -> float:
        return self.connected / self.items if self.items else 0.0

    @property
    def connected_share(self) -> float:
        known = self.connected + self.to_rewrite
        return self.connected / known if known else 0.0

    @property
    def unpublish_share(self) -> float:
        return self.would_unpublish / self.catalog_products if self.catalog_products else 0.0


@dataclass(slots=True)
class Readiness:
    rows: list[BrandRow]
    total: BrandRow
    rewrites: list[MatchResult]  # suggested, best score first
    normalized: list[MatchResult]  # connected though written differently
    absent: list[MatchResult]  # unmatched
    unpublish: list[CatalogProduct]
    duplicates: dict[str, list[str]]  # catalogue ref -> several ERP refs connected to it
    verdict: str
    reasons: list[str]
    erp_source: str = ""
    catalog_source: str = ""
    generated_at: float = field(default_factory=time.time)
    counts: ExportCounts | None = None  # the one counting, with the shop's decisions


# The reasons, worded once in French (the report is the CSM's French document) and marked for
# the catalogue, so that `shopsync check` can say them in the shop's language (i18n.localize).
REASONS = {
    "off_catalogue": QT_TRANSLATE_NOOP(
        "Report", "aucun produit de cette marque dans le catalogue du site"
    ),
    "none_connects": QT_TRANSLATE_NOOP(
        "Report", "aucune référence de l'ERP ne correspond au catalogue du site"
    ),
    "few_connected": QT_TRANSLATE_NOOP(
        "Report",
        "seules %1 des références connues du site sont écrites comme il faut (seuil %2)",
    ),
    "unpublish_too_many": QT_TRANSLATE_NOOP(
        "Report",
        "la première synchro dépublierait %1 des produits en ligne de ces marques (seuil %2)",
    ),
    "to_rewrite": QT_TRANSLATE_NOOP(
        "Report", "%1 référence(s) à réécrire ou à accepter comme alias"
    ),
    "unpublish_some": QT_TRANSLATE_NOOP(
        "Report", "la première synchro dépublierait %1 produit(s) (%2, seuil %3)"
    ),
}


def _pct(share: float) -> str:
    return percent(share, "fr")


def verdict_for(row: BrandRow) -> tuple[str, list[str]]:
    """The verdict for one row's figures, with the reasons in French (see module doc)."""
    reasons: list[str] = []
    known = row.connected + row.to_rewrite
    if known == 0:
        if row.catalog_products == 0:
            return OFF_CATALOG, [REASONS["off_catalogue"]]
        return NOT_READY, [REASONS["none_connects"]]
    if row.connected_share < MIN_CONNECTED_SHARE:
        reasons.append(
            arg(REASONS["few_connected"], _pct(row.connected_share), _pct(MIN_CONNECTED_SHARE))
        )
    if row.unpublish_share > MAX_UNPUBLISH_SHARE:
        reasons.append(
            arg(
                REASONS["unpublish_too_many"],
                _pct(row.unpublish_share),
                _pct(MAX_UNPUBLISH_SHARE),
            )  # fmt: skip
        )
    if reasons:
        return NOT_READY, reasons
    if row.to_rewrite:
        reasons.append(arg(REASONS["to_rewrite"], row.to_rewrite))
    if row.unpublish_share > WARN_UNPUBLISH_SHARE:
        reasons.append(
            arg(
                REASONS["unpublish_some"],
                row.would_unpublish,
                _pct(row.unpublish_share),
                _pct(WARN_UNPUBLISH_SHARE),
            )  # fmt: skip
        )
    return (TO_FIX, reasons) if reasons else (READY, [])


def build(
    items: Iterable[tuple[str, str | None]],
    catalog: Mapping[str, CatalogProduct],
    results: Sequence[MatchResult],
    *,
    erp_source: str = "",
    catalog_source: str = "",
    site_brands: Mapping[str, str] | None = None,
    counts: ExportCounts | None = None,
) -> Readiness:
    """The report from the ERP items, the catalogue and `match(items, catalog, …)`'s results.

    `results` are one per distinct ERP reference; `items` give each ERP brand's spellings (the
    most frequent one names the row). `site_brands`: the shop's brand mappings (folded ERP
    brand -> site brand) where it named one. `counts`: the one counting of this export with
    the shop's decisions (sync/counts.py), shown as "what a sync will publish".
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for _ref, brand in items:
        key = brand_fold(brand)
        if key:
            spellings[key][brand.strip()] += 1  # type: ignore[union-attr]
    rows: dict[str, BrandRow] = {}

    def row_for(brand: str | None) -> BrandRow:
        key = brand_fold(brand)
        row = rows.get(key)
        if row is None:
            name = spellings[key].most_common(1)[0][0] if spellings.get(key) else NO_BRAND
            row = rows[key] = BrandRow(name)
        return row

    connected_targets: dict[str, list[str]] = defaultdict(list)
    by_ref = {res.reference: res for res in results}
    rewrites, normalized, absent = [], [], []
    for res in results:
        row = row_for(res.brand)
        row.items += 1
        if res.status in ("exact", "normalized"):
            row.connected += 1
            connected_targets[res.catalog_reference].append(res.reference)  # type: ignore[index]
            if res.status == "normalized":
                row.normalized += 1
                normalized.append(res)
        elif res.status == "suggested":
            row.to_rewrite += 1
            rewrites.append(res)
        else:
            row.not_in_catalog += 1
            absent.append(res)

    unpublish: list[CatalogProduct] = []
    row_of_target = {target: row_for(by_ref[refs[0]].brand) for target, refs in connected_targets.items()}
    row_of_site_brand = _site_brand_rows(rows, catalog, row_of_target, site_brands or {})
    for product in catalog.values():
        # A product belongs to the row of the ERP reference that connects to it, else to the
        # row of its brand (same name, the shop's mapping, or the ERP brand that connects to
        # that brand's other products: G-SHOCK for the site's "Casio").
        row = row_of_target.get(product.reference) or row_of_site_brand.get(brand_fold(product.brand))
        if row is None:
            continue
        row.catalog_products += 1
        if product.reference not in connected_targets:
            row.would_unpublish += 1
            unpublish.append(product)

    total = BrandRow("Total")
    for row in rows.values():
        row.verdict = verdict_for(row)[0]
        for name in (
            "items", "connected", "normalized", "to_rewrite", "not_in_catalog",
            "catalog_products", "would_unpublish",
        ):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(row, name))
    verdict, reasons = verdict_for(total)
    if verdict == OFF_CATALOG:
        verdict = NOT_READY
    total.verdict = verdict
    ordered = sorted(
        rows.values(), key=lambda r: (r.brand == NO_BRAND, -r.items, r.brand.casefold())
    )
    rewrites.sort(key=lambda r: (-r.score, (r.brand or "").casefold(), r.reference))
    unpublish.sort(key=lambda p: (p.brand.casefold(), p.reference))
    absent.sort(key=lambda r: ((r.brand or "").casefold(), r.reference))
    duplicates = {cat: refs for cat, refs in connected_targets.items() if len(refs) > 1}
    return Readiness(
        ordered, total, rewrites, normalized, absent, unpublish, duplicates, verdict, reasons,
        erp_source, catalog_source, counts=counts,
    )  # fmt: skip


def _site_brand_rows(
    rows: Mapping[str, BrandRow],
    catalog: Mapping[str, CatalogProduct],
    row_of_target: Mapping[str, BrandRow],
    site_brands: Mapping[str, str],
) -> dict[str, BrandRow]:
    """Folded site brand -> the ERP brand row its products belong to: the row of the same
    name; else the ERP brand the shop mapped to it; else the ERP brand whose references
    connect to most of its products (the ERP calls Casio's watches "G-SHOCK")."""
    out: dict[str, BrandRow] = {key: row for key, row in rows.items() if key}
    for erp_key, site_brand in site_brands.items():
        site_key = brand_fold(site_brand)
        if site_key and site_key not in out and erp_key in rows:
            out[site_key] = rows[erp_key]
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    by_id: dict[int, BrandRow] = {}
    for target, row in row_of_target.items():
        product = catalog.get(target)
        if product is not None:
            votes[brand_fold(product.brand)][id(row)] += 1
            by_id[id(row)] = row
    for site_key, counter in votes.items():
        if site_key and site_key not in out:
            out[site_key] = by_id[counter.most_common(1)[0][0]]
    return out
