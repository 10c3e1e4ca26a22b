"""Installing a verified release: Linux one-folder bundle swap, Windows MSI; then a restart.

Linux: the archive is extracted into a new sibling folder, the new `shopsync --version` must
answer with the expected version, then the two folders are exchanged in one atomic rename
(renameat2 RENAME_EXCHANGE; two renames with a way back where it is missing). The old folder is
kept as `<name>.old-<version>` until the new version runs (`remove_old_bundles`), so a failure
at any step leaves the previous version in place. Windows: `windows_apply.py` (a helper run
from outside the install folder closes the app, runs msiexec and checks the result).
Process starting is injected (`Launcher`) so the swap is tested anywhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Sequence
from pathlib import Path

from shopsync.errors import EXIT_INPUT, ShopSyncError
from shopsync.update.archive import UnsafeArchive, safe_extract

EXECUTABLE = "shopsync"  # the bundle's executable (dist/shopsync/shopsync)
BUNDLE_ENV = "SHOPSYNC_UPDATE_BUNDLE"  # the installed bundle folder, when not frozen

Launcher = Callable[[Sequence[str]], None]  # starts a command and leaves it running


class ApplyFailed(ShopSyncError):
    """Installing failed; the message says the previous version is still the one installed."""

    exit_code = EXIT_INPUT


def launch_after_exit(command: Sequence[str]) -> None:
    """Start `command` once this process has ended (the new version takes the single-instance
    lock only when the old one is gone), detached from it. POSIX only: on Windows the update
    helper (windows_apply.py) starts the tray app after every process of the old one exited."""
    wait = 'while kill -0 "$0" 2>/dev/null; do sleep 0.2; done; exec "$@"'
    subprocess.Popen(  # noqa: S603 - our own verified, installed executable
        ["/bin/sh", "-c", wait, str(os.getpid()), *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,
    )


def installed_bundle() -> Path | None:
    """The one-folder bundle this process runs from (frozen), or the one named by the env."""
    if os.environ.get(BUNDLE_ENV):
        return Path(os.environ[BUNDLE_ENV]).resolve()
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def bundle_version(
    bundle: Path, runner_output: Callable[[Sequence[str]], str] | None = None
) -> str:
    """What `<bundle>/shopsync --version` says (`shopsync X.Y.Z` → `X.Y.Z`)."""
    command = [str(bundle / EXECUTABLE), "--version"]
    if runner_output is None:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        out = done.stdout if done.returncode == 0 else ""
    else:
        out = runner_output(command)
    return out.strip().split()[-1] if out.strip() else ""


# --- Linux ---------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> None:
    """Swap two folders' names in one step where the OS can (Linux renameat2), else with two
    renames and a way back."""
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    if libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            result = renameat2(
                _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
            )
            if result == 0:
                return
            errno = ctypes.get_errno()
            if errno not in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: fall back
                raise OSError(errno, os.strerror(errno), str(a))
    aside = a.with_name(a.name + ".swap")
    os.rename(a, aside)
    try:
        os.rename(b, a)
    except OSError:
        os.rename(aside, a)
        raise
    os.rename(aside, b)


def extract_bundle(archive: Path, parent: Path, version: str) -> Path:
    """The archive's single top folder, extracted as `<parent>/.shopsync-new-<version>`."""
    staging = parent / f".shopsync-unpack-{version}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        safe_extract(archive, staging)  # no absolute paths, `..`, links out, devices: any Python
        tops = [p for p in staging.iterdir()]
        if len(tops) != 1 or not (tops[0] / EXECUTABLE).is_file():
            raise ApplyFailed(
                f"{archive.name}: expected one folder holding `{EXECUTABLE}`; nothing installed"
            )
        new = parent / f".shopsync-new-{version}"
        shutil.rmtree(new, ignore_errors=True)
        tops[0].rename(new)
        return new
    except UnsafeArchive as exc:
        raise ApplyFailed(f"{archive.name}: refused ({exc}); nothing installed") from exc
    except (tarfile.TarError, OSError) as exc:
        raise ApplyFailed(f"{archive.name}: cannot unpack ({exc}); nothing installed") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install_bundle(
    archive: Path,
    bundle: Path,
    version: str,
    current: str,
    *,
    launcher: Launcher = launch_after_exit,
    restart_args: Sequence[str] = (),
) -> Path:
    """Replace `bundle` by the archive's, check it answers `version`, restart it. Returns
    the folder the previous version was kept in."""
    new = extract_bundle(archive, bundle.parent, version)
    try:
        said = bundle_version(new)
        if said != version:
            raise ApplyFailed(
                f"the new version does not start (`--version` said {said or 'nothing'!r}, "
                f"expected {version}); version {current} is still installed"
            )
        old = bundle.with_name(f"{bundle.name}.old-{current}")
        shutil.rmtree(old, ignore_errors=True)
        exchange(bundle, new)  # bundle now holds the new version, `new` the old one
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise ApplyFailed(
            f"cannot replace {bundle} ({exc}); version {current} is still installed"
        ) from exc
    except ApplyFailed:
        shutil.rmtree(new, ignore_errors=True)
        raise
    try:
        new.rename(old)
    except OSError:
        old = new  # the previous version stays under the temporary name; removed all the same
    try:
        launcher([str(bundle / EXECUTABLE), *restart_args])
    except OSError as exc:
        exchange(bundle, old)  # put the previous version back
        raise ApplyFailed(
            f"version {version} did not start ({exc}); version {current} is back in place"
        ) from exc
    return old


def remove_old_bundles(bundle: Path) -> list[Path]:
    """Once a new version runs, the kept previous folders and leftovers go."""
    removed = []
    for path in bundle.parent.glob(f"{bundle.name}.old-*"):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    for path in bundle.parent.glob(".shopsync-new-*"):
        shutil.rmtree(path, ignore_errors=True)
    return removed
