"""When the agent checks, downloads and installs: a pure decision, tested without Qt or time.

Auto mode (the default) downloads as soon as an update is offered and installs at a quiet hour
or when the tray app closes; never during a sync. "Changes pending delivery" need no waiting:
every change is written to the outbox (SQLite) before it is sent and the install only replaces
program files, so an install holding the sync lock never loses one (tests/update prove it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from shopsync.update.settings import UpdateMode

CHECK_EVERY = timedelta(hours=6)
QUIET_HOURS = range(1, 5)  # 01:00–04:59 local: shops are closed (the nightly sync is skipped)


class Action(StrEnum):
    NOTHING = "nothing"
    CHECK = "check"
    DOWNLOAD = "download"
    NOTIFY = "notify"  # "Mise à jour disponible"
    WAIT_FOR_EXIT = "wait_for_exit"  # "Mise à jour installée à la prochaine fermeture"
    APPLY = "apply"


@dataclass(frozen=True, slots=True)
class UpdateState:
    last_check: datetime | None = None
    available: str | None = None  # version offered, if any
    downloaded: bool = False


def decide(
    mode: UpdateMode | str,
    state: UpdateState,
    now: datetime,
    *,
    sync_running: bool,
    closing: bool = False,
) -> Action:
    """The next thing to do. `now` is local time (the quiet hour is the shop's)."""
    mode = UpdateMode(mode)
    if mode is UpdateMode.OFF:
        return Action.NOTHING
    if state.available is None:
        due = state.last_check is None or now - state.last_check >= CHECK_EVERY
        return Action.CHECK if due and not closing else Action.NOTHING
    if mode is UpdateMode.NOTIFY:
        return Action.NOTIFY
    if not state.downloaded:
        return Action.NOTHING if closing else Action.DOWNLOAD
    if sync_running:
        return Action.WAIT_FOR_EXIT
    if closing or now.hour in QUIET_HOURS:
        return Action.APPLY
    return Action.WAIT_FOR_EXIT
