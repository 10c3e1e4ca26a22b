"""`python -m shopsync.site.sandbox ...`: the sandbox without the rest of the CLI.

The same arguments and code as `shopsync sandbox` (both in `shopsync.site.sandbox.cli`); used to
start the sandbox as a separate process without importing any command module.
"""

import sys

from shopsync.errors import ShopSyncError
from shopsync.i18n import translate
from shopsync.site.sandbox import cli


def main(argv: list[str] | None = None) -> int:
    from shopsync.cli_parser import ShopSyncParser

    parser = ShopSyncParser(
        prog="python -m shopsync.site.sandbox", description=translate("Cli", cli.HELP)
    )
    cli.add_arguments(parser)
    try:
        return cli.run(parser.parse_args(argv))
    except ShopSyncError as exc:
        print(f"shopsync sandbox: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
