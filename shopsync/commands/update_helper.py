"""`shopsync update-helper PLAN` (not for people): the Windows update helper's entry point.

Started by `update apply` (or the tray app) from a copy of the console program outside the
install folder (`shopsync/update/windows_apply.py` says why and what it does). Exit 0 when the
new version is installed, 2 when not (the reason is in the update state and the log).
"""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "update-helper"
HELP = "(internal) install a downloaded Windows update from outside the install folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", type=Path, help="plan.json written by `update apply`")


def run(args: argparse.Namespace) -> int:
    from shopsync.errors import EXIT_INPUT, EXIT_OK
    from shopsync.logs import setup_logging
    from shopsync.update.windows_apply import Plan, run_plan

    plan = Plan.load(args.plan)
    setup_logging(Path(plan.home) / "logs")
    return EXIT_OK if run_plan(plan) is None else EXIT_INPUT
