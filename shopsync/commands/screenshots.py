"""`shopsync screenshots DIR`: PNGs of the tray menu and every window, filled with demo data,
rendered offscreen (for the README, the shop's guide and reviews)."""

from __future__ import annotations

import argparse

NAME = "screenshots"
HELP = "render the tray menu and every window with demo data to PNG files (offscreen)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", metavar="DIR", help="where the PNG files go")
    parser.add_argument("--language", choices=["fr", "en"], default="fr")


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopsync.gui.screens import render

    for path in render(Path(args.out_dir), language=args.language):
        print(path)
    return 0
