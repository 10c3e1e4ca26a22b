"""Labels shared by the tray app and the command line, defined once in French (the source
language) and translated where they are shown: by Qt's translator in the GUI, by
shopsync/i18n.py in the CLI. Both read the same catalogue (context "State"), so the tray and
`shopsync status` cannot word the same state differently.

Qt-free: the markers are shopsync.i18n's QT_TRANSLATE_NOOP, which pyside6-lupdate collects.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from shopsync.i18n import QT_TRANSLATE_NOOP, localize
from shopsync.rules import BrandMode
from shopsync.sync.vocab import RunStatus, Trigger
from shopsync.vocab import ConnectorState, ReasonCode

# The connector's state as a headline (tray tooltip, status window, `shopsync status`).
STATE_HEADLINES: dict[str, str] = {
    ConnectorState.NEVER_RUN: QT_TRANSLATE_NOOP("State", "Pas encore synchronisé"),
    ConnectorState.UP_TO_DATE: QT_TRANSLATE_NOOP("State", "À jour"),
    ConnectorState.PENDING: QT_TRANSLATE_NOOP("State", "Changements en attente"),
    ConnectorState.OFFLINE: QT_TRANSLATE_NOOP("State", "Site injoignable"),
    ConnectorState.ATTENTION: QT_TRANSLATE_NOOP("State", "À vérifier"),
    ConnectorState.TOKEN_REFUSED: QT_TRANSLATE_NOOP("State", "Le site a refusé le jeton"),
    ConnectorState.ERROR: QT_TRANSLATE_NOOP("State", "La dernière synchronisation a échoué"),
}

# A run's outcome (the engine's run statuses) in the run history and the CLI.
OUTCOMES: dict[str, str] = {
    RunStatus.OK: QT_TRANSLATE_NOOP("State", "terminée"),
    RunStatus.UNCHANGED: QT_TRANSLATE_NOOP("State", "rien de nouveau"),
    RunStatus.OFFLINE: QT_TRANSLATE_NOOP("State", "site injoignable"),
    RunStatus.HELD: QT_TRANSLATE_NOOP("State", "dépublication retenue"),
    RunStatus.INPUT_ERROR: QT_TRANSLATE_NOOP("State", "export illisible"),
    RunStatus.TOKEN_REFUSED: QT_TRANSLATE_NOOP("State", "jeton refusé"),
    RunStatus.BUSY: QT_TRANSLATE_NOOP("State", "déjà en cours"),
    RunStatus.ERROR: QT_TRANSLATE_NOOP("State", "erreur"),
    RunStatus.RUNNING: QT_TRANSLATE_NOOP("State", "en cours"),
    RunStatus.DRY_RUN: QT_TRANSLATE_NOOP("State", "simulation"),
}

# What started a run (the scheduler's and the windows' triggers).
TRIGGERS: dict[str, str] = {
    Trigger.MANUAL: QT_TRANSLATE_NOOP("State", "manuelle"),
    Trigger.INTERVAL: QT_TRANSLATE_NOOP("State", "planifiée"),
    Trigger.NIGHTLY: QT_TRANSLATE_NOOP("State", "nocturne"),
    Trigger.WATCH: QT_TRANSLATE_NOOP("State", "nouvel export"),
    Trigger.WAKE: QT_TRANSLATE_NOOP("State", "après veille"),
    Trigger.RETRY: QT_TRANSLATE_NOOP("State", "nouvel essai"),
    Trigger.START: QT_TRANSLATE_NOOP("State", "démarrage"),
    Trigger.CONFIRM: QT_TRANSLATE_NOOP("State", "confirmation"),
    Trigger.RESUME: QT_TRANSLATE_NOOP("State", "reprise"),
    Trigger.CLI: QT_TRANSLATE_NOOP("State", "ligne de commande"),
    Trigger.DEMO: QT_TRANSLATE_NOOP("State", "démo"),
    Trigger.BRANDS: QT_TRANSLATE_NOOP("State", "marques"),
    Trigger.REFERENCES: QT_TRANSLATE_NOOP("State", "références"),
    Trigger.SUPPORT: QT_TRANSLATE_NOOP("State", "demande du support"),
    Trigger.POLL: QT_TRANSLATE_NOOP("State", "changement dans l'ERP"),
}

# The first-connection check (`shopsync check --site`, the first-run wizard's site step):
# %1 the site's address, %2 the detail or the catalogue's size. Keys: agent.first_connection.
SITE_CHECK: dict[str, str] = {
    "bad_address": QT_TRANSLATE_NOOP("State", "L'adresse du site « %1 » ne convient pas : %2"),
    "unreachable": QT_TRANSLATE_NOOP(
        "State",
        "Le site %1 ne répond pas : vérifiez l'adresse et la connexion internet du magasin, "
        "puis réessayez.",
    ),
    "not_a_site": QT_TRANSLATE_NOOP(
        "State",
        "%1 répond, mais ce n'est pas l'adresse de synchronisation du site : demandez-la à la "
        "plateforme.",
    ),
    "no_token": QT_TRANSLATE_NOOP(
        "State",
        "Le site %1 répond, mais aucun jeton n'est enregistré : saisissez celui que la "
        "plateforme vous a donné.",
    ),
    "token_refused": QT_TRANSLATE_NOOP(
        "State",
        "Le site %1 répond, mais refuse le jeton : vérifiez-le (sans espace en trop) ou "
        "demandez-en un nouveau à la plateforme.",
    ),
    "ok": QT_TRANSLATE_NOOP(
        "State", "Le site %1 répond et accepte le jeton : %2 produit(s) au catalogue."
    ),
}

# The connection report at a glance (`shopsync check --site`, the wizard's last step): %1 a count.
# Keys: agent.report.ReportCounts; the last one is shown only when it is not zero.
CONNECTION_REPORT: dict[str, str] = {
    "references": QT_TRANSLATE_NOOP("State", "%1 référence(s) lue(s) dans l'export de l'ERP"),
    "connected": QT_TRANSLATE_NOOP("State", "%1 connectée(s) au catalogue du site"),
    "to_rewrite": QT_TRANSLATE_NOOP("State", "%1 à réécrire dans l'ERP"),
    "brands_to_decide": QT_TRANSLATE_NOOP("State", "%1 marque(s) à décider"),
    "written_the_old_way": QT_TRANSLATE_NOOP(
        "State", "%1 écrite(s) à l'ancienne (produit renommé par la plateforme : connectée(s))"
    ),
}

# The engine's progress phases.
PHASES: dict[str, str] = {
    "read": QT_TRANSLATE_NOOP("State", "lecture de l'export"),
    "catalog": QT_TRANSLATE_NOOP("State", "catalogue du site"),
    "rules": QT_TRANSLATE_NOOP("State", "application des règles"),
    "upload": QT_TRANSLATE_NOOP("State", "envoi"),
}

# A brand's mode, as the brands window and `shopsync brands list` show it.
BRAND_MODES: dict[str, str] = {
    BrandMode.UNMAPPED: QT_TRANSLATE_NOOP("State", "À décider (hors site)"),
    BrandMode.STOCK: QT_TRANSLATE_NOOP("State", "En stock"),
    BrandMode.PREORDER: QT_TRANSLATE_NOOP("State", "Pré-commande"),
    BrandMode.OFF: QT_TRANSLATE_NOOP("State", "Hors site"),
}

# How an ERP reference matched the catalogue (shopsync.matching's statuses).
MATCH_STATUSES: dict[str, str] = {
    "exact": QT_TRANSLATE_NOOP("State", "identiques"),
    "normalized": QT_TRANSLATE_NOOP("State", "écrites autrement"),
    "suggested": QT_TRANSLATE_NOOP("State", "avec suggestion"),
    "unmatched": QT_TRANSLATE_NOOP("State", "introuvables"),
}

# One export counted (shopsync/sync/counts.py: `ExportCounts.sentences`): the wizard, the
# readiness report, the sync summary, `shopsync status` and `shopsync demo` say it alike.
COUNTS: dict[str, str] = {
    "read": QT_TRANSLATE_NOOP(
        "State",
        "Export : %1 ligne(s) lue(s), %2 refusée(s), %3 regroupée(s) avec une autre de la même "
        "référence ; %4 référence(s) distincte(s)",
    ),
    "matched": QT_TRANSLATE_NOOP(
        "State", "Références : %1 connectée(s) au catalogue du site, %2 à réécrire, %3 absente(s) "
        "du catalogue",
    ),
    "published": QT_TRANSLATE_NOOP(
        "State",
        "Connectées : %1 publiée(s), %2 retenue(s) par leur marque (%3 à décider, %4 hors "
        "site), %5 retenue(s) par leur statut dans l'ERP",
    ),
}

# Why nothing of the export will be on the site (`sync.counts.NothingPublished`).
NOTHING_PUBLISHED: dict[str, str] = {
    "no_item": QT_TRANSLATE_NOOP(
        "State", "Rien ne sera publié : l'export ne contient aucun article lisible."
    ),
    "catalogue_unknown": QT_TRANSLATE_NOOP(
        "State", "Rien ne sera publié tant que le catalogue du site n'a pas été lu."
    ),
    "empty_catalogue": QT_TRANSLATE_NOOP(
        "State", "Rien ne sera publié : le catalogue du site est vide."
    ),
    "nothing_connected": QT_TRANSLATE_NOOP(
        "State",
        "Rien ne sera publié : aucune référence de l'export ne correspond au catalogue du site.",
    ),
    "brands_undecided": QT_TRANSLATE_NOOP(
        "State",
        "Rien ne sera publié : toutes les marques sont à décider (fenêtre Marques, ou "
        "`shopsync brands map`).",
    ),
    "brands_off": QT_TRANSLATE_NOOP(
        "State", "Rien ne sera publié : toutes les marques connectées sont hors site."
    ),
    "brands_undecided_or_off": QT_TRANSLATE_NOOP(
        "State",
        "Rien ne sera publié : les marques connectées sont à décider ou hors site (fenêtre "
        "Marques, ou `shopsync brands map`).",
    ),
    "held_by_status": QT_TRANSLATE_NOOP(
        "State",
        "Rien ne sera publié : tous les articles connectés sont retenus par leur statut dans "
        "l'ERP.",
    ),
    "held_by_brand_or_status": QT_TRANSLATE_NOOP(
        "State",
        "Rien ne sera publié : chaque article connecté est retenu par sa marque ou par son "
        "statut dans l'ERP.",
    ),
}

Translate = Callable[..., str]  # QCoreApplication.translate or shopsync.i18n.translate


def clock(ts: float | None, now: float | None = None) -> str:
    """"14:05" today, "05/12 14:05" another day (local time)."""
    if not ts:
        return ""
    moment = time.localtime(ts)
    today = time.localtime(now) if now is not None else time.localtime()
    if (moment.tm_year, moment.tm_yday) == (today.tm_year, today.tm_yday):
        return time.strftime("%H:%M", moment)
    return time.strftime("%d/%m %H:%M", moment)


def reason_text(reason: Any, translate: Translate) -> str:
    """Why the connector is in its state (a services.status.Reason), one sentence, the same in
    the tray's tooltip and menu, the status window, the balloon and `shopsync status`.
    `translate` is Qt's in the tray app, shopsync.i18n's in the CLI: one catalogue (context
    "State"). Written as calls, not a table, so that lupdate sees the plural (%n) forms."""
    code, n, detail = reason.code, reason.count, reason.detail
    if detail:  # a run's message, stored in English (`--json`): in the language shown now
        detail = localize(detail)
    if code == ReasonCode.UP_TO_DATE:
        return translate("State", "Dernière synchronisation à %1").replace("%1", clock(reason.at))
    if code == ReasonCode.NEVER_RUN:
        return translate("State", "Choisissez l'export de l'ERP et le site dans les paramètres.")
    if code == ReasonCode.TOKEN_REFUSED:
        return translate(
            "State", "Le site a refusé le jeton : entrez-en un nouveau dans les paramètres."
        )
    if code == ReasonCode.HELD:
        return translate("State", "%n dépublication(s) attendent votre accord.", None, n)
    if code == ReasonCode.EXPORT_UNREADABLE:
        return translate(
            "State", "Export ERP illisible, rien n'a changé sur le site : %1"
        ).replace("%1", detail)
    if code == ReasonCode.OFFLINE:
        # The run's own words name the site: "le site https://… n'a pas répondu ; …"
        text = (
            detail[:1].upper() + detail[1:].rstrip(".") + "."
            if detail
            else translate("State", "Le site n'a pas répondu à la dernière synchronisation.")
        )
        if n:
            text += " " + translate(
                "State", "%n changement(s) en attente depuis %1", None, n
            ).replace("%1", clock(reason.at))
        return text
    if code == ReasonCode.FAILED:
        if not detail:
            return translate("State", "La dernière synchronisation a échoué.")
        return translate("State", "La dernière synchronisation a échoué : %1").replace("%1", detail)
    if code == ReasonCode.PENDING:
        return translate("State", "%n changement(s) en attente depuis %1", None, n).replace(
            "%1", clock(reason.at)
        )
    if code == ReasonCode.BRANDS_UNDECIDED:
        names = ", ".join(reason.names[:3]) + ("…" if len(reason.names) > 3 else "")
        return translate("State", "%n nouvelle(s) marque(s) à décider (%1).", None, n).replace(
            "%1", names
        )
    if code == ReasonCode.REJECTED:
        return translate("State", "%n produit(s) refusé(s) par le site.", None, n)
    if code == ReasonCode.DISK_REFUSES:
        return translate("State", "Le disque refuse d'écrire : %1").replace("%1", detail)
    if code == ReasonCode.DATABASE_REBUILT:
        at = time.strftime("%d/%m/%Y %H:%M", time.localtime(reason.at or 0))
        return translate(
            "State", "Base locale endommagée, reconstruite le %1 : la synchronisation a repris."
        ).replace("%1", at)
    return str(code)
