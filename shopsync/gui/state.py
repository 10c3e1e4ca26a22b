"""How the connector's state reads to a person: one icon, a headline, why, and what needs a
person.

The state AND its reasons are classified once, Qt-free, by services/status.py (`assess`), and
worded once by shopsync/texts.py (`shopsync status` prints the same sentences). This module
only picks the icon for a state and translates; what the tray alone knows (a run under way,
the schedule paused) is the scheduler's own state, not a classification of the shop's.
tests/test_layering.py keeps it so: no run status is compared anywhere in gui/.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from shopsync import texts
from shopsync.i18n import QT_TRANSLATE_NOOP
from shopsync.services.status import ConnectorStatus, Reason
from shopsync.vocab import ConnectorState

CTX = "State"

# The scheduler's own states, worded here (lupdate collects QT_TRANSLATE_NOOP, not `_t`).
SYNCING = QT_TRANSLATE_NOOP("State", "Synchronisation en cours…")
SETTING_UP = QT_TRANSLATE_NOOP("State", "Configuration en cours")
SETTING_UP_DETAIL = QT_TRANSLATE_NOOP(
    "State", "La synchronisation commencera à la fin de l'assistant de configuration."
)
PAUSED = QT_TRANSLATE_NOOP("State", "En pause")
PAUSED_DETAIL = QT_TRANSLATE_NOOP("State", "Les synchronisations automatiques sont suspendues.")
RETRY_AT = QT_TRANSLATE_NOOP("State", "Nouvel essai à %1")

StatusLike = ConnectorStatus | Mapping[str, Any] | None

# The tray's icon for each state (a picture per word, not a decision).
STATE_ICONS: dict[str, str] = {
    ConnectorState.NEVER_RUN: "offline",
    ConnectorState.UP_TO_DATE: "ok",
    ConnectorState.PENDING: "offline",
    ConnectorState.OFFLINE: "offline",
    ConnectorState.ATTENTION: "attention",
    ConnectorState.TOKEN_REFUSED: "attention",
    ConnectorState.ERROR: "attention",
}


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CTX, text, None, n)


def hhmm(ts: float | None) -> str:
    return texts.clock(ts)


def phase_label(phase: str) -> str:
    return _t(texts.PHASES.get(phase, phase))


def headline(state: str) -> str:
    """The connector state's headline, worded once in shopsync/texts.py (the CLI says the same)."""
    return _t(texts.STATE_HEADLINES.get(state, texts.STATE_HEADLINES[ConnectorState.NEVER_RUN]))


def reason_text(reason: Reason) -> str:
    """A reason in the shop's words: texts.reason_text with Qt's translator."""
    return texts.reason_text(reason, QCoreApplication.translate)


@dataclass(slots=True)
class View:
    icon: str  # ok | sync | offline | attention | paused
    headline: str
    detail: str = ""  # the state's own reason
    attention: dict[str, str] = field(default_factory=dict)  # reason key -> sentence
    reasons: list[str] = field(default_factory=list)  # every reason's sentence, the state's first

    def tooltip(self) -> str:
        return "\n".join(["ShopSync — " + self.headline, *self.lines()])

    def lines(self) -> list[str]:
        """The detail, then the other reasons (each once)."""
        out = [self.detail] if self.detail else []
        return out + [r for r in self.reasons if r not in out]


def attention_reasons(status: StatusLike) -> dict[str, str]:
    """What needs a person (services' reasons), keyed so a balloon is shown once per reason."""
    s = ConnectorStatus.from_mapping(status)
    return {r.key: reason_text(r) for r in s.attention}


def view(status: StatusLike, *, running: bool = False, progress: tuple | None = None) -> View:
    """The tray's icon and words for the connector's state and reasons (classified once, by
    services/status.py) and the scheduler's own state (running, paused)."""
    s = ConnectorStatus.from_mapping(status)
    attention = attention_reasons(s)
    sentences = [reason_text(r) for r in s.reasons]
    if running:
        detail = ""
        if progress:
            phase, done, total = progress
            detail = phase_label(phase)
            if total:
                detail += f" {done}/{total}"
        return View("sync", _t(SYNCING), detail, attention, sentences)
    if s.scheduler.get("setting_up"):
        return View(
            "paused",
            _t(SETTING_UP),
            _t(SETTING_UP_DETAIL),
            attention,
            sentences,
        )
    if s.scheduler.get("paused"):
        return View(
            "paused",
            _t(PAUSED),
            _t(PAUSED_DETAIL),
            attention,
            sentences,
        )
    detail = sentences[0] if sentences else ""
    retry = s.scheduler.get("retry_at")
    if retry:  # the scheduler's backoff (its own state): when it tries again
        detail += "\n" + _t(RETRY_AT).replace("%1", hhmm(retry))
    return View(STATE_ICONS.get(s.state, "attention"), headline(s.state), detail, attention, sentences)


def outcome_label(status: str) -> str:
    return _t(texts.OUTCOMES.get(status, status))


def trigger_label(trigger: str | None) -> str:
    return _t(texts.TRIGGERS.get(trigger or "", trigger or ""))
