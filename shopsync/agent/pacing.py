"""How many support requests the agent carries out, and how often: a pure policy (no clock, no
thread, no store), so that every rule is a unit test.

Whatever the site lists, a shop PC does at most:
- one requested full reconcile per `PACE[FULL_RECONCILE]` (15 min): each is an ERP read and a
  whole catalogue download;
- one diagnostics upload per `PACE[DIAGNOSTICS]` (1 h): each zips up to 5 MB of logs;
- `ACTIONS_PER_HEARTBEAT` requests carried out and `ACKS_PER_HEARTBEAT` acknowledgements sent
  per heartbeat; the rest stay listed by the site and wait for the next heartbeat.

A new request over its pace is acknowledged `ignored` at once, saying when the next one will
be taken (the platform sees it was not carried out and why; nothing piles up on either side).
A request that was started but not finished (the site went away during the upload, the PC was
switched off during the run) is not ignored: it waits, listed, until its pace allows it again.
A request already answered is answered again with the same outcome, never done again: that is
"done once", for any number of outstanding requests (the answers are kept in the store).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from shopsync.site.protocol import RequestKind, SupportRequest

PACE: dict[RequestKind, float] = {
    RequestKind.FULL_RECONCILE: 15 * 60.0,
    RequestKind.DIAGNOSTICS: 60 * 60.0,
}
ACTIONS_PER_HEARTBEAT = 5
ACKS_PER_HEARTBEAT = 20


class Verdict(StrEnum):
    """What the agent does with one listed request at this heartbeat."""

    DO = "do"  # carry it out now, then acknowledge it
    ANSWER_AGAIN = "answer_again"  # answered before (its ack was lost): same answer, nothing done
    PACED = "paced"  # over its kind's pace: acknowledged ignored, with when to ask again
    UNKNOWN = "unknown"  # a kind the agent does not know: acknowledged ignored
    LATER = "later"  # over this heartbeat's budget, or started and over its pace: left listed


@dataclass(frozen=True, slots=True)
class Known:
    """What the store remembers of one request id."""

    outcome: str | None  # None: started, not finished (no acknowledgement sent yet)
    message: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    request: SupportRequest
    verdict: Verdict
    next_allowed: float | None = None  # PACED and LATER: when this kind may run again


def next_allowed(kind: RequestKind, last_started: float | None, now: float) -> float | None:
    """When a request of `kind` may next be carried out; None: now. A remembered start in the
    future (the clock was set back) cannot say how long ago it was: one request goes through
    and the pace starts again from the new clock."""
    pace = PACE.get(kind)
    if pace is None or last_started is None or last_started > now:
        return None
    due = last_started + pace
    return None if now >= due else due


def plan(
    requests: Sequence[SupportRequest],
    known: Mapping[str, Known],
    last_started: Mapping[RequestKind, float],
    now: float,
    *,
    actions: int = ACTIONS_PER_HEARTBEAT,
    acks: int = ACKS_PER_HEARTBEAT,
) -> list[Step]:
    """One step per distinct listed id (a repeated id counts once): first the requests not
    answered yet, in the site's order, then the answers to repeat with what is left of the
    acknowledgement budget — so a site that keeps listing answered requests (lost acks, or a
    site that never forgets) cannot starve the new ones."""
    last = dict(last_started)
    fresh: list[Step] = []
    again: list[Step] = []
    seen: set[str] = set()
    for request in requests:
        if request.id in seen:
            continue
        seen.add(request.id)
        step = _step(request, known.get(request.id), last, now)
        if step.verdict is Verdict.ANSWER_AGAIN:
            again.append(step)
            continue
        if step.verdict is not Verdict.LATER:
            if acks <= 0 or (step.verdict is Verdict.DO and actions <= 0):
                step = Step(request, Verdict.LATER)
            else:
                acks -= 1
                if step.verdict is Verdict.DO:
                    actions -= 1
                    kind = request.known_kind
                    if kind in PACE:
                        last[kind] = now
        fresh.append(step)
    for i, step in enumerate(again):
        if i >= acks:
            again[i] = Step(step.request, Verdict.LATER)
    return fresh + again


def _step(
    request: SupportRequest, record: Known | None, last: Mapping[RequestKind, float], now: float
) -> Step:
    if record is not None and record.outcome is not None:
        return Step(request, Verdict.ANSWER_AGAIN)
    kind = request.known_kind
    if kind is None:
        return Step(request, Verdict.UNKNOWN)
    allowed = next_allowed(kind, last.get(kind), now)
    if allowed is None:
        return Step(request, Verdict.DO)
    if record is not None:  # started before, not finished: it waits for its turn
        return Step(request, Verdict.LATER, allowed)
    return Step(request, Verdict.PACED, allowed)
