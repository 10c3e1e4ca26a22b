"""Support requests from the platform: a full reconcile, a diagnostic upload, pause, resume.

Each is done once and acknowledged, at the pace `shopsync.agent.pacing` sets whatever the site
asks (one full reconcile per 15 min, one diagnostic per hour, a few requests per heartbeat).
"Once" survives restarts, lost answers and any number of outstanding requests: each id is
recorded in the store (`store/support.py`) as started before it is carried out and with its
answer before the acknowledgement is sent, so a request the site lists again is answered
again, not done again. Anything else is ignored, logged (quoted: it came from the network) and
acknowledged as ignored. Nothing received is ever run: a request only selects one of the four
actions below, by name.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from shopsync.agent import pacing
from shopsync.config import Settings
from shopsync.errors import ShopSyncError, SiteUnreachable
from shopsync.redaction import quote_untrusted, redact
from shopsync.services.platform import support_journal as support
from shopsync.site.protocol import (
    MAX_DIAGNOSTIC_BYTES,
    RequestKind,
    RequestOutcome,
    SupportRequest,
)

log = logging.getLogger("shopsync.agent")

# Tails of each log tried in turn until the zip fits the site's limit.
LOG_TAILS = (4_000_000, 1_000_000, 200_000, 20_000)


class Actions(Protocol):
    """What the host (the scheduler) lets the platform ask for."""

    def full_reconcile(self) -> bool: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...


class SupportHandler:
    """Carries out support requests for one home folder."""

    def __init__(
        self,
        settings: Settings,
        db: sqlite_utils.Database,
        actions: Actions,
        *,
        secrets: Callable[[], list[str]],
        on_doing: Callable[[SupportRequest | None], None] = lambda _r: None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.actions = actions
        self.secrets = secrets
        self.on_doing = on_doing

    def handle(self, client: Any, requests: list[SupportRequest], now: float) -> list[str]:
        """Carry out and acknowledge what the pace allows of the listed requests at `now`;
        returns the ids carried out this time. The others stay listed by the site."""
        known = {
            rid: pacing.Known(*row)
            for rid, row in support.known(self.db, (r.id for r in requests)).items()
        }
        steps = pacing.plan(requests, known, support.last_started(self.db), now)
        support.listed(self.db, (r.id for r in requests), now)
        done_now: list[str] = []
        later = 0
        for step in steps:
            request = step.request
            if step.verdict is pacing.Verdict.LATER:
                later += 1
                continue
            if step.verdict is pacing.Verdict.ANSWER_AGAIN:  # its ack was lost: the same answer
                record = known[request.id]
                client.ack_request(request.id, record.outcome, record.message)
                continue
            if step.verdict is pacing.Verdict.DO:
                support.started(self.db, request.id, request.kind, now)
                outcome, message = self._do(client, request)
                done_now.append(request.id)
            elif step.verdict is pacing.Verdict.PACED:
                outcome, message = RequestOutcome.IGNORED, _paced(request, step.next_allowed)
                log.info("support request %s ignored: %s", quote_untrusted(request.id, 80), message)
            else:
                log.warning(
                    "support request %s ignored: unknown kind %s",
                    quote_untrusted(request.id, 80),
                    quote_untrusted(request.kind, 80),
                )
                outcome, message = RequestOutcome.IGNORED, "unknown kind"
            message = redact(message)
            support.answered(self.db, request.id, request.kind, outcome, message, now)
            client.ack_request(request.id, outcome, message)
        if later:
            log.info(
                "%d support request(s) left for a later heartbeat (at most %d answered, %d "
                "carried out per heartbeat; full reconcile and diagnostics paced)",
                later, pacing.ACKS_PER_HEARTBEAT, pacing.ACTIONS_PER_HEARTBEAT,
            )  # fmt: skip
        return done_now

    def _do(self, client: Any, request: SupportRequest) -> tuple[str, str]:
        kind = request.known_kind
        if kind is None:  # pacing.plan never asks for it; kept for a direct caller
            return RequestOutcome.IGNORED, "unknown kind"
        log.info("support request %s: %s", quote_untrusted(request.id, 80), kind)
        self.on_doing(request)
        try:
            if kind is RequestKind.FULL_RECONCILE:
                if not self.actions.full_reconcile():
                    return RequestOutcome.FAILED, "syncs are paused: no run started"
                return RequestOutcome.DONE, "full reconcile started"
            if kind is RequestKind.PAUSE:
                self.actions.pause()
                return RequestOutcome.DONE, "paused"
            if kind is RequestKind.RESUME:
                self.actions.resume()
                return RequestOutcome.DONE, "resumed"
            size = self._upload_diagnostic(client, request.id)
            return RequestOutcome.DONE, f"diagnostic uploaded ({size} bytes)"
        except SiteUnreachable:
            raise  # not done: the request stays listed and is tried at the next heartbeat
        except (ShopSyncError, OSError, ValueError) as exc:
            log.warning("support request %s failed: %s", quote_untrusted(request.id, 80), exc)
            return RequestOutcome.FAILED, str(exc)[:300]
        finally:
            self.on_doing(None)

    def _upload_diagnostic(self, client: Any, request_id: str) -> int:
        """The support zip (secrets removed by `diagnostics`), shrunk until it fits the cap."""
        from shopsync.diagnostics import export_diagnostic

        with tempfile.TemporaryDirectory(prefix="shopsync-diag-") as folder:
            for tail in LOG_TAILS:
                path = export_diagnostic(
                    self.settings,
                    Path(folder) / "diagnostic.zip",
                    extra_secrets=self.secrets(),
                    max_log_bytes=tail,
                )
                data = path.read_bytes()
                if len(data) <= MAX_DIAGNOSTIC_BYTES:
                    client.upload_diagnostic(data, request_id)
                    return len(data)
        raise ValueError("the diagnostic stays over 5 MB even with short logs")



def _paced(request: SupportRequest, allowed: float | None) -> str:
    """The acknowledgement's message for a request over its pace (English: the contract's)."""
    kind = request.known_kind
    minutes = int(pacing.PACE.get(kind, 0) // 60) if kind is not None else 0
    when = datetime.fromtimestamp(allowed, UTC).isoformat(timespec="seconds") if allowed else "now"
    return f"paced: at most one {request.kind} every {minutes} min; ask again after {when}"
