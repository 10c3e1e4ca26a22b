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
    parser.epilog = translate(
        "Cli",
        "Code de sortie : 0 prêt ; 4 à corriger ou pas prêt (une personne doit agir avant de "
        "relier la boutique) ; 2 réglages ou fichiers illisibles ; 3 site injoignable (--site).",
    )
    parser.add_argument(
        "--output", metavar="FILE", default=None,
        help=translate("Cli", "rapport.html, rapport.xlsx ou rapport.csv (par défaut : un résumé sur la sortie standard)"),
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.errors import ConfigError
    from shopsync.i18n import arg, translate
    from shopsync.matching import CatalogIndex
    from shopsync.report import readiness, sources
    from shopsync.rules import fold_brand
    from shopsync.services import Services

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and output.suffix.lower() not in OUTPUTS:
        text = translate("Cli", "--output %1 : un fichier .html, .xlsx ou .csv est attendu")
        raise ConfigError(arg(text, output))
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
            catalog = svc.references.catalog()
            where = "catalogue de la dernière synchro"  # the report file is the CSM's, in French
            if not catalog:
                raise ConfigError(
                    translate(
                        "Cli",
                        "aucun catalogue à comparer : donnez --catalog FICHIER.csv ou --site (ou "
                        "lancez d'abord une synchronisation)",
                    )
                )
        accepted, rejected = svc.references.decisions()
        items = [(line.reference, line.brand) for line in read.lines]
        results = CatalogIndex(catalog).match(items, accepted, rejected)
        counts = svc.counts.of_read(read, catalog, matches=results)
        site_brands = {
            fold_brand(row.erp_brand): row.site_brand
            for row in svc.brands.table().rows
            if row.site_brand
        }
    if site_check is not None:
        print("\n".join(report_lines(counts)), flush=True)
        print(flush=True)
    report = readiness.build(
        items, catalog, results, erp_source=str(read.source), catalog_source=where,
        site_brands=site_brands, counts=counts,
    )  # fmt: skip
    if output is None:
        _print_summary(report)
        return verdict_exit_code(report.verdict)
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
    from shopsync.i18n import arg, translate
    from shopsync.report.readiness import VERDICT_LABELS

    word = report.verdict
    word = translate("State", VERDICT_LABELS[word]) if word in VERDICT_LABELS else word
    print(
        arg(translate("Cli", "Verdict : %1 — rapport écrit dans %2"), word, output), file=sys.stderr
    )
    return verdict_exit_code(report.verdict)


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


def verdict_exit_code(verdict: str) -> int:
    """The verdict as the exit code (README's commands table, `check --help`): 0 ready; 4 to
    fix or not ready — a person must act before the connection, as a sync held by the guard
    waits for a person (4); 2 and 3 keep their meaning (input or settings; site unreachable)."""
    from shopsync.errors import EXIT_HELD, EXIT_OK
    from shopsync.report.readiness import READY

    return EXIT_OK if verdict == READY else EXIT_HELD


def _print_summary(report) -> None:  # noqa: ANN001 - a report.readiness.Readiness
    """The report at a glance, in the shop's language (the files stay the CSM's French)."""
    from shopsync.formatting import percent
    from shopsync.i18n import arg, localize, translate
    from shopsync.report.readiness import VERDICT_LABELS

    def verdict(word: str) -> str:
        return translate("State", VERDICT_LABELS[word]) if word in VERDICT_LABELS else word

    t = report.total
    print(arg(translate("Cli", "Verdict : %1"), verdict(report.verdict)))
    for reason in report.reasons:
        print(f"  - {localize(reason)}")
    if report.counts is not None:  # the one counting: the sync summary and `status` say the same
        print("\n".join(report.counts.sentences()))
    print(
        arg(
            translate(
                "Cli",
                "%1 références ERP : %2 connectées (%3), %4 à réécrire, %5 absentes du "
                "catalogue ; %6 produits du site dépubliés à la 1re synchro",
            ),
            t.items,
            t.connected,
            percent(t.matched_share),
            t.to_rewrite,
            t.not_in_catalog,
            t.would_unpublish,
        )  # fmt: skip
    )
    print()
    heads = [
        translate("Cli", "Marque"), translate("Cli", "ERP"), translate("Cli", "Connectés"),
        translate("Cli", "À réécrire"), translate("Cli", "Absents"),
        translate("Cli", "Dépubliés"), translate("Cli", "Verdict"),
    ]  # fmt: skip
    widths = [max(len(h) + 2, w) for h, w in zip(heads[1:6], (7, 11, 12, 9, 11), strict=True)]
    print(f"{heads[0]:<24}" + "".join(f"{h:>{w}}" for h, w in zip(heads[1:6], widths, strict=True))
          + f"  {heads[6]}")  # fmt: skip
    for r in [*report.rows, t]:
        name = translate("Cli", "Total") if r is t else r.brand
        figures = (r.items, r.connected, r.to_rewrite, r.not_in_catalog, r.would_unpublish)
        print(f"{name[:23]:<24}" + "".join(f"{v:>{w}}" for v, w in zip(figures, widths, strict=True))
              + f"  {verdict(r.verdict)}")  # fmt: skip
    if report.rewrites:
        print("\n" + translate("Cli", "À réécrire (référence ERP → écriture suggérée) :"))
        for r in report.rewrites[:50]:
            print(f"  {r.reference:<28} → {r.catalog_reference}  ({percent(r.score)})")
        if len(report.rewrites) > 50:
            text = translate("Cli", "… et %1 autres (--output rapport.xlsx)")
            print("  " + arg(text, len(report.rewrites) - 50))
