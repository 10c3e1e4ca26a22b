"""Size of the frozen bundle (dist/shopsync) by top-level entry, largest first.

Why: the installer's size is a budget (issue 8: at most 200 MB on Linux), and the cheapest way
to keep it is to see at once what a new dependency or an untrimmed Qt plugin added. Reads an
existing bundle (`make dist` builds one); prints a note and exits 0 when there is none, so that
`make bench` works on a fresh checkout.

    .venv/bin/python benchmarks/bench_bundle.py [BUNDLE_DIR] [--top N]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MB = 200


def sizes(bundle: Path) -> tuple[int, dict[str, int], dict[str, int]]:
    """Total bytes, bytes per top-level entry, bytes per Qt subfolder (lib, plugins/<type>...)."""
    total = 0
    per_top: dict[str, int] = {}
    per_qt: dict[str, int] = {}
    internal = bundle / "_internal"
    for dirpath, _dirs, files in os.walk(bundle):
        for name in files:
            path = Path(dirpath, name)
            size = path.lstat().st_size  # a symlink counts as a link, as on disk
            total += size
            rel = path.relative_to(internal if internal in path.parents else bundle)
            per_top[rel.parts[0]] = per_top.get(rel.parts[0], 0) + size
            if rel.parts[0] == "PySide6":
                key = "/".join(rel.parts[1:-1][:3]) or "(Python bindings)"
                per_qt[key] = per_qt.get(key, 0) + size
    return total, per_top, per_qt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "shopsync")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}: run `make dist` first (nothing measured)")
        return 0
    total, per_top, per_qt = sizes(args.bundle)
    print(f"bundle {args.bundle}: {total / 1e6:.1f} MB (budget {BUDGET_MB} MB)")
    for name, size in sorted(per_top.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {size / 1e6:7.1f} MB  {name}  ({100 * size / total:.0f}%)")
    if per_qt:
        print("PySide6 by folder:")
        for name, size in sorted(per_qt.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"  {size / 1e6:7.1f} MB  PySide6/{name}")
    return 0 if total <= BUDGET_MB * 1_000_000 else 1


if __name__ == "__main__":
    sys.exit(main())
