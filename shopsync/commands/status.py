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
    from shopsync.commands._common import engine

    eng = engine(args)
    try:
        status = eng.status()
    finally:
        eng.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, default=str))
        return 0
    last = status["last_run"]
    print(f"État : {status['state']}")
    if last:
        when = time.strftime("%d/%m/%Y %H:%M", time.localtime(last["started_at"]))
        print(
            f"Dernière synchronisation : {when} — {last['status']} (lus {last['read']}, "
            f"envoyés {last['uploaded']})"
        )
        if last["message"]:
            print(f"  {last['message']}")
    store = status.get("local_store") or {}
    for note in ((store.get("rebuilt") or {}).get("message"), store.get("problem")):
        if note:
            print(note[:1].upper() + note[1:])
    print(f"Changements en attente : {status['pending']}")
    if status["held"]:
        print(f"Dépublications retenues : {len(status['held'])} (shopsync confirm pour les lancer)")
    if status["unmapped_brands"]:
        print(f"Marques à décider : {', '.join(status['unmapped_brands'])}")
    if status["rejected"]:
        print(f"Refusés par le site : {len(status['rejected'])}")
    return 0
