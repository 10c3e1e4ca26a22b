"""`shopsync confirm`: release the unpublishing the guard held, for the next run."""

from __future__ import annotations

import argparse

NAME = "confirm"
HELP = "confirm the unpublishing held by the safety guard (carried out by the next sync)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import services
    from shopsync.i18n import translate

    with services(args) as svc:
        count = svc.held.confirm()
    print(
        translate(
            "Cli",
            "%n dépublication(s) confirmée(s) : la prochaine synchronisation les effectue.",
            None,
            count,
        )
    )
    return 0
