"""Signing keys of the four TUF roles, one PEM file per role in a key folder kept out of git.

Ed25519 keys through securesystemslib's CryptoSigner; the file holds only the private key
(PKCS#8), the public half is derived from it.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner

from shopsync.errors import ConfigError


class Role(StrEnum):
    ROOT = "root"  # offline: signs the other roles' keys
    TARGETS = "targets"  # offline: signs the list of releases
    SNAPSHOT = "snapshot"  # online: signs the set of metadata versions
    TIMESTAMP = "timestamp"  # online: re-signed often, its short life defeats freezes


def key_path(folder: Path, role: Role) -> Path:
    return Path(folder) / f"{role}.pem"


def write_key(folder: Path, role: Role, signer: CryptoSigner) -> Path:
    """Write a private key readable by its owner only (never over an existing one)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = key_path(folder, role)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(signer.private_bytes)
    return path


def load_key(folder: Path, role: Role) -> CryptoSigner:
    path = key_path(folder, role)
    try:
        private = load_pem_private_key(path.read_bytes(), None)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no {role} key in {folder}") from None
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{path}: not a PEM private key ({exc})") from exc
    return CryptoSigner(private)


def retire_key(folder: Path, role: Role, keyid: str) -> Path:
    """Keep a replaced key beside the new one (the platform then moves it to cold storage)."""
    old = key_path(folder, role)
    retired = old.with_name(f"{role}.{keyid[:12]}.retired.pem")
    old.rename(retired)
    return retired
