"""`shopsync status [--json]`: last run, pending, held, state (no network)."""

from __future__ import annotations

import argparse
import time

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "status"
HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "afficher la dernière synchronisation, les changements en attente, les dépublications retenues et l'état",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "--json", action="store_true", help=translate("Cli", "un seul document JSON")
    )


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import print_json, services

    with services(args) as svc:
        status = svc.status.read()
    if args.json:
        print_json(json_document(status))
        return 0
    print("\n".join(lines(status)))
    return 0


def json_document(status) -> dict:  # noqa: ANN001 - a ConnectorStatus
    """`status --json`: English words whatever the shop's language. Runs are stored in English
    (RunSummary.as_dict); a row written by an older version in French, and the local store's
    notes, are worded in English here, so the document never depends on LANG."""
    from shopsync.i18n import english

    data = status.as_dict()
    for key in ("last_run", "last_finished", "last_succeeded"):
        run = data.get(key)
        if run:
            run["message"] = english(run.get("message") or "") or run.get("message")
            run["errors"] = [english(str(e)) for e in run.get("errors") or []]
    for reason in data.get("reasons") or []:  # a run's message carried as a reason's detail
        if isinstance(reason.get("detail"), str):
            reason["detail"] = english(reason["detail"])
    store = data.get("local_store") or {}
    if isinstance(store.get("problem"), str):
        store["problem"] = english(store["problem"])
    rebuilt = store.get("rebuilt")
    if isinstance(rebuilt, dict) and isinstance(rebuilt.get("message"), str):
        rebuilt["message"] = english(rebuilt["message"])
    return data


def lines(status) -> list[str]:  # noqa: ANN001 - a ConnectorStatus
    """The status in the shop's language; the state is the same headline the tray shows."""
    from shopsync import texts
    from shopsync.i18n import arg, localize, translate

    headline = translate("State", texts.STATE_HEADLINES[status.state])
    out = [arg(translate("Cli", "État : %1"), headline[:1].lower() + headline[1:])]
    # Why, in the tray's words (services/status.py's reasons, worded by texts.reason_text).
    reasons = [texts.reason_text(r, translate) for r in status.reasons]
    last = status.last_run
    if last:
        when = time.strftime("%d/%m/%Y %H:%M", time.localtime(last["started_at"]))
        outcome = translate("State", texts.OUTCOMES.get(last["status"], last["status"]))
        out.append(
            arg(
                translate("Cli", "Dernière synchronisation : %1 — %2 (lus %3, envoyés %4)"),
                when,
                outcome,
                last["read"] or 0,
                last["uploaded"] or 0,
            )
        )
        if last["message"]:
            out.append(f"  {localize(last['message'])}")  # stored in English
    store = status.local_store or {}
    for note in ((store.get("rebuilt") or {}).get("message"), store.get("problem")):
        if note:  # "base locale endommagée, reconstruite le …", "le disque est plein : …"
            note = localize(note)
            out.append(note[:1].upper() + note[1:])
    out.append(arg(translate("Cli", "Changements en attente : %1"), status.pending))
    if status.held:
        out.append(
            translate(
                "Cli",
                "%n dépublication(s) retenue(s) : `shopsync confirm` pour les lancer",
                None,
                len(status.held),
            )
        )
    if status.unmapped_brands:
        out.append(
            arg(translate("Cli", "Marques à décider : %1"), ", ".join(status.unmapped_brands))
        )
    if status.rejected:
        out.append(
            translate("Cli", "%n produit(s) refusé(s) par le site", None, len(status.rejected))
        )
    out += [arg(translate("Cli", "Pourquoi : %1"), reason) for reason in reasons[:1]]
    out += [f"  {reason}" for reason in reasons[1:]]
    counts = status.export_counts()  # the last run's counting, as the report and summary say it
    if counts is not None:
        out += [f"  {sentence}" for sentence in counts.sentences(translate)]
    return out
