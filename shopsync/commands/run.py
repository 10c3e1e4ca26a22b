"""`shopsync run [--headless]`: the scheduler — as a service without a GUI, or in the tray app."""

from __future__ import annotations

import argparse

NAME = "run"
HELP = "keep syncing on the schedule (--headless: service mode, no window)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--headless", action="store_true", help="no tray app: the scheduler alone (service mode)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from shopsync.commands.gui import start_gui

        return start_gui(args)
    from shopsync.commands._common import load
    from shopsync.scheduler import run_forever

    return run_forever(load(args))
