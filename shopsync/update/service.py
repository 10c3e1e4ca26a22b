"""check / download / apply for one home folder: what the CLI, the tray and the scheduler call.

Each step returns a `Report` (the `--json` line) instead of raising, so every caller shows the
same words. Apply holds the engine's sync lock: no sync runs while program files are replaced,
and every change not yet delivered is, by then, a committed outbox row the next version sends.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from shopsync import __version__
from shopsync.errors import EXIT_INPUT, EXIT_OK, EXIT_UNREACHABLE, ShopSyncError
from shopsync.update.errors import UpdateNotFound, UpdateUnreachable
from shopsync.update.naming import Platform, Release
from shopsync.update.state import read_state, update_dir, write_state

__all__ = ["read_state", "update_dir", "write_state"]  # also used from here by the tray, tests

log = logging.getLogger(__name__)

SYNC_LOCK = "sync.lock"  # the engine's lock file in the home folder (shopsync/engine.py)
HELPER_UNDER_WAY = timedelta(hours=1)  # longer than any helper waits (windows_apply timeouts)


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
    installing: bool = False  # Windows: handed to the helper, which records the outcome

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
        if not self.installing:
            data.pop("installing")
        return data


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


def publishers(settings) -> set[str]:
    """Fingerprints of the certificates allowed to sign a Windows installer."""
    from shopsync.paths import resources_dir
    from shopsync.update.authenticode import read_publishers

    path = (
        Path(settings.update.publishers).expanduser()
        if settings.update.publishers
        else (resources_dir() / "update" / "publishers.txt")
    )
    try:
        return read_publishers(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ShopSyncError(f"{path}: cannot read the trusted publishers ({exc})") from exc


def check_signature(settings, msi: Path) -> None:
    """The MSI must carry the Authenticode signature of a listed publisher (in addition to
    TUF). A development build lists none: then it is not checked, and the log says so."""
    from shopsync.update.authenticode import check_publisher

    pins = publishers(settings)
    if not pins:
        log.warning("update: no trusted publisher listed (development build): "
                    "%s installed without an Authenticode check", msi.name)
        return
    signer = check_publisher(msi, pins)
    log.info("update: %s signed by %s (%s)", msi.name, signer.subject, signer.fingerprint)


def open_client(settings, **options):
    from shopsync.update.client import UpdateClient

    return UpdateClient(
        settings.update.repository_url(settings.site.url),
        update_dir(settings.home) / "metadata",
        trusted_root(settings),
        **options,
    )


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
    write_state(
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
    if platform is Platform.WINDOWS:
        try:
            check_signature(settings, path)
        except ShopSyncError as exc:
            path.unlink(missing_ok=True)  # never installed, never offered to msiexec
            return _failed(exc, current, release.version), None
    for other in path.parent.iterdir():  # an older download is never installed: free the disk
        if other != path and other.is_file():
            other.unlink(missing_ok=True)
    write_state(settings.home, downloaded=str(path))
    return Report(UpdateStatus.AVAILABLE, current, release.version, file=str(path)), release


def apply(
    settings,
    *,
    client=None,
    current: str = __version__,
    platform=None,
    bundle: Path | None = None,
    executable: Path | None = None,
    launcher=None,
    restart_args: tuple[str, ...] = (),
    restart_tray: bool = False,
    system=None,
) -> Report:
    """Download (verified) and install the newest release, holding the sync lock; then the
    new version is started with `restart_args` (none: the tray app; `("run",)`: headless).

    On Windows the install is handed to a helper outside the install folder
    (`windows_apply`): the report says `installing`, and the helper records the outcome
    for the tray app's next start. `restart_tray`: the caller is the tray app (start it
    again whatever happens); `system` replaces the helper's OS access in tests."""
    import filelock

    from shopsync.update import install

    platform = platform or Platform.current()
    report, release = download(settings, client=client, current=current, platform=platform)
    if report.status is not UpdateStatus.AVAILABLE or release is None:
        return report
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
            return _hand_to_windows_helper(settings, report, release, current, executable,
                                           restart_tray=restart_tray, system=system)
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
    write_state(settings.home, available=None, downloaded=None, installed=release.version)
    log.info("update %s installed over %s", release.version, current)
    # `current` is now what is installed (this process still runs the old code until restarted)
    return Report(
        UpdateStatus.UP_TO_DATE, release.version, release.version, file=report.file, applied=True
    )


def _hand_to_windows_helper(settings, report: Report, release: Release, current: str,
                            executable: Path | None, *, restart_tray: bool, system) -> Report:
    """Stage and start the helper (it waits for this process to end); the MSI must carry the
    expected publisher's signature first."""
    from shopsync.update import windows_apply
    from shopsync.update.install import ApplyFailed

    under_way = read_state(settings.home).get("applying")
    if isinstance(under_way, dict) and _recent(under_way.get("at"), HELPER_UNDER_WAY):
        raise ApplyFailed(f"version {under_way.get('version')} is already being installed")
    exe = Path(executable or sys.executable)
    if not getattr(sys, "frozen", False) and executable is None:
        raise ApplyFailed(
            "this copy of ShopSync runs from Python (source or pip), not from the installed "
            "program: update it the way it was installed"
        )
    # abspath, not resolve(): the folder as Windows names it, the way the process list does
    # (resolving could turn C:\… into another spelling of the same place).
    plan = windows_apply.Plan(
        msi=str(report.file), version=release.version, previous=current,
        install_dir=os.path.dirname(os.path.abspath(exe)), home=str(settings.home),
        restart_tray=restart_tray,
    )
    folder = update_dir(settings.home)
    windows_apply.start_helper(plan, folder, system)
    write_state(settings.home, applying={"version": release.version,
                                         "at": datetime.now().astimezone().isoformat()})
    log.info("update %s handed to the Windows helper", release.version)
    return Report(UpdateStatus.AVAILABLE, current, release.version, file=report.file,
                  installing=True)


def _recent(when: object, within: timedelta) -> bool:
    try:
        return datetime.now().astimezone() - datetime.fromisoformat(str(when)) < within
    except (TypeError, ValueError):
        return False
