"""Stress (issue 13): SIGKILLs at random points of real `shopsync sync --once` processes against
the sandbox with a share of its API requests failing (shopsync/site/sandbox/faults.py), the
local database damaged once in the middle; then the site must equal the last export, nothing
may have been applied twice (the sandbox's applied log), and nothing the export holds may be
unpublished. Prints the figures; exit 1 when an invariant is broken.

Run:  .venv/bin/python benchmarks/stress_kills.py --kills 50 --faults 0.3
(`tests/test_stress_kills.py`, marked slow, runs a shorter version in CI.) POSIX (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "stress-token"
HEADER = "Référence;Marque;Désignation;Qté;Prix TTC;TLD;Statut"


def write_export(path: Path, stock: dict[str, tuple[int, int]]) -> None:
    lines = [HEADER] + [f"{ref};TISSOT;MONTRE;{q};{p},00;;" for ref, (q, p) in sorted(stock.items())]
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    os.replace(tmp, path)


def damage(db: Path) -> None:
    """8 KB of garbage in the middle of the file, as a bad sector or a torn write leaves. The
    log left by the killed process is checkpointed first (as the next open would), so that its
    newer copies of those pages do not quietly mend them."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = os.urandom(8192)
    db.write_bytes(bytes(data))


def site_products(url: str) -> dict[str, dict]:
    import httpx

    out, cursor = {}, None
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        while True:
            r = client.get(f"{url}/api/v1/products", params={"cursor": cursor} if cursor else {})
            r.raise_for_status()
            body = r.json()
            out.update({p["reference"]: p for p in body["items"]})
            cursor = body.get("next_cursor")
            if not cursor:
                return out


