"""The tray app's entry point: `shopsync gui`, bare `shopsync`, and `shopsync demo`.

Order matters for a fast start: settings and logging, the QApplication, the single-instance
check (a second launch only wakes the first), translations, then the hub (scheduler + I/O
thread) and the tray. Windows are created on first use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)
START = time.perf_counter()


def needs_setup(settings) -> bool:  # noqa: ANN001
    """First run: nothing tells ShopSync where the stock is yet."""
    return not settings.erp.path


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="shopsync gui")
    parser.add_argument("--home", default=None)
    parser.add_argument("--minimized", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-tray", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(list(argv) if argv is not None else [])


def _install_excepthook() -> None:
    """No traceback reaches a person: log it, show one sentence."""

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        try:
            from PySide6.QtWidgets import QApplication

            from shopsync.gui.dialogs import message

            if QApplication.instance() is not None:
                message(None, "ShopSync", QApplication.translate(
                    "App", "Une erreur inattendue s'est produite ; le détail est dans le journal."
                ), warning=True)
        except Exception:  # noqa: BLE001
            pass

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    """Start the tray app; returns the process exit code (0 also for a second instance)."""
    from shopsync.config import load_settings
    from shopsync.errors import ShopSyncError
    from shopsync.logs import setup_logging

    args = _parse(argv)
    try:
        settings = load_settings(args.home)
    except ShopSyncError as exc:
        print(f"shopsync: {exc}", file=sys.stderr)
        return exc.exit_code
    setup_logging(settings.log_dir, verbose=args.verbose)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from shopsync.gui import i18n
    from shopsync.gui.single import SingleInstance

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "shopsync"])
    app.setApplicationName("ShopSync")
    app.setOrganizationName("ShopSync")
    app.setQuitOnLastWindowClosed(False)
    single = SingleInstance(settings.home)
    if not single.claim():
        print("ShopSync est déjà ouvert : sa fenêtre de statut a été affichée.")
        return 0
    _install_excepthook()
    i18n.install(settings.ui.language)

    from shopsync.gui.controller import AppController
    from shopsync.gui.hub import AppHub
    from shopsync.gui.icons import app_icon

    app.setWindowIcon(app_icon())
    hub = AppHub(settings)
    controller = AppController(hub, use_tray=False if args.no_tray else None)
    single.activated.connect(controller.show_status)
    hub.start(run_now=not needs_setup(settings))
    if needs_setup(settings):
        controller.show_wizard()
    elif not controller.has_tray or not args.minimized:
        controller.show_status()
    log.info("tray app ready in %.2f s", time.perf_counter() - START)
    ready_file = os.environ.get("SHOPSYNC_READY_FILE")  # benchmarks/bench_gui.py
    if ready_file:
        QTimer.singleShot(0, lambda: Path(ready_file).write_text(repr(time.time())))
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), controller.quit)
    try:
        return int(app.exec())
    finally:
        hub.shutdown()
        single.release()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
