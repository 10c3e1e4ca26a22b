"""What an install did, kept in the update state file for the tray app's next start.

On Windows the install runs in a helper process after the tray app has closed
(`windows_apply.py`): nobody is there to hear the result, so the helper writes it here and the
next tray app says "Mise à jour 0.1.1 installée" or why not. A version is written as
`installed` only when the installed files answered with it. The tray app also remembers the
version it last ran, so that an upgrade made by someone else (an IT provider's silent
`msiexec`) is noticed and said too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from shopsync import __version__
from shopsync.update.naming import parse_version
from shopsync.update.state import read_state, write_state


class ApplyProblem(StrEnum):
    """Why an update was not installed (the tray app words each one; the log has the detail)."""

    APP_DID_NOT_CLOSE = "app_did_not_close"  # the tray app still ran when the wait ended
    SYNC_DID_NOT_END = "sync_did_not_end"  # the sync lock stayed held
    REBOOT_REQUIRED = "reboot_required"  # msiexec 3010/1641: files in use, queued for reboot
    INSTALLER_FAILED = "installer_failed"  # msiexec failed (rolled back) or did not run
    WRONG_VERSION = "wrong_version"  # the installed shopsync-cli.exe says another version
    FILES_PENDING = "files_pending"  # PendingFileRenameOperations names the install folder
    BAD_SIGNATURE = "bad_signature"  # the installer is not signed by the expected publisher


class StartNote(StrEnum):
    INSTALLED = "installed"  # "Mise à jour 0.1.1 installée"
    NOT_INSTALLED = "not_installed"  # "… non installée : <why>"
    UPGRADED = "upgraded"  # the files are newer than what ran last (installed by someone else)


@dataclass(frozen=True, slots=True)
class Note:
    kind: StartNote
    version: str
    problem: ApplyProblem | None = None
    previous: str | None = None


def record_apply(
    home: Path, version: str, previous: str, problem: ApplyProblem | None, detail: str = ""
) -> None:
    """The helper's last word: `installed` moves only on success."""
    outcome = {
        "version": version,
        "previous": previous,
        "ok": problem is None,
        "problem": str(problem) if problem else None,
        "detail": detail,
        "at": datetime.now().astimezone().isoformat(),
        "seen": False,
    }
    values: dict = {"last_apply": outcome, "applying": None}
    if problem is None:
        values |= {"installed": version, "available": None, "downloaded": None}
    write_state(home, **values)


def _newer(a: str, b: str) -> bool:
    try:
        return parse_version(a) > parse_version(b)
    except ValueError:
        return False


def start_note(home: Path, current: str = __version__) -> Note | None:
    """What the tray app says at start, once; remembers `current` as the version that ran."""
    state = read_state(home)
    last = state.get("last_apply") if isinstance(state.get("last_apply"), dict) else None
    previous_run = state.get("last_run") if isinstance(state.get("last_run"), str) else None
    note = None
    if last and not last.get("seen"):
        version = str(last.get("version") or "")
        if last.get("ok") and version == current:
            note = Note(StartNote.INSTALLED, version, previous=last.get("previous"))
        else:
            try:
                problem = ApplyProblem(last.get("problem"))
            except ValueError:
                problem = ApplyProblem.WRONG_VERSION  # "ok" but another version runs
            note = Note(StartNote.NOT_INSTALLED, version, problem, last.get("previous"))
        last = last | {"seen": True}
    elif previous_run and _newer(current, previous_run):
        note = Note(StartNote.UPGRADED, current, previous=previous_run)
    write_state(home, last_run=current, **({"last_apply": last} if last else {}))
    return note
