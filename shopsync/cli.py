"""`shopsync` command line: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Sequence

from shopsync.commands import COMMAND_MODULES
from shopsync.commands._common import common_options
from shopsync.errors import EXIT_INTERNAL, ShopSyncError

log = logging.getLogger("shopsync")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shopsync",
        description="Keeps the shop's web store in step with the stock in its ERP.",
    )
    common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(f"shopsync.commands.{name}") is None:
            continue  # a command still being written in this checkout
        module = importlib.import_module(f"shopsync.commands.{name}")
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        common_options(p)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module = getattr(args, "_module", None)
    if module is None:  # bare `shopsync` starts the tray app
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
        module = args._module
    try:
        return int(module.run(args) or 0)
    except ShopSyncError as exc:
        print(f"shopsync: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback reaches a user
        log.exception("internal error")
        print(
            f"shopsync: erreur interne ({type(exc).__name__}); le détail est dans le journal "
            "(logs/shopsync.log).",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
