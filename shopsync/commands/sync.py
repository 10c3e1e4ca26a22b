"""`shopsync sync --once [--dry-run] [--full] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "sync"
HELP = "run one sync: read the ERP export, upload what changed to the site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true", help="one run, then exit (the default)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change, send nothing")
    parser.add_argument("--full", action="store_true", help="re-read everything (nightly reconcile)")
    parser.add_argument("--json", action="store_true", help="end with one JSON object on stdout")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import engine
    from shopsync.sync.vocab import Trigger

    eng = engine(args)
    try:
        summary = eng.run_once(Trigger.CLI, dry_run=args.dry_run, full=args.full, wait_lock=60)
    finally:
        eng.close()
    for error in summary.errors[:50]:
        print(error, file=sys.stderr)
    print(summary.human())
    if summary.dry_run and summary.plan and not args.json:
        from shopsync.sync.messages import plan_line

        for kind, refs in summary.plan.items():
            if refs:
                print(plan_line(kind, refs))
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    return summary.exit_code
