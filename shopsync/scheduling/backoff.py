"""When automatic runs may happen after the last run's outcome: a pure policy, no clock, no
threads, so every rule is a unit test.

Like Nextcloud's client: after the site could not be reached, wait `BACKOFF_SECONDS[n]` before
the next automatic attempt (the last value repeats, a longer Retry-After from the site wins); a
run that reached the site resets it. A refused token blocks automatic runs until the settings
change. Another process holding the lock (a CLI sync) gets a quick retry without penalty.
Runs a person starts (`MANUAL_TRIGGERS`) go through whatever the policy says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from shopsync.sync.vocab import MANUAL_TRIGGERS, RunStatus, Trigger

BACKOFF_SECONDS: tuple[float, ...] = (25.0, 120.0, 600.0, 3600.0)


@dataclass(frozen=True, slots=True)
class Backoff:
    """The policy's memory between runs."""

    step: int = -1  # index in BACKOFF_SECONDS of the last wait; -1: no outage going on
    not_before: float = 0.0  # automatic runs (other than the retry itself) skip until then
    retry_at: float | None = None  # a retry run should be scheduled then (None: no retry job)
    blocked: str | None = None  # RunStatus.TOKEN_REFUSED: no automatic run at all


def after_run(state: Backoff, status: str, now: float, retry_after: float | None = None) -> Backoff:
    """The policy after a run ended with `status` at `now` (`retry_after`: the site's ask)."""
    if status == RunStatus.OFFLINE:
        step = min(state.step + 1, len(BACKOFF_SECONDS) - 1)
        delay = BACKOFF_SECONDS[step]
        if retry_after:
            delay = max(delay, float(retry_after))
        return replace(state, step=step, not_before=now + delay, retry_at=now + delay)
    if status == RunStatus.BUSY:
        return replace(state, retry_at=now + BACKOFF_SECONDS[0])
    if status == RunStatus.TOKEN_REFUSED:
        return replace(state, blocked=RunStatus.TOKEN_REFUSED, retry_at=None)
    return replace(state, step=-1, not_before=0.0, retry_at=None)


def clock_set_back(state: Backoff, shift: float) -> Backoff:
    """The wall clock went back by -`shift` s (a dead CMOS battery starting in 2009): deadlines
    set on the old clock move back with it, or they would hold automatic runs for years."""
    return replace(
        state,
        not_before=state.not_before + shift if state.not_before else 0.0,
        retry_at=None if state.retry_at is None else state.retry_at + shift,
    )


def skip_reason(
    state: Backoff, trigger: str, now: float, *, paused: bool, setting_up: bool = False
) -> str | None:
    """Why a run asked by `trigger` does not happen now, or None when it may. While the
    first-run wizard is open (`setting_up`) nothing runs, not even a click: the settings a run
    would read are the ones being replaced."""
    if setting_up:
        return "setting up"
    if trigger in MANUAL_TRIGGERS:
        return None
    if paused:
        return "paused"
    if state.blocked:
        return str(state.blocked)
    if trigger not in (Trigger.RETRY, Trigger.SUPPORT) and now < state.not_before:
        return "backing off"
    return None
