"""Hostile sites against `shopsync sync --once`: exit code, peak memory, time, requests.

    .venv/bin/python benchmarks/bench_hostile.py                  # this checkout
    .venv/bin/python benchmarks/bench_hostile.py --src /path/old  # another checkout ("before")

Each behaviour is a small server on 127.0.0.1 (tests/net/hostile.py) that answers the catalogue
(or the health check) the way a platform bug, a broken proxy or an attacker would. Each run is a
separate process measured with os.wait4 (its own peak RSS) and killed after --timeout seconds
(a run that never ends shows as "killed"). `--src` runs another checkout's code with this
checkout's virtualenv (PYTHONPATH first), to measure the code before a change.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.net import hostile  # noqa: E402
from tests.shop_fixtures import TOKEN, write_export  # noqa: E402

ROWS = [("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", "")]


def behaviours() -> dict[str, dict]:
    bomb = hostile.gzip_bomb()
    return {
        "400 MB catalogue page": {"/api/v1/catalog": hostile.huge_page(400 << 20)},
        "endless chunked catalogue": {
            "/api/v1/catalog": lambda h: hostile.endless_chunked(h, seconds=90)
        },
        "1 GB gzip bomb (catalogue)": {"/api/v1/catalog": hostile.gzip_answer(bomb)},
        "JSON 100,000 deep": {
            "/api/v1/catalog": hostile.raw_answer(b"[" * 100_000 + b"]" * 100_000)
        },
        "a new cursor on every page": {"/api/v1/catalog": hostile.endless_cursors()},
        "health headers, 1 byte / 0.5 s": {
            "/api/v1/health": hostile.drip(0.5, in_headers=True, seconds=90)
        },
    }


def run_one(src: Path | None, routes: dict, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp, hostile.HostileSite(routes) as site:
        home = Path(tmp) / "home"
        export = home / "export" / "stock.csv"
        export.parent.mkdir(parents=True)
        write_export(export, ROWS)
        config = (
            f'[erp]\npath = "{export}"\nsettle_seconds = 0\n\n[site]\nurl = "{site.url}"\n'
        )
        (home / "config.toml").write_text(config, encoding="utf-8")
        env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN, "LANG": "C"}
        if src is not None:
            env["PYTHONPATH"] = str(src)
        started = time.monotonic()
        measured = home / "measured.json"
        with open(home / "out.txt", "wb") as out, open(home / "err.txt", "wb") as err:
            proc = subprocess.Popen(  # measured by a small wrapper: tests/net/measure.py
                [sys.executable, str(ROOT / "tests" / "net" / "measure.py"), str(measured), "--",
                 sys.executable,
                 "-m", "shopsync", "sync", "--once", "--json", "--home", str(home)],
                stdout=out, stderr=err, env=env, cwd=tmp, start_new_session=True,
            )
            killed = threading.Event()

            def kill() -> None:  # the wrapper and the sync it runs
                killed.set()
                os.killpg(proc.pid, signal.SIGKILL)

            timer = threading.Timer(timeout, kill)
            timer.start()
            _, status, _usage = os.wait4(proc.pid, 0)
            timer.cancel()
        elapsed = time.monotonic() - started
        err_text = (home / "err.txt").read_text(errors="replace")
        out_lines = (home / "out.txt").read_text(errors="replace").strip().splitlines()
        message = ""
        if out_lines:
            try:
                message = json.loads(out_lines[-1]).get("message", "")
            except ValueError:
                message = out_lines[-1]
        if "Traceback" in err_text or "MemoryError" in err_text or "RecursionError" in err_text:
            message = (message + " | " + err_text.strip().splitlines()[-1])[-160:]
        return {
            "exit": "killed" if killed.is_set() else os.waitstatus_to_exitcode(status),
            "peak_mb": json.loads(measured.read_text())["peak_mb"] if measured.exists() else 0,
            "seconds": elapsed,
            "requests": len(site.requests),
            "batches": len(site.batches),
            "message": message[:160],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, help="another checkout to measure")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", help="run the behaviours whose name contains this")
    args = parser.parse_args()
    print("| behaviour | exit | peak RSS | time | requests | batches sent | says |")
    print("|---|---|---|---|---|---|---|")
    for name, routes in behaviours().items():
        if args.only and args.only not in name:
            continue
        r = run_one(args.src, routes, args.timeout)
        print(
            f"| {name} | {r['exit']} | {r['peak_mb']:.0f} MB | {r['seconds']:.1f} s | "
            f"{r['requests']} | {r['batches']} | {r['message']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
