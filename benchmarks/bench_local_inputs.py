"""Hostile settings and local files against `shopsync sync --once` and `shopsync read`: exit
code, peak memory, time, lines printed, and how many of 4 published products are still
published on the sandbox afterwards (issue 18).

    .venv/bin/python benchmarks/bench_local_inputs.py                  # this checkout
    .venv/bin/python benchmarks/bench_local_inputs.py --src /work/main # another one ("before")

Settings cases: a shop synced 4 products, its export then keeps 1 (three unpublishings, which a
sound guard holds) and its [guard] is set to the value shown. File cases: the export path is
set to the file shown. Each run is its own process measured with os.wait4 (its own peak RSS)
and killed after --timeout seconds; its address space is capped at 4 GB (the old code read
/dev/zero until memory ran out). `--src` runs another checkout's code with this checkout's
virtualenv (PYTHONPATH first; no bytecode written there).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import httpx  # noqa: E402

from tests.erp.hostile_files import write_many_rows_xlsx  # noqa: E402
from tests.shop_fixtures import CATALOG, TOKEN, write_catalog_rows, write_export  # noqa: E402
from tests.test_sync_e2e import ROWS  # noqa: E402

REFS = ["T120.417.17.041.00", "T137.407.11.041.00", "F20560/1", "590702HV-16"]


MEMORY_CAP = 4 * 1024**3  # address space per run: /dev/zero read whole must not take the machine


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(args: list[str], env: dict, timeout: float) -> dict:
    """`python -m shopsync ARGS`, from the checkout being measured: `-m` puts the working
    folder first on sys.path, before PYTHONPATH and the virtualenv's editable install."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "shopsync", *args], stdout=out, stderr=err,
                                env=env, preexec_fn=_cap_memory, cwd=env.get("PYTHONPATH", ROOT))
        killed = threading.Event()
        timer = threading.Timer(timeout, lambda: (killed.set(), proc.kill()))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        said = (out.read() + err.read()).decode("utf-8", "replace").splitlines()
    return {
        "exit": "killed" if killed.is_set() else proc.returncode,
        "peak_mb": usage.ru_maxrss / 1024,
        "seconds": time.monotonic() - started,
        "lines": len(said),
        "said": next((s for s in said if s.strip()), "")[:150],
    }


def published(url: str) -> int:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    return sum(
        httpx.get(f"{url}/api/v1/products/{quote(r, safe='')}", headers=auth).json()["published"]
        for r in REFS
    )


def config(home: Path, url: str, export: Path, guard: str) -> None:
    (home / "config.toml").write_text(
        f'[erp]\npath = "{export}"\nsettle_seconds = 0\n\n[site]\nurl = "{url}"\n\n'
        f'[rules]\nnew_brands = "stock"\n\n[guard]\n{guard}\n',
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, help="another checkout to measure (its shopsync/)")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    opts = parser.parse_args()
    from shopsync.site.sandbox.testing import running_sandbox

    env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN, "LANG": "C"}
    if opts.src is not None:
        env["PYTHONPATH"] = str(opts.src.resolve())
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    sound = "min_unpublish_count = 1\nmax_unpublish_share = 0.2"
    with tempfile.TemporaryDirectory(prefix="bench-local-") as tmp:
        root = Path(tmp)
        sparse = root / "sparse.csv"
        with sparse.open("wb") as handle:
            handle.truncate(2 * 1024**3)
        fifo = root / "fifo.csv"
        os.mkfifo(fifo)
        big = write_many_rows_xlsx(root / "big.xlsx", 2_000_000)
        cases: dict[str, tuple[str, Path | None]] = {
            "[guard] max_unpublish_share = 20": ("min_unpublish_count = 1\nmax_unpublish_share = 20", None),
            "share = 5.0, min_unpublish_count = -1": ("min_unpublish_count = -1\nmax_unpublish_share = 5.0", None),
            "[guard] max_unpublish_share = nan": ("min_unpublish_count = 1\nmax_unpublish_share = nan", None),
            "export: 2 GB sparse file": (sound, sparse),
            "export: /dev/zero": (sound, Path("/dev/zero")),
            "export: a FIFO": (sound, fifo),
            "export: XLSX of 2M rows (1 MB)": (sound, big),
        }
        print(f"{'case':40} {'command':14} {'exit':>7} {'peak MB':>8} {'s':>6} {'lines':>8}  published  first line")
        for name, (guard, hostile) in cases.items():
            if opts.only not in name:
                continue
            case = root / f"case{len(list(root.glob('case*')))}"
            case.mkdir()
            catalog = write_catalog_rows(case / "catalog.csv", CATALOG)
            with running_sandbox(case / "site", token=TOKEN, catalog=catalog) as url:
                home = case / "home"
                home.mkdir()
                export = write_export(case / "stock.csv", ROWS)
                config(home, url, export, sound)
                first = run(["sync", "--once", "--home", str(home)], env, opts.timeout)
                assert first["exit"] == 0, first
                if hostile is None:
                    write_export(export, ROWS[:1])
                    config(home, url, export, guard)
                else:
                    config(home, url, hostile, guard)
                result = run(["sync", "--once", "--home", str(home)], env, opts.timeout)
                after = published(url)
            print(f"{name:40} {'sync --once':14} {result['exit']!s:>7} {result['peak_mb']:8.0f} "
                  f"{result['seconds']:6.1f} {result['lines']:8}  {after}/4        {result['said']}")
            if hostile is not None:
                result = run(["read", str(hostile), "--home", str(case / "read-home")], env, opts.timeout)
                print(f"{name:40} {'read':14} {result['exit']!s:>7} {result['peak_mb']:8.0f} "
                      f"{result['seconds']:6.1f} {result['lines']:8}  -          {result['said']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
