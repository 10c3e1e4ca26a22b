"""`shopsync demo [--once] [--headless] [--port N]`: the sandbox site, a sample export, a sync.

A person sees the whole product work in a minute: a site starts on this PC, a jeweller's ERP
export (cp1252, `;`, ring sizes, a held status, an unmapped brand) is synced to it, a sale is
simulated and synced again, and the storefront stays up to look at.
"""

from __future__ import annotations

import argparse
import os
import sys

NAME = "demo"
HELP = "start the sandbox site with sample data, run a sync and show the storefront"

DEMO_TOKEN = "demo-token"
# ERP brand -> (site brand, mode). BIJOUX FANTAISIE is left unmapped on purpose.
DEMO_BRANDS = {
    "TISSOT": (None, "stock"),
    "PANDORA": (None, "stock"),
    "THOMAS SABO": (None, "stock"),
    "FESTINA": (None, "stock"),
    "LOTUS": (None, "stock"),
    "G-SHOCK": ("Casio", "stock"),
    "SEIKO": (None, "stock"),
    "ALLIANCES ATELIER": (None, "stock"),
    "NOMINATION": (None, "preorder"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true", help="end after the first sync")
    parser.add_argument("--headless", action="store_true", help="never open the tray app")
    parser.add_argument("--port", type=int, default=8765, help="sandbox port (0: any free port)")


def prepare_home(home, url: str):
    """A fresh demo home: the sample export copied in, settings for the demo, brands mapped."""
    import shutil

    from shopsync.config import load_settings, update_config
    from shopsync.paths import sample
    from shopsync.store import brands
    from shopsync.store.db import open_db

    home.mkdir(parents=True, exist_ok=True)
    for name in ("shopsync.db", "shopsync.db-wal", "shopsync.db-shm", "config.toml"):
        (home / name).unlink(missing_ok=True)
    export_dir = home / "export"
    export_dir.mkdir(exist_ok=True)
    export = export_dir / "stock.csv"
    shutil.copyfile(sample("export-bijou3.csv"), export)
    load_settings(home)  # writes the commented default config
    update_config(
        home,
        {
            "erp": {"path": str(export), "profile": "auto", "settle_seconds": 0},
            "site": {"url": url},
            "rules": {"hold_statuses": ["NW"], "preorder_statuses": ["CDE"]},
            "backorder": {"enabled": True, "restock_days": 10},
        },
    )
    db = open_db(home / "shopsync.db")
    try:
        for brand, (site_brand, mode) in DEMO_BRANDS.items():
            brands.set_mapping(db, brand, mode, site_brand)
    finally:
        db.conn.close()
    return load_settings(home), export


def simulate_sale(export, reference: str) -> None:
    """The ERP writes a new export where one piece of `reference` was sold."""
    lines = export.read_bytes().decode("cp1252").split("\r\n")
    for i, line in enumerate(lines):
        fields = line.split(";")
        if fields and fields[0] == reference:
            fields[3] = str(max(0, int(fields[3]) - 1))
            lines[i] = ";".join(fields)
            break
    tmp = export.with_suffix(".tmp")
    tmp.write_bytes("\r\n".join(lines).encode("cp1252"))
    os.replace(tmp, export)


def run(args: argparse.Namespace) -> int:
    import tempfile
    import threading
    from pathlib import Path

    from shopsync.config import TOKEN_ENV, home_dir
    from shopsync.engine import SyncEngine
    from shopsync.logs import setup_logging
    from shopsync.paths import sample
    from shopsync.site.sandbox.server import serve

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
            host="127.0.0.1", port=args.port, token=DEMO_TOKEN, catalog=sample("catalog.csv"),
            data=data, ready=on_ready,
        ),
        daemon=True,
        name="sandbox",
    )
    server.start()
    if not ready.wait(20):
        print("shopsync demo: the sandbox site did not start (is the port free?)", file=sys.stderr)
        return 2
    url = urls[0]
    os.environ[TOKEN_ENV] = DEMO_TOKEN  # the demo's token, for this process only
    settings, export = prepare_home(home, url)
    setup_logging(settings.log_dir)

    print(f"Site de démonstration : {url}/  (boutique en ligne)")
    print(f"Dossier ShopSync : {home}")
    engine = SyncEngine(settings)
    try:
        first = engine.run_once("demo")
        print(f"1re synchronisation : {first.human()}")
        for error in first.errors:
            print(f"  ! {error}")
        simulate_sale(export, "T120.417.17.041.00")
        second = engine.run_once("demo")
        print(f"Vente simulée (1 Tissot Seastar) puis synchronisation : {second.human()}")
        for line in _to_rewrite(engine):
            print(f"  {line}")
        status = engine.status()
        if status["unmapped_brands"]:
            print(f"Marques à décider : {', '.join(status['unmapped_brands'])}")
    finally:
        engine.close()
    if args.once:
        return 0 if first.exit_code == 0 and second.exit_code == 0 else 1
    from shopsync.commands._common import has_display

    if not args.headless and has_display():
        try:
            from shopsync.gui.app import main as gui_main
        except ImportError:
            pass
        else:
            return gui_main(["--home", str(home)])
    print("Le site reste ouvert : Ctrl-C pour arrêter.")
    try:
        while server.is_alive():
            server.join(1)
    except KeyboardInterrupt:
        print()
    return 0


def _to_rewrite(engine) -> list[str]:
    """ERP references that match no catalogue product, with ShopSync's suggestion."""
    from shopsync import matching
    from shopsync.store import catalog as catalog_store
    from shopsync.store import erp_cache

    catalog = catalog_store.load_catalog(engine.db)
    items = {(ln.reference, ln.brand) for ln in erp_cache.load_lines(engine.db)}
    out = []
    for result in matching.match(sorted(items), catalog):
        if result.status == "normalized" and result.catalog_reference != result.reference:
            out.append(
                f"Écrite autrement que sur le site (connectée quand même) : {result.reference} → "
                f"{result.catalog_reference}"
            )
        elif result.status == "suggested" and result.catalog_reference:
            out.append(
                f"Référence à réécrire : {result.reference} → {result.catalog_reference} "
                f"(proposée, score {result.score:.2f})"
            )
        elif result.status == "unmatched":
            out.append(f"Absente du catalogue du site : {result.reference} (demande de référencement)")
    return out
