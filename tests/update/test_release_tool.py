"""`shopsync-release`: init, publish, refresh, rotate-key, and what it refuses."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata

from shopsync.release.cli import duration, main

from .helpers import NEXT, make_bundle_archive, run_release


def signed(path: Path):
    return Metadata.from_file(str(path)).signed


def test_init_makes_four_private_keys_and_version_1(tmp_path: Path, repo: Path,
                                                    keys: Path) -> None:
    assert sorted(p.name for p in keys.iterdir()) == [
        "root.pem", "snapshot.pem", "targets.pem", "timestamp.pem"]
    for key in keys.iterdir():
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    root = signed(repo / "metadata" / "1.root.json")
    assert root.consistent_snapshot and root.version == 1
    assert set(root.roles) == {"root", "targets", "snapshot", "timestamp"}
    assert main(["init", str(repo), "--keys", str(keys)]) == 2  # never over a repository


def test_publish_signs_a_release_with_its_custom_metadata(tmp_path, repo, keys) -> None:
    archive = make_bundle_archive(tmp_path / "b.tar.gz", NEXT)
    before = datetime.now(UTC)
    run_release("publish", repo, "--keys", keys, archive, "--version", NEXT,
                "--channel", "beta", "--rollout", "25")
    timestamp = signed(repo / "metadata" / "timestamp.json")
    assert timestamp.version == 2
    assert before + timedelta(hours=23) < timestamp.expires <= before + timedelta(days=1, seconds=2)
    targets = signed(repo / "metadata" / "2.targets.json")
    info = targets.targets[f"beta/shopsync-{NEXT}-linux.tar.gz"]
    assert info.length == archive.stat().st_size
    assert info.unrecognized_fields["custom"]["shopsync"] == {
        "version": NEXT, "channel": "beta", "platform": "linux", "rollout": 25}
    stored = repo / "targets" / "beta" / f"{info.hashes['sha256']}.shopsync-{NEXT}-linux.tar.gz"
    assert stored.read_bytes() == archive.read_bytes()


def test_raising_the_rollout_republishes_the_same_bytes_only(tmp_path, repo, keys) -> None:
    archive = make_bundle_archive(tmp_path / "b.tar.gz", NEXT)
    run_release("publish", repo, "--keys", keys, archive, "--version", NEXT, "--rollout", "10")
    run_release("publish", repo, "--keys", keys, archive, "--version", NEXT, "--rollout", "50")
    info = signed(repo / "metadata" / "3.targets.json").targets[
        f"stable/shopsync-{NEXT}-linux.tar.gz"]
    assert info.unrecognized_fields["custom"]["shopsync"]["rollout"] == 50
    other = make_bundle_archive(tmp_path / "c.tar.gz", NEXT, pad=10)
    assert main(["publish", str(repo), "--keys", str(keys), str(other), "--version", NEXT]) == 2
    assert not (repo / "metadata" / "4.targets.json").exists()


@pytest.mark.parametrize("args", [
    ["--version", "1.2"],
    ["--version", "9.9.9 "],  # issue 18: a trailing space was accepted and broke apply
    ["--version", " 9.9.9"],
    ["--version", "9.9.9\n"],
    ["--version", "09.9.9"],
    ["--version", "9.9.9-beta1"],
    ["--version", "+9.9.9"],
    ["--version", "1.2.3", "--rollout", "120"],
    ["--version", "1.2.3", "--expires", "soon"],
])
def test_publish_refuses_bad_arguments(tmp_path, repo, keys, args) -> None:
    archive = make_bundle_archive(tmp_path / "b.tar.gz", NEXT)
    with pytest.raises(SystemExit) as exit_info:
        main(["publish", str(repo), "--keys", str(keys), str(archive), *args])
    assert exit_info.value.code == 2


def test_publish_refuses_a_file_that_is_no_bundle_nor_msi(tmp_path, repo, keys) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("x")
    assert main(["publish", str(repo), "--keys", str(keys), str(odd), "--version", NEXT]) == 2


def test_durations() -> None:
    assert duration("2s") == timedelta(seconds=2)
    assert duration("1d") == timedelta(days=1)
    assert duration("12h") == timedelta(hours=12)


def test_refresh_re_signs_the_online_roles(repo, keys) -> None:
    run_release("refresh", repo, "--keys", keys, "--expires", "3d")
    timestamp = signed(repo / "metadata" / "timestamp.json")
    assert timestamp.version == 2 and timestamp.snapshot_meta.version == 2
    assert timestamp.expires > datetime.now(UTC) + timedelta(days=2)


def test_rotating_the_root_key_signs_the_new_root_with_both(repo, keys) -> None:
    old_key = (keys / "root.pem").read_bytes()
    run_release("rotate-key", repo, "--keys", keys, "root")
    new_root = Metadata.from_file(str(repo / "metadata" / "2.root.json"))
    assert len(new_root.signatures) == 2
    old_root = signed(repo / "metadata" / "1.root.json")
    old_root.verify_delegate("root", new_root.signed_bytes, new_root.signatures)
    new_root.signed.verify_delegate("root", new_root.signed_bytes, new_root.signatures)
    assert (keys / "root.pem").read_bytes() != old_key
    assert len(list(keys.glob("root.*.retired.pem"))) == 1


def test_the_console_script_runs(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "shopsync.release.cli", "--help"],
                          capture_output=True, text=True, check=True)
    assert "publish" in done.stdout and "init" in done.stdout
