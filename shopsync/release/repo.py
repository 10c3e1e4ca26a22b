"""The update repository on disk: create it, publish a release, re-sign, rotate a key.

Layout (consistent snapshots, so a client never mixes two publications):
    REPO/metadata/1.root.json, 2.root.json…   every root, each signed by the previous one
    REPO/metadata/timestamp.json               the only file a client fetches when nothing is new
    REPO/metadata/N.snapshot.json, N.targets.json
    REPO/targets/<channel>/<sha256>.shopsync-X.Y.Z-<platform>.<ext>
All signing is python-tuf's `tuf.api.metadata`; this module decides versions and lifetimes.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Signed,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from shopsync.errors import ConfigError
from shopsync.release.keys import Role, load_key, retire_key, write_key
from shopsync.update.naming import Platform, custom_metadata, parse_version, target_path

ROOT_LIFETIME = timedelta(days=365)
TARGETS_LIFETIME = timedelta(days=90)
SNAPSHOT_LIFETIME = timedelta(days=7)
DEFAULT_TIMESTAMP_LIFETIME = timedelta(days=1)

_PRETTY = JSONSerializer(compact=False)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Repository:
    """One repository folder and the key folder that signs it."""

    def __init__(self, folder: Path, keys: Path) -> None:
        self.folder = Path(folder)
        self.keys = Path(keys)
        self.metadata = self.folder / "metadata"
        self.targets_dir = self.folder / "targets"

    # --- reading -------------------------------------------------------------------------

    def _load(self, name: str) -> Metadata:
        path = self.metadata / name
        try:
            return Metadata.from_file(str(path))
        except FileNotFoundError:
            raise ConfigError(f"{path}: missing (run `shopsync-release init` first)") from None
        except Exception as exc:  # noqa: BLE001 - tuf's deserialisation errors vary
            raise ConfigError(f"{path}: not valid TUF metadata ({exc})") from exc

    def root(self) -> Metadata[Root]:
        return self._load("root.json")

    def timestamp(self) -> Metadata[Timestamp]:
        return self._load("timestamp.json")

    def snapshot(self) -> Metadata[Snapshot]:
        return self._load(f"{self.timestamp().signed.snapshot_meta.version}.snapshot.json")

    def targets(self) -> Metadata[Targets]:
        version = self.snapshot().signed.meta["targets.json"].version
        return self._load(f"{version}.targets.json")

    # --- signing -------------------------------------------------------------------------

    def _signer(self, role: Role, root: Root):
        signer = load_key(self.keys, role)
        if signer.public_key.keyid not in root.roles[role].keyids:
            raise ConfigError(
                f"{self.keys / (role + '.pem')}: not a {role} key of {self.metadata}/root.json"
            )
        return signer

    def _write(self, md: Metadata, name: str, signers) -> None:
        md.signatures.clear()
        for signer in signers:
            md.sign(signer, append=True)
        md.to_file(str(self.metadata / name), _PRETTY)

    def _bump(self, signed: Signed, lifetime: timedelta) -> None:
        signed.version += 1
        signed.expires = _now() + lifetime

    def _write_root(self, md: Metadata[Root], signers) -> None:
        self._write(md, f"{md.signed.version}.root.json", signers)
        shutil.copyfile(
            self.metadata / f"{md.signed.version}.root.json", self.metadata / "root.json"
        )

    def _chain(
        self,
        targets: Metadata[Targets] | None,
        timestamp_lifetime: timedelta,
    ) -> None:
        """Sign new targets (if given), then a snapshot and a timestamp naming them."""
        root = self.root().signed
        snapshot = self.snapshot()
        if targets is not None:
            self._bump(targets.signed, TARGETS_LIFETIME)
            self._write(
                targets,
                f"{targets.signed.version}.targets.json",
                [self._signer(Role.TARGETS, root)],
            )
            snapshot.signed.meta["targets.json"] = MetaFile(version=targets.signed.version)
        timestamp = self.timestamp()
        self._bump(snapshot.signed, SNAPSHOT_LIFETIME)
        self._write(
            snapshot,
            f"{snapshot.signed.version}.snapshot.json",
            [self._signer(Role.SNAPSHOT, root)],
        )
        timestamp.signed.snapshot_meta = MetaFile(version=snapshot.signed.version)
        self._bump(timestamp.signed, timestamp_lifetime)
        self._write(timestamp, "timestamp.json", [self._signer(Role.TIMESTAMP, root)])

    # --- commands ------------------------------------------------------------------------

    def init(self) -> None:
        """Keys for the four roles (made unless the key folder has them) and version 1 of
        every metadata file."""
        if (self.metadata / "root.json").exists():
            raise ConfigError(f"{self.metadata}: already a repository")
        from securesystemslib.signer import CryptoSigner

        for role in Role:
            if not (self.keys / f"{role}.pem").exists():
                write_key(self.keys, role, CryptoSigner.generate_ed25519())
        signers = {role: load_key(self.keys, role) for role in Role}
        root = Root(expires=_now() + ROOT_LIFETIME, consistent_snapshot=True)
        for role, signer in signers.items():
            root.add_key(signer.public_key, role)
        self.metadata.mkdir(parents=True, exist_ok=True)
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        self._write_root(Metadata(root), [signers[Role.ROOT]])
        self._write(
            Metadata(Targets(expires=_now() + TARGETS_LIFETIME)),
            "1.targets.json",
            [signers[Role.TARGETS]],
        )
        self._write(
            Metadata(Snapshot(expires=_now() + SNAPSHOT_LIFETIME)),
            "1.snapshot.json",
            [signers[Role.SNAPSHOT]],
        )
        self._write(
            Metadata(Timestamp(expires=_now() + DEFAULT_TIMESTAMP_LIFETIME)),
            "timestamp.json",
            [signers[Role.TIMESTAMP]],
        )

    def publish(
        self,
        file: Path,
        version: str,
        channel: str,
        rollout: int,
        timestamp_lifetime: timedelta = DEFAULT_TIMESTAMP_LIFETIME,
    ) -> str:
        """Add `file` as the release `version` (or change an existing one's rollout)."""
        parse_version(version)
        name = file.name.lower()
        if not (name.endswith((".msi", ".tar.gz", ".tgz"))):
            raise ConfigError(f"{file}: expected a .msi (Windows) or .tar.gz (Linux bundle)")
        if not 0 <= rollout <= 100:
            raise ConfigError(f"--rollout {rollout}: expected a percentage 0..100")
        platform = Platform.of_file(name)
        path = target_path(channel, version, platform)
        targets = self.targets()
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        existing = targets.signed.targets.get(path)
        if existing is not None and existing.hashes.get("sha256") != digest:
            raise ConfigError(
                f"{path}: already published with other bytes; a release never changes, "
                "publish a higher version"
            )
        dest = self.targets_dir / path.rsplit("/", 1)[0] / f"{digest}.{path.rsplit('/', 1)[1]}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, dest)
        target = TargetFile.from_file(path, str(dest), ["sha256"])
        target.unrecognized_fields["custom"] = custom_metadata(version, channel, platform, rollout)
        targets.signed.targets[path] = target
        self._chain(targets, timestamp_lifetime)
        return path

    def refresh(self, timestamp_lifetime: timedelta = DEFAULT_TIMESTAMP_LIFETIME) -> None:
        """Re-sign snapshot and timestamp (the online roles), e.g. from a daily job."""
        self._chain(None, timestamp_lifetime)

    def rotate(self, role: Role) -> str:
        """Replace `role`'s key: a new root (signed by the old and new root keys when the
        root key itself changes), then that role's metadata re-signed. Returns the new keyid."""
        from securesystemslib.signer import CryptoSigner

        root_md = self.root()
        root = root_md.signed
        old_root_signer = self._signer(Role.ROOT, root)
        old = load_key(self.keys, role)
        new = CryptoSigner.generate_ed25519()
        root.revoke_key(old.public_key.keyid, role)
        root.add_key(new.public_key, role)
        self._bump(root, ROOT_LIFETIME)
        retire_key(self.keys, role, old.public_key.keyid)
        write_key(self.keys, role, new)
        signers = [old_root_signer, new] if role is Role.ROOT else [old_root_signer]
        self._write_root(root_md, signers)
        if role is not Role.ROOT:
            self._chain(
                self.targets() if role is Role.TARGETS else None, DEFAULT_TIMESTAMP_LIFETIME
            )
        return new.public_key.keyid
