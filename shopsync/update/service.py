"""check / download / apply for one home folder: what the CLI, the tray and the scheduler call.

Each step returns a `Report` (the `--json` line) instead of raising, so every caller shows the
same words. Apply holds the engine's sync lock: no sync runs while program files are replaced,
and every change not yet delivered is, by then, a committed outbox row the next version sends.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from shopsync import __version__
from shopsync.errors import EXIT_INPUT, EXIT_OK, EXIT_UNREACHABLE, ShopSyncError
from shopsync.update.errors import UpdateNotFound, UpdateUnreachable
from shopsync.update.naming import Platform, Release

log = logging.getLogger(__name__)

SYNC_LOCK = "sync.lock"  # the engine's lock file in the home folder (shopsync/engine.py)


class UpdateStatus(StrEnum):
    UP_TO_DATE = "up_to_date"
    AVAILABLE = "available"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    NOT_FOUND = "not_found"  # the repository answered 404: nothing published at that address


EXIT_CODES = {
    UpdateStatus.UP_TO_DATE: EXIT_OK,
    UpdateStatus.AVAILABLE: EXIT_OK,
    UpdateStatus.REFUSED: EXIT_INPUT,
    UpdateStatus.UNREACHABLE: EXIT_UNREACHABLE,
    UpdateStatus.NOT_FOUND: EXIT_UNREACHABLE,  # retried later, like an outage, but said apart
}


@dataclass(slots=True)
class Report:
    status: UpdateStatus
    current: str
    latest: str | None
    reason: str | None = None
    file: str | None = None  # the verified download
    applied: bool = False

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def as_json(self) -> dict[str, Any]:
        """The `--json` line: `status`, `current` and `latest` always (null when unknown), the
        rest only when it has a value."""
        data = {k: v for k, v in asdict(self).items() if v is not None or k == "latest"}
        data["status"] = str(self.status)
        if not self.applied:
            data.pop("applied")
        return data


def update_dir(home: Path) -> Path:
    return Path(home) / "update"


def trusted_root(settings) -> bytes:
    """The configured root file, else the one shipped (resources/update/root.json)."""
    from shopsync.paths import resources_dir

    path = (
        Path(settings.update.root).expanduser()
        if settings.update.root
        else (resources_dir() / "update" / "root.json")
    )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ShopSyncError(f"{path}: cannot read the trusted root metadata ({exc})") from exc


def open_client(settings, **options):
    from shopsync.update.client import UpdateClient

    return UpdateClient(
        settings.update.repository_url(settings.site.url),
        update_dir(settings.home) / "metadata",
        trusted_root(settings),
        **options,
    )


# --- state shared with the tray (what was seen, what is downloaded) -------------------------


def _state_path(home: Path) -> Path:
    return update_dir(home) / "state.json"


def read_state(home: Path) -> dict[str, Any]:
    try:
        data = json.loads(_state_path(home).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_state(home: Path, **values: Any) -> None:
    state = read_state(home) | values
    path = _state_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)


# --- the three steps ------------------------------------------------------------------------


def _failed(exc: ShopSyncError, current: str, latest: str | None) -> Report:
    if isinstance(exc, UpdateNotFound):
        status = UpdateStatus.NOT_FOUND
    elif exc.exit_code == EXIT_UNREACHABLE:
        status = UpdateStatus.UNREACHABLE
    else:
        status = UpdateStatus.REFUSED
    log.warning("update %s: %s", status, exc)
    return Report(status, current, latest, reason=str(exc))


def _find(settings, client, current: str, platform: Platform) -> Release | None:
    from shopsync.agent_id import agent_id

    release = client.latest(current, settings.update.channel, platform, agent_id(settings.home))
    _write_state(
        settings.home,
        last_check=datetime.now().astimezone().isoformat(),
        available=release.version if release else None,
        downloaded=None,
    )
    return release


def _folder_error(settings, exc: OSError) -> UpdateUnreachable:
    return UpdateUnreachable(f"update folder {update_dir(settings.home)}: {exc}; retried later")


def check(settings, *, client=None, current: str = __version__, platform=None) -> Report:
    platform = platform or Platform.current()
    try:
        client = client or open_client(settings)
        release = _find(settings, client, current, platform)
    except ShopSyncError as exc:
        return _failed(exc, current, None)
    except OSError as exc:
        return _failed(_folder_error(settings, exc), current, None)
    if release is None:
        return Report(UpdateStatus.UP_TO_DATE, current, current)
    return Report(UpdateStatus.AVAILABLE, current, release.version)


def download(
    settings, *, client=None, current: str = __version__, platform=None
) -> tuple[Report, Release | None]:
    platform = platform or Platform.current()
    release = None
    try:
        client = client or open_client(settings)
        release = _find(settings, client, current, platform)
        if release is None:
            return Report(UpdateStatus.UP_TO_DATE, current, current), None
        path = client.download(release, update_dir(settings.home) / "downloads")
    except ShopSyncError as exc:
        return _failed(exc, current, release.version if release else None), None
    except OSError as exc:
        latest = release.version if release else None
        return _failed(_folder_error(settings, exc), current, latest), None
    for other in path.parent.iterdir():  # an older download is never installed: free the disk
        if other != path and other.is_file():
            other.unlink(missing_ok=True)
    _write_state(settings.home, downloaded=str(path))
    return Report(UpdateStatus.AVAILABLE, current, release.version, file=str(path)), release


def apply(
    settings,
    *,
    client=None,
    current: str = __version__,
    platform=None,
    bundle: Path | None = None,
    executable: Path | None = None,
    runner=None,
    launcher=None,
    restart_args: tuple[str, ...] = (),
) -> Report:
    """Download (verified) and install the newest release, holding the sync lock; then the
    new version is started with `restart_args` (none: the tray app; `("run",)`: headless)."""
    import filelock

    from shopsync.update import install

    platform = platform or Platform.current()
    report, release = download(settings, client=client, current=current, platform=platform)
    if report.status is not UpdateStatus.AVAILABLE or release is None:
        return report
    hooks = {k: v for k, v in (("runner", runner), ("launcher", launcher)) if v is not None}
    lock = filelock.FileLock(str(Path(settings.home) / SYNC_LOCK))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        return Report(
            UpdateStatus.REFUSED,
            current,
            release.version,
            reason="a sync is running: the update waits until it ends",
            file=report.file,
        )
    try:
        if platform is Platform.WINDOWS:
            exe = executable or Path(sys.executable)
            install.install_msi(
                Path(report.file),
                current,
                exe,
                log=update_dir(settings.home) / "msiexec.log",
                restart_args=restart_args,
                **hooks,
            )
        else:
            bundle = bundle or install.installed_bundle()
            if bundle is None:
                raise install.ApplyFailed(
                    "this copy of ShopSync runs from Python (source or pip), not from an "
                    "installed bundle: update it the way it was installed"
                )
            install.install_bundle(
                Path(report.file),
                bundle,
                release.version,
                current,
                restart_args=restart_args,
                **({"launcher": launcher} if launcher else {}),
            )
    except ShopSyncError as exc:
        return _failed(exc, current, release.version)
    except OSError as exc:  # anything the install steps did not foresee: say what stays
        failed = install.ApplyFailed(f"install failed ({exc}); version {current} is still running")
        return _failed(failed, current, release.version)
    finally:
        lock.release()
    _write_state(settings.home, available=None, downloaded=None, installed=release.version)
    log.info("update %s installed over %s", release.version, current)
    # `current` is now what is installed (this process still runs the old code until restarted)
    return Report(
        UpdateStatus.UP_TO_DATE, release.version, release.version, file=report.file, applied=True
    )
