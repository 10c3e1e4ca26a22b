"""`shopsync screenshots DIR`: PNGs of the tray menu and every window, filled with demo data,
rendered offscreen (for the README, the shop's guide and reviews)."""

from __future__ import annotations

import argparse

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "screenshots"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "dessiner le menu et chaque fenêtre avec les données de démonstration en fichiers PNG (hors écran)",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument("out_dir", metavar="DIR", help=translate("Cli", "dossier des fichiers PNG"))
    parser.add_argument("--language", choices=["fr", "en"], default="fr")


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopsync.gui.screens import render

    for path in render(Path(args.out_dir), language=args.language):
        print(path)
    return 0
