"""The tray app's entry point: `shopsync gui`, bare `shopsync`, and `shopsync demo`.

Order matters for a fast start: settings and logging, the QApplication, the single-instance
check (a second launch only wakes the first), translations, then the hub (scheduler + I/O
thread) and the tray. Windows are created on first use.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from shopsync import __version__

log = logging.getLogger(__name__)
START = time.perf_counter()
# `--minimized` (the login autostart) often runs before the desktop's panel: wait this long for
# a system tray before falling back to the status window.
TRAY_GRACE_MS = 10_000


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


def _quit_on_signals(quit_app: Callable[[], None]) -> Callable[[], None]:
    """SIGINT (Ctrl-C where `shopsync demo` was typed), SIGTERM (logout, `kill`) and SIGHUP (the
    terminal closed) quit like the menu's Quitter: the hub stops, exit code 0.

    Qt's event loop runs no Python code by itself, so a Python signal handler would wait for
    the next slot (and a KeyboardInterrupt raised there crashed PySide6 6.12 with SIGSEGV). The
    signal also writes to a socket that Qt watches, which runs the handler at once. A signal
    ignored at start (nohup, a background job) stays ignored. Returns the undo."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier, QTimer

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        old_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except (ValueError, OSError):  # not the main thread (a test harness): leave signals alone
        reader.close()
        writer.close()
        return lambda: None

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %s: quitting", signum)
        QTimer.singleShot(0, quit_app)

    previous: dict[int, object] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        current = signal.getsignal(sig)
        if current is signal.SIG_IGN:
            continue
        previous[sig] = current
        signal.signal(sig, on_signal)

    def drain() -> None:
        with contextlib.suppress(OSError):
            while reader.recv(512):
                pass

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_a: drain())

    def undo() -> None:
        notifier.setEnabled(False)
        notifier.deleteLater()
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(old_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        reader.close()
        writer.close()

    return undo


def _show_status_unless_a_tray_comes(controller, grace_ms: int) -> None:  # noqa: ANN001
    """`--minimized` without a tray yet: give the panel `grace_ms` to start, then show the status
    window so that the app is never running unseen."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock = QElapsedTimer()
    clock.start()
    timer = QTimer(controller)
    timer.setInterval(250)

    def check() -> None:
        if controller.has_tray:
            timer.stop()
            log.info("system tray available after %d ms", clock.elapsed())
            controller.tray.refresh()  # the balloon held back while there was no tray
        elif clock.elapsed() >= grace_ms:
            timer.stop()
            log.info("no system tray after %d ms: showing the status window", clock.elapsed())
            controller.show_status()

    timer.timeout.connect(check)
    timer.start()


def _tell_update_outcome(controller, home: Path) -> None:  # noqa: ANN001
    """At start: "Mise à jour 0.1.1 installée", why an update was not installed, or that the
    files on disk are newer than what ran last (an IT provider's silent upgrade)."""
    from shopsync.update.outcome import ApplyProblem, StartNote, start_note

    try:
        note = start_note(home)
    except OSError as exc:  # the update folder unwritable: the app starts all the same
        log.warning("update state: %s", exc)
        return
    if note is None:
        return
    tr = controller.tray.tr
    if note.kind is StartNote.INSTALLED:
        text = tr("Mise à jour %1 installée").replace("%1", note.version)
    elif note.kind is StartNote.UPGRADED:
        text = tr("ShopSync a été mis à jour : version %1 (avant : %2)")
        text = text.replace("%1", note.version).replace("%2", note.previous or "?")
    else:
        why = {
            ApplyProblem.APP_DID_NOT_CLOSE: tr("ShopSync ne s'est pas fermé à temps"),
            ApplyProblem.SYNC_DID_NOT_END: tr("une synchronisation ne s'est pas terminée à temps"),
            ApplyProblem.REBOOT_REQUIRED: tr("des fichiers étaient utilisés, Windows demandait un redémarrage"),
            ApplyProblem.INSTALLER_FAILED: tr("l'installateur a échoué, rien n'a changé"),
            ApplyProblem.WRONG_VERSION: tr("la version installée n'est pas la bonne"),
            ApplyProblem.FILES_PENDING: tr("des fichiers attendaient un redémarrage"),
            ApplyProblem.BAD_SIGNATURE: tr("l'installateur n'est pas signé par l'éditeur attendu"),
        }.get(note.problem, tr("raison inconnue"))
        text = tr("Mise à jour %1 non installée : %2").replace("%1", note.version).replace("%2", why)
    log.info("update at start: %s", text)
    controller.tray.show_note(text)


def main(
    argv: Sequence[str] | None = None, *, client_factory: Callable[[], object] | None = None
) -> int:
    """Start the tray app; returns the process exit code (0 also for a second instance).

    `client_factory` makes the engine's site clients (the demo hands its sandbox's token this
    way); by default the engine builds them from the settings and the keyring."""
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

    from shopsync.gui import i18n, qtcompat  # noqa: F401 - qtcompat first: None's reserve
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
    engine_factory = None
    if client_factory is not None:
        from shopsync.engine import SyncEngine

        def engine_factory(settings, observer):  # noqa: ANN001, ANN202
            return SyncEngine(settings, observer=observer, client_factory=client_factory)

    from shopsync.update.scheduled import tick

    # restart_tray: on Windows the update helper starts this app again after installing
    hub = AppHub(
        settings,
        engine_factory=engine_factory,
        update_round=lambda s: tick(s, restart_tray=True),
    )
    controller = AppController(hub, use_tray=False if args.no_tray else None)
    single.activated.connect(controller.show_status)
    quit_asked: list[bool] = []  # `shopsync quit` / the update helper: it installs, not us

    def quit_when_asked() -> None:
        quit_asked.append(True)
        controller.quit()

    single.quit_requested.connect(quit_when_asked)
    _tell_update_outcome(controller, settings.home)
    hub.start(run_now=not needs_setup(settings))
    if needs_setup(settings):
        controller.show_wizard()
    elif not args.minimized or not controller.tray_wanted:
        controller.show_status()
    elif not controller.has_tray:
        _show_status_unless_a_tray_comes(controller, TRAY_GRACE_MS)
    restore_signals = _quit_on_signals(controller.quit)
    log.info("tray app ready in %.2f s (ShopSync %s)", time.perf_counter() - START, __version__)
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
        restore_signals()
        if not quit_asked:  # asked by an installer or the update helper: leave it to them
            from shopsync.update.scheduled import at_exit

            at_exit(hub.settings, restart_tray=True)  # auto mode: a downloaded update installs now, then restarts


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
