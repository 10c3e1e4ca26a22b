"""The references-to-rewrite export never lets an ERP reference run as a spreadsheet formula."""

import csv

from openpyxl import load_workbook

from shopsync.gui.windows.references import RefRow, write_rewrite_list


def test_formulas_are_neutralised_in_csv_and_xlsx(tmp_path):
    rows = [RefRow("=1+2", "@BRAND", "Bague", "suggested", [("-T1", 0.9)], True)]
    path = write_rewrite_list(rows, tmp_path / "refs.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh, delimiter=";"))
    assert row[:2] == ["'=1+2", "'@BRAND"] and row[4] == "'-T1"
    path = write_rewrite_list(rows, tmp_path / "refs.xlsx")
    cell = load_workbook(path).active["A2"]
    assert cell.value == "=1+2" and cell.data_type == "s" and cell.quotePrefix
