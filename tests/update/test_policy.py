"""When the agent checks, downloads and installs (pure decision)."""

from __future__ import annotations

from datetime import datetime

import pytest

from shopsync.update.policy import CHECK_EVERY, Action, UpdateState, decide

NOON = datetime(2026, 11, 30, 12, 0)
QUIET = datetime(2026, 11, 30, 2, 30)
READY = UpdateState(last_check=NOON, available="9.9.9", downloaded=True)


def test_off_never_does_anything() -> None:
    assert decide("off", READY, QUIET, sync_running=False, closing=True) is Action.NOTHING
    assert decide("off", UpdateState(), NOON, sync_running=False) is Action.NOTHING


def test_checks_when_due_only() -> None:
    assert decide("auto", UpdateState(), NOON, sync_running=False) is Action.CHECK
    recent = UpdateState(last_check=NOON)
    assert decide("auto", recent, NOON + CHECK_EVERY / 2, sync_running=False) is Action.NOTHING
    assert decide("auto", recent, NOON + CHECK_EVERY, sync_running=False) is Action.CHECK


def test_notify_mode_only_says_so() -> None:
    assert decide("notify", READY, QUIET, sync_running=False, closing=True) is Action.NOTIFY


def test_auto_downloads_then_waits_for_a_quiet_hour_or_the_exit() -> None:
    offered = UpdateState(last_check=NOON, available="9.9.9")
    assert decide("auto", offered, NOON, sync_running=False) is Action.DOWNLOAD
    assert decide("auto", READY, NOON, sync_running=False) is Action.WAIT_FOR_EXIT
    assert decide("auto", READY, QUIET, sync_running=False) is Action.APPLY
    assert decide("auto", READY, NOON, sync_running=False, closing=True) is Action.APPLY


@pytest.mark.parametrize("closing", [False, True])
def test_never_during_a_sync(closing: bool) -> None:
    assert decide("auto", READY, QUIET, sync_running=True, closing=closing) is (
        Action.WAIT_FOR_EXIT
    )
