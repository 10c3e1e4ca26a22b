"""`shopsync match` output: JSONL (one object per distinct ERP reference), CSV or XLSX."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from shopsync.report.cells import Sheet, csv_text, write_xlsx

if TYPE_CHECKING:
    from shopsync.matching import MatchResult

HEADER = ["reference", "brand", "status", "catalog_reference", "score", "alias", "candidates"]


def _candidates_cell(res: MatchResult) -> str:
    return " | ".join(f"{c.reference} ({c.score:.2f})" for c in res.candidates)


def _rows(results: Sequence[MatchResult]) -> list[list[object]]:
    return [
        [
            r.reference, r.brand or "", r.status, r.catalog_reference or "", round(r.score, 4),
            "oui" if r.alias else "", _candidates_cell(r),
        ]
        for r in results
    ]  # fmt: skip


def write_jsonl(results: Sequence[MatchResult], out: TextIO) -> None:
    for res in results:
        out.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")


def write(results: Sequence[MatchResult], fmt: str, output: Path | None, stdout: TextIO) -> None:
    """Write in `fmt` to `output`, or to `stdout` (jsonl and csv only: xlsx needs a file)."""
    if fmt == "xlsx":
        assert output is not None
        write_xlsx(output, [Sheet("Correspondances", HEADER, _rows(results))])
        return
    if fmt == "csv":
        text = csv_text(HEADER, _rows(results))
        if output is None:
            stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8-sig", newline="")
        return
    if output is None:
        write_jsonl(results, stdout)
    else:
        with output.open("w", encoding="utf-8", newline="\n") as f:
            write_jsonl(results, f)
