"""`shopsync gui` (and bare `shopsync`): the tray app. The GUI toolkit is imported only here,
inside `run`, so that every other command stays light."""

from __future__ import annotations

import argparse

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "gui"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "démarrer l'application de la barre des tâches (par défaut sans commande)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--minimized",
        action="store_true",
        help=translate("Cli", "démarrer dans la barre des tâches sans ouvrir de fenêtre"),
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=translate("Cli", "journal détaillé (débogage)")
    )


def start_gui(args: argparse.Namespace) -> int:
    from shopsync.gui.app import main

    argv: list[str] = []
    home = getattr(args, "home", None)
    if home:
        argv += ["--home", str(home)]
    if getattr(args, "minimized", False):
        argv.append("--minimized")
    if getattr(args, "verbose", False):
        argv.append("--verbose")
    return main(argv)


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import has_display
    from shopsync.errors import ConfigError

    if not has_display():
        raise ConfigError(
            "pas d'écran ici (ni DISPLAY ni WAYLAND_DISPLAY) : l'application de la barre des "
            "tâches ne peut pas s'ouvrir. Pour synchroniser sans écran : shopsync run --headless"
        )
    return start_gui(args)
