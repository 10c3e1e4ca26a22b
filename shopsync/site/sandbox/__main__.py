"""`python -m shopsync.site.sandbox ...`: the sandbox without the rest of the CLI.

The same arguments as `shopsync sandbox`; used to start the sandbox as a separate process
(crash tests) without importing every other command module.
"""

import argparse
import sys

from shopsync.commands import sandbox as command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shopsync.site.sandbox", description=command.HELP)
    command.add_arguments(parser)
    return command.run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
