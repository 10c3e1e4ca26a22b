"""`shopsync update check|download|apply [--json]`: signed updates (TUF) from the site.

Exit codes: 0 up to date or done (also: an update is available), 2 refused or invalid
(bad signature, expired metadata, rollback, over the size limit, plain http off this machine,
a failed install), 3 repository unreachable or not found (404: nothing published there).
`--json` prints one JSON document: {"status": "up_to_date|available|refused|unreachable|
not_found", "current": …, "latest": …, "reason": …}.
Only the standard library is imported here; TUF is imported in `run`.
"""

from __future__ import annotations

import argparse
import sys

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "update"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "chercher, télécharger (vérifiée) ou installer une mise à jour signée de ShopSync"
)
ACTIONS = ("check", "download", "apply")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "action",
        choices=ACTIONS,
        help=translate(
            "Cli",
            "check : une version plus récente est-elle proposée ; download : la télécharger et "
            "la vérifier ; apply : l'installer et redémarrer ShopSync",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=translate("Cli", "un seul document JSON sur la sortie standard"),
    )


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.update import service

    settings = load(args)
    if args.action == "check":
        report = service.check(settings)
    elif args.action == "download":
        report, _release = service.download(settings)
    else:
        report = service.apply(settings)
    if args.json:
        from shopsync.commands._common import print_json

        print_json(report.as_json())
    else:
        stream = sys.stdout if report.exit_code == 0 else sys.stderr
        print(_sentence(report), file=stream, flush=True)
    return report.exit_code


def _sentence(report) -> str:  # noqa: ANN001 - an update.service.Report
    """The outcome in the shop's language; a refusal's technical reason (English, as `--json`
    gives it for support) on its own line, never inside the sentence."""
    from shopsync.i18n import arg, translate
    from shopsync.update.service import UpdateStatus

    status = report.status
    if report.installing:
        return arg(
            translate("Cli", "Version %1 en cours d'installation : ShopSync se ferme, "
                             "s'installe puis redémarre ; le résultat s'affichera au démarrage."),
            report.latest,
        )
    if status is UpdateStatus.UP_TO_DATE and report.applied:
        return arg(translate("Cli", "Version %1 installée : ShopSync redémarre."), report.latest)
    if status is UpdateStatus.UP_TO_DATE:
        return arg(translate("Cli", "ShopSync est à jour (version %1)."), report.current)
    if status is UpdateStatus.AVAILABLE:
        text = arg(
            translate("Cli", "Mise à jour disponible : version %1 (installée : %2)."),
            report.latest, report.current,
        )  # fmt: skip
        if report.file:
            text += "\n" + arg(translate("Cli", "Téléchargée et vérifiée : %1"), report.file)
        return text
    if status is UpdateStatus.NOT_FOUND:
        text = translate(
            "Cli",
            "Aucune mise à jour n'est publiée à l'adresse du dépôt (introuvable) : vérifiez "
            "[update] url ; nouvel essai plus tard.",
        )
    elif status is UpdateStatus.UNREACHABLE:
        text = translate(
            "Cli", "Le dépôt des mises à jour est injoignable : nouvel essai plus tard."
        )
    else:
        text = translate("Cli", "Mise à jour refusée : rien n'a été installé.")
    return f"{text}\n  {report.reason}" if report.reason else text
