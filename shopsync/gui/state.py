"""How the engine's state reads to a person: one icon, a headline, why, and what needs a person.

Kept apart from the widgets so that the tray, the status window and the tests share one wording.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "State"


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CTX, text, None, n)


def hhmm(ts: float | None) -> str:
    if not ts:
        return ""
    moment = time.localtime(ts)
    if time.strftime("%Y%m%d", moment) == time.strftime("%Y%m%d"):
        return time.strftime("%H:%M", moment)
    return time.strftime("%d/%m %H:%M", moment)


PHASES = {
    "read": QT_TRANSLATE_NOOP("State", "lecture de l'export"),
    "catalog": QT_TRANSLATE_NOOP("State", "catalogue du site"),
    "rules": QT_TRANSLATE_NOOP("State", "application des règles"),
    "upload": QT_TRANSLATE_NOOP("State", "envoi"),
}


def phase_label(phase: str) -> str:
    return _t(PHASES.get(phase, phase))


@dataclass(slots=True)
class View:
    icon: str  # ok | sync | offline | attention | paused
    headline: str
    detail: str = ""
    attention: dict[str, str] = field(default_factory=dict)  # reason key -> sentence

    def tooltip(self) -> str:
        lines = ["ShopSync — " + self.headline]
        if self.detail:
            lines.append(self.detail)
        lines += [v for v in self.attention.values() if v != self.detail]
        return "\n".join(lines)


# A rebuilt local database is told for three days (the tray balloons once, the status window
# shows the line), then it is history kept in diagnostics.
REBUILT_NOTICE_SECONDS = 3 * 86400


def attention_reasons(status: dict[str, Any]) -> dict[str, str]:
    """What needs a person, keyed so a notification is shown once per new reason."""
    reasons: dict[str, str] = {}
    last = status.get("last_run") or {}
    sched = status.get("scheduler") or {}
    if status.get("state") == "token_refused" or sched.get("blocked") == "token_refused":
        reasons["token"] = QCoreApplication.translate(
            "State", "Le site a refusé le jeton : entrez-en un nouveau dans les paramètres."
        )
    held = status.get("held") or []
    if held:
        reasons[f"held:{len(held)}"] = QCoreApplication.translate(
            "State", "%n dépublication(s) attendent votre accord.", None, len(held)
        )
    brands = status.get("unmapped_brands") or []
    if brands:
        sentence = QCoreApplication.translate(
            "State", "%n nouvelle(s) marque(s) à décider.", None, len(brands)
        )
        # "1 nouvelle marque à décider (BIJOUX FANTAISIE)." rather than "décider. (…)"
        named = ", ".join(brands[:3]) + ("…" if len(brands) > 3 else "")
        reasons["brands:" + ",".join(sorted(brands))] = f"{sentence.rstrip('.')} ({named})."
    rejected = status.get("rejected") or []
    if rejected:
        reasons[f"rejected:{len(rejected)}"] = QCoreApplication.translate(
            "State", "%n produit(s) refusé(s) par le site.", None, len(rejected)
        )
    store = status.get("local_store") or {}
    if store.get("problem"):
        reasons["store:" + store["problem"]] = QCoreApplication.translate(
            "State", "Le disque refuse d'écrire : %1"
        ).replace("%1", store["problem"])
    rebuilt = store.get("rebuilt") or {}
    if rebuilt and time.time() - float(rebuilt.get("at") or 0) < REBUILT_NOTICE_SECONDS:
        reasons["rebuilt:" + str(rebuilt.get("at"))] = QCoreApplication.translate(
            "State", "Base locale endommagée, reconstruite le %1 : la synchronisation a repris."
        ).replace("%1", time.strftime("%d/%m/%Y %H:%M", time.localtime(float(rebuilt["at"]))))
    # Keyed by what went wrong, not by the run: the same broken export read again by every
    # 5-minute sync is one reason (one balloon), not a new one each time.
    if last.get("status") == "input_error":
        reasons["input:" + str(last.get("message") or "")] = QCoreApplication.translate(
            "State", "Export ERP illisible : rien n'a changé sur le site."
        )
    elif last.get("status") == "error":
        reasons["error:" + str(last.get("message") or "")] = QCoreApplication.translate(
            "State", "La dernière synchronisation a échoué."
        )
    return reasons


def view(status: dict[str, Any], *, running: bool = False, progress: tuple | None = None) -> View:
    """The tray's icon and words for the engine status (+ the scheduler's own state)."""
    sched = status.get("scheduler") or {}
    state = status.get("state", "never_run")
    last = status.get("last_run") or {}
    reasons = attention_reasons(status)
    if running:
        detail = ""
        if progress:
            phase, done, total = progress
            detail = phase_label(phase)
            if total:
                detail += f" {done}/{total}"
        return View(
            "sync",
            QCoreApplication.translate("State", "Synchronisation en cours…"),
            detail,
            reasons,
        )
    if sched.get("paused"):
        return View(
            "paused",
            QCoreApplication.translate("State", "En pause"),
            QCoreApplication.translate(
                "State", "Les synchronisations automatiques sont suspendues."
            ),
            reasons,
        )
    if "token" in reasons:
        return View(
            "attention",
            QCoreApplication.translate("State", "Le site a refusé le jeton"),
            reasons["token"],
            reasons,
        )
    pending = int(status.get("pending") or 0)
    since = hhmm(status.get("pending_since"))
    if state == "offline":
        detail = QCoreApplication.translate(
            "State", "%n changement(s) en attente depuis %1", None, pending
        ).replace("%1", since)
        retry = sched.get("retry_at")
        if retry:
            detail += "\n" + QCoreApplication.translate("State", "Nouvel essai à %1").replace(
                "%1", hhmm(retry)
            )
        return View(
            "offline", QCoreApplication.translate("State", "Site injoignable"), detail, reasons
        )
    if reasons:
        return View(
            "attention",
            QCoreApplication.translate("State", "À vérifier"),
            next(iter(reasons.values())),
            reasons,
        )
    if state == "pending":
        detail = QCoreApplication.translate(
            "State", "%n changement(s) en attente depuis %1", None, pending
        ).replace("%1", since)
        return View(
            "offline",
            QCoreApplication.translate("State", "Changements en attente"),
            detail,
            reasons,
        )
    if state == "never_run" or not last:
        return View(
            "offline",
            QCoreApplication.translate("State", "Pas encore synchronisé"),
            QCoreApplication.translate(
                "State", "Choisissez l'export de l'ERP et le site dans les paramètres."
            ),
            reasons,
        )
    when = hhmm(last.get("ended_at") or last.get("started_at"))
    return View(
        "ok",
        QCoreApplication.translate("State", "À jour"),
        QCoreApplication.translate("State", "Dernière synchronisation à %1").replace("%1", when),
        reasons,
    )


def outcome_label(status: str) -> str:
    labels = {
        "ok": QT_TRANSLATE_NOOP("State", "terminée"),
        "unchanged": QT_TRANSLATE_NOOP("State", "rien de nouveau"),
        "offline": QT_TRANSLATE_NOOP("State", "site injoignable"),
        "held": QT_TRANSLATE_NOOP("State", "dépublication retenue"),
        "input_error": QT_TRANSLATE_NOOP("State", "export illisible"),
        "token_refused": QT_TRANSLATE_NOOP("State", "jeton refusé"),
        "busy": QT_TRANSLATE_NOOP("State", "déjà en cours"),
        "error": QT_TRANSLATE_NOOP("State", "erreur"),
        "running": QT_TRANSLATE_NOOP("State", "en cours"),
        "dry_run": QT_TRANSLATE_NOOP("State", "simulation"),
    }
    return _t(labels.get(status, status))


def trigger_label(trigger: str | None) -> str:
    labels = {
        "manual": QT_TRANSLATE_NOOP("State", "manuelle"),
        "interval": QT_TRANSLATE_NOOP("State", "planifiée"),
        "nightly": QT_TRANSLATE_NOOP("State", "nocturne"),
        "watch": QT_TRANSLATE_NOOP("State", "nouvel export"),
        "wake": QT_TRANSLATE_NOOP("State", "après veille"),
        "retry": QT_TRANSLATE_NOOP("State", "nouvel essai"),
        "start": QT_TRANSLATE_NOOP("State", "démarrage"),
        "confirm": QT_TRANSLATE_NOOP("State", "confirmation"),
        "resume": QT_TRANSLATE_NOOP("State", "reprise"),
        "cli": QT_TRANSLATE_NOOP("State", "ligne de commande"),
        "demo": QT_TRANSLATE_NOOP("State", "démo"),
        "brands": QT_TRANSLATE_NOOP("State", "marques"),
    }
    return _t(labels.get(trigger or "", trigger or ""))
