"""The support-request pace (shopsync/agent/pacing.py): a pure policy, one rule per test."""

from __future__ import annotations

from shopsync.agent.pacing import (
    ACKS_PER_HEARTBEAT,
    ACTIONS_PER_HEARTBEAT,
    PACE,
    Known,
    Verdict,
    next_allowed,
    plan,
)
from shopsync.site.protocol import RequestKind, SupportRequest

T0 = 1_800_000_000.0
FULL, DIAG = RequestKind.FULL_RECONCILE, RequestKind.DIAGNOSTICS


def req(rid: str, kind: str) -> SupportRequest:
    return SupportRequest(rid, kind)


def verdicts(steps) -> list[tuple[str, Verdict]]:
    return [(s.request.id, s.verdict) for s in steps]


def test_the_paces_are_the_contracts():
    assert PACE[FULL] == 15 * 60 and PACE[DIAG] == 3600
    assert ACTIONS_PER_HEARTBEAT == 5 and ACKS_PER_HEARTBEAT == 20


def test_one_full_reconcile_per_15_minutes_the_next_ones_paced_with_their_time():
    steps = plan([req("a", "full_reconcile"), req("b", "full_reconcile")], {}, {}, T0)
    assert verdicts(steps) == [("a", Verdict.DO), ("b", Verdict.PACED)]
    assert steps[1].next_allowed == T0 + 900
    later = plan([req("c", "full_reconcile")], {}, {FULL: T0}, T0 + 899)
    assert verdicts(later) == [("c", Verdict.PACED)]
    assert verdicts(plan([req("c", "full_reconcile")], {}, {FULL: T0}, T0 + 900)) == [("c", Verdict.DO)]


def test_one_diagnostics_per_hour_independent_of_full_reconciles():
    listed = [req("d1", "diagnostics"), req("f1", "full_reconcile"), req("d2", "diagnostics")]
    steps = plan(listed, {}, {FULL: T0 - 60}, T0)
    assert verdicts(steps) == [("d1", Verdict.DO), ("f1", Verdict.PACED), ("d2", Verdict.PACED)]
    assert steps[2].next_allowed == T0 + 3600
    assert next_allowed(DIAG, T0, T0 + 3599) == T0 + 3600
    assert next_allowed(DIAG, T0, T0 + 3600) is None


def test_pause_and_resume_are_not_paced_but_counted_per_heartbeat():
    listed = [req(f"p{i}", "pause" if i % 2 else "resume") for i in range(8)]
    steps = plan(listed, {}, {}, T0)
    assert [s.verdict for s in steps] == [Verdict.DO] * 5 + [Verdict.LATER] * 3


def test_acknowledgements_are_bounded_per_heartbeat_whatever_they_are():
    listed = [req(f"f{i}", "full_reconcile") for i in range(1000)]
    steps = plan(listed, {}, {}, T0)
    counts = {v: sum(s.verdict is v for s in steps) for v in Verdict}
    assert counts[Verdict.DO] == 1
    assert counts[Verdict.PACED] == ACKS_PER_HEARTBEAT - 1
    assert counts[Verdict.LATER] == 1000 - ACKS_PER_HEARTBEAT
    assert [s.verdict for s in steps[ACKS_PER_HEARTBEAT:]] == [Verdict.LATER] * (1000 - ACKS_PER_HEARTBEAT)


def test_answered_requests_are_answered_again_never_done_again():
    known = {"a": Known("done", "paused"), "b": Known("ignored", "paced: …")}
    steps = plan([req("a", "pause"), req("b", "full_reconcile"), req("c", "pause")], known, {}, T0)
    assert verdicts(steps) == [("c", Verdict.DO), ("a", Verdict.ANSWER_AGAIN), ("b", Verdict.ANSWER_AGAIN)]


def test_a_site_that_keeps_listing_answered_requests_cannot_starve_new_ones():
    answered = [req(f"old{i}", "pause") for i in range(300)]
    known = {r.id: Known("done", "paused") for r in answered}
    steps = plan([*answered, *(req(f"new{i}", "pause") for i in range(10))], known, {}, T0)
    counts = {v: sum(s.verdict is v for s in steps) for v in Verdict}
    assert [s.request.id for s in steps if s.verdict is Verdict.DO] == [f"new{i}" for i in range(5)]
    assert counts[Verdict.ANSWER_AGAIN] == ACKS_PER_HEARTBEAT - 5
    assert counts[Verdict.LATER] == 310 - ACKS_PER_HEARTBEAT


def test_a_started_request_waits_for_its_pace_instead_of_being_ignored():
    known = {"d": Known(None)}  # the upload was cut: started, never answered
    assert verdicts(plan([req("d", "diagnostics")], known, {DIAG: T0}, T0 + 60)) == [("d", Verdict.LATER)]
    assert verdicts(plan([req("d", "diagnostics")], known, {DIAG: T0}, T0 + 3600)) == [("d", Verdict.DO)]


def test_unknown_kinds_are_ignored_within_the_acknowledgement_budget():
    listed = [req(f"x{i}", "execute: rm -rf /") for i in range(30)]
    steps = plan(listed, {}, {}, T0)
    assert [s.verdict for s in steps] == [Verdict.UNKNOWN] * 20 + [Verdict.LATER] * 10


def test_a_repeated_id_counts_once():
    steps = plan([req("a", "pause")] * 50, {}, {}, T0)
    assert verdicts(steps) == [("a", Verdict.DO)]


def test_a_clock_set_back_lets_one_request_through_and_restarts_the_pace():
    steps = plan([req("a", "full_reconcile"), req("b", "full_reconcile")], {}, {FULL: T0 + 86400}, T0)
    assert verdicts(steps) == [("a", Verdict.DO), ("b", Verdict.PACED)]
    assert steps[1].next_allowed == T0 + 900
