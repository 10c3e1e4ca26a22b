"""The readiness report as XLSX (one sheet per list) or CSV (one flat list), formulas
neutralised by shopsync.report.cells."""

from __future__ import annotations

import time
from pathlib import Path

from shopsync.report.cells import Sheet, write_csv, write_xlsx
from shopsync.report.readiness import Readiness

SUMMARY_HEADER = [
    "Marque", "Articles ERP", "Connectés", "Part connectée", "Dont par normalisation",
    "À réécrire", "Absents du catalogue", "Produits du catalogue", "Dépubliés à la 1re synchro",
    "Verdict",
]  # fmt: skip


def _summary_rows(report: Readiness) -> list[list[object]]:
    rows = []
    for r in [*report.rows, report.total]:
        rows.append(
            [
                r.brand, r.items, r.connected, round(r.matched_share, 4), r.normalized,
                r.to_rewrite, r.not_in_catalog, r.catalog_products, r.would_unpublish, r.verdict,
            ]
        )  # fmt: skip
    return rows


def _rewrite_rows(report: Readiness) -> list[list[object]]:
    return [
        [
            r.brand or "", r.reference, r.catalog_reference or "", round(r.score, 4),
            " | ".join(c.reference for c in r.candidates[1:]),
        ]
        for r in report.rewrites
    ]  # fmt: skip


def write_readiness_xlsx(report: Readiness, path: Path) -> None:
    stamp = time.strftime("%d/%m/%Y %H:%M", time.localtime(report.generated_at))
    info = [
        ["Verdict", report.verdict],
        *[["Raison", reason] for reason in report.reasons],
        *[["Comptage", sentence] for sentence in (report.counts.sentences() if report.counts else [])],
        ["Export ERP", report.erp_source],
        ["Catalogue", report.catalog_source],
        ["Établi le", stamp],
    ]
    write_xlsx(
        path,
        [
            Sheet("Verdict", ["", ""], info),
            Sheet("Par marque", SUMMARY_HEADER, _summary_rows(report)),
            Sheet(
                "À réécrire",
                ["Marque", "Référence ERP", "Écriture suggérée", "Score", "Autres candidats"],
                _rewrite_rows(report),
            ),
            Sheet(
                "Absents du catalogue",
                ["Marque", "Référence ERP", "Proches (non retenus)"],
                [
                    [r.brand or "", r.reference, " | ".join(c.reference for c in r.candidates)]
                    for r in report.absent
                ],
            ),
            Sheet(
                "Dépubliés",
                ["Marque", "Référence du catalogue", "Produit"],
                [[p.brand, p.reference, p.title] for p in report.unpublish],
            ),
            Sheet(
                "Normalisés",
                ["Marque", "Référence ERP", "Référence du catalogue", "Alias accepté"],
                [
                    [
                        r.brand or "",
                        r.reference,
                        r.catalog_reference or "",
                        "oui" if r.alias else "",
                    ]
                    for r in report.normalized
                ],
            ),
        ],
    )


def write_readiness_csv(report: Readiness, path: Path) -> None:
    """One row per thing to look at: kind, brand, ERP reference, catalogue reference, score."""
    rows: list[list[object]] = []
    for r in report.rewrites:
        rows.append(["à réécrire", r.brand or "", r.reference, r.catalog_reference or "", r.score])
    for r in report.absent:
        rows.append(["absent du catalogue", r.brand or "", r.reference, "", ""])
    for p in report.unpublish:
        rows.append(["dépublié à la 1re synchro", p.brand, "", p.reference, ""])
    for r in report.normalized:
        rows.append(["normalisé", r.brand or "", r.reference, r.catalog_reference or "", r.score])
    write_csv(path, ["type", "marque", "référence ERP", "référence du catalogue", "score"], rows)
