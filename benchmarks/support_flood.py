"""Support requests a hostile site floods a service with: what a shop PC does in a fixed time.

Why: issue 18 measured main against such sites (774 full runs in 40 s; 212 diagnostics zips in
45 s; 300 outstanding requests carried out again at every heartbeat). This replays the three
floods against `shopsync run --headless` (heartbeat every second) and prints what the PC did,
with the service's peak memory. `--shopsync` picks the executable, so the same script measures
another checkout (read-only: only a temporary home folder is written).

    .venv/bin/python benchmarks/support_flood.py [--seconds 40] [--shopsync PATH] [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_site import hostile_site  # noqa: E402
from shop_fixtures import Shop  # noqa: E402

ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
]


def full_reconcile_every_heartbeat(state) -> None:
    state.requests = lambda n: [{"id": f"fr-{n}", "kind": "full_reconcile", "created_at": None}]


def thousand_diagnostics(state) -> None:
    listed = [{"id": f"diag-{i:04d}", "kind": "diagnostics", "created_at": None} for i in range(1000)]
    state.requests = lambda _n: [r for r in listed if r["id"] not in state.acked]


def three_hundred_outstanding(state) -> None:
    listed = [{"id": f"p-{i:03d}", "kind": "pause" if i % 2 else "resume", "created_at": None}
              for i in range(300)]
    state.requests = lambda _n: listed  # listed again after their acknowledgement


FLOODS = {
    "full_reconcile": full_reconcile_every_heartbeat,
    "diagnostics_1000": thousand_diagnostics,
    "outstanding_300": three_hundred_outstanding,
}


def run(name: str, seconds: float, shopsync: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="shopsync-flood-") as tmp, hostile_site() as (url, state):
        shop = Shop(Path(tmp) / "home", url)
        shop.configure(site={"heartbeat": "1s"}, schedule={"interval_minutes": 60, "watch": False})
        shop.write(ROWS)
        FLOODS[name](state)
        env = {**os.environ, "SHOPSYNC_SITE_TOKEN": "flood-token-9d3e1c"}
        started = time.monotonic()
        agent = subprocess.Popen(
            [shopsync, "run", "--headless", "--home", str(shop.home)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        try:
            agent.wait(seconds)
        except subprocess.TimeoutExpired:
            agent.send_signal(signal.SIGTERM)
            agent.wait(60)
        elapsed = time.monotonic() - started
        db = sqlite3.connect(shop.home / "shopsync.db")
        try:
            full_runs = db.execute("SELECT COUNT(*) FROM runs WHERE trigger = 'support'").fetchone()[0]
        finally:
            db.close()
        done = [rid for rid, ack in state.acks if ack.get("outcome") == "done"]
        # carried out: the service logs "support request <id>: <kind>" as it starts each one
        log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8", errors="replace")
        carried = re.findall(r"support request '?([\w-]+)'?: (?:pause|resume|full_reconcile|diagnostics)$",
                             log, re.MULTILINE)
        return {
            "flood": name,
            "seconds": round(elapsed, 1),
            "heartbeats": len(state.heartbeats),
            "full_runs": full_runs,
            "zips": len(state.diagnostics),
            "acks": len(state.acks),
            "acked_done": len(done),
            "carried_out": len(carried),
            "carried_out_again": len(carried) - len(set(carried)),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--shopsync", default=str(Path(sys.executable).with_name("shopsync")))
    parser.add_argument("--only", choices=sorted(FLOODS))
    args = parser.parse_args()
    for name in [args.only] if args.only else list(FLOODS):
        result = run(name, args.seconds, args.shopsync)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(" ".join(f"{k}={v}" for k, v in result.items()), f"peak_rss_mb(children so far)={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
