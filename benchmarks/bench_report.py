"""The connection report's cost on a large shop: the input fingerprint (paid after every
heartbeat that follows a run) and the full report (paid only when the references, the catalogue
or the shop's decisions changed).

    .venv/bin/python benchmarks/bench_report.py [N]   # N catalogue products and ERP items (100000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from shopsync.agent import report
from shopsync.model import CatalogProduct, ReadResult, StockLine
from shopsync.store import catalog as catalog_store
from shopsync.store import erp_cache
from shopsync.store.db import open_db


def main(n: int) -> None:
    brands = ["TISSOT", "FESTINA", "PANDORA", "CARTIER", "LONGINES"]
    products, lines = [], []
    for i in range(n):
        brand = brands[i % len(brands)]
        ref = f"{brand[:3]}{i:07d}.{i % 97:02d}"
        previous = (f"OLD-{i:07d}",) if i % 100 == 1 else ()
        products.append(CatalogProduct(ref, brand.title(), f"Article {i}", False, (), previous))
        written = previous[0] if previous else ref
        if i % 100 == 2:
            written = ref.replace("0", "O", 1)  # a typo to rewrite
        lines.append(StockLine(written, brand, f"ARTICLE {i}", i % 5, Decimal("99.00"), line=i + 2))
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "shopsync.db")
        catalog_store.save_catalog(db, products)
        erp_cache.save_read(db, ReadResult("bench.csv", lines, content_hash="x", raw_lines=n))
        start = time.perf_counter()
        report.inputs_fingerprint(db)
        fingerprint = time.perf_counter() - start
        start = time.perf_counter()
        built = report.build_from_store(db)
        full = time.perf_counter() - start
        db.conn.close()
    c = built["counts"]
    print(f"{n} products / ERP items: fingerprint {fingerprint:.2f} s, full report {full:.2f} s")
    print(
        f"  connected {c['connected']}, to rewrite {c['to_rewrite']}, written the old way "
        f"{c['written_the_old_way']}, unmatched {c['unmatched']}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
