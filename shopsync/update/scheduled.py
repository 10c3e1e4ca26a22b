"""The agent's update round, for the tray app's timer (or the scheduler) and its exit.

`tick(settings)` reads what was seen before, asks `policy.decide` and does it (check, download,
install), at most one round of each; it returns the last decision so the tray can say
"Mise à jour disponible" or "Mise à jour installée à la prochaine fermeture". It blocks on
the network: call it off the UI thread.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from shopsync import __version__
from shopsync.update import service
from shopsync.update.policy import Action, UpdateState, decide
from shopsync.update.service import UpdateStatus

log = logging.getLogger(__name__)


def _state(home: Path) -> UpdateState:
    data = service.read_state(home)
    try:
        last = datetime.fromisoformat(data["last_check"]) if data.get("last_check") else None
    except (TypeError, ValueError):
        last = None
    downloaded = data.get("downloaded")
    return UpdateState(
        last_check=last,
        available=data.get("available"),
        downloaded=bool(downloaded) and Path(downloaded).is_file(),
    )


def sync_running(home: Path) -> bool:
    import filelock

    lock = filelock.FileLock(str(Path(home) / service.SYNC_LOCK))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        return True
    lock.release()
    return False


def _forget_previous_bundle(home: Path) -> None:
    """This version runs: the folder the previous one was kept in can go."""
    from shopsync.update.install import installed_bundle, remove_old_bundles

    if service.read_state(home).get("installed") == __version__:
        bundle = installed_bundle()
        if bundle is not None and remove_old_bundles(bundle):
            log.info("previous version's folder removed")


def _forget_update_helpers(home: Path) -> None:
    """Windows: the helper copies of past installs (windows_apply) can go."""
    from shopsync.update.windows_apply import remove_stale_helpers

    if remove_stale_helpers(service.update_dir(home)):
        log.info("update helper copies removed")


def tick(settings, *, now: datetime | None = None, closing: bool = False, **apply_hooks) -> Action:
    """One update round; returns what the tray should show (or that it installed)."""
    now = now or datetime.now().astimezone()
    home = settings.home
    _forget_previous_bundle(home)
    _forget_update_helpers(home)
    for _step in range(3):  # check → download → install, at most once each
        state = _state(home)
        running = state.downloaded and sync_running(home)  # the lock is only asked when it matters
        action = decide(settings.update.mode, state, now, sync_running=running, closing=closing)
        if action is Action.CHECK:
            if service.check(settings).status is not UpdateStatus.AVAILABLE:
                return Action.NOTHING
        elif action is Action.DOWNLOAD:
            if service.download(settings)[0].file is None:
                return Action.NOTHING
        elif action is Action.APPLY:
            report = service.apply(settings, **apply_hooks)
            # Windows: `installing` (the helper closes this app, installs, starts it again)
            return Action.APPLY if report.applied or report.installing else Action.WAIT_FOR_EXIT
        else:
            return action
    return Action.NOTHING


def at_exit(settings, **apply_hooks) -> bool:
    """When the tray app closes: install a downloaded update (auto mode). True if installed."""
    try:
        return tick(settings, closing=True, **apply_hooks) is Action.APPLY
    except Exception:  # noqa: BLE001 - closing must never fail because of an update
        log.exception("update at exit failed")
        return False
