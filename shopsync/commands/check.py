"""`shopsync check [--site] [--output report.html|report.xlsx|report.csv]`: the readiness report.

What a CSM used to list by hand before connecting a shop: per brand, how many ERP items connect,
which references to rewrite (with the suggested spelling), which items the site does not know,
which catalogue products the first sync would unpublish, and an overall verdict.

With `--site`, first the first-connection check the platform makes before turning a connection
on: the site answers, accepts the token, lists N products; then the connection report at a
glance (references read, connected, to rewrite, brands to decide), in the shop's words.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "check"
HELP = QT_TRANSLATE_NOOP("Cli", "rapport de préparation : l'ERP est-il prêt à être relié au site ?")

OUTPUTS = (".html", ".htm", ".xlsx", ".csv")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--erp",
        metavar="FILE",
        default=None,
        help=translate("Cli", "export de l'ERP (par défaut : les réglages)"),
    )
    parser.add_argument(
        "--profile",
        metavar="P",
        default=None,
        help=translate("Cli", "profil de l'ERP (par défaut : les réglages)"),
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--catalog", metavar="CSV", help=translate("Cli", "catalogue CSV (reference,brand,title)")
    )
    source.add_argument(
        "--site",
        action="store_true",
        help=translate(
            "Cli",
            "vérification de première connexion : le site, le jeton, son catalogue, puis le rapport",
        ),
    )
    parser.add_argument(
        "--output", metavar="FILE", default=None,
        help=translate("Cli", "rapport.html, rapport.xlsx ou rapport.csv (par défaut : un résumé sur la sortie standard)"),
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.errors import ConfigError
    from shopsync.matching import CatalogIndex
    from shopsync.report import readiness, sources
    from shopsync.services import Services

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and output.suffix.lower() not in OUTPUTS:
        raise ConfigError(f"--output {output}: expected a .html, .xlsx or .csv file")
    settings = load(args)
    site_check = None
    if args.site:
        site_check = _first_connection(settings)
        if not site_check.ok:
            from shopsync.agent.first_connection import SiteProblem
            from shopsync.errors import EXIT_INPUT, EXIT_UNREACHABLE

            return EXIT_UNREACHABLE if site_check.problem is SiteProblem.UNREACHABLE else EXIT_INPUT
    erp_path = args.erp or settings.erp.path
    read = sources.read_erp(erp_path, args.profile or settings.erp.profile, settings.home)
    with Services(settings) as svc:
        if site_check is not None:
            catalog, where = site_check.catalogue, settings.site.url
        elif args.catalog:
            catalog, where = sources.load_catalog_csv(args.catalog), str(args.catalog)
        else:
            catalog, where = svc.references.catalog(), "catalogue de la dernière synchro"
            if not catalog:
                raise ConfigError(
                    "no catalogue to compare with: pass --catalog CSV or --site "
                    "(or run a sync first)"
                )
        accepted, rejected = svc.references.decisions()
        if site_check is not None:
            decided = [row.erp_brand for row in svc.brands.table().rows if row.decided]
    if site_check is not None:
        from shopsync.agent.first_connection import connection_counts

        counts = connection_counts(read.lines, catalog, accepted, rejected, decided)
        print("\n".join(report_lines(counts)), flush=True)
        print(flush=True)
    items = [(line.reference, line.brand) for line in read.lines]
    results = CatalogIndex(catalog).match(items, accepted, rejected)
    report = readiness.build(
        items, catalog, results, erp_source=str(read.source), catalog_source=where
    )
    if output is None:
        _print_summary(report)
        return 0
    suffix = output.suffix.lower()
    if suffix in (".html", ".htm"):
        from shopsync.report.html import render

        output.write_text(render(report), encoding="utf-8")
    elif suffix == ".xlsx":
        from shopsync.report.sheets import write_readiness_xlsx

        write_readiness_xlsx(report, output)
    else:
        from shopsync.report.sheets import write_readiness_csv

        write_readiness_csv(report, output)
    print(f"verdict : {report.verdict} — rapport écrit dans {output}", file=sys.stderr)
    return 0


def _first_connection(settings):  # noqa: ANN202 - agent.first_connection.SiteCheck
    """Reachable, token accepted, catalogue count: printed as the shop would say it."""
    from shopsync.agent.first_connection import check_site
    from shopsync.config import site_token

    url = settings.site.url
    check = check_site(url, site_token(url))
    print("\n".join(site_lines(check)), flush=True)
    return check


def site_lines(check) -> list[str]:  # noqa: ANN001 - agent.first_connection.SiteCheck
    """The check's outcome as the tray's wizard says it (shopsync/texts.py, one wording)."""
    from shopsync import texts
    from shopsync.i18n import arg, translate

    key = str(check.problem) if check.problem else "ok"
    detail = len(check.catalogue) if check.ok else check.detail
    return [arg(translate("State", texts.SITE_CHECK[key]), check.url, detail)]


def report_lines(counts) -> list[str]:  # noqa: ANN001 - agent.report.ReportCounts
    from shopsync import texts
    from shopsync.i18n import arg, translate

    return [
        arg(translate("State", text), getattr(counts, key))
        for key, text in texts.CONNECTION_REPORT.items()
        if key != "written_the_old_way" or counts.written_the_old_way
    ]


def _print_summary(report) -> None:
    t = report.total
    print(f"Verdict : {report.verdict}")
    for reason in report.reasons:
        print(f"  - {reason}")
    print(
        f"{t.items} références ERP : {t.connected} connectées ({t.matched_share:.0%}), "
        f"{t.to_rewrite} à réécrire, {t.not_in_catalog} absentes du catalogue ; "
        f"{t.would_unpublish} produits du site dépubliés à la 1re synchro"
    )
    print()
    print(
        f"{'Marque':<24}{'ERP':>7}{'Connectés':>11}{'À réécrire':>12}{'Absents':>9}{'Dépubliés':>11}  Verdict"
    )
    for r in [*report.rows, t]:
        print(
            f"{r.brand[:23]:<24}{r.items:>7}{r.connected:>11}{r.to_rewrite:>12}"
            f"{r.not_in_catalog:>9}{r.would_unpublish:>11}  {r.verdict}"
        )
    if report.rewrites:
        print("\nÀ réécrire (référence ERP → écriture suggérée) :")
        for r in report.rewrites[:50]:
            print(f"  {r.reference:<28} → {r.catalog_reference}  ({r.score:.2f})")
        if len(report.rewrites) > 50:
            print(f"  … et {len(report.rewrites) - 50} autres (--output rapport.xlsx)")
