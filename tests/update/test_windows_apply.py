"""The Windows update helper's steps (shopsync/update/windows_apply.py), run here on Linux with
stand-in programs: a real process running from the install folder (the "tray app"), the real
process list (/proc), the real sync lock, the installed `shopsync-cli.exe --version` as a real
program; only msiexec is a stand-in (it rewrites the installed files, or fails the way Windows
Installer does). Under Wine the same steps run for real (tests/windows/test_msi_wine.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shopsync.update import windows_apply
from shopsync.update.outcome import ApplyProblem, StartNote, start_note
from shopsync.update.service import read_state
from shopsync.update.windows_apply import Plan, System, processes_in, run_plan

from .helpers import CURRENT, NEXT

pytestmark = pytest.mark.skipif(not Path("/proc/self/exe").exists(), reason="needs /proc")

CLI = """#!{python}
import sys
if "--version" in sys.argv:
    print("shopsync {version}")
"""


def _write_cli(folder: Path, version: str) -> None:
    cli = folder / "shopsync-cli.exe"
    cli.write_text(CLI.format(python=sys.executable, version=version))
    cli.chmod(0o755)


@pytest.fixture
def pc(tmp_path: Path):
    """An installed version N (stand-in files) and the shop's home with a downloaded MSI."""
    install = tmp_path / "Programs" / "ShopSync"
    (install / "_internal").mkdir(parents=True)
    (install / "_internal" / "base_library.zip").write_bytes(b"N")
    _write_cli(install, CURRENT)
    shutil.copy(shutil.which("sleep"), install / "shopsync.exe")  # a real program, run from here
    home = tmp_path / "ShopSync"
    msi = home / "update" / "downloads" / f"shopsync-{NEXT}-windows.msi"
    msi.parent.mkdir(parents=True)
    msi.write_bytes(b"MSI")
    plan = Plan(msi=str(msi), version=NEXT, previous=CURRENT, install_dir=str(install),
                home=str(home), close_timeout=20, lock_timeout=2)
    return install, home, plan


class FakeWindows:
    """The tray app as a real process from the install folder that exits when asked to quit;
    msiexec as a function; started programs recorded."""

    def __init__(self, install: Path, *, msiexec_code: int = 0, upgrade_files: bool = True,
                 tray_quits: bool = True) -> None:
        self.install = install
        self.tray = subprocess.Popen([str(install / "shopsync.exe"), "300"])
        self.code, self.upgrade_files, self.tray_quits = msiexec_code, upgrade_files, tray_quits
        self.ran: list[list[str]] = []
        self.started: list[list[str]] = []
        self.running_at_msiexec: list = []

    def ask_tray_to_quit(self, home: Path) -> bool:
        if self.tray_quits:
            self.tray.terminate()  # it closes a little later, as the real one does
        return True

    def msiexec(self, command) -> int:
        self.ran.append(list(command))
        self.running_at_msiexec = processes_in(self.install)
        if self.upgrade_files:
            _write_cli(self.install, NEXT)
            (self.install / "_internal" / "base_library.zip").write_bytes(b"N+1")
        return self.code

    def system(self) -> System:
        def reap(folder: Path) -> list:
            self.tray.poll()  # a child of this test: reaped, so it leaves /proc once it exits
            return processes_in(folder)

        return System(processes_in=reap, run=self.msiexec,
                      start=lambda command, cwd: self.started.append(list(command)),
                      ask_tray_to_quit=self.ask_tray_to_quit, step=0.05)

    def close(self) -> None:
        if self.tray.poll() is None:
            self.tray.kill()
            self.tray.wait()


@pytest.fixture
def windows(pc):
    made: list[FakeWindows] = []

    def make(**options) -> FakeWindows:
        made.append(FakeWindows(pc[0], **options))
        return made[-1]

    yield make
    for fake in made:
        fake.close()


def test_processes_in_sees_a_program_running_from_the_folder(pc) -> None:
    install, _home, _plan = pc
    sleeper = subprocess.Popen([str(install / "shopsync.exe"), "30"])
    try:
        found = processes_in(install)
        assert [pid for pid, _image in found] == [sleeper.pid]
        assert processes_in(install.parent / "elsewhere") == []
    finally:
        sleeper.kill()
        sleeper.wait()
    assert processes_in(install) == []


def test_installs_after_the_tray_has_closed_then_starts_it_again(pc, windows) -> None:
    install, home, plan = pc
    fake = windows()
    assert run_plan(plan, fake.system()) is None
    assert fake.running_at_msiexec == []  # nothing ran from the install folder during msiexec
    assert fake.ran == [["msiexec", "/i", plan.msi, "/qn", "/norestart", "/l*v",
                         str(home / "update" / "msiexec.log")]]
    # The tray app, as the Run key starts it: shopsync.exe, not the console program.
    assert fake.started == [[str(install / "shopsync.exe"), "gui", "--minimized"]]
    state = read_state(home)
    assert state["installed"] == NEXT and state["last_apply"]["ok"] is True
    assert not Path(plan.msi).exists()  # installed: the download goes
    note = start_note(home, current=NEXT)
    assert note is not None and (note.kind, note.version) == (StartNote.INSTALLED, NEXT)
    assert start_note(home, current=NEXT) is None  # said once


