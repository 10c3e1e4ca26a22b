"""The scheduler's small values: what its worker queue carries (a run request, a call on the
engine) and what the tray reads about the schedule itself. Kept apart from the worker loop
(shopsync/scheduler.py) so that each stays small; `SchedulerState` is re-exported there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shopsync.scheduling.port import Engine
from shopsync.sync.summary import RunSummary
from shopsync.sync.vocab import Trigger


@dataclass(slots=True)
class RunRequest:
    trigger: Trigger | str
    full: bool = False


@dataclass(slots=True)
class QueuedCall:
    fn: Callable[[Engine], Any]  # typed at `SyncScheduler.call`; erased in the queue
    done: Callable[[Any, BaseException | None], None] | None = None


@dataclass(slots=True)
class SchedulerState:
    """What the tray shows about the schedule itself (not about the shop's data)."""

    running: bool = False
    paused: bool = False
    setting_up: bool = False  # the first-run wizard is open: no run until it is saved or closed
    blocked: str | None = None  # "token_refused": no automatic run until the settings change
    retry_at: float | None = None  # backoff after an offline run
    next_run: float | None = None
    last_summary: RunSummary | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "paused": self.paused,
            "setting_up": self.setting_up,
            "blocked": self.blocked,
            "retry_at": self.retry_at,
            "next_run": self.next_run,
        }
