"""Read only what changed (issue 20): a 4D ERP of 20,000 pieces behind a one-licence REST server,
before (the whole data class read at every run) and after (`[schedule] poll`, the global stamp).

Prints, for `shopsync run --headless` as a shop runs it:
- requests and entities per idle minute (what the connector costs the shop's till while nothing
  changes),
- time from a changed quantity in the ERP to the site (median and worst of 20),
- time from a deleted record to the product unpublished (median and worst of 5),
- licences held while idle and after the service exits,
- how often the whole read that follows found something the increments had missed.

And for files (`--files`): a 200,000-line export rewritten with the same content, and with one
line changed (a sale), through a whole `run_once` in a running engine, against one SHA-256 of
the file and one parse of it: does a small change need a parser of only what changed?

"Before" is measured on the same stand-in through the reader every run used before issue 20
(`erp.read_export`: every page of the data class), once; its per-minute figures are that read
spread over the default `interval_minutes = 5`, and its latency is the wait for the next
interval (uniform over 0-5 min: median 2.5 min, worst 5 min) plus the measured run.

    .venv/bin/python benchmarks/bench_delta.py [--pieces 20000] [--poll 5s] [--changes 20]
                                               [--idle 60]

Long (a few minutes): outside the test suite; `tests/test_delta_service.py` checks the same
properties on 2,000 pieces in seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from erp.fourd_service import ATTRIBUTES, TOKEN, Service  # noqa: E402
from erp.fourd_standin import PASSWORD, Server4D, pieces, running  # noqa: E402

INTERVAL_MINUTES = 5.0  # the default [schedule] interval_minutes


def before(count: int, work: Path) -> dict[str, float]:
    """One whole read as every run made it before issue 20, measured at the stand-in."""
    from shopsync.erp import fourd_rest, read_export

    os.environ["SHOPSYNC_4D_PASSWORD"] = PASSWORD
    store = Server4D(pieces(count), licences=1)
    with running(store) as url:
        profile = work / "before.toml"
        profile.write_text(
            f'[source]\ntype = "4d-rest"\nurl = "{url}"\ndata_class = "Article"\nuser = "web"\n'
            f'attributes = {ATTRIBUTES}\npage_size = 500\n[columns]\nbrand = "marque.nom"\n',
            encoding="utf-8")
        start = time.perf_counter()
        result = read_export(None, profile)
        seconds = time.perf_counter() - start
        requests, entities, sent = len(store.requests), store.entities_sent, store.bytes_sent
        held = store.licences_held()
        fourd_rest.close_sessions()
    assert len(result.lines) == count
    return {"requests": requests, "entities": entities, "bytes": sent, "seconds": seconds,
            "licences": held}


def after(count: int, poll: str, changes: int, idle_seconds: float, work: Path) -> dict:
    service = Service(work, count, poll=poll, licences=1)
    out: dict = {}
    try:
        out["startup"] = service.start(timeout=900)
        idle = service.idle(idle_seconds)
        out["idle_requests"], out["idle_entities"] = idle.per_minute()
        out["idle_bytes"] = idle.bytes * 60 / idle.seconds
        out["licences_idle"] = service.store.licences_held()
        rng = random.Random(20)
        latencies = []
        for n in range(changes):
            key = rng.randrange(1, count + 1)
            seen = service.product(f"4D-{key:05d}").get("quantity")
            quantity = 7 if seen != 7 else 3
            at = time.strftime("%H:%M:%S")
            latency = service.change_latency(key, quantity)
            if latency is None:
                raise SystemExit(f"change {n + 1}: the site never showed it")
            latencies.append(latency)
            print(f"  change {n + 1:2d} at {at}: {key} -> {quantity} on the site after "
                  f"{latency:.2f} s", flush=True)
            time.sleep(rng.uniform(0, 5))  # sales fall anywhere in the poll's cycle
        out["change"] = latencies
        deletions = []
        for key in rng.sample(range(1, count + 1), 5):
            gone = service.delete_latency(key)
            if gone is None:
                raise SystemExit("a deleted record was never unpublished")
            deletions.append(gone)
            time.sleep(rng.uniform(0, 5))
        out["delete"] = deletions
        out["logins"] = service.store.logins
        out["max_licences"] = service.store.max_licences_held
        out["exit"] = service.stop()
        out["licences_after"] = service.store.licences_held()
        out["reconcile"] = reconcile(work / "home")  # the stand-ins still serve
    finally:
        service.close()
    return out


def reconcile(home: Path) -> str:
    """The whole read a nightly run makes (`sync --once --full`), after the increments."""
    env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN, SHOPSYNC_4D_PASSWORD=PASSWORD)
    done = subprocess.run(
        [sys.executable, "-m", "shopsync", "sync", "--once", "--full", "--json", "--home", str(home)],
        capture_output=True, text=True, env=env, timeout=600)
    import json

    from shopsync.store.db import open_db
    from shopsync.store.meta import get_meta

    db = open_db(home / "shopsync.db")
    try:
        tally = json.loads(get_meta(db, "erp_reconcile") or "{}")
    finally:
        db.conn.close()
    return (f"exit {done.returncode}; whole reads {tally.get('reads', 0)}, found a miss "
            f"{tally.get('found', 0)} times ({tally.get('lines_missed', 0)} lines)")


def files(n: int, work: Path) -> None:
    """A large export rewritten unchanged, then with one sale, in a running engine."""
    import hashlib

    from bench_engine import write_export

    from shopsync.config import load_settings, update_config
    from shopsync.engine import SyncEngine
    from shopsync.erp import read_export
    from shopsync.site.sandbox.testing import running_sandbox, write_catalog
    from shopsync.sync.read import file_hash

    home = work / "files-home"
    catalog = write_catalog(work / "files-catalog.csv", [
        {"reference": f"REF-{i:06d}", "brand": "Tissot"} for i in range(2000)])
    with running_sandbox(work / "files-site", token=TOKEN, catalog=catalog) as url:
        os.environ["SHOPSYNC_SITE_TOKEN"] = TOKEN
        export = work / "stock.csv"
        write_export(export, n)
        load_settings(home)
        update_config(home, {"erp": {"path": str(export), "settle_seconds": 0},
                             "site": {"url": url}, "rules": {"new_brands": "stock"}})
        engine = SyncEngine(load_settings(home))
        engine.run_once("bench")
        size = export.stat().st_size / 1e6

        def timed(fn) -> float:  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            fn()
            return time.perf_counter() - start

        hashing = statistics.median(timed(lambda: file_hash(export)) for _ in range(5))
        parsing = statistics.median(timed(lambda: read_export(export)) for _ in range(3))
        same = []
        for _ in range(5):
            write_export(export, n)  # rewritten by the ERP, same bytes, new date
            same.append(timed(lambda: engine.run_once("bench")))
        sale = []
        for k in range(5):
            write_export(export, n, changed=k + 1)  # one more piece sold each time
            sale.append(timed(lambda: engine.run_once("bench")))
        digest = hashlib.sha256(export.read_bytes()).hexdigest()[:12]
        engine.close()
    print(f"files: {n:,}-line export ({size:.1f} MB, sha256 {digest}...)")
    print(f"  one SHA-256 of the file: {hashing * 1000:.0f} ms; one parse: {parsing:.2f} s")
    print(f"  rewritten, same content: whole run_once median {statistics.median(same) * 1000:.0f} ms"
          f" (worst {max(same) * 1000:.0f} ms)")
    print(f"  one line changed (a sale): whole run_once median {statistics.median(sale):.2f} s"
          f" (worst {max(sale):.2f} s), of which the parse is {parsing:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pieces", type=int, default=20_000)
    parser.add_argument("--poll", default="5s")
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--idle", type=float, default=60.0, help="seconds of idle measured")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the homes, logs and sites in this folder (default: a temporary one)")
    parser.add_argument("--files", type=int, default=0, metavar="LINES",
                        help="measure files only: an export of LINES lines (e.g. 200000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-delta-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.files:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            files(args.files, work)
            print(f"rerun: .venv/bin/python benchmarks/bench_delta.py --files {args.files}")
            return 0
        old = before(args.pieces, work)
        new = after(args.pieces, args.poll, args.changes, args.idle, work / "after")
    change, delete = new["change"], new["delete"]
    wait = INTERVAL_MINUTES * 60
    print(f"4D ERP, {args.pieces} pieces, one-licence server; shopsync run --headless")
    print(f"{'':34}{'before (whole read / 5 min)':>30}{'after (poll ' + args.poll + ')':>22}")
    print(f"{'requests per idle minute':34}{old['requests'] / INTERVAL_MINUTES:>30.1f}"
          f"{new['idle_requests']:>22.1f}")
    print(f"{'entities per idle minute':34}{old['entities'] / INTERVAL_MINUTES:>30.0f}"
          f"{new['idle_entities']:>22.0f}")
    print(f"{'bytes from the ERP per idle minute':34}{old['bytes'] / INTERVAL_MINUTES:>30.0f}"
          f"{new['idle_bytes']:>22.0f}")
    print(f"{'changed quantity -> site, median':34}{wait / 2 + old['seconds']:>29.1f}s"
          f"{statistics.median(change):>21.2f}s")
    print(f"{'changed quantity -> site, worst':34}{wait + old['seconds']:>29.1f}s"
          f"{max(change):>21.2f}s")
    print(f"{'deleted record -> unpublished':34}{wait / 2 + old['seconds']:>29.1f}s"
          f"{statistics.median(delete):>17.2f}s med"
          f" / {max(delete):.2f}s worst")
    print(f"{'licences held idle / after exit':34}{old['licences']:>28} / -"
          f"{new['licences_idle']:>18} / {new['licences_after']}")
    print(f"(before: one whole read = {old['requests']} requests, {old['entities']} entities, "
          f"{old['seconds']:.1f} s; after: startup {new['startup']:.0f} s, {new['logins']} login(s), "
          f"at most {new['max_licences']} licence(s) held; service exit code {new['exit']})")
    print(f"reconcile after the run: {new['reconcile']}")
    print("rerun: .venv/bin/python benchmarks/bench_delta.py "
          f"--pieces {args.pieces} --poll {args.poll} --changes {args.changes} --idle {args.idle:g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
