"""How fast a full sync's worth of changes reaches the local sandbox.

    .venv/bin/python benchmarks/bench_sandbox.py [--items 10000] [--batch 500]

The sandbox runs as its own process (as in a demo), so client and server do not share a GIL.
Prints wall times for: catalogue download, first delivery (all accepted), a replay of every
batch with the same keys (answered from the idempotency record), and a read-back of all products.
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path

from shopsync.site import protocol
from shopsync.site.client import SiteClient
from shopsync.site.sandbox.testing import start_sandbox_process, write_catalog

TOKEN = "bench-token"


def items_for(n: int, version: int) -> list[dict]:
    return [
        {
            "reference": f"BENCH/{i:06d}.{i % 10}",
            "version": version,
            "published": i % 7 != 0,
            "availability": "in_stock" if i % 3 else "backorder",
            "quantity": i % 5,
            "price": f"{100 + i % 5000}.{i % 100:02d}",
            "sizes": [],
        }
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = [
            {"reference": f"BENCH/{i:06d}.{i % 10}", "brand": "Bench"} for i in range(args.items)
        ]
        catalog = write_catalog(root / "catalog.csv", rows)
        process, url = start_sandbox_process(root / "data", token=TOKEN, catalog=catalog)
        try:
            with SiteClient(url, TOKEN) as client:
                t0 = time.perf_counter()
                products = client.catalog()
                t_catalog = time.perf_counter() - t0
                assert len(products) == args.items
                items = items_for(args.items, 1)
                batches = [items[i : i + args.batch] for i in range(0, len(items), args.batch)]
                t0 = time.perf_counter()
                for n, batch in enumerate(batches):
                    results = client.send_batch(batch, f"bench-{n}")
                    assert all(r.status == "accepted" for r in results)
                t_send = time.perf_counter() - t0
                t0 = time.perf_counter()
                for n, batch in enumerate(batches):
                    client.send_batch(batch, f"bench-{n}")
                t_replay = time.perf_counter() - t0
                t0 = time.perf_counter()
                assert len(client.products()) == args.items
                t_read = time.perf_counter() - t0
        finally:
            process.terminate()
            process.wait(15)
    raw = protocol.dumps({"items": batches[0]})
    print(f"items: {args.items}, batch size: {args.batch}, batches: {len(batches)}")
    print(f"catalogue download:   {t_catalog:6.2f} s")
    print(
        f"first delivery:       {t_send:6.2f} s  ({len(batches) / t_send:5.1f} batches/s, "
        f"{args.items / t_send:7.0f} items/s)"
    )
    print(f"replay (same keys):   {t_replay:6.2f} s  ({len(batches) / t_replay:5.1f} batches/s)")
    print(f"read back products:   {t_read:6.2f} s")
    print(
        f"batch body: {len(raw) / 1024:.0f} KB JSON, "
        f"{len(gzip.compress(raw, 6, mtime=0)) / 1024:.0f} KB gzipped"
    )


if __name__ == "__main__":
    main()
