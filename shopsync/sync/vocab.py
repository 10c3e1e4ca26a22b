"""The words the engine and the scheduler exchange with the CLI, the GUI and the `runs` table.

StrEnums, so a member *is* its string: values stored in `runs`, printed by `--json` and compared
by older code (`summary.status == "ok"`) stay exactly what they were before these enums existed.
"""

from __future__ import annotations

import enum


class RunStatus(enum.StrEnum):
    """How one run ended (`RunSummary.status`, `runs.status`)."""

    OK = "ok"
    UNCHANGED = "unchanged"  # same export, catalogue and choices: nothing to send
    OFFLINE = "offline"  # the site could not be reached: changes kept pending
    HELD = "held"  # the unpublish guard held part of the run until a person confirms
    INPUT_ERROR = "input_error"  # the export (or the catalogue) cannot be used: nothing changed
    TOKEN_REFUSED = "token_refused"  # 401/403: no automatic retry until the settings change
    BUSY = "busy"  # another run (maybe another process) holds the lock
    ERROR = "error"  # anything else, bugs included (logged, never a traceback)
    DRY_RUN = "dry_run"  # `sync --dry-run`: planned, nothing sent nor stored
    RUNNING = "running"  # a `runs` row whose run has not finished (or whose process died)


class Trigger(enum.StrEnum):
    """What asked for a run (`runs.trigger`, shown in the status window's history)."""

    MANUAL = "manual"  # "Synchroniser maintenant" in the tray
    CONFIRM = "confirm"  # a person confirmed the held unpublishing
    INTERVAL = "interval"  # the frequent timed job
    NIGHTLY = "nightly"  # the nightly full reconcile
    WATCH = "watch"  # a new export landed in the watched folder
    WAKE = "wake"  # catch-up after sleep or a clock jump
    RETRY = "retry"  # the backoff's retry after an offline run
    START = "start"  # the scheduler's run at start
    RESUME = "resume"  # syncing resumed after a pause
    CLI = "cli"  # `shopsync sync`
    DEMO = "demo"  # `shopsync demo`
    BRANDS = "brands"  # a brand decision in the brands window
    REFERENCES = "references"  # an alias decision in the references window
    SUPPORT = "support"  # the platform's support asked for a full reconcile (Site API v1.1)
    POLL = "poll"  # the ERP database told of changes when asked (`[schedule] poll`)


# Triggers that a person started: they run even when paused, blocked or backing off.
MANUAL_TRIGGERS: frozenset[Trigger] = frozenset({Trigger.MANUAL, Trigger.CONFIRM})

__all__ = ["MANUAL_TRIGGERS", "RunStatus", "Trigger"]


class WebOrdersUntil(enum.StrEnum):
    """How long a web order's units stay off the ERP's quantity (`[site] web_orders_until`,
    shopsync/sync/web_orders.py)."""

    CLOSED = "closed"  # until the shop completes, cancels or refunds it on the site
    EXPORT = "export"  # until the ERP wrote an export after the order was placed
