"""`shopsync` command line: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from shopsync.cli_parser import ShopSyncParser, cli_text, error_document, print_json
from shopsync.commands import COMMAND_MODULES, LONG_RUNNING
from shopsync.commands._common import common_options, line_buffered_stdout
from shopsync.errors import EXIT_INPUT, EXIT_INTERNAL, ErrorCode, ShopSyncError


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` the one command the arguments start with.

    Importing and describing every command costs more than some commands' own work (`read`
    of a small export); a parser holding just the command asked for parses its arguments the
    same way, and the top-level usage line does not list commands (metavar COMMAND).
    """
    from shopsync.i18n import translate

    parser = ShopSyncParser(
        prog="shopsync",
        description=translate(
            "Cli", "Garde la boutique en ligne au niveau du stock de l'ERP du magasin."
        ),
    )
    common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if only is None else [only]:
        module = importlib.import_module(f"shopsync.commands.{name}")
        if only is not None and only != module.NAME:
            return build_parser()  # named otherwise than its module: describe them all
        help_text = cli_text(module.HELP)
        p = sub.add_parser(module.NAME, help=help_text, description=help_text)
        common_options(p)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _first_command(argv: Sequence[str] | None) -> str | None:
    """The command the arguments start with (`shopsync read stock.csv`), if they do."""
    words = sys.argv[1:] if argv is None else argv
    return words[0] if words and words[0] in COMMAND_MODULES else None


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; everything it prints passes through the one redaction policy (a
    site's 4xx body quoted in a summary may echo the token back)."""
    from shopsync.redaction import redacted_stdio

    with redacted_stdio():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # `--json` anywhere: whatever happens, stdout carries one JSON document (an error included,
    # a refused command line too); the person's words go to stderr.
    ShopSyncParser.json_wanted = "--json" in words
    parser = build_parser(_first_command(words))
    args = parser.parse_args(words)
    module = getattr(args, "_module", None)
    if module is None:  # bare `shopsync` starts the tray app
        args = parser.parse_args([*words, "gui"])
        module = args._module
    if module.NAME in LONG_RUNNING:
        line_buffered_stdout()
    as_json = bool(getattr(args, "json", False))
    try:
        code = int(module.run(args) or 0)
    except ShopSyncError as exc:
        return _failed(as_json, exc.code, exc.exit_code, str(exc))
    except KeyboardInterrupt:
        if as_json:
            print_json(error_document(ErrorCode.INTERRUPTED, 130, "interrupted"))
        return 130
    except OSError as exc:
        if exc.filename is None:
            return _internal_error(exc, as_json)
        # a path the person gave
        return _failed(as_json, ErrorCode.FILE, EXIT_INPUT, _file_problem(exc))
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback reaches a user
        return _internal_error(exc, as_json)
    if argv is None and getattr(module, "EXIT_WITHOUT_TEARDOWN", False):
        _exit_without_teardown(code)
    return code


def _failed(as_json: bool, code: str, exit_code: int, message: str) -> int:
    """An error a person can act on: their words on stderr; with `--json`, the same error as
    the one JSON document on stdout (English, whatever the shop's language)."""
    print(f"shopsync: {message}", file=sys.stderr)
    if as_json:
        from shopsync.i18n import english

        print_json(error_document(code, exit_code, english(message)))
    return exit_code


def _internal_error(exc: BaseException, as_json: bool = False) -> int:
    import logging

    logging.getLogger("shopsync").exception("internal error")
    from shopsync.i18n import arg, translate

    text = translate(
        "Cli", "erreur interne (%1) ; le détail est dans le journal (logs/shopsync.log)."
    )
    return _failed(as_json, ErrorCode.INTERNAL, EXIT_INTERNAL, arg(text, type(exc).__name__))


def _file_problem(exc: OSError) -> str:
    """A file or folder named on the command line or in the settings that the system refused
    (a folder that does not exist, a file where a folder is expected, no permission)."""
    import logging

    from shopsync.i18n import arg, translate

    logging.getLogger("shopsync").info("file refused: %r", exc)  # never on the terminal
    if isinstance(exc, FileNotFoundError):
        text = translate("Cli", "%1 : ce fichier ou son dossier n'existe pas")
    elif isinstance(exc, PermissionError):
        text = translate("Cli", "%1 : accès refusé par le système")
    elif isinstance(exc, FileExistsError | NotADirectoryError):
        text = translate("Cli", "%1 : un fichier est à la place d'un dossier attendu")
    else:
        text = translate("Cli", "%1 : le système refuse ce fichier (%2)")
    return arg(text, exc.filename, type(exc).__name__)


def _exit_without_teardown(code: int) -> None:
    """End the process now, as `sys.exit(code)` would, minus the interpreter's teardown.

    A command that built 10^5 objects (`read` of a large export keeps them on `args` for
    this) would otherwise spend a tenth of its run freeing them one by one just before
    exiting. Only for the command line itself (`main()` without argv, never in-process), and
    only when the exit has nothing else to do: no exit handler registered (or no way to
    tell), and both streams flushed. Otherwise this returns and the ordinary exit happens.
    """
    import atexit
    import os

    pending = getattr(atexit, "_ncallbacks", None)
    if pending is None or pending():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # let the ordinary exit report it as it always has
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