def test_3010_is_a_failure_never_an_install(pc, windows) -> None:
    _install, home, plan = pc
    fake = windows(msiexec_code=3010)  # files in use: replaced at the next reboot
    assert run_plan(plan, fake.system()) is ApplyProblem.REBOOT_REQUIRED
    state = read_state(home)
    assert "installed" not in state and state["last_apply"]["problem"] == "reboot_required"
    assert Path(plan.msi).exists()  # kept for the next try
    assert fake.started, "the shop must not be left without its tray app"
    note = start_note(home, current=CURRENT)
    assert (note.kind, note.problem) == (StartNote.NOT_INSTALLED, ApplyProblem.REBOOT_REQUIRED)


def test_files_that_do_not_say_the_new_version_are_no_install(pc, windows) -> None:
    _install, home, plan = pc
    fake = windows(upgrade_files=False)  # msiexec said 0, the files stayed N
    assert run_plan(plan, fake.system()) is ApplyProblem.WRONG_VERSION
    assert "installed" not in read_state(home)
    assert f"'{CURRENT}'" in read_state(home)["last_apply"]["detail"]


@pytest.mark.parametrize("code", [1603, 1618])
def test_a_failed_msiexec_is_recorded_with_its_code(pc, windows, code: int) -> None:
    _install, home, plan = pc
    fake = windows(msiexec_code=code, upgrade_files=False)
    assert run_plan(plan, fake.system()) is ApplyProblem.INSTALLER_FAILED
    assert f"msiexec {code}" in read_state(home)["last_apply"]["detail"]


def test_a_tray_that_does_not_close_in_time_means_no_msiexec(pc, windows) -> None:
    _install, home, plan = pc
    plan.close_timeout = 0.5
    fake = windows(tray_quits=False)
    started = time.monotonic()
    assert run_plan(plan, fake.system()) is ApplyProblem.APP_DID_NOT_CLOSE
    assert time.monotonic() - started < 10  # bounded
    assert fake.ran == [] and fake.started == []  # nothing installed, nothing started twice
    assert read_state(home)["last_apply"]["problem"] == "app_did_not_close"


def test_a_sync_holding_the_lock_means_no_msiexec(pc, windows) -> None:
    import filelock

    _install, home, plan = pc
    fake = windows()
    with filelock.FileLock(str(home / "sync.lock")):
        assert run_plan(plan, fake.system()) is ApplyProblem.SYNC_DID_NOT_END
    assert fake.ran == []


def test_plan_round_trips_through_its_file(tmp_path: Path, pc) -> None:
    plan = pc[2]
    assert Plan.load(plan.save(tmp_path / "plan.json")) == plan


def test_an_upgrade_by_someone_else_is_noticed_at_start(tmp_path: Path) -> None:
    assert start_note(tmp_path, current="0.1.0") is None  # first run: nothing to say
    assert start_note(tmp_path, current="0.1.0") is None
    note = start_note(tmp_path, current="0.1.1")  # msiexec by IT, no helper involved
    assert (note.kind, note.version, note.previous) == (StartNote.UPGRADED, "0.1.1", "0.1.0")
    assert start_note(tmp_path, current="0.1.1") is None


def test_apply_on_windows_stages_a_helper_outside_the_install_folder(
    tmp_path: Path, repo: Path, keys: Path, agent, pc
) -> None:
    """`update apply` on Windows: a verified MSI, the console program copied out of the install
    folder, a plan, the copy started; the report says `installing` (not `applied`); a second
    apply while the helper works is refused."""
    from shopsync.update.naming import Platform

    from .helpers import run_release, serving

    install, _home, _plan = pc
    msi = tmp_path / f"ShopSync-{NEXT}.msi"
    msi.write_bytes(b"not really an MSI, signed all the same")
    run_release("publish", repo, "--keys", keys, msi, "--version", NEXT)
    started: list = []
    system = System(start=lambda command, cwd: started.append((list(command), cwd)))
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = agent.apply(platform=Platform.WINDOWS, executable=install / "shopsync-cli.exe",
                             system=system)
        again = agent.apply(platform=Platform.WINDOWS, executable=install / "shopsync-cli.exe",
                            system=system)
    assert report.installing and not report.applied, report
    assert report.as_json()["installing"] is True and report.exit_code == 0
    [(command, cwd)] = started
    helper = Path(command[0])
    assert command[1:] == ["update-helper", str(helper.parent / "plan.json")]
    assert helper.parent == agent.home / "update" / "helper" and cwd == helper.parent
    assert not str(helper).startswith(str(install))
    assert (helper.parent / "_internal" / "base_library.zip").read_bytes() == b"N"
    plan = json.loads((helper.parent / "plan.json").read_text())
    assert plan["version"] == NEXT and plan["install_dir"] == str(install.resolve())
    assert Path(plan["msi"]).read_bytes() == msi.read_bytes()
    assert again.exit_code == 2 and "already being installed" in again.reason
    assert "installed" not in read_state(agent.home)


def test_stale_helper_copies_go(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "update"
    old, fresh = folder / "helper", folder / "helper-42"
    for helper in (old, fresh):
        (helper / "_internal").mkdir(parents=True)
        (helper / "plan.json").write_text("{}")
    os.utime(old / "plan.json", (time.time() - 3600, time.time() - 3600))
    assert windows_apply.remove_stale_helpers(folder) == [old]
    assert fresh.is_dir() and not old.exists()
