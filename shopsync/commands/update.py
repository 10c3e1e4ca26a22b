"""`shopsync update check|download|apply [--json]`: signed updates (TUF) from the site.

Exit codes: 0 up to date or done (also: an update is available), 2 refused or invalid
(bad signature, expired metadata, rollback, over the size limit, plain http off this machine,
a failed install), 3 repository unreachable. `--json` prints one line:
{"status": "up_to_date|available|refused|unreachable", "current": …, "latest": …, "reason": …}.
Only the standard library is imported here; TUF is imported in `run`.
"""

from __future__ import annotations

import argparse
import json
import sys

NAME = "update"
HELP = "Check for, download (verified) or install a signed ShopSync update."
ACTIONS = ("check", "download", "apply")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=ACTIONS,
        help="check: is a newer version offered; download: fetch and verify it; "
        "apply: install it and restart ShopSync",
    )
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout")


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.update import service

    settings = load(args)
    if args.action == "check":
        report = service.check(settings)
    elif args.action == "download":
        report, _release = service.download(settings)
    else:
        report = service.apply(settings)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False), flush=True)
    else:
        stream = sys.stdout if report.exit_code == 0 else sys.stderr
        print(f"shopsync: {report.sentence()}", file=stream, flush=True)
    return report.exit_code
