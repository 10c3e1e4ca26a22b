"""`python -m shopsync.site.sandbox ...`: the sandbox without the rest of the CLI.

The same arguments and code as `shopsync sandbox`; used to start the sandbox as a separate
process (crash tests) without importing every other command module.
"""

import argparse
import sys

from shopsync.commands import sandbox as command
from shopsync.errors import ShopSyncError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shopsync.site.sandbox", description=command.HELP
    )
    command.add_arguments(parser)
    try:
        return command.run(parser.parse_args(argv))
    except ShopSyncError as exc:
        print(f"shopsync sandbox: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
