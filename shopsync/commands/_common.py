"""Helpers shared by command modules (stdlib only at import time)."""

from __future__ import annotations

import argparse

from shopsync.cli_parser import error_document, print_json

__all__ = ["error_document", "print_json"]  # the commands' `--json` output (cli_parser's)


def common_options(parser: argparse.ArgumentParser) -> None:
    """`--version` and `--home` on every command and sub-command (a person types them anywhere)."""
    from shopsync import __version__
    from shopsync.i18n import translate

    parser.add_argument(
        "--version",
        action="version",
        version=f"shopsync {__version__}",
        help=translate("Cli", "afficher la version et quitter"),
    )
    parser.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=translate(
            "Cli",
            "dossier de ShopSync (config.toml, shopsync.db, logs/) ; par défaut : "
            "$SHOPSYNC_HOME ou le dossier de données de l'utilisateur",
        ),
    )


def load(args: argparse.Namespace):
    """Settings for the home folder the command names, with logging set up there and the
    language the shop chose (`[ui] language`, else the system's) for what is printed."""
    from shopsync import i18n
    from shopsync.config import load_settings
    from shopsync.logs import setup_logging

    settings = load_settings(getattr(args, "home", None))
    setup_logging(settings.log_dir, verbose=getattr(args, "verbose", False))
    i18n.set_language(settings.ui.language)
    return settings


def services(args: argparse.Namespace):
    """The Qt-free services over the command's home folder (close it, or use `with`)."""
    from shopsync.services import Services

    return Services(load(args))


def engine(args: argparse.Namespace, **kwargs):
    from shopsync.engine import SyncEngine

    return SyncEngine(load(args), **kwargs)


def has_display() -> bool:
    """Whether a window can be shown here (Linux needs X11 or Wayland, unless Qt was told to
    render offscreen); without one, the tray app explains itself instead of aborting."""
    import os
    import sys

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def line_buffered_stdout() -> None:
    """Print each line as it is written, even into a pipe (`make demo | tee log`): a long
    command's output must not wait in a 8 KiB buffer until the command ends."""
    import contextlib
    import sys

    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a closed or replaced stdout
            reconfigure(line_buffering=True)
