"""Installing an MSI update on Windows from a helper that does not run from the install folder.

Windows cannot replace a file a running program holds: Windows Installer then queues the new
file for the next reboot and answers 3010, leaving a mixed install (issue 22). So the process
that decides to update (`shopsync-cli.exe update apply`, the tray app at the quiet hour or when
it closes) does not install. It copies the console program (`shopsync-cli.exe` and
`_internal\\`) to `<home>\\update\\helper\\`, writes a plan (`plan.json`) and starts that copy
(`shopsync-cli.exe update-helper PLAN`), detached, then returns. The helper:

1. asks the running tray app to close through the single-instance channel (`quit`: a sync in
   progress finishes first, and the closing app installs nothing itself);
2. waits, bounded, until no process runs from the install folder (the tray app, the CLI that
   started it, a scheduled `sync`), then takes the sync lock;
3. runs `msiexec /i <msi> /qn /norestart /l*v <home>\\update\\msiexec.log`; 3010 and 1641
   (a reboot would finish) are failures, never success;
4. runs the installed `shopsync-cli.exe --version`: the install counts only if it names the new
   version and no PendingFileRenameOperations entry names the install folder;
5. records the outcome (`outcome.record_apply`), removes the installed MSI, and starts the tray
   app as the Run key does (`shopsync.exe gui --minimized`) if it ran before — also after a
   failure, so the shop is never left without it.

Everything Windows-specific (process list, registry, detached start) sits behind `System`, so
the steps run in tests on Linux with stand-in programs; tests/windows runs them for real.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from shopsync.update.outcome import ApplyProblem, record_apply

log = logging.getLogger(__name__)

TRAY_EXE = "shopsync.exe"  # windowed: the tray app (Start menu, Run key)
CLI_EXE = "shopsync-cli.exe"  # console: the command line, and the helper's copy
TRAY_ARGS = ("gui", "--minimized")  # what the Run key starts (installer/shopsync.wxs)
HELPER_DIR = "helper"
MSI_REBOOT = {3010, 1641}  # installed only after a reboot: files were in use
CLOSE_TIMEOUT = 600.0  # a sync in progress may take minutes on a big catalogue
LOCK_TIMEOUT = 300.0


@dataclass(slots=True)
class Plan:
    """What the helper does; written as JSON beside it by the process that decided."""

    msi: str
    version: str
    previous: str
    install_dir: str
    home: str
    restart_tray: bool = False  # the caller was the tray app: start it again in any case
    close_timeout: float = CLOSE_TIMEOUT
    lock_timeout: float = LOCK_TIMEOUT
    tray_exe: str = TRAY_EXE
    cli_exe: str = CLI_EXE

    def save(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> Plan:
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))


# --- the system, as the helper sees it ------------------------------------------------------


def _norm(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(str(path)))


def _inside(path: str, folder: str) -> bool:
    path, folder = _norm(path), _norm(folder)
    return path == folder or path.startswith(folder.rstrip("\\/") + os.sep)


def _process_images() -> list[tuple[int, str]]:
    """(pid, executable path) of every process this user may query."""
    if sys.platform == "win32":
        return _windows_process_images()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found.append((int(entry.name), os.readlink(entry / "exe")))
            except OSError:
                continue
    return found


def _windows_process_images() -> list[tuple[int, str]]:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    pids = (wintypes.DWORD * 8192)()
    needed = wintypes.DWORD()
    if not kernel32.K32EnumProcesses(pids, ctypes.sizeof(pids), ctypes.byref(needed)):
        raise OSError(ctypes.get_last_error(), "EnumProcesses failed")
    found = []
    for pid in pids[: needed.value // ctypes.sizeof(wintypes.DWORD)]:
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            continue
        try:
            buffer = ctypes.create_unicode_buffer(32768)
            size = wintypes.DWORD(len(buffer))
            if kernel32.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                found.append((int(pid), buffer.value))
        finally:
            kernel32.CloseHandle(handle)
    return found


def processes_in(folder: Path, *, exclude: int | None = None) -> list[tuple[int, str]]:
    """Processes whose executable lies in `folder` (this one left out)."""
    exclude = os.getpid() if exclude is None else exclude
    return [(pid, image) for pid, image in _process_images()
            if pid != exclude and _inside(image, str(folder))]


def pending_renames_in(folder: Path) -> list[str]:
    """PendingFileRenameOperations entries (files replaced at the next reboot) in `folder`."""
    if sys.platform != "win32":
        return []
    import winreg

    key_path = r"SYSTEM\CurrentControlSet\Control\Session Manager"
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
            entries, _kind = winreg.QueryValueEx(key, "PendingFileRenameOperations")
    except OSError:
        return []  # no value: nothing pending
    return [e for e in entries or [] if e and _inside(e.removeprefix("\\??\\"), str(folder))]


def run_command(command: Sequence[str]) -> int:
    return subprocess.run(list(command), check=False, timeout=1800,
                          stdin=subprocess.DEVNULL, capture_output=True).returncode


def command_output(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=120,
                              check=False, stdin=subprocess.DEVNULL, errors="replace")
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("%s: %s", command[0], exc)
        return ""
    return done.stdout if done.returncode == 0 else ""


def start_detached(command: Sequence[str], cwd: Path) -> None:
    """A process that outlives this one, holding nothing of ours (no handles, no console)."""
    options: dict = {"cwd": str(cwd), "close_fds": True, "stdin": subprocess.DEVNULL,
                     "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if sys.platform == "win32":
        options["creationflags"] = (subprocess.DETACHED_PROCESS
                                    | subprocess.CREATE_NEW_PROCESS_GROUP
                                    | subprocess.CREATE_NO_WINDOW)
    else:
        options["start_new_session"] = True
    subprocess.Popen(list(command), **options)  # noqa: S603 - our own installed programs


def ask_tray_to_quit(home: Path) -> bool:
    from shopsync.instance_link import Message, send

    return send(home, Message.QUIT)


@dataclass(slots=True)
class System:
    """What the helper needs from the OS; tests replace parts of it."""

    processes_in: Callable[[Path], list[tuple[int, str]]] = processes_in
    pending_renames_in: Callable[[Path], list[str]] = pending_renames_in
    run: Callable[[Sequence[str]], int] = run_command
    output: Callable[[Sequence[str]], str] = command_output
    start: Callable[[Sequence[str], Path], None] = start_detached
    ask_tray_to_quit: Callable[[Path], bool] = ask_tray_to_quit
    step: float = 0.25  # how often a wait looks again
    log: list[str] = field(default_factory=list)


# --- the caller's side ----------------------------------------------------------------------


def stage_helper(install_dir: Path, update_folder: Path, cli_exe: str = CLI_EXE) -> Path:
    """Copy the console program and its `_internal` out of the install folder; its path."""
    helper = update_folder / HELPER_DIR
    if helper.exists():
        shutil.rmtree(helper, ignore_errors=True)
        if helper.exists():  # a previous helper still running: use a folder of our own
            helper = update_folder / f"{HELPER_DIR}-{os.getpid()}"
            shutil.rmtree(helper, ignore_errors=True)
    helper.mkdir(parents=True)
    _copy_file(install_dir / cli_exe, helper / cli_exe)
    internal = install_dir / "_internal"
    if internal.is_dir():
        shutil.copytree(internal, helper / "_internal", copy_function=_copy_file)
    return helper / cli_exe


def _copy_file(source: str | Path, target: str | Path) -> None:
    """A plain read/write copy: Python 3.13's shutil.copy2 calls kernel32!CopyFile2 on Windows,
    which Wine 8 lacks (docs/build.md), and nothing here needs more than the bytes."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)


