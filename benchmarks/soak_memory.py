"""Memory soak (issue 13): a real `shopsync run --headless` (service mode) or the tray app
(offscreen), a 5,000-line export rewritten with a few sales, hundreds of times; prints the
process's RSS every `--sample` exports and whether the site followed every export.

The export is rewritten as soon as the previous one was synced plus `--cadence` seconds
(default 0.5 s; the shop in the issue had 5 s: only the pace differs, each export is one run).

Run:  .venv/bin/python benchmarks/soak_memory.py --mode service --exports 300
      QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak_memory.py --mode tray --exports 300
Linux (RSS from /proc); prints numbers, asserts nothing, exit 1 when the site fell behind.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "soak-token"
RUN_LINE = re.compile(r"shopsync\.engine \[[^\]]*\] run \d+ \(")


def write_export(path: Path, qty: list[int]) -> None:
    lines = ["Référence;Marque;Désignation;Qté;Prix TTC;TLD;Statut"]
    lines += [f"REF-{i:05d};TISSOT;MONTRE {i};{q};{100 + i},00;;" for i, q in enumerate(qty)]
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    os.replace(tmp, path)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def finished_runs(log: Path) -> int:
    """Runs the engine logged as finished. Read from the log, not the database: a reader
    polling the database would hold WAL snapshots and change what is measured."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return 0
    return len(RUN_LINE.findall(text))


def wal_kb(db: Path) -> int:
    wal = Path(str(db) + "-wal")
    return wal.stat().st_size // 1024 if wal.exists() else 0


def site_quantities(url: str) -> dict[str, int]:
    import httpx

    out, cursor = {}, None
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        while True:
            r = client.get(f"{url}/api/v1/products", params={"cursor": cursor} if cursor else {})
            body = r.json()
            out.update({p["reference"]: p["quantity"] for p in body["items"]})
            cursor = body.get("next_cursor")
            if not cursor:
                return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("service", "tray"), default="service")
    parser.add_argument("--exports", type=int, default=300)
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--cadence", type=float, default=0.5, help="seconds between exports")
    parser.add_argument("--sample", type=int, default=25, help="print RSS every N exports")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from shopsync.config import load_settings, update_config
    from shopsync.site.sandbox.testing import start_sandbox_process, write_catalog

    work = Path(tempfile.mkdtemp(prefix="shopsync-soak-"))
    catalog = write_catalog(
        work / "catalog.csv",
        [{"reference": f"REF-{i:05d}", "brand": "Tissot", "title": f"M {i}"} for i in range(args.lines)],
    )
    site, url = start_sandbox_process(work / "site", token=TOKEN, catalog=catalog)
    home = work / "home"
    export = home / "export" / "stock.csv"
    export.parent.mkdir(parents=True)
    load_settings(home)
    update_config(
        home,
        {
            "erp": {"path": str(export), "settle_seconds": 0},
            "site": {"url": url},
            "rules": {"new_brands": "stock"},
            "schedule": {"interval_minutes": 60},
        },
    )
    rng = random.Random(13)
    qty = [1 + i % 3 for i in range(args.lines)]
    write_export(export, qty)
    command = [sys.executable, "-m", "shopsync", "run", "--home", str(home)]
    if args.mode == "service":
        command.append("--headless")  # without it, `shopsync run` is the tray app
    env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN, QT_QPA_PLATFORM="offscreen")
    errors = work / "app-stderr.txt"  # a file: a pipe nobody reads would fill and block
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors.open("wb"))
    db = home / "shopsync.db"
    log = home / "logs" / "shopsync.log"
    behind = 0
    try:
        deadline = time.monotonic() + 120
        while finished_runs(log) < 1:  # the start-up run
            if app.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"ShopSync did not start: {errors.read_text()[:3000]}")
            time.sleep(0.05)
        started = time.monotonic()
        print(f"mode={args.mode} lines={args.lines} cadence={args.cadence}s pid={app.pid}")
        print("exports  rss_MB  wal_KB  elapsed_s")
        print(f"{0:7d}  {rss_mb(app.pid):6.1f}  {wal_kb(db):6d}  {0:9.1f}", flush=True)
        for n in range(1, args.exports + 1):
            before = finished_runs(log)
            for _ in range(5):  # a few sales (and returns)
                qty[rng.randrange(args.lines)] = rng.randrange(0, 4)
            write_export(export, qty)
            deadline = time.monotonic() + 60
            while finished_runs(log) <= before:
                if app.poll() is not None:
                    raise SystemExit(f"ShopSync stopped ({errors}): {errors.read_text()[:3000]}")
                if time.monotonic() > deadline:
                    behind += 1
                    break
                time.sleep(0.02)
            if n % args.sample == 0:
                elapsed = time.monotonic() - started
                print(f"{n:7d}  {rss_mb(app.pid):6.1f}  {wal_kb(db):6d}  {elapsed:9.1f}", flush=True)
            time.sleep(args.cadence)
        # The site follows the last export (the watcher may merge two quick writes: compare
        # with the last one only).
        deadline = time.monotonic() + 60
        expected = {f"REF-{i:05d}": q for i, q in enumerate(qty)}
        while True:
            shown = site_quantities(url)
            wrong = sum(shown.get(k) != v for k, v in expected.items())
            if not wrong or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        print(f"site differs from the last export on {wrong} references; exports not synced "
              f"within 60 s: {behind}")
        return 1 if wrong else 0
    finally:
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
        site.terminate()
        site.wait(20)


if __name__ == "__main__":
    sys.exit(main())
