"""TUF's attack list against the agent: each refused with a clear message, nothing installed.

Every repository here is made by `shopsync-release` and served over real HTTP on 127.0.0.1;
the attacker edits files on the mirror (or signs with keys of their own), as a compromised
mirror or a stolen online key would.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata

from shopsync.release.keys import Role
from shopsync.release.repo import Repository
from shopsync.update.service import UpdateStatus

from .helpers import (
    CURRENT,
    NEXT,
    bump,
    endless,
    install_stand_in,
    make_bundle_archive,
    run_release,
    serving,
    update_cli,
)


class Forger(Repository):
    """The release tool in an attacker's hands: some roles signed with keys of their own."""

    def __init__(self, folder: Path, keys: Path, forged: dict[Role, CryptoSigner]) -> None:
        super().__init__(folder, keys)
        self.forged = forged

    def _signer(self, role, root):
        return self.forged.get(role) or super()._signer(role, root)


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    return install_stand_in(tmp_path / "install", CURRENT)


def publish(tmp_path: Path, repo: Path, keys: Path, version: str, *extra: str) -> Path:
    archive = make_bundle_archive(tmp_path / f"bundle-{version}.tar.gz", version)
    run_release("publish", repo, "--keys", keys, archive, "--version", version, *extra)
    return archive


def target_file(repo: Path, version: str) -> Path:
    (found,) = (repo / "targets" / "stable").glob(f"*.shopsync-{version}-linux.tar.gz")
    return found


def assert_nothing_applied(agent, installed: Path, report, *words: str) -> None:
    assert report.status is UpdateStatus.REFUSED, report
    assert report.exit_code == 2
    for word in words:
        assert word in report.reason, report.reason
    out = subprocess.run([str(installed / "shopsync"), "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.split()[-1] == CURRENT
    assert not list(installed.parent.glob("shopsync.old-*"))
    assert not (installed / "started").exists()
    downloads = agent.home / "update" / "downloads"
    assert not downloads.exists() or not any(downloads.iterdir())


def try_apply(agent, installed: Path):
    launched: list = []
    report = agent.apply(bundle=installed, launcher=launched.append)
    assert launched == []
    return report


def test_changed_target_bytes_are_refused(tmp_path, repo, keys, agent, installed) -> None:
    publish(tmp_path, repo, keys, NEXT)
    target = target_file(repo, NEXT)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, other bytes
    target.write_bytes(bytes(data))
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        assert agent.check().status is UpdateStatus.AVAILABLE  # the metadata is genuine
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "hash")


def test_a_release_signed_by_an_untrusted_key_is_refused(tmp_path, repo, keys, agent,
                                                          installed) -> None:
    archive = make_bundle_archive(tmp_path / "evil.tar.gz", NEXT)
    # The release tool itself will not sign with a key the root does not list…
    stranger = tmp_path / "stranger-keys"
    run_release("init", tmp_path / "other-repo", "--keys", stranger)
    from shopsync.release.cli import main as release

    assert release(["publish", str(repo), "--keys", str(stranger), str(archive),
                    "--version", NEXT]) == 2
    # …and when an attacker forges one anyway (online keys stolen, targets key not):
    evil = CryptoSigner.generate_ed25519()
    Forger(repo, keys, {Role.TARGETS: evil}).publish(archive, NEXT, "stable", 100)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "not signed by the trusted keys")


def test_a_new_root_not_signed_by_the_trusted_root_is_refused(tmp_path, repo, keys, agent,
                                                               installed) -> None:
    stolen = tmp_path / "attacker-keys"
    shutil.copytree(keys, stolen)
    Forger(repo, stolen, {Role.ROOT: CryptoSigner.generate_ed25519()}).rotate(Role.TARGETS)
    publish(tmp_path, repo, stolen, NEXT)  # signed with the attacker's "new" targets key
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "not signed by the trusted keys")


def test_rollback_to_older_metadata_is_refused(tmp_path, repo, keys, agent, installed) -> None:
    old_timestamp = (repo / "metadata" / "timestamp.json").read_bytes()  # version 1
    publish(tmp_path, repo, keys, "0.0.1")  # anything: the timestamp moves to v2
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        assert agent.check().status is UpdateStatus.UP_TO_DATE  # saw timestamp v2
        (repo / "metadata" / "timestamp.json").write_bytes(old_timestamp)
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "rollback")


