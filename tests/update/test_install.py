"""Installing: the Linux folder swap and its failures. (The Windows path, a helper outside the
install folder, is tests/update/test_windows_apply.py; under Wine, tests/windows.)"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from shopsync.update import install
from shopsync.update.install import ApplyFailed, install_bundle

from .helpers import CURRENT, NEXT, install_stand_in, make_bundle_archive


def version_of(bundle: Path) -> str:
    return subprocess.run([str(bundle / "shopsync"), "--version"], capture_output=True,
                          text=True, check=True).stdout.split()[-1]


@pytest.mark.parametrize("atomic", [True, False], ids=["renameat2", "two-renames"])
def test_exchange_swaps_two_folders(tmp_path: Path, monkeypatch, atomic: bool) -> None:
    if not atomic:  # a system without renameat2 (Windows, macOS, old kernels)
        monkeypatch.setattr(install.ctypes.util, "find_library", lambda name: None)
    a, b = tmp_path / "swap" / "a", tmp_path / "swap" / "b"
    a.mkdir(parents=True), b.mkdir()
    (a / "which").write_text("a")
    (b / "which").write_text("b")
    install.exchange(a, b)
    assert ((a / "which").read_text(), (b / "which").read_text()) == ("b", "a")
    assert sorted(p.name for p in a.parent.iterdir()) == ["a", "b"]


def test_bundle_swap_keeps_the_old_folder_until_the_new_one_runs(tmp_path: Path) -> None:
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    archive = make_bundle_archive(tmp_path / "n1.tar.gz", NEXT)
    started: list = []
    old = install_bundle(archive, bundle, NEXT, CURRENT, launcher=started.append)
    assert version_of(bundle) == NEXT and version_of(old) == CURRENT
    assert started == [[str(bundle / "shopsync")]]
    assert install.remove_old_bundles(bundle) == [old] and not old.exists()


def test_a_bundle_that_does_not_start_leaves_the_previous_version(tmp_path: Path) -> None:
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    liar = make_bundle_archive(tmp_path / "n1.tar.gz", "9.9.9")  # says another version
    with pytest.raises(ApplyFailed, match=f"version {CURRENT} is still installed"):
        install_bundle(liar, bundle, NEXT, CURRENT, launcher=pytest.fail)
    assert version_of(bundle) == CURRENT
    assert sorted(p.name for p in bundle.parent.iterdir()) == ["shopsync"]


def test_a_restart_that_fails_puts_the_previous_version_back(tmp_path: Path) -> None:
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    archive = make_bundle_archive(tmp_path / "n1.tar.gz", NEXT)

    def cannot_start(command) -> None:
        raise OSError("exec format error")

    with pytest.raises(ApplyFailed, match=f"version {CURRENT} is back in place"):
        install_bundle(archive, bundle, NEXT, CURRENT, launcher=cannot_start)
    assert version_of(bundle) == CURRENT


def test_an_archive_without_the_executable_installs_nothing(tmp_path: Path) -> None:
    import io
    import tarfile

    bundle = install_stand_in(tmp_path / "install", CURRENT)
    archive = tmp_path / "empty.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("shopsync/readme.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    with pytest.raises(ApplyFailed, match="nothing installed"):
        install_bundle(archive, bundle, NEXT, CURRENT, launcher=pytest.fail)
    assert version_of(bundle) == CURRENT


def test_apply_waits_while_a_sync_holds_the_lock(tmp_path: Path, repo: Path, keys: Path,
                                                 agent) -> None:
    import filelock

    from .helpers import run_release, serving

    bundle = install_stand_in(tmp_path / "install", CURRENT)
    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "n1.tar.gz", NEXT), "--version", NEXT)
    with serving(repo) as mirror, filelock.FileLock(str(agent.home / "sync.lock")):
        agent.point_at(mirror.url)
        report = agent.apply(bundle=bundle, launcher=pytest.fail)
    assert report.exit_code == 2 and "a sync is running" in report.reason
    assert version_of(bundle) == CURRENT


def test_apply_from_a_python_install_says_how_to_update(tmp_path, repo, keys, agent) -> None:
    from .helpers import run_release, serving

    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "n1.tar.gz", NEXT), "--version", NEXT)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = agent.apply(launcher=pytest.fail)  # not frozen, no SHOPSYNC_UPDATE_BUNDLE
    assert report.exit_code == 2 and "runs from Python" in report.reason
