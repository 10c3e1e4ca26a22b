"""`shopsync confirm`: release the unpublishing the guard held, for the next run."""

from __future__ import annotations

import argparse

NAME = "confirm"
HELP = "confirm the unpublishing held by the safety guard (carried out by the next sync)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import engine

    eng = engine(args)
    try:
        count = eng.confirm()
    finally:
        eng.close()
    print(f"{count} dépublications confirmées : la prochaine synchronisation les effectue.")
    return 0
