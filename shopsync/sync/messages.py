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
    counts: dict | None

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


# `sync --dry-run`: one line per kind of change (the keys of `Plan.by_kind`).
PLAN_KINDS: dict[str, str] = {
    "publish": QT_TRANSLATE_NOOP("Run", "À publier"),
    "update": QT_TRANSLATE_NOOP("Run", "À mettre à jour"),
    "unpublish": QT_TRANSLATE_NOOP("Run", "À dépublier"),
    "held": QT_TRANSLATE_NOOP("Run", "Dépublications retenues"),
}


def plan_line(kind: str, refs: list[str], shown: int = 10) -> str:
    """`sync --dry-run`: a kind of change in words, its count and its first references."""
    label = translate("Run", PLAN_KINDS[kind]) if kind in PLAN_KINDS else kind
    more = " …" if len(refs) > shown else ""
    return "  " + arg(translate("Run", "%1 : %2 — %3"), label, len(refs), ", ".join(refs[:shown]) + more)


def headline(status: str) -> str:
    """The run's outcome in words (an unknown status is shown as it is)."""
    return translate("Run", HEADLINES[status]) if status in HEADLINES else status


def run_line(summary: RunCounts) -> str:
    """One line about a run: outcome, counts, then the run's message if any, then why nothing
    of the export will be published, if nothing will (sync/counts.py)."""
    text = arg(
        translate(
            "Run",
            "%1 — lus %2, changements %3, envoyés %4, en attente %5, retenus %6, refusés %7",
        ),
        headline(summary.status), summary.read, summary.changes, summary.uploaded,
        summary.pending, summary.held, summary.rejected,
    )  # fmt: skip
    text = f"{text}. {summary.message}" if summary.message else text
    from shopsync.sync.counts import ExportCounts

    counts = ExportCounts.from_dict(getattr(summary, "counts", None))
    why = counts.why_nothing() if counts is not None else None
    return f"{text.rstrip('.')}. {why}" if why else text


def held(count: int) -> str:
    """Why a run stopped short of unpublishing (`RunStatus.HELD`)."""
    return translate(
        "Run", "%n produit(s) seraient dépubliés : c'est plus que le seuil de sécurité", None, count
    )


def internal_error(exc: BaseException) -> str:
    """A bug: its type only (the traceback is in the log, never shown)."""
    return arg(translate("Run", "erreur interne (%1) : voir logs/shopsync.log"), type(exc).__name__)


def busy() -> str:
    return translate("Run", "une autre synchronisation tient le verrou")


def token_refused() -> str:
    """401/403 (the site's own words and the status code go to the log, in English)."""
    return translate("Run", "le site a refusé le jeton : vérifiez-le dans les réglages")


def certificate_refused(url: str) -> str:
    """The site's TLS certificate is not trusted by this PC (the technical detail goes to the
    log): support looks at the antivirus or proxy, not at the site."""
    return arg(
        translate(
            "Run",
            "le certificat du site %1 n'est pas reconnu par ce PC (antivirus ou proxy ?) : "
            "rien n'a été envoyé, nouvel essai automatique (détail dans le journal)",
        ),
        url,
    )


def contract_broken(url: str) -> str:
    """An answer crossed a limit of the trust boundary (shopsync.net.limits): too large, too
    slow, too deep, endless paging. The breach and its figures go to the log."""
    return arg(
        translate(
            "Run",
            "le site %1 a envoyé une réponse hors contrat (trop grande, trop lente ou mal "
            "formée) : rien n'a été envoyé ni dépublié, nouvel essai automatique (détail dans "
            "le journal)",
        ),
        url,
    )


def offline(url: str) -> str:
    """The site could not be reached (the client's English detail goes to the log)."""
    return arg(
        translate("Run", "le site %1 n'a pas répondu ; nouvel essai automatique (détail dans le journal)"),
        url,
    )


def no_token() -> str:
    """No token in the environment nor in the keyring for the site's address."""
    return translate(
        "Run",
        "aucun jeton pour ce site : saisissez-le dans la fenêtre des réglages (il est gardé "
        "dans le trousseau du système) ou définissez SHOPSYNC_SITE_TOKEN",
    )


def empty_read() -> str:
    return translate("Run", "l'export de l'ERP ne contient aucun article : rien n'a changé sur le site")


def empty_catalogue() -> str:
    return translate("Run", "le catalogue du site est vide : rien à publier")


def service_started(next_run: float) -> str:
    """`shopsync run --headless`, once the scheduler is up."""
    return (
        "ShopSync tourne en service ; prochaine synchronisation "
        f"{datetime.fromtimestamp(next_run):%H:%M}. Ctrl-C pour arrêter."
    )
