"""`shopsync status [--json]`: last run, pending, held, state (no network)."""

from __future__ import annotations

import argparse
import json
import time

NAME = "status"
HELP = "show the last run, pending changes, held unpublishing and the engine's state"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object")


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import services

    with services(args) as svc:
        status = svc.status.read()
    if args.json:
        print(json.dumps(status.as_dict(), ensure_ascii=False, default=str))
        return 0
    print("\n".join(lines(status)))
    return 0


def lines(status) -> list[str]:  # noqa: ANN001 - a ConnectorStatus
    """The status in the shop's language; the state is the same headline the tray shows."""
    from shopsync import texts
    from shopsync.i18n import arg, translate

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
                when, outcome, last["read"] or 0, last["uploaded"] or 0,
            )
        )
        if last["message"]:
            out.append(f"  {last['message']}")
    store = status.local_store or {}
    for note in ((store.get("rebuilt") or {}).get("message"), store.get("problem")):
        if note:  # "base locale endommagée, reconstruite le …", "le disque est plein : …"
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
        out.append(arg(translate("Cli", "Marques à décider : %1"), ", ".join(status.unmapped_brands)))
    if status.rejected:
        out.append(translate("Cli", "%n produit(s) refusé(s) par le site", None, len(status.rejected)))
    out += [arg(translate("Cli", "Pourquoi : %1"), reason) for reason in reasons[:1]]
    out += [f"  {reason}" for reason in reasons[1:]]
    counts = status.export_counts()  # the last run's counting, as the report and summary say it
    if counts is not None:
        out += [f"  {sentence}" for sentence in counts.sentences(translate)]
    return out
