"""`shopsync sync --once [--dry-run] [--full] [--json]`."""

from __future__ import annotations

import argparse
import sys

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "sync"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "une synchronisation : lire l'export de l'ERP, envoyer au site ce qui a changé"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--once",
        action="store_true",
        help=translate("Cli", "une seule synchronisation, puis quitter (par défaut)"),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "montrer ce qui changerait, sans rien envoyer"),
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help=translate("Cli", "tout relire (comme la réconciliation de nuit)"),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=translate(
            "Cli",
            "un seul document JSON sur la sortie standard (le texte va sur la sortie d'erreur)",
        ),
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=translate("Cli", "journal détaillé (débogage)")
    )


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import engine, print_json
    from shopsync.sync.vocab import Trigger

    eng = engine(args)
    try:
        summary = eng.run_once(Trigger.CLI, dry_run=args.dry_run, full=args.full, wait_lock=60)
    finally:
        eng.close()
    if not summary.dry_run:
        # the platform hears about every run (docs/site-api.md), a scheduled task's included
        from shopsync.agent.link import heartbeat_after_run

        heartbeat_after_run(eng.settings, summary.status)
    for error in summary.errors[:50]:
        print(error, file=sys.stderr)
    # With --json, stdout is the one JSON document; the person's line goes to stderr.
    human = sys.stderr if args.json else sys.stdout
    print(summary.human(), file=human)
    if summary.dry_run and summary.plan:
        from shopsync.sync.messages import plan_line

        for kind, refs in summary.plan.items():
            if refs:
                print(plan_line(kind, refs), file=human)
    if args.json:
        print_json(summary.as_dict())
    return summary.exit_code
