"""`shopsync match ERP_FILE (--catalog CSV | --site)`: every ERP reference against the catalogue.

One line per distinct ERP reference with its level (exact, normalized, suggested, unmatched),
the catalogue reference it connects to or the best candidate, a score and ranked candidates.
The shop's accepted aliases and rejections (in the store) are taken into account, so the output
is what a sync would connect plus what a person could fix.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "match"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "rapprocher les références de l'export ERP du catalogue du site (identiques, écrites autrement, suggérées)",
)

FORMATS = ("jsonl", "csv", "xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "erp_file", metavar="ERP_FILE", help=translate("Cli", "l'export de l'ERP à lire")
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--catalog",
        metavar="CSV",
        help=translate("Cli", "catalogue CSV avec les colonnes reference,brand,title"),
    )
    source.add_argument(
        "--site",
        action="store_true",
        help=translate("Cli", "télécharger le catalogue depuis le site"),
    )
    parser.add_argument(
        "--profile",
        metavar="P",
        default=None,
        help=translate("Cli", "profil de l'ERP (par défaut : les réglages)"),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default=None,
        help=translate("Cli", "format de sortie (par défaut : selon l'extension de --output, sinon jsonl)"),
    )  # fmt: skip
    parser.add_argument(
        "--output",
        metavar="F",
        default=None,
        help=translate("Cli", "écrire dans ce fichier plutôt que sur la sortie standard"),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=5,
        metavar="N",
        help=translate("Cli", "candidats par référence (5 par défaut)"),
    )


def output_format(fmt: str | None, output: str | None) -> str:
    """The format asked, or the one --output's extension names; xlsx needs a file."""
    from shopsync.errors import ConfigError

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        fmt = suffix if suffix in FORMATS else "jsonl"
    if fmt == "xlsx" and not output:
        raise ConfigError("--format xlsx needs --output FILE.xlsx")
    return fmt


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.matching import STATUSES, CatalogIndex
    from shopsync.report import matches, sources
    from shopsync.services import Services

    fmt = output_format(args.format, args.output)
    settings = load(args)
    profile = args.profile or settings.erp.profile
    read = sources.read_erp(args.erp_file, profile, settings.home)
    if args.site:
        catalog = sources.load_catalog_site(settings)
    else:
        catalog = sources.load_catalog_csv(args.catalog)
    with Services(settings) as svc:
        accepted, rejected = svc.references.decisions()
    results = CatalogIndex(catalog).match(
        [(line.reference, line.brand) for line in read.lines], accepted, rejected,
        limit=max(1, args.limit),
    )  # fmt: skip
    output = Path(args.output).expanduser() if args.output else None
    matches.write(results, fmt, output, sys.stdout)
    counts = {s: 0 for s in STATUSES}
    for res in results:
        counts[res.status] += 1
    from shopsync import texts
    from shopsync.i18n import arg, translate

    summary = ", ".join(
        f"{counts[s]} {translate('State', texts.MATCH_STATUSES.get(s, s))}" for s in STATUSES
    )
    text = translate("Cli", "%1 références ERP, %2 produits au catalogue : %3")
    print(arg(text, len(results), len(catalog), summary), file=sys.stderr)
    return 0
