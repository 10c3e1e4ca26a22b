"""The sentences a person reads about a run: the one-line summary printed by `shopsync sync`,
the service log and the demo, and the run messages stored in `runs.message`.

Kept out of the engine so that the engine only produces values (a `RunSummary`) and the words
live in one place, ready to go through the translation catalogue. French first, as the shop's
users speak it; the few English messages are the technical ones support reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from shopsync.sync.vocab import RunStatus

if TYPE_CHECKING:
    from shopsync.sync.summary import RunSummary

HEADLINES: dict[str, str] = {
    RunStatus.OK: "Synchronisation terminée",
    RunStatus.UNCHANGED: "Rien de nouveau",
    RunStatus.OFFLINE: "Site injoignable : changements gardés en attente",
    RunStatus.HELD: "Dépublication retenue : confirmez avec `shopsync confirm`",
    RunStatus.INPUT_ERROR: "Export ERP illisible : rien n'a changé",
    RunStatus.TOKEN_REFUSED: "Le site a refusé le jeton",
    RunStatus.BUSY: "Une synchronisation est déjà en cours",
    RunStatus.DRY_RUN: "Simulation (rien n'a été envoyé)",
    RunStatus.ERROR: "Erreur",
}


def headline(status: str) -> str:
    """The run's outcome in words (an unknown status is shown as it is)."""
    return HEADLINES.get(status, status)


def run_line(summary: RunSummary) -> str:
    """One line about a run: outcome, counts, then the run's message if any."""
    text = (
        f"{headline(summary.status)} — lus {summary.read}, changements {summary.changes}, "
        f"envoyés {summary.uploaded}, en attente {summary.pending}, retenus {summary.held}, "
        f"refusés {summary.rejected}"
    )
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
