"""`shopsync demo [--once] [--headless] [--port N]`: the sandbox site, a sample export, a sync.

A person sees the whole product work in a minute: a site starts on this PC, a jeweller's ERP
export (cp1252, `;`, ring sizes, a held status, an unmapped brand) is synced to it, a sale is
simulated and synced again, and the storefront stays up to look at.
"""

from __future__ import annotations

import argparse
import sys

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "demo"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "démarrer le site d'essai avec des données d'exemple, synchroniser et montrer la boutique",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--once",
        action="store_true",
        help=translate("Cli", "s'arrêter après la première synchronisation"),
    )
    parser.add_argument(
        "--headless",
        action="store_true",
        help=translate("Cli", "ne jamais ouvrir l'application de la barre des tâches"),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8765,
        help=translate("Cli", "port du site d'essai (0 : un port libre)"),
    )


def run(args: argparse.Namespace) -> int:
    import tempfile
    import threading
    from pathlib import Path

    from shopsync import demo_data
    from shopsync.config import home_dir
    from shopsync.engine import SyncEngine
    from shopsync.i18n import arg, translate
    from shopsync.logs import setup_logging
    from shopsync.paths import sample
    from shopsync.services import Services
    from shopsync.site.sandbox.server import serve
    from shopsync.sync.counts import ExportCounts
    from shopsync.sync.vocab import Trigger

    home = home_dir(getattr(args, "home", None) or Path(tempfile.gettempdir()) / "shopsync-demo")
    data = home / "sandbox"
    if data.exists():
        import shutil

        shutil.rmtree(data)
    ready = threading.Event()
    urls: list[str] = []

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    server = threading.Thread(
        target=serve,
        kwargs=dict(
            host="127.0.0.1",
            port=args.port,
            token=demo_data.DEMO_TOKEN,
            catalog=sample("catalog.csv"),
            data=data,
            ready=on_ready,
        ),
        daemon=True,
        name="sandbox",
    )
    server.start()
    if not ready.wait(20):
        print("shopsync demo: the sandbox site did not start (is the port free?)", file=sys.stderr)
        return 2
    url = urls[0]
    settings, export = demo_data.prepare_home(home, url)
    setup_logging(settings.log_dir)
    client_factory = demo_data.demo_client_factory(url)

    print(arg(translate("Cli", "Site de démonstration : %1/  (boutique en ligne)"), url))
    print(arg(translate("Cli", "Dossier ShopSync : %1"), home))
    engine = SyncEngine(settings, client_factory=client_factory)
    try:
        first = engine.run_once(Trigger.DEMO)
        print(arg(translate("Cli", "1re synchronisation : %1"), first.human()))
        for error in first.errors:
            print(f"  ! {error}")
        counts = ExportCounts.from_dict(first.counts)
        for sentence in counts.sentences() if counts is not None else []:
            print(f"  {sentence}")  # the one counting: the report and `status` say the same
        demo_data.simulate_sale(export)
        second = engine.run_once(Trigger.DEMO)
        print(
            arg(
                translate("Cli", "Vente simulée (1 Tissot Seastar) puis synchronisation : %1"),
                second.human(),
            )
        )
    finally:
        engine.close()
    with Services(settings) as svc:
        for line in demo_data.reference_notes(svc):
            print(f"  {line}")
        status = svc.status.read()
    if status.unmapped_brands:
        print(arg(translate("Cli", "Marques à décider : %1"), ", ".join(status.unmapped_brands)))
    if args.once:
        return 0 if first.exit_code == 0 and second.exit_code == 0 else 1
    from shopsync.commands._common import has_display

    if not args.headless and has_display():
        from shopsync.gui.app import main as gui_main

        return gui_main(["--home", str(home)], client_factory=client_factory)
    print(translate("Cli", "Le site reste ouvert : Ctrl-C pour arrêter."))
    try:
        while server.is_alive():
            server.join(1)
    except KeyboardInterrupt:
        print()
    return 0