def remove_stale_helpers(update_folder: Path, older_than: float = 600.0) -> list[Path]:
    """Helper copies whose plan is older than `older_than` seconds (the helper has long
    ended: it starts the tray app as its last step) go; ~100 MB each."""
    import time

    removed = []
    for path in list(update_folder.glob(f"{HELPER_DIR}*")):
        plan = path / "plan.json"
        try:
            age = time.time() - plan.stat().st_mtime
        except OSError:
            age = older_than  # no plan: a copy that never started
        if path.is_dir() and age >= older_than:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def start_helper(plan: Plan, update_folder: Path, system: System | None = None) -> Path:
    """Stage the helper, write the plan and start it; returns the plan's path."""
    system = system or System()
    exe = stage_helper(Path(plan.install_dir), update_folder, plan.cli_exe)
    plan_path = plan.save(exe.parent / "plan.json")
    system.start([str(exe), "update-helper", str(plan_path)], exe.parent)
    log.info("update helper started from %s for version %s", exe.parent, plan.version)
    return plan_path


# --- the helper's side ----------------------------------------------------------------------


def _wait(condition: Callable[[], bool], timeout: float, step: float) -> bool:
    from shopsync.instance_link import wait_until

    return wait_until(condition, timeout, step=step)


def _installed_version(plan: Plan, system: System) -> str:
    out = system.output([str(Path(plan.install_dir) / plan.cli_exe), "--version"]).strip()
    return out.splitlines()[-1].split()[-1] if out else ""


