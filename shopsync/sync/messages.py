"""The sentences a person reads about a run: the one-line summary printed by `shopsync sync`,
the service log and the demo, and the run messages stored in `runs.message`.

Kept out of the engine so that the engine only produces values (a `RunSummary`) and the words
live in one place, ready to go through the translation catalogue. French first, as the shop's
users speak it; the few English messages are the technical ones support reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from shopsync.i18n import QT_TRANSLATE_NOOP, arg, translate
from shopsync.sync.vocab import RunStatus


class RunCounts(Protocol):
    """What a run line shows (a `RunSummary` has it; this module does not import it, since
    `RunSummary.human` calls this one: no import cycle)."""

    status: str
    read: int
    changes: int
    uploaded: int
    pending: int
    held: int
    rejected: int
    message: str

# Marked for the translation catalogue (context "Run") and translated where they are shown,
# in the language shopsync/i18n.py chose (French on a French system, English otherwise).
HEADLINES: dict[str, str] = {
    RunStatus.OK: QT_TRANSLATE_NOOP("Run", "Synchronisation terminée"),
    RunStatus.UNCHANGED: QT_TRANSLATE_NOOP("Run", "Rien de nouveau"),
    RunStatus.OFFLINE: QT_TRANSLATE_NOOP("Run", "Site injoignable : changements gardés en attente"),
    RunStatus.HELD: QT_TRANSLATE_NOOP("Run", "Dépublication retenue : confirmez avec `shopsync confirm`"),
    RunStatus.INPUT_ERROR: QT_TRANSLATE_NOOP("Run", "Export ERP illisible : rien n'a changé"),
    RunStatus.TOKEN_REFUSED: QT_TRANSLATE_NOOP("Run", "Le site a refusé le jeton"),
    RunStatus.BUSY: QT_TRANSLATE_NOOP("Run", "Une synchronisation est déjà en cours"),
    RunStatus.DRY_RUN: QT_TRANSLATE_NOOP("Run", "Simulation (rien n'a été envoyé)"),
    RunStatus.ERROR: QT_TRANSLATE_NOOP("Run", "Erreur"),
}


def headline(status: str) -> str:
    """The run's outcome in words (an unknown status is shown as it is)."""
    return translate("Run", HEADLINES[status]) if status in HEADLINES else status


def run_line(summary: RunCounts) -> str:
    """One line about a run: outcome, counts, then the run's message if any."""
    text = arg(
        translate(
            "Run",
            "%1 — lus %2, changements %3, envoyés %4, en attente %5, retenus %6, refusés %7",
        ),
        headline(summary.status), summary.read, summary.changes, summary.uploaded,
        summary.pending, summary.held, summary.rejected,
    )  # fmt: skip
    return f"{text}. {summary.message}" if summary.message else text


def held(count: int) -> str:
    """Why a run stopped short of unpublishing (`RunStatus.HELD`)."""
    return f"{count} produits seraient dépubliés : c'est plus que le seuil de sécurité"


def internal_error(exc: BaseException) -> str:
    """A bug: its type only (the traceback is in the log, never shown)."""
    return f"erreur interne ({type(exc).__name__}) : voir logs/shopsync.log"


def busy() -> str:
    return "another sync is running"


def token_refused(exc: BaseException) -> str:
    return f"the site refused the token ({exc})"


def service_started(next_run: float) -> str:
    """`shopsync run --headless`, once the scheduler is up."""
    return (
        "ShopSync tourne en service ; prochaine synchronisation "
        f"{datetime.fromtimestamp(next_run):%H:%M}. Ctrl-C pour arrêter."
    )
