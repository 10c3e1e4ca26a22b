"""PlatformLink: the heartbeat's timing, outages, and sites that do not speak v1.1.

- A heartbeat goes after each run (`after_run`) and every `[site] heartbeat` while idle.
- Offline, nothing is queued: the payload is built when it is sent, so the site gets the latest
  state only, and it is tried every `OFFLINE_RETRY` seconds so that it arrives at once when the
  site is back (and a successful run, which proves the site is back, sends one too).
- A site answering 404/405 to `/api/v1/agent` does not support v1.1: ShopSync goes on syncing,
  says so once in its log, and asks again a day later (the site may be upgraded meanwhile).
- The connection report is sent after a heartbeat when its inputs and then its hash changed.

Everything runs on the link's own thread, with its own database connection: a slow or dead site
never delays a sync, and a sync never delays a heartbeat.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from shopsync.agent import report as reports
from shopsync.agent.heartbeat import build_heartbeat
from shopsync.agent.requests import Actions, SupportHandler
from shopsync.config import Settings
from shopsync.durations import DurationError, parse_duration
from shopsync.errors import ConfigError, SiteAuthError, SiteRejected, SiteUnreachable
from shopsync.services import platform as store
from shopsync.site.protocol import SupportRequest
from shopsync.sync.port import Capability, can
from shopsync.sync.vocab import RunStatus, Trigger

log = logging.getLogger("shopsync.agent")

DEFAULT_INTERVAL = "15m"
OFFLINE_RETRY = 15.0  # seconds between attempts while the site cannot be reached
UNSUPPORTED_RECHECK = 86400.0
NOT_SUPPORTED = frozenset({404, 405})
REPORT_SENT_KEY = "connection_report_hash"
REPORT_INPUTS_KEY = "connection_report_inputs"
LINK_STATE_EVENT = "platform"


class Host(Actions, Protocol):
    """The scheduler, as the link sees it."""

    def is_paused(self) -> bool: ...
    def next_run_at(self) -> float | None: ...


def heartbeat_interval(settings: Settings) -> float:
    """`[site] heartbeat` in seconds; checked when the settings are loaded, so a typo here can
    only come from code: fall back to the default rather than stop heartbeats."""
    try:
        return parse_duration(settings.site.heartbeat)
    except DurationError:
        log.warning("invalid [site] heartbeat %r; using %s", settings.site.heartbeat, DEFAULT_INTERVAL)
        return parse_duration(DEFAULT_INTERVAL)


class PlatformLink:
    def __init__(
        self,
        settings: Settings,
        host: Host,
        *,
        client_factory: Callable[[], Any] | None = None,
        clock: Callable[[], float] = time.time,
        listener: Callable[[str, dict[str, Any]], None] | None = None,
        offline_retry: float = OFFLINE_RETRY,
        handle_requests: bool = True,
    ) -> None:
        self.settings = settings
        self.handle_requests = handle_requests
        self.host = host
        self.clock = clock
        self.listener = listener
        self.offline_retry = offline_retry
        self._client_factory = client_factory or self._default_client
        self._db: Any = None
        self._next_due = 0.0  # the first tick beats
        self._soon = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._offline = False
        self._auth_refused = False
        self._unsupported_until = 0.0
        self._report_unsupported = False
        self._doing: SupportRequest | None = None
        self.last_signal_at: float | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="platform-link", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._soon.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def reload(self, settings: Settings) -> None:
        self.settings = settings
        self._auth_refused = False
        self._soon.set()

    def after_run(self, summary: Any) -> None:  # noqa: ARG002 - the heartbeat reads the store
        """A run ended: tell the platform now (from the link's thread)."""
        self._soon.set()

    def _loop(self) -> None:
        try:
            while not self._stop.is_set():
                force = self._soon.is_set()
                self._soon.clear()
                try:
                    self.tick(self.clock(), force=force)
                except Exception:  # noqa: BLE001 - a bug must not end heartbeats or syncs
                    log.exception("heartbeat failed")
                    self._next_due = self.clock() + heartbeat_interval(self.settings)
                self._soon.wait(max(0.05, min(1.0, self._next_due - self.clock())))
        finally:
            if self._db is not None:
                self._db.conn.close()
                self._db = None

    # -- the heartbeat -----------------------------------------------------------------------

    def tick(self, now: float, *, force: bool = False) -> bool:
        """Send a heartbeat if one is due (or `force`); True when the site received it."""
        if now < self._unsupported_until:
            return False
        if not force and now < self._next_due:
            return False
        return self.beat(now)

    def beat(self, now: float) -> bool:
        interval = heartbeat_interval(self.settings)
        try:
            client = self._client_factory()
        except ConfigError as exc:  # no token yet, no address: the sync says so already
            log.debug("no heartbeat: %s", exc)
            self._next_due = now + interval
            return False
        if not can(client, Capability.HEARTBEAT):
            client.close()
            if self._unsupported_until == 0.0:
                log.warning(
                    "this site (%s) takes no heartbeat: the platform does not see this PC; "
                    "syncing goes on without it", getattr(client, "kind", "?")
                )
            self._unsupported_until = now + UNSUPPORTED_RECHECK
            return False
        try:
            with client:
                requests = client.put_heartbeat(self._payload(now))
                self._received(now, interval)
                self._send_report(client)
                if requests and self.handle_requests:
                    self._handler().handle(client, requests, now)
                elif requests:  # acknowledged by the tray app or the service, which do them
                    log.info("%d support request(s) left for the tray app or the service", len(requests))
            return True
        except SiteRejected as exc:
            if exc.status_code in NOT_SUPPORTED and self.last_signal_at is None:
                log.warning(
                    "the site does not support the heartbeat (Site API v1.1): ShopSync goes on "
                    "syncing without it"
                )
                self._unsupported_until = now + UNSUPPORTED_RECHECK
            else:
                log.warning("heartbeat refused by the site: %s", exc)  # its words quoted by the client
                self._next_due = now + interval
        except SiteAuthError as exc:
            if not self._auth_refused:
                log.warning("heartbeat: %s", exc)
            self._auth_refused = True
            self._next_due = now + interval
        except SiteUnreachable as exc:
            if not self._offline:
                log.info("heartbeat not delivered (will retry, not queued): %s", exc)
            self._offline = True
            self._next_due = now + min(self.offline_retry, interval)
        self._publish()
        return False

    def _received(self, now: float, interval: float) -> None:
        if self._offline:
            log.info("the site is back: heartbeat delivered")
        self._offline = self._auth_refused = False
        self._unsupported_until = 0.0
        self.last_signal_at = now
        self._next_due = now + interval
        self._publish()

    def _payload(self, now: float) -> dict[str, Any]:
        from shopsync.agent_id import agent_id
        from shopsync.diagnostics import known_secrets

        return build_heartbeat(
            self.settings,
            self._store(),
            agent_id=agent_id(self.settings.home),
            now=now,
            secrets=known_secrets(self.settings),
            paused=self.host.is_paused(),
            next_run=self.host.next_run_at(),
            doing=self._doing,
        )

    # -- connection report -------------------------------------------------------------------

    def _send_report(self, client: Any) -> None:
        if self._report_unsupported:
            return
        db = self._store()
        inputs = reports.inputs_fingerprint(db)
        if inputs == store.remembered(db, REPORT_INPUTS_KEY):
            return
        report = reports.build_from_store(db)
        if report is None:
            return
        if report["hash"] != store.remembered(db, REPORT_SENT_KEY):
            from shopsync.agent_id import agent_id

            try:
                client.put_connection_report({**report, "agent_id": agent_id(self.settings.home)})
            except SiteRejected as exc:
                if exc.status_code not in NOT_SUPPORTED:
                    raise
                log.warning("the site does not take the connection report (Site API v1.1)")
                self._report_unsupported = True
                return
            store.remember(db, REPORT_SENT_KEY, report["hash"])
        store.remember(db, REPORT_INPUTS_KEY, inputs)

    # -- plumbing ----------------------------------------------------------------------------

    def _handler(self) -> SupportHandler:
        from shopsync.diagnostics import known_secrets

        return SupportHandler(
            self.settings,
            self._store(),
            self.host,
            secrets=lambda: known_secrets(self.settings),
            on_doing=self._set_doing,
        )

    def _set_doing(self, request: SupportRequest | None) -> None:
        self._doing = request
        self._publish()

    def _publish(self) -> None:
        if self.listener is None:
            return
        data = {
            "last_signal_at": self.last_signal_at,
            "offline": self._offline,
            "unsupported": self._unsupported_until > 0,
            "doing": None if self._doing is None else self._doing.kind,
        }
        try:
            self.listener(LINK_STATE_EVENT, data)
        except Exception:  # noqa: BLE001 - a broken listener must not stop heartbeats
            log.exception("platform listener failed")

    def _store(self):
        if self._db is None:
            self._db = store.open_store(self.settings.db_path)
        return self._db

    def close(self) -> None:
        """The link's database connection (a one-shot link has no thread to close it)."""
        if self._db is not None:
            self._db.conn.close()
            self._db = None

    def _default_client(self):
        from shopsync.site.factory import Purpose, SiteTargets

        return SiteTargets.from_settings(self.settings).open(Purpose.HEARTBEAT)


class SchedulerHost:
    """The scheduler as the link's host: support requests only *request* runs and pauses."""

    SUPPORT_TRIGGER = Trigger.SUPPORT

    def __init__(self, scheduler: Any) -> None:
        self.scheduler = scheduler

    def full_reconcile(self) -> bool:
        state = self.scheduler.state
        if state.paused or state.blocked:
            return False
        self.scheduler.request(self.SUPPORT_TRIGGER, full=True)  # merged into a queued run
        return True

    def pause(self) -> None:
        self.scheduler.pause()

    def resume(self) -> None:
        self.scheduler.resume()

    def is_paused(self) -> bool:
        return bool(self.scheduler.state.paused)

    def next_run_at(self) -> float | None:
        return self.scheduler.next_run_time()


class OneShotHost:
    """`shopsync sync --once` (a scheduled task) as the link's host: no scheduler, so nothing
    paused and no next run known; support requests are not carried out here (the tray app or
    the service does them and acknowledges them)."""

    def full_reconcile(self) -> bool:
        return False

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass

    def is_paused(self) -> bool:
        return False

    def next_run_at(self) -> float | None:
        return None


# Run outcomes after which a heartbeat is not sent: the site was not reached (it would not be
# reached either), refused the token (it would refuse the heartbeat too), or another process
# holds the run (and beats after it).
NO_HEARTBEAT_AFTER = frozenset(
    {RunStatus.OFFLINE, RunStatus.TOKEN_REFUSED, RunStatus.BUSY, RunStatus.DRY_RUN}
)


def heartbeat_after_run(
    settings: Settings,
    status: str,
    *,
    client_factory: Callable[[], Any] | None = None,
    clock: Callable[[], float] = time.time,
) -> bool:
    """One heartbeat after a run outside the scheduler (`sync --once`), as the service sends
    after each run (docs/site-api.md). One attempt through the factory's HEARTBEAT policy
    (bounded in size and time, no retry), plus the connection report when it changed. Never
    raises: a sync's outcome does not depend on its heartbeat; a v1 site's 404 is logged once.
    True when the site received it."""
    if status in NO_HEARTBEAT_AFTER:
        return False
    link = PlatformLink(settings, OneShotHost(), client_factory=client_factory, clock=clock,
                        handle_requests=False)  # fmt: skip
    try:
        return link.beat(clock())
    except Exception:  # noqa: BLE001 - a bug in the heartbeat never fails the sync
        log.exception("heartbeat after the run failed")
        return False
    finally:
        link.close()


def link_for(scheduler: Any) -> PlatformLink:
    """Start the link of a running scheduler (its listener hears the link's state)."""
    link = PlatformLink(scheduler.settings, SchedulerHost(scheduler), listener=scheduler._emit)
    link.start()
    return link