def run_plan(plan: Plan, system: System | None = None) -> ApplyProblem | None:
    """The helper's steps (module docstring); None when the new version is installed."""
    import filelock

    system = system or System()
    install_dir, home = Path(plan.install_dir), Path(plan.home)
    update_folder = home / "update"
    msi_log = update_folder / "msiexec.log"
    problem: ApplyProblem | None = None
    detail = ""
    tray_was_running = system.ask_tray_to_quit(home)
    log.info("update helper: version %s over %s; tray app %s", plan.version, plan.previous,
             "asked to close" if tray_was_running else "not running")
    lock = filelock.FileLock(str(home / "sync.lock"))
    locked = False
    try:
        if not _wait(lambda: not system.processes_in(install_dir), plan.close_timeout, system.step):
            still = system.processes_in(install_dir)
            problem, detail = ApplyProblem.APP_DID_NOT_CLOSE, f"still running: {still}"
            return problem
        try:
            lock.acquire(timeout=plan.lock_timeout)
            locked = True
        except filelock.Timeout:
            problem, detail = ApplyProblem.SYNC_DID_NOT_END, "the sync lock stayed held"
            return problem
        command = ["msiexec", "/i", plan.msi, "/qn", "/norestart", "/l*v", str(msi_log)]
        try:
            code = system.run(command)
        except (OSError, subprocess.SubprocessError) as exc:
            problem, detail = ApplyProblem.INSTALLER_FAILED, f"msiexec did not run: {exc}"
            return problem
        log.info("update helper: msiexec answered %s", code)
        if code in MSI_REBOOT:
            problem, detail = ApplyProblem.REBOOT_REQUIRED, f"msiexec {code} (log: {msi_log})"
            return problem
        if code != 0:
            problem, detail = ApplyProblem.INSTALLER_FAILED, f"msiexec {code} (log: {msi_log})"
            return problem
        said = _installed_version(plan, system)
        if said != plan.version:
            problem, detail = ApplyProblem.WRONG_VERSION, f"--version said {said or 'nothing'!r}"
            return problem
        pending = system.pending_renames_in(install_dir)
        if pending:
            problem, detail = ApplyProblem.FILES_PENDING, f"pending renames: {pending[:5]}"
            return problem
        return None
    finally:
        if locked:
            lock.release()
        _finish(plan, system, problem, detail, tray_was_running)


def _finish(plan: Plan, system: System, problem: ApplyProblem | None, detail: str,
            tray_was_running: bool) -> None:
    home, install_dir = Path(plan.home), Path(plan.install_dir)
    if problem is None:
        log.info("update helper: version %s installed", plan.version)
        try:
            Path(plan.msi).unlink(missing_ok=True)  # installed: Windows Installer keeps its copy
        except OSError as exc:  # still open somewhere: the next download round replaces it
            log.warning("update helper: cannot remove %s: %s", plan.msi, exc)
    else:
        log.warning("update helper: version %s NOT installed: %s (%s)", plan.version, problem, detail)
    record_apply(home, plan.version, plan.previous, problem, detail)
    still_running = problem is ApplyProblem.APP_DID_NOT_CLOSE
    if (tray_was_running or plan.restart_tray) and not still_running:
        tray = install_dir / plan.tray_exe
        try:
            system.start([str(tray), *TRAY_ARGS], install_dir)
            log.info("update helper: tray app started again (%s)", tray)
        except OSError as exc:
            log.warning("update helper: cannot start %s: %s", tray, exc)
