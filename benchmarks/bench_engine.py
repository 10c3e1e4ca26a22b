"""Sync engine figures (issue 4): prints numbers, asserts nothing.

1. changes for 200,000 references with 1 % changed (rules + diff, in process);
2. an unchanged export (200,000 lines, ~17 MB) in process: a whole `run_once`;
3. 10,000 changes delivered to the local sandbox.

Run: .venv/bin/python benchmarks/bench_engine.py [--n 200000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

TOKEN = "bench-token"


def write_export(path: Path, n: int, changed: int = 0) -> None:
    with path.open("w", encoding="cp1252", newline="") as f:
        f.write("Référence;Marque;Désignation;Qté;Prix TTC;TLD;Statut\r\n")
        for i in range(n):
            qty = 1 + i % 3
            if i < changed:
                qty = 0
            f.write(f"REF-{i:06d};TISSOT;MONTRE ACIER N°{i};{qty};{100 + i % 900},00;;\r\n")


def seed_catalog(engine, n: int) -> None:
    from shopsync.model import CatalogProduct
    from shopsync.store import catalog as catalog_store

    catalog_store.save_catalog(
        engine.db, [CatalogProduct(f"REF-{i:06d}", "Tissot", f"Montre {i}") for i in range(n)]
    )


def bench_changes(n: int) -> None:
    """The engine's own rules + diff step (`SyncEngine.plan`), as a long-running tray app or
    service runs it (after a previous run), and cold (a fresh process, no caches)."""
    from shopsync.config import load_settings, update_config
    from shopsync.engine import SyncEngine
    from shopsync.erp import read_export
    from shopsync.store import delivery

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        load_settings(home)
        update_config(home, {"rules": {"new_brands": "stock"}})
        engine = SyncEngine(load_settings(home), client_factory=lambda: None)
        seed_catalog(engine, n)
        export = home / "a.csv"
        write_export(export, n)
        lines = read_export(export).lines
        changes = engine.plan(lines).changes
        delivery.enqueue(engine.db, changes, time.time())
        engine.plan(lines)  # the run before: caches warm
        write_export(export, n, changed=n // 100)
        lines2 = read_export(export).lines
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            changes = engine.plan(lines2, dry_run=True).changes
            times.append(time.perf_counter() - t0)
        print(f"changes for {n:,} references, 1 % changed: {len(changes):,} changes, "
              f"median {statistics.median(times):.3f} s in a running engine (target ≤ 0.5 s)")
        engine.close()
        cold = SyncEngine(load_settings(home), client_factory=lambda: None)
        t0 = time.perf_counter()
        cold.plan(lines2, dry_run=True)
        print(f"  same, cold (new process, caches empty): {time.perf_counter() - t0:.3f} s")
        cold.close()


def bench_unchanged(n: int) -> None:
    from shopsync.config import load_settings, update_config
    from shopsync.engine import SyncEngine
    from shopsync.site.sandbox.testing import running_sandbox, write_catalog

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        catalog = write_catalog(Path(tmp) / "c.csv", [
            {"reference": f"REF-{i:06d}", "brand": "Tissot"} for i in range(2000)
        ])
        with running_sandbox(Path(tmp) / "site", token=TOKEN, catalog=catalog) as url:
            os.environ["SHOPSYNC_SITE_TOKEN"] = TOKEN
            export = Path(tmp) / "stock.csv"
            write_export(export, n)
            load_settings(home)
            update_config(home, {
                "erp": {"path": str(export), "settle_seconds": 0},
                "site": {"url": url}, "rules": {"new_brands": "stock"},
            })
            engine = SyncEngine(load_settings(home))
            t0 = time.perf_counter()
            first = engine.run_once("bench")
            print(f"first run, {n:,}-line export ({export.stat().st_size / 1e6:.1f} MB): "
                  f"{time.perf_counter() - t0:.2f} s, uploaded {first.uploaded}")
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                out = engine.run_once("bench")
                times.append(time.perf_counter() - t0)
                assert out.status == "unchanged", out
            print(f"unchanged export, whole run_once in process: median "
                  f"{statistics.median(times) * 1000:.0f} ms (target ≤ 100 ms)")
            engine.close()


def bench_delivery(count: int) -> None:
    from shopsync.config import load_settings, update_config
    from shopsync.engine import SyncEngine
    from shopsync.site.sandbox.testing import running_sandbox, write_catalog

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        catalog = write_catalog(Path(tmp) / "c.csv", [
            {"reference": f"REF-{i:06d}", "brand": "Tissot"} for i in range(count)
        ])
        with running_sandbox(Path(tmp) / "site", token=TOKEN, catalog=catalog) as url:
            os.environ["SHOPSYNC_SITE_TOKEN"] = TOKEN
            export = Path(tmp) / "stock.csv"
            write_export(export, count)
            load_settings(home)
            update_config(home, {
                "erp": {"path": str(export), "settle_seconds": 0},
                "site": {"url": url}, "rules": {"new_brands": "stock"},
            })
            engine = SyncEngine(load_settings(home))
            engine.run_once("bench")  # catalogue, observation, first publication
            write_export(export, count, changed=count)  # every item sells out
            t0 = time.perf_counter()
            out = engine.run_once("bench")
            took = time.perf_counter() - t0
            print(f"{out.uploaded:,} changes delivered to the local sandbox: {took:.2f} s "
                  f"(target ≤ 5 s)")
            engine.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args()
    bench_changes(args.n)
    bench_unchanged(args.n)
    bench_delivery(args.changes)


if __name__ == "__main__":
    main()
