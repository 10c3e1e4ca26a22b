"""How the connector's state reads to a person: one icon, a headline, why, and what needs a
person.

The state itself is classified once, Qt-free, by services/status.py (`shopsync status` prints
the same headline from shopsync/texts.py); this module only picks the icon and the words, adding
what the tray alone knows (a run under way, the schedule paused). Kept apart from the widgets so
that the tray, the status window and the tests share one wording.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from shopsync import texts
from shopsync.services.status import ConnectorStatus
from shopsync.sync.vocab import RunStatus
from shopsync.vocab import ConnectorState

CTX = "State"
StatusLike = ConnectorStatus | Mapping[str, Any] | None


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CTX, text, None, n)


def hhmm(ts: float | None) -> str:
    if not ts:
        return ""
    moment = time.localtime(ts)
    if time.strftime("%Y%m%d", moment) == time.strftime("%Y%m%d"):
        return time.strftime("%H:%M", moment)
    return time.strftime("%d/%m %H:%M", moment)


def phase_label(phase: str) -> str:
    return _t(texts.PHASES.get(phase, phase))


def headline(state: str) -> str:
    """The connector state's headline, worded once in shopsync/texts.py (the CLI says the same)."""
    return _t(texts.STATE_HEADLINES.get(state, texts.STATE_HEADLINES[ConnectorState.NEVER_RUN]))


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


def attention_reasons(status: StatusLike) -> dict[str, str]:
    """What needs a person, keyed so a notification is shown once per new reason."""
    s = ConnectorStatus.from_mapping(status)
    reasons: dict[str, str] = {}
    last = s.last_run or {}
    blocked = s.scheduler.get("blocked") == RunStatus.TOKEN_REFUSED
    if s.state == ConnectorState.TOKEN_REFUSED or blocked:
        reasons["token"] = QCoreApplication.translate(
            "State", "Le site a refusé le jeton : entrez-en un nouveau dans les paramètres."
        )
    if s.held:
        reasons[f"held:{len(s.held)}"] = QCoreApplication.translate(
            "State", "%n dépublication(s) attendent votre accord.", None, len(s.held)
        )
    brands = s.unmapped_brands
    if brands:
        sentence = QCoreApplication.translate(
            "State", "%n nouvelle(s) marque(s) à décider.", None, len(brands)
        )
        # "1 nouvelle marque à décider (BIJOUX FANTAISIE)." rather than "décider. (…)"
        named = ", ".join(brands[:3]) + ("…" if len(brands) > 3 else "")
        reasons["brands:" + ",".join(sorted(brands))] = f"{sentence.rstrip('.')} ({named})."
    if s.rejected:
        reasons[f"rejected:{len(s.rejected)}"] = QCoreApplication.translate(
            "State", "%n produit(s) refusé(s) par le site.", None, len(s.rejected)
        )
    # Keyed by what went wrong, not by the run: the same broken export read again by every
    # 5-minute sync is one reason (one balloon), not a new one each time.
    if last.get("status") == RunStatus.INPUT_ERROR:
        reasons["input:" + str(last.get("message") or "")] = QCoreApplication.translate(
            "State", "Export ERP illisible : rien n'a changé sur le site."
        )
    elif last.get("status") == RunStatus.ERROR:
        reasons["error:" + str(last.get("message") or "")] = QCoreApplication.translate(
            "State", "La dernière synchronisation a échoué."
        )
    return reasons


def view(status: StatusLike, *, running: bool = False, progress: tuple | None = None) -> View:
    """The tray's icon and words for the connector's state (classified once, by
    services/status.py) and the scheduler's own state (running, paused). This picks words and
    an icon; it never decides whether the shop is up to date."""
    s = ConnectorStatus.from_mapping(status)
    sched = s.scheduler
    state = s.state
    reasons = attention_reasons(s)
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
        return View("attention", headline(ConnectorState.TOKEN_REFUSED), reasons["token"], reasons)
    since = hhmm(s.pending_since)
    if state == ConnectorState.OFFLINE:
        if s.pending:
            detail = QCoreApplication.translate(
                "State", "%n changement(s) en attente depuis %1", None, s.pending
            ).replace("%1", since)
        else:
            detail = QCoreApplication.translate(
                "State", "Le site n'a pas répondu à la dernière synchronisation."
            )
        retry = sched.get("retry_at")
        if retry:
            detail += "\n" + QCoreApplication.translate("State", "Nouvel essai à %1").replace(
                "%1", hhmm(retry)
            )
        return View("offline", headline(state), detail, reasons)
    if reasons:
        return View(
            "attention",
            headline(ConnectorState.ATTENTION),
            next(iter(reasons.values())),
            reasons,
        )
    if state == ConnectorState.PENDING:
        detail = QCoreApplication.translate(
            "State", "%n changement(s) en attente depuis %1", None, s.pending
        ).replace("%1", since)
        return View("offline", headline(state), detail, reasons)
    if state == ConnectorState.UP_TO_DATE:
        last = s.last_run or {}
        when = hhmm(last.get("ended_at") or last.get("started_at"))
        return View(
            "ok",
            headline(state),
            QCoreApplication.translate("State", "Dernière synchronisation à %1").replace("%1", when),
            reasons,
        )
    if state in (ConnectorState.ERROR, ConnectorState.ATTENTION):
        # The failure's own reason is not in the newest run (one is running elsewhere).
        return View("attention", headline(state), "", reasons)
    return View(
        "offline",
        headline(ConnectorState.NEVER_RUN),
        QCoreApplication.translate(
            "State", "Choisissez l'export de l'ERP et le site dans les paramètres."
        ),
        reasons,
    )


def outcome_label(status: str) -> str:
    return _t(texts.OUTCOMES.get(status, status))


def trigger_label(trigger: str | None) -> str:
    return _t(texts.TRIGGERS.get(trigger or "", trigger or ""))
