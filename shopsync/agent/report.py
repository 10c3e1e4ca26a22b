"""The connection report: the readiness check as data, for the platform's team.

Built from what the engine last stored (the ERP read, the catalogue, the shop's alias and brand
decisions), so it costs no network and no re-read. Its hash covers the content only, so that it
is sent when something in it changed, not at every run.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from shopsync.matching import SUGGESTED, CatalogIndex, MatchResult
from shopsync.services import platform as store
from shopsync.site.protocol import MAX_REPORT_ENTRIES

NO_BRAND = "(sans marque)"


@dataclass(frozen=True, slots=True)
class ReportCounts:
    """The first-connection check at a glance (`shopsync check`, the wizard's last step)."""

    references: int
    connected: int
    to_rewrite: int
    written_the_old_way: int
    unmatched: int
    aliases_accepted: int
    brands_to_decide: int


def inputs_fingerprint(db: sqlite_utils.Database) -> str:
    """Changes when anything the report is built from changed: the ERP's distinct references
    and brands (not its quantities: a new export every few minutes must not mean a new report),
    the catalogue, the shop's alias and brand decisions. No matching, one pass."""
    digest = hashlib.sha256()
    for reference, brand in sorted({(line.reference, line.brand or "") for line in store.erp_lines(db)}):
        digest.update(f"{reference}\x1f{brand}\x1e".encode("utf-8", "surrogatepass"))
    accepted, rejected = store.alias_decisions(db)
    parts = (
        digest.hexdigest(),
        store.catalogue_hash(db),
        sorted(accepted.items()),
        sorted(rejected),
        store.brand_decisions_version(db),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def build_from_store(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The report for the last ERP read against the cached catalogue; None before both exist."""
    catalog = store.catalogue(db)
    lines = store.erp_lines(db)
    if not catalog or not lines:
        return None
    items = [(line.reference, line.brand) for line in lines]
    accepted, rejected = store.alias_decisions(db)
    results = CatalogIndex(catalog).match(items, accepted, rejected, limit=3)
    return build(results, accepted, store.undecided_brands(db))


def build(
    results: list[MatchResult], accepted: dict[str, str], unmapped_brands: list[str]
) -> dict[str, Any]:
    """The wire report (`ConnectionReport`) from match results; lists capped, counts exact."""
    rewrite = [r for r in results if r.status == SUGGESTED]
    unmatched = [r for r in results if not r.connected and r.status != SUGGESTED]
    renamed = [r for r in results if r.renamed]
    per_brand: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        row = per_brand[r.brand or NO_BRAND]
        row["items"] += 1
        row["connected" if r.connected else "to_rewrite" if r.status == SUGGESTED else "not_in_catalog"] += 1
    counts = ReportCounts(
        references=len(results),
        connected=sum(r.connected for r in results),
        to_rewrite=len(rewrite),
        written_the_old_way=len(renamed),
        unmatched=len(unmatched),
        aliases_accepted=len(accepted),
        brands_to_decide=len(unmapped_brands),
    )
    report: dict[str, Any] = {
        "counts": {name: getattr(counts, name) for name in ReportCounts.__slots__},
        "to_rewrite": [
            {
                "reference": r.reference,
                "brand": r.brand,
                "suggestions": [
                    {"reference": c.reference, "score": round(c.score, 3)} for c in r.candidates
                ],
            }
            for r in rewrite[:MAX_REPORT_ENTRIES]
        ],
        "written_the_old_way": [
            {"reference": r.reference, "catalog_reference": r.catalog_reference}
            for r in renamed[:MAX_REPORT_ENTRIES]
        ],
        "unmatched": [{"reference": r.reference, "brand": r.brand} for r in unmatched][
            :MAX_REPORT_ENTRIES
        ],
        "aliases": [
            {"reference": erp, "catalog_reference": cat}
            for erp, cat in sorted(accepted.items())[:MAX_REPORT_ENTRIES]
        ],
        "brands": [
            {"brand": brand, **{k: row[k] for k in ("items", "connected", "to_rewrite", "not_in_catalog")}}
            for brand, row in sorted(per_brand.items())[:MAX_REPORT_ENTRIES]
        ],
        "unmapped_brands": unmapped_brands[:MAX_REPORT_ENTRIES],
    }
    report["hash"] = report_hash(report)
    return report


def report_hash(report: dict[str, Any]) -> str:
    content = {k: v for k, v in report.items() if k not in ("hash", "generated_at", "agent_id")}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def counts_of(report: dict[str, Any]) -> ReportCounts:
    return ReportCounts(**{name: report["counts"][name] for name in ReportCounts.__slots__})
