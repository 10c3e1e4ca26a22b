"""The readiness report: figures, verdicts, and writers that neutralise formulas and escape HTML."""

from __future__ import annotations

import csv
import zipfile

from openpyxl import load_workbook

from shopsync.matching import match
from shopsync.model import CatalogProduct
from shopsync.report import readiness
from shopsync.report.cells import Sheet, csv_text, neutralize, write_xlsx
from shopsync.report.html import render
from shopsync.report.sheets import write_readiness_csv, write_readiness_xlsx


def cat(*rows: tuple[str, str, str]) -> dict[str, CatalogProduct]:
    return {r: CatalogProduct(r, b, t) for r, b, t in rows}


CATALOG = cat(
    ("T120.417.17.041.00", "Tissot", "Seastar"),
    ("T137.407.11.041.00", "Tissot", "PRX"),
    ("T006.407.11.033.00", "Tissot", "Le Locle"),
    ("F20560/1", "Festina", "Chrono"),
    ("=HYPERLINK(\"http://x\")", "Festina", "<script>alert(1)</script>"),
    ("590702HV-16", "Pandora", "Moments"),
    ("K0216-001-21", "Thomas Sabo", "Pas dans l'ERP"),
)
ITEMS = [
    ("T120.417.17.041.00", "TISSOT"),  # exact
    ("T1374071104100", "Tissot"),  # normalized
    ("TIS-T006.407.11.033.00", "TISSOT"),  # to rewrite
    ("F205601", "FESTINA"),  # normalized
    ("+33-EVIL", "FESTINA"),  # not in the catalogue, formula-looking
    ("ZZZ-1", "SANS SITE"),  # brand absent from the catalogue
]


def build():
    results = match(ITEMS, CATALOG)
    return readiness.build(ITEMS, CATALOG, results, erp_source="stock.csv", catalog_source="cat")


def test_figures_per_brand() -> None:
    report = build()
    rows = {r.brand: r for r in report.rows}
    tissot = rows["TISSOT"]  # the most frequent spelling names the row
    assert (tissot.items, tissot.connected, tissot.normalized, tissot.to_rewrite) == (3, 2, 1, 1)
    assert (tissot.catalog_products, tissot.would_unpublish) == (3, 1)
    assert tissot.verdict == readiness.NOT_READY  # 2/3 connected < 80 %
    festina = rows["FESTINA"]
    assert (festina.connected, festina.not_in_catalog, festina.would_unpublish) == (1, 1, 1)
    assert rows["SANS SITE"].verdict == readiness.OFF_CATALOG
    # Thomas Sabo is not in the ERP: its catalogue products are not the ERP's business.
    assert "K0216-001-21" not in {p.reference for p in report.unpublish}
    assert [r.reference for r in report.rewrites] == ["TIS-T006.407.11.033.00"]
    assert report.rewrites[0].catalog_reference == "T006.407.11.033.00"
    assert report.total.items == 6 and report.verdict == readiness.NOT_READY


def test_verdict_thresholds() -> None:
    row = readiness.BrandRow("X", items=10, connected=10, catalog_products=10, would_unpublish=0)
    assert readiness.verdict_for(row)[0] == readiness.READY
    row.would_unpublish = 3  # 30 % > 20 %
    assert readiness.verdict_for(row)[0] == readiness.TO_FIX
    row.would_unpublish = 6  # 60 % > 50 %
    assert readiness.verdict_for(row)[0] == readiness.NOT_READY
    row = readiness.BrandRow("X", items=10, connected=9, to_rewrite=1, catalog_products=10)
    assert readiness.verdict_for(row)[0] == readiness.TO_FIX
    row.connected, row.to_rewrite = 7, 3
    assert readiness.verdict_for(row)[0] == readiness.NOT_READY


def test_html_is_french_self_contained_and_escaped() -> None:
    page = render(build())
    assert page.startswith("<!DOCTYPE html>") and 'lang="fr"' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Références à réécrire" in page and "pas prêt" in page
    assert "TIS-T006.407.11.033.00" in page and "T006.407.11.033.00" in page
    for external in ("http://", "https://", "src=", "<link"):
        assert external not in page.replace("http://x", ""), external


def test_neutralize() -> None:
    for risky in ("=1+2", "+33", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert neutralize(risky) == "'" + risky
    assert neutralize("T120.417") == "T120.417" and neutralize(3) == 3
    text = csv_text(["reference"], [["=cmd|' /C calc'!A0"], ["ok"]])
    assert text.splitlines()[1] == "'=cmd|' /C calc'!A0"


def _no_formula_anywhere(path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_xlsx_cells_are_text_never_formulas(tmp_path) -> None:
    path = tmp_path / "x.xlsx"
    write_xlsx(path, [Sheet("a", ["ref"], [["=1+2"], ["-5"], ["ok"], [4]])])
    _no_formula_anywhere(path)
    ws = load_workbook(path)["a"]
    assert [(c.value, c.data_type) for (c,) in ws.iter_rows(min_row=2)] == [
        ("=1+2", "s"), ("-5", "s"), ("ok", "s"), (4, "n"),
    ]  # fmt: skip
    assert ws["A2"].quotePrefix and not ws["A4"].quotePrefix


def test_readiness_xlsx_and_csv(tmp_path) -> None:
    report = build()
    xlsx = tmp_path / "report.xlsx"
    write_readiness_xlsx(report, xlsx)
    _no_formula_anywhere(xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == [
        "Verdict", "Par marque", "À réécrire", "Absents du catalogue", "Dépubliés", "Normalisés",
    ]  # fmt: skip
    unpublished = [row[1] for row in wb["Dépubliés"].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in unpublished  # the exact text, stored as text
    out = tmp_path / "report.csv"
    write_readiness_csv(report, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "type"
    flat = [cell for row in rows for cell in row]
    assert "'+33-EVIL" in flat and "'=HYPERLINK(\"http://x\")" in flat
    assert not any(c.startswith(("=", "+", "-", "@")) for c in flat)
