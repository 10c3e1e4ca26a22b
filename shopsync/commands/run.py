"""`shopsync run [--headless]`: the scheduler — as a service without a GUI, or in the tray app."""

from __future__ import annotations

import argparse
import logging
import threading
from typing import TYPE_CHECKING, Any

from shopsync.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from shopsync.config import Settings

log = logging.getLogger(__name__)

NAME = "run"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "synchroniser selon le planning (--headless : en service, sans fenêtre)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--headless",
        action="store_true",
        help=translate(
            "Cli", "sans application de barre des tâches : le planificateur seul (service)"
        ),
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=translate("Cli", "journal détaillé (débogage)")
    )


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from shopsync.commands.gui import start_gui

        return start_gui(args)
    from shopsync.commands._common import load

    return run_forever(load(args))


def run_forever(settings: Settings, *, stop: threading.Event | None = None) -> int:
    """Service mode: the scheduler alone until SIGINT/SIGTERM; one line per finished run."""
    import signal

    from shopsync.scheduler import SyncScheduler
    from shopsync.sync import messages

    stop = stop or threading.Event()

    from shopsync.update.policy import Action

    def on_event(event: str, data: dict[str, Any]) -> None:
        if event == "run_finished":
            print(messages.run_line(data["summary"]), flush=True)
        elif event == "update" and data.get("action") == Action.APPLY:
            stop.set()  # installed: the new version starts once this process has exited

    # The update round is the scheduler's "update" job, as in the tray app (one schedule).
    scheduler = SyncScheduler(settings, listener=on_event, update_round=update_round)

    def on_signal(signum: int, frame: object) -> None:  # noqa: ARG001
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
    scheduler.start()
    next_run = scheduler.next_run_time()
    if next_run:
        print(messages.service_started(next_run), flush=True)
    try:
        stop.wait()
    finally:
        scheduler.stop()
    return 0


def update_round(settings: Settings) -> object:
    """One signed-update round in service mode ([update] mode decides; never during a sync):
    the action decided, Action.APPLY when a new version was installed and this process must
    make way for it. Run by the scheduler's "update" job."""
    from shopsync.update.scheduled import tick

    return tick(settings, restart_args=("run", "--headless"))
