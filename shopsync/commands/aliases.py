"""`shopsync aliases list|accept ERP_REF CATALOG_REF|reject ERP_REF CATALOG_REF`.

Accepting a suggested match lets the shop keep its ERP reference and still update the catalogue
product on every sync; rejecting it stops it being offered again.
"""

from __future__ import annotations

import argparse
import sys

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "aliases"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "lister, accepter ou refuser des alias de référence (référence ERP → référence du catalogue)",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    lst = sub.add_parser("list", help=translate("Cli", "chaque alias accepté ou refusé"))
    lst.add_argument(
        "--json",
        action="store_true",
        help=translate("Cli", 'un seul document JSON : {"aliases": [...]}'),
    )
    lst.add_argument(
        "--stale",
        action="store_true",
        help=translate("Cli", "seulement les alias dont la cible a disparu du catalogue"),
    )
    _home(lst)
    for action, text in (
        ("accept", translate("Cli", "relier ERP_REF à CATALOG_REF à chaque synchronisation")),
        ("reject", translate("Cli", "retenir que ERP_REF n'est pas CATALOG_REF")),
    ):
        p = sub.add_parser(action, help=text)
        p.add_argument("erp_ref", metavar="ERP_REF")
        p.add_argument("catalog_ref", metavar="CATALOG_REF")
        _home(p)


def _home(parser: argparse.ArgumentParser) -> None:
    """`--home` after the action too (`shopsync aliases list --home DIR`)."""
    from shopsync.i18n import translate

    parser.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=translate("Cli", "dossier de ShopSync (voir shopsync --help)"),
    )


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import services
    from shopsync.i18n import arg, translate

    with services(args) as svc:
        refs = svc.references
        if args.action == "list":
            _print(refs.aliases(stale_only=args.stale), args.json)
            return 0
        erp, cat = args.erp_ref.strip(), args.catalog_ref.strip()
        if args.action == "accept":
            if not refs.accept(erp, cat):
                text = translate(
                    "Cli",
                    "attention : %1 n'est pas dans le catalogue de la dernière synchro ; l'alias "
                    "ne servira que si cette référence y apparaît",
                )
                print(arg(text, cat), file=sys.stderr)
            print(arg(translate("Cli", "%1 → %2 : accepté"), erp, cat))
        else:
            refs.reject(erp, cat)
            print(arg(translate("Cli", "%1 ≠ %2 : refusé"), erp, cat))
        return 0


def _print(rows: list[dict], as_json: bool) -> None:
    if as_json:
        from shopsync.commands._common import print_json

        print_json({"aliases": rows})
        return
    from shopsync.i18n import translate

    if not rows:
        print(translate("Cli", "aucun alias"))
        return
    stale = "  " + translate("Cli", "(périmé : absent du catalogue)")
    for row in rows:
        arrow = "→" if row["decision"] == "accepted" else "≠"
        flag = stale if row["stale"] else ""
        print(f"{row['erp_reference']:<28} {arrow} {row['catalog_reference']:<28}{flag}")