def test_an_older_release_is_never_offered(tmp_path, repo, keys, agent, installed) -> None:
    """No downgrade ever: a "rollback" of the software is a new, higher version."""
    publish(tmp_path, repo, keys, "0.0.9")
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = agent.check()
        assert (report.status, report.latest) == (UpdateStatus.UP_TO_DATE, CURRENT)
        applied = agent.apply(bundle=installed, launcher=pytest.fail)
    assert applied.status is UpdateStatus.UP_TO_DATE and not applied.applied


def test_freeze_expired_timestamp_warns_and_installs_nothing(tmp_path, repo, keys, agent,
                                                              installed, caplog) -> None:
    publish(tmp_path, repo, keys, NEXT, "--expires", "2s")
    expires = Metadata.from_file(str(repo / "metadata" / "timestamp.json")).signed.expires
    while datetime.now(UTC) <= expires:  # wait on the condition itself
        time.sleep(0.1)
    with serving(repo) as mirror:  # the mirror keeps serving the stale (frozen) state
        agent.point_at(mirror.url)
        with caplog.at_level("WARNING", logger="shopsync.update"):
            report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "expired")
    assert any("expired" in r.getMessage() for r in caplog.records)


def test_mix_and_match_of_metadata_versions_is_refused(tmp_path, repo, keys, agent,
                                                       installed) -> None:
    publish(tmp_path, repo, keys, NEXT)  # targets v2
    publish(tmp_path, repo, keys, bump(CURRENT, 2))  # targets v3, named by snapshot v3
    meta = repo / "metadata"
    # The mirror answers snapshot v3's targets with the older targets v2 (which is genuine).
    shutil.copyfile(meta / "2.targets.json", meta / "3.targets.json")
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "mix-and-match")


def test_an_endless_target_is_cut_at_its_signed_length(tmp_path, repo, keys, agent,
                                                       installed) -> None:
    publish(tmp_path, repo, keys, NEXT)
    name = target_file(repo, NEXT).relative_to(repo).as_posix()
    with serving(repo) as mirror:
        mirror.overrides[name] = endless
        agent.point_at(mirror.url)
        report = try_apply(agent, installed)
    assert_nothing_applied(agent, installed, report, "more bytes than were signed")


def test_an_oversized_target_is_refused_before_download(tmp_path, repo, keys, agent,
                                                        installed) -> None:
    from shopsync.update.service import open_client

    archive = make_bundle_archive(tmp_path / "big.tar.gz", NEXT, pad=64 * 1024)
    run_release("publish", repo, "--keys", keys, archive, "--version", NEXT)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        client = open_client(agent.settings(), max_target_bytes=16 * 1024)
        launched: list = []
        report = agent.apply(client=client, bundle=installed, launcher=launched.append)
        asked = [path for path, _ in mirror.requests]
    assert_nothing_applied(agent, installed, report, "over the", "limit")
    assert not any(p.startswith("targets/") for p in asked)


def test_plain_http_off_loopback_is_refused(agent) -> None:
    agent.point_at("http://updates.example.com/updates")
    code, report = update_cli(agent.home, "check")
    assert code == 2 and report["status"] == "refused"
    assert "plain http is refused" in report["reason"]
    assert report["current"] == CURRENT


def test_an_unreachable_repository_exits_3(agent) -> None:
    agent.point_at("http://127.0.0.1:9/updates")  # nothing listens there
    code, report = update_cli(agent.home, "check")
    assert (code, report["status"]) == (3, "unreachable")


@pytest.mark.parametrize("role", [Role.ROOT, Role.TARGETS, Role.TIMESTAMP])
def test_a_rotated_key_is_followed(tmp_path, repo, keys, agent, installed, role) -> None:
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        assert agent.check().status is UpdateStatus.UP_TO_DATE  # trusts root v1
        run_release("rotate-key", repo, "--keys", keys, role.value)
        publish(tmp_path, repo, keys, NEXT)  # signed with the new key
        launched: list = []
        report = agent.apply(bundle=installed, launcher=launched.append)
    assert report.applied and report.latest == NEXT, report
    assert (agent.home / "update" / "metadata" / "root_history" / "2.root.json").is_file()
    assert launched == [[str(installed / "shopsync")]]


def test_an_unwritable_update_folder_is_a_message_not_a_traceback(tmp_path, repo, keys,
                                                                  agent) -> None:
    (agent.home / "update").write_text("a file where the folder should be")  # even root fails
    publish(tmp_path, repo, keys, NEXT)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        code, report = update_cli(agent.home, "check")
    assert (code, report["status"]) == (3, "unreachable")
    assert report["reason"].startswith(f"update folder {agent.home / 'update'}: ")
