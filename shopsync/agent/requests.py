"""Support requests from the platform: a full reconcile, a diagnostic upload, pause, resume.

Each is done once and acknowledged. "Once" survives restarts and lost answers: the id is
recorded as done (in the store's meta table) before the acknowledgement is sent, so a request
the site lists again because its ack was lost is acknowledged again, not done again. Anything
else is ignored, logged and acknowledged as ignored. Nothing received is ever run: a request
only selects one of the four actions below, by name.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from shopsync.config import Settings
from shopsync.errors import ShopSyncError, SiteUnreachable
from shopsync.services import platform as store
from shopsync.site.protocol import (
    MAX_DIAGNOSTIC_BYTES,
    RequestKind,
    RequestOutcome,
    SupportRequest,
)

log = logging.getLogger("shopsync.agent")

DONE_KEY = "support_requests_done"
REMEMBERED = 200  # ids kept; a site lists only requests not yet acknowledged
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

    def handle(self, client: Any, requests: list[SupportRequest]) -> list[str]:
        """Do each new request, acknowledge every one; returns the ids done this time."""
        done_now: list[str] = []
        for request in requests:
            done = self._done()
            if request.id not in done:
                outcome, message = self._do(client, request)
                self._remember(request.id, outcome, message)
                done_now.append(request.id)
            else:
                outcome, message = done[request.id]
            client.ack_request(request.id, outcome, message)
        return done_now

    def _do(self, client: Any, request: SupportRequest) -> tuple[str, str]:
        kind = request.known_kind
        if kind is None:
            log.warning("support request %s ignored: unknown kind %r", request.id, request.kind[:80])
            return RequestOutcome.IGNORED, "unknown kind"
        log.info("support request %s: %s", request.id, kind)
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
            log.warning("support request %s failed: %s", request.id, exc)
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

    # -- what was done --------------------------------------------------------------------

    def _done(self) -> dict[str, tuple[str, str]]:
        raw = store.remembered(self.db, DONE_KEY)
        try:
            return {k: tuple(v) for k, v in json.loads(raw).items()} if raw else {}
        except (ValueError, TypeError, AttributeError):
            return {}

    def _remember(self, request_id: str, outcome: str, message: str) -> None:
        done = self._done()
        done[request_id] = (str(outcome), message)
        kept = dict(list(done.items())[-REMEMBERED:])
        store.remember(self.db, DONE_KEY, json.dumps(kept))
