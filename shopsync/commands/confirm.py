"""`shopsync confirm`: release the unpublishing the guard held, for the next run."""

from __future__ import annotations

import argparse

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "confirm"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "confirmer les dépublications retenues par la sécurité (la prochaine synchronisation les effectue)",
)


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
