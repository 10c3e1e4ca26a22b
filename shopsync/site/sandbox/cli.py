"""`shopsync sandbox` (and `python -m shopsync.site.sandbox`): the stand-in web site (Site API
v1.2, storefront, `/admin`) on this machine — its arguments and its start, owned by the sandbox.

Both doors (`shopsync.commands.sandbox`, the CLI's, and `__main__`, the sandbox alone) call this
module, so the sandbox imports nothing of the CLI. Only the standard library (and the light
i18n catalogue) is imported here; the server (Starlette, uvicorn) is imported in `run`, so that
`shopsync --help` stays fast.

Without `--catalog`, the sandbox serves the sample catalogue (resources/samples/catalog.csv:
the catalogue `make demo` and the README's first steps use) when its data folder holds no
catalogue yet, and says so on startup; a data folder that already holds products keeps them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from shopsync.i18n import QT_TRANSLATE_NOOP

HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "lancer le site d'essai (Site API v1.2, boutique sur /, /admin pour la plateforme) pour les "
    "démonstrations et les tests ; son état est gardé en SQLite dans --data",
)
TOKEN_ENV = "SHOPSYNC_SANDBOX_TOKEN"


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("a share between 0 and 1 (0.3 = 30% of API requests)")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value


def _duration(text: str) -> float:
    from shopsync.durations import DurationError, parse_duration

    try:
        return parse_duration(text)
    except DurationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help=translate("Cli", "adresse d'écoute (127.0.0.1 par défaut)"),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8765,
        help=translate("Cli", "port (8765 par défaut ; 0 = un port libre)"),
    )
    parser.add_argument(
        "--token",
        default=None,
        help=translate(
            "Cli",
            "le jeton de la boutique (par défaut : $SHOPSYNC_SANDBOX_TOKEN ou « sandbox-token »)",
        ),
    )
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="CSV",
        help=translate(
            "Cli",
            "catalogue CSV : reference,brand,title,has_sizes[,sizes] (par défaut : le catalogue d'exemple, si le dossier --data n'en a pas encore)",
        ),
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help=translate(
            "Cli",
            "dossier de l'état SQLite du site d'essai (par défaut : sandbox/ dans le dossier de ShopSync)",
        ),
    )
    parser.add_argument(
        "--faults",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help=translate("Cli", "part des requêtes de l'API qui échouent (0 à 1)"),
    )
    parser.add_argument(
        "--updates",
        type=Path,
        metavar="DIR",
        help=translate(
            "Cli", "servir ce dépôt de mises à jour TUF (shopsync-release init) sous /updates"
        ),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help=translate("Cli", "graine qui choisit les requêtes en échec"),
    )
    parser.add_argument(
        "--batch-limit",
        type=_positive,
        default=500,
        metavar="N",
        help=translate("Cli", "articles par lot avant la réponse 413 (500 par défaut)"),
    )
    parser.add_argument(
        "--slow-seconds",
        type=float,
        default=2.0,
        metavar="S",
        help=translate("Cli", "durée d'une panne « lente » en secondes (2 par défaut)"),
    )
    parser.add_argument(
        "--agent-late",
        type=_duration,
        default="45m",
        metavar="DURATION",
        help=translate(
            "Cli", "le connecteur est en retard après ce délai sans signal (45m par défaut)"
        ),
    )
    parser.add_argument(
        "--agent-silent",
        type=_duration,
        default="6h",
        metavar="DURATION",
        help=translate(
            "Cli", "le connecteur est silencieux après ce délai sans signal (6h par défaut)"
        ),
    )
    parser.add_argument(
        "--stale-policy",
        choices=("off", "confirm"),
        default="off",
        help=translate(
            "Cli",
            "confirm : tant que le connecteur est silencieux, les produits en stock affichent « disponibilité à confirmer » (off par défaut)",
        ),
    )


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return args.data.expanduser().resolve()
    from shopsync.config import home_dir

    return home_dir(getattr(args, "home", None)) / "sandbox"


def _stop_on_sigterm() -> None:
    """SIGTERM (a service manager, `kill`) ends the sandbox like Ctrl-C: exit code 0.

    uvicorn shuts down gracefully on SIGTERM and then re-raises it; with the default handler the
    process would die of the signal after its clean shutdown.
    """
    import signal
    import threading

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def _catalogue(given: Path | None, data: Path) -> tuple[Path | None, str]:
    """The catalogue to seed and the startup line that says which: the one given; else the
    sample catalogue when the data folder holds no product yet (what README's first steps and
    the wizard expect to find); else the products the data folder kept. An empty catalogue is
    said loudly: nothing can be published to it."""
    from shopsync.i18n import arg, translate
    from shopsync.site.sandbox.schema import stored_product_count

    if given is not None:
        return given, arg(translate("Cli", "catalogue : %1"), given)
    kept = stored_product_count(data)
    if kept:
        return None, arg(
            translate("Cli", "catalogue : %1 produit(s) gardé(s) dans le dossier de données"), kept
        )
    from shopsync.paths import sample

    path = sample("catalog.csv")
    if path.is_file():
        return path, arg(
            translate(
                "Cli",
                "catalogue : le catalogue d'exemple (%1) ; --catalog FICHIER.csv pour le vôtre",
            ),
            path,
        )
    return None, translate(
        "Cli",
        "ATTENTION : catalogue VIDE (pas de --catalog, pas de catalogue d'exemple) : rien ne "
        "pourra être publié ; relancez avec --catalog FICHIER.csv",
    )


def run(args: argparse.Namespace) -> int:
    from shopsync.errors import ConfigError
    from shopsync.site.sandbox.server import serve

    token = args.token or os.environ.get(TOKEN_ENV) or "sandbox-token"
    data = _data_dir(args)
    if args.catalog is not None and not args.catalog.is_file():
        raise ConfigError(f"{args.catalog}: no such catalogue file")
    catalog, catalog_line = _catalogue(args.catalog, data)
    if args.agent_late >= args.agent_silent:
        raise ConfigError("--agent-late must be shorter than --agent-silent")
    if args.updates is not None and not (args.updates / "metadata").is_dir():
        raise ConfigError(f"{args.updates}: not an update repository (no metadata/ folder)")

    from shopsync.formatting import percent
    from shopsync.i18n import arg, translate

    def ready(base_url: str) -> None:
        # The first line is machine-read (tests learn the port from it): keep its shape.
        print(f"ShopSync sandbox: {base_url}", flush=True)
        lines = [
            arg(translate("Cli", "boutique : %1/   contrat : %2/openapi.json"), base_url, base_url),
            arg(
                translate("Cli", "back-office : %1/admin (mot de passe : le jeton de la boutique)"),
                base_url,
            ),
            arg(translate("Cli", "données : %1"), data),
            catalog_line,
        ]
        if args.updates is not None:
            text = translate("Cli", "mises à jour : %1/updates/ depuis %2")
            lines.append(arg(text, base_url, args.updates))
        if args.faults:
            text = translate("Cli", "pannes : %1 des requêtes de l'API (graine %2)")
            lines.append(arg(text, percent(args.faults), args.seed))
        lines.append(translate("Cli", "Ctrl-C pour arrêter."))
        for line in lines:
            print(f"  {line}", flush=True)

    _stop_on_sigterm()
    try:
        serve(
            host=args.host,
            port=args.port,
            token=token,
            catalog=catalog,
            data=data,
            faults=args.faults,
            seed=args.seed,
            batch_limit=args.batch_limit,
            ready=ready,
            fault_slow_seconds=args.slow_seconds,
            agent_late=args.agent_late,
            agent_silent=args.agent_silent,
            stale_policy=args.stale_policy,
            updates=args.updates,
        )
    except SystemExit as exc:  # uvicorn exits when it cannot bind
        if exc.code:
            raise ConfigError(f"cannot listen on {args.host}:{args.port} (port in use?)") from None
    except KeyboardInterrupt:
        pass
    print(translate("Cli", "Site d'essai ShopSync arrêté."), file=sys.stderr, flush=True)
    return 0
