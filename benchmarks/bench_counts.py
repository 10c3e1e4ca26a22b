"""The one counting of an export (shopsync/sync/counts.py) as a sync pays it: prints numbers,
asserts nothing.

The matching benchmark's seeded corpus of real-looking references (tests/matching/corpus.py):
a catalogue of N products and an ERP of M references written every way shops write them
(exact, normalised, typos, prefixes, unknown). Timed after the rules, as `SyncEngine.count`
runs it once a run has delivered: the first time (the suggestions for the unconnected
references worked out), then with the suggestion count remembered (every later run whose
references did not change: a sale, a price).

Run: .venv/bin/python benchmarks/bench_counts.py [--catalog 100000] [--erp 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=int, default=100_000)
    parser.add_argument("--erp", type=int, default=20_000)
    args = parser.parse_args()
    from shopsync.matching import CatalogIndex
    from shopsync.model import StockLine
    from shopsync.rules import BrandMode, RuleOptions, desired_states
    from shopsync.sync.counts import count_export, suggestion_key
    from tests.matching.corpus import build_catalog, build_erp

    catalogue = build_catalog(args.catalog, seed=6)
    cases = build_erp(catalogue, args.erp, seed=7)
    lines = [
        StockLine(c.reference, c.brand, None, 1 + i % 3, None, None, None, None, i + 2)
        for i, c in enumerate(cases)
    ]
    options = RuleOptions(new_brands=BrandMode.STOCK)
    index = CatalogIndex(catalogue)
    connections = index.connect([ln.reference for ln in lines])
    desired = desired_states(lines, catalogue, connections, {}, options)
    common = dict(lines_read=len(lines), lines_rejected=0, catalogue=catalogue, options=options,
                  index=index, desired=desired)  # fmt: skip

    t = time.perf_counter()
    suggestion_key(lines, "hash", {}, set())
    t_key = time.perf_counter() - t
    t = time.perf_counter()
    first = count_export(lines, **common)
    t_first = time.perf_counter() - t
    t = time.perf_counter()
    again = count_export(lines, **common, suggested=first.to_rewrite)
    t_again = time.perf_counter() - t
    assert again == first
    print(f"{first.references} ERP references vs {len(catalogue)} catalogue products: "
          f"{first.connected} connected, {first.to_rewrite} to rewrite, "
          f"{first.absent_from_catalogue} absent")  # fmt: skip
    print(f"count with the suggestions worked out (first run, or new references): {t_first:.2f} s")
    print(f"count with the suggestion count remembered (other runs): {t_again + t_key:.3f} s "
          f"(of which the key {t_key:.3f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