def stress(
    *,
    kills: int = 50,
    refs: int = 400,
    faults: float = 0.3,
    seed: int = 13,
    work: Path | None = None,
    say: Callable[[str], None] = print,
) -> dict:
    """Run the stress; returns its figures and the broken invariants (`problems`)."""
    sys.path.insert(0, str(ROOT))
    from shopsync.config import load_settings, update_config
    from shopsync.site.sandbox.testing import (
        applied_counts,
        fault_counts,
        replay_count,
        start_sandbox_process,
        write_catalog,
    )

    rng = random.Random(seed)
    work = Path(work or tempfile.mkdtemp(prefix="shopsync-stress-"))
    names = [f"REF-{i:05d}" for i in range(refs)]
    catalog = write_catalog(
        work / "catalog.csv", [{"reference": r, "brand": "Tissot", "title": r} for r in names]
    )
    site, url = start_sandbox_process(
        work / "site", token=TOKEN, catalog=catalog, faults=faults, seed=seed,
        batch_limit=100,  # several batches per run (and 413s split by the engine)
        extra_args=["--slow-seconds", "0.5"],  # 'slow' faults: 0.5 s instead of 2 s
    )
    home = work / "home"
    export = home / "export" / "stock.csv"
    export.parent.mkdir(parents=True)
    load_settings(home)
    update_config(
        home,
        {"erp": {"path": str(export), "settle_seconds": 0}, "site": {"url": url},
         "rules": {"new_brands": "stock"}},
    )
    env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN)
    command = [sys.executable, "-m", "shopsync", "sync", "--once", "--home", str(home)]
    stock = {r: (1 + i % 3, 100 + i) for i, r in enumerate(names)}
    hidden: set[str] = set()
    figures: Counter[str] = Counter()
    durations: list[float] = []
    damage_at = kills // 2
    started = time.monotonic()
    try:
        write_export(export, stock)
        iteration = 0
        while figures["kills"] < kills:
            iteration += 1
            # Sales, restocks and price changes; now and then a handful of references leave
            # the export (fewer than the guard lets through) or come back.
            for ref in rng.sample(names, max(8, refs // 10)):
                q, p = stock[ref]
                stock[ref] = (rng.randrange(0, 5), p + rng.choice((0, 0, 1)))
            if rng.random() < 0.3:
                hidden = set(rng.sample(names, rng.randrange(0, 5)))
            write_export(export, {r: v for r, v in stock.items() if r not in hidden})
            # Kill points spread over a whole run (start-up, read, observe, each batch, the
            # retries' waits); one run in four is left to finish and gives the run length.
            typical = sorted(durations)[len(durations) // 2] if durations else 3.0
            delay = rng.uniform(0.1, 1.3) * typical if iteration % 4 else 600.0
            applied_before = sum(applied_counts(work / "site").values())
            t0 = time.monotonic()
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                code = proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                proc.stderr.close()
                figures["kills"] += 1
                if sum(applied_counts(work / "site").values()) > applied_before:
                    figures["kills_after_the_site_applied_some"] += 1
                if figures["kills"] == damage_at:
                    damage(home / "shopsync.db")
                    figures["damaged_after_kill"] = figures["kills"]
                continue
            err = proc.stderr.read().decode("utf-8", "replace")
            proc.stderr.close()
            durations.append(time.monotonic() - t0)
            figures[f"finished_exit_{code}"] += 1
            if "Traceback" in err:
                figures["tracebacks"] += 1
        # Let it converge: runs until one ends with nothing pending (faults may make several
        # end offline, exit 3, which is what they are for).
        last = {r: v for r, v in stock.items() if r not in hidden}
        final_runs: list[int] = []
        for _ in range(30):
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
            final_runs.append(done.returncode)
            if "Traceback" in done.stderr:
                figures["tracebacks"] += 1
            if done.returncode == 0:
                status = subprocess.run(
                    [sys.executable, "-m", "shopsync", "status", "--json", "--home", str(home)],
                    env=env, capture_output=True, text=True, timeout=120,
                )
                if '"pending": 0' in status.stdout:
                    break
        products = site_products(url)
        wrong = [
            r for r, (q, p) in last.items()
            if not products[r]["published"] or products[r]["quantity"] != q
            or products[r]["price"] != f"{p}.00"
        ]
        unpublished_held = [r for r in last if not products[r]["published"]]
        still_shown = [r for r in hidden if products[r]["published"]]
        counts = applied_counts(work / "site")
        twice = {k: n for k, n in counts.items() if n > 1}
        figures.update(
            seconds=round(time.monotonic() - started),
            applied=sum(counts.values()),
            replays=replay_count(work / "site"),
            damaged_files=sum(
                not p.name.endswith(("-wal", "-shm")) for p in home.glob("shopsync.db.damaged-*")
            ),
        )
        result = {
            "figures": dict(figures),
            "faults_injected": fault_counts(work / "site"),
            "final_runs": final_runs,
            "median_run_seconds": round(sorted(durations)[len(durations) // 2], 2) if durations else None,
            "problems": {
                "site_differs_from_last_export": wrong[:20],
                "unpublished_but_in_export": unpublished_held[:20],
                "not_in_export_but_published": sorted(still_shown)[:20],
                "applied_twice": list(twice.items())[:20],
                "tracebacks": figures["tracebacks"],
                "database_not_rebuilt": 0 if figures["damaged_files"] else 1,
            },
            "work": str(work),
        }
        say(_report(result))
        return result
    finally:
        site.terminate()
        site.wait(20)


def _report(result: dict) -> str:
    f = result["figures"]
    lines = [
        f"SIGKILLs: {f.get('kills', 0)} ({f.get('kills_after_the_site_applied_some', 0)} after the "
        f"site had applied part of that run; database damaged after kill "
        f"#{f.get('damaged_after_kill')}); "
        f"runs that ended before their kill: "
        + ", ".join(f"exit {k.rsplit('_', 1)[1]}: {n}" for k, n in sorted(f.items()) if k.startswith("finished_exit_")),
        f"faults injected by the sandbox: {result['faults_injected']}",
        f"converging runs (exit codes): {result['final_runs']}",
        f"applied {f.get('applied')} (reference, version) pairs, replays answered from the "
        f"idempotency record: {f.get('replays')}; damaged copies kept: {f.get('damaged_files')}",
        f"median sync --once: {result['median_run_seconds']} s; total {f.get('seconds')} s",
    ]
    broken = {k: v for k, v in result["problems"].items() if v}
    lines.append("invariants: all hold" if not broken else f"BROKEN: {broken}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--refs", type=int, default=400)
    parser.add_argument("--faults", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    result = stress(kills=args.kills, refs=args.refs, faults=args.faults, seed=args.seed)
    return 1 if any(result["problems"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
