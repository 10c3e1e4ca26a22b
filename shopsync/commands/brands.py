"""`shopsync brands list` and `shopsync brands map BRAND --mode stock|preorder|off`."""

from __future__ import annotations

import argparse

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "brands"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "lister les marques de l'ERP et leur choix, ou décider d'une marque pour le site"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.commands._common import common_options
    from shopsync.i18n import translate

    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    lst = sub.add_parser(
        "list",
        help=translate("Cli", "chaque marque de l'ERP avec son nombre de produits et son choix"),
    )
    lst.add_argument("--json", action="store_true")
    common_options(lst)
    mp = sub.add_parser(
        "map",
        help=translate(
            "Cli", "choisir le mode d'une marque (une marque absente de l'ERP est permise)"
        ),
    )
    mp.add_argument("brand", metavar="BRAND")
    # rules.MODES, spelt out: command modules import only the stdlib at import time
    mp.add_argument("--mode", required=True, choices=["stock", "preorder", "off"])
    mp.add_argument("--site-brand", metavar="NAME", default=None)
    common_options(mp)


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import services
    from shopsync.rules import fold_brand as fold

    with services(args) as svc:
        if args.action == "map":
            if not fold(args.brand):
                from shopsync.errors import ConfigError
                from shopsync.i18n import translate

                raise ConfigError(
                    translate("Cli", "marque vide : donnez la marque telle que l'ERP l'écrit")
                )
            mapping = svc.brands.set_mapping(args.brand, args.mode, args.site_brand)
            row = next(
                (
                    r
                    for r in svc.brands.table().rows
                    if fold(r.erp_brand) == fold(mapping.erp_brand)
                ),
                None,
            )
            print(_mapped(mapping, row.target if row else None))
            return 0
        table = svc.brands.table()
    if args.json:
        from shopsync.commands._common import print_json

        print_json({"brands": [row.as_dict() for row in table.rows]})
        return 0
    for line in _lines(table.rows):
        print(line)
    return 0


def _mapped(mapping, target: str | None) -> str:  # noqa: ANN001 - a rules.BrandMapping
    """The decision as `brands list` then shows it: the site brand is the catalogue's spelling
    when the shop named none."""
    from shopsync import texts
    from shopsync.i18n import translate

    target = target or mapping.site_brand or mapping.erp_brand
    return f"{mapping.erp_brand} → {target} : {translate('State', texts.BRAND_MODES[mapping.mode])}"


def _lines(rows) -> list[str]:  # noqa: ANN001 - services.brands.BrandRow
    """The table the brands window shows, in the shop's language."""
    from shopsync import texts
    from shopsync.i18n import translate

    flag = translate("Cli", "← à décider")
    out = []
    for row in rows:
        mode = translate("State", texts.BRAND_MODES.get(row.mode, row.mode))
        out.append(
            f"{row.erp_brand:<30} {row.products:>6}  → {row.target:<24} {mode}"
            + ("" if row.decided else f"  {flag}")
        )
    return out
