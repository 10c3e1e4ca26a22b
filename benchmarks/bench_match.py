"""Matching speed and accuracy on a seeded corpus of real-looking references.

    .venv/bin/python benchmarks/bench_match.py [--catalog 100000] [--erp 20000]

Prints: the time to build the catalogue index, `connect` for 200,000 ERP references (the sync
path), `match` for the ERP references (the `shopsync match`/`check` path, with suggestions), and
precision/recall per level and per kind of spelling (see tests/matching/corpus.py).
Targets (issue 6): connect well under 0.5 s; match ≤ 10 s; no false exact/normalized match.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shopsync.matching import CatalogIndex  # noqa: E402
from tests.matching.corpus import build_catalog, build_erp, score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=int, default=100_000)
    parser.add_argument("--erp", type=int, default=20_000)
    parser.add_argument("--connect", type=int, default=200_000, help="ERP refs for connect()")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()

    t = time.perf_counter()
    catalog = build_catalog(args.catalog, seed=args.seed)
    cases = build_erp(catalog, args.erp, seed=args.seed + 1)
    print(f"corpus: {len(catalog)} catalogue, {len(cases)} ERP refs ({time.perf_counter() - t:.1f} s to generate)")

    # connect: the sync path. 200,000 references: the ERP cases repeated with a suffix so that
    # most do not connect (the worst case: every one is folded).
    refs = [c.reference for c in cases]
    erp_refs = (refs * (args.connect // len(refs) + 1))[: args.connect]
    erp_refs = [r if i < len(refs) else f"{r}#{i}" for i, r in enumerate(erp_refs)]
    t = time.perf_counter()
    index = CatalogIndex(catalog)
    t_index = time.perf_counter() - t
    t = time.perf_counter()
    connected = index.connect(erp_refs)
    t_connect = time.perf_counter() - t
    print(f"CatalogIndex({len(catalog)}): {t_index:.3f} s")
    print(f"connect({len(erp_refs)} refs): {t_connect:.3f} s, {len(connected)} connected"
          f" (with the index build: {t_index + t_connect:.3f} s)")  # fmt: skip

    items = [(c.reference, c.brand) for c in cases]
    t = time.perf_counter()
    results = CatalogIndex(catalog).match(items)
    t_match = time.perf_counter() - t
    print(f"match({len(items)} refs vs {len(catalog)}), index and suggestion blocks included: "
          f"{t_match:.2f} s")  # fmt: skip
    s = score(cases, results)
    print("\n".join(s.lines()))
    ok = s.false_auto == 0 and t_match <= 10.0
    print("OK" if ok else "FAILED: false automatic matches or too slow")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
