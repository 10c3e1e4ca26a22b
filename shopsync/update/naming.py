"""How releases are named in the repository: target paths, versions, custom metadata.

A release is one TUF target per platform, `<channel>/shopsync-X.Y.Z-<platform>.<ext>`, whose
signed custom metadata repeats the version and channel (the agent trusts those, never the
file name alone) and carries the rollout percentage.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shopsync.update.settings import UpdateChannel

_VERSION = re.compile(r"^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$")


class Platform(StrEnum):
    LINUX = "linux"  # one-folder bundle, .tar.gz
    WINDOWS = "windows"  # per-user MSI

    @property
    def extension(self) -> str:
        return "msi" if self is Platform.WINDOWS else "tar.gz"

    @classmethod
    def current(cls) -> Platform:
        return cls.WINDOWS if sys.platform == "win32" else cls.LINUX

    @classmethod
    def of_file(cls, name: str) -> Platform:
        return cls.WINDOWS if name.lower().endswith(".msi") else cls.LINUX


def parse_version(text: str) -> tuple[int, int, int]:
    """`X.Y.Z` → (X, Y, Z); ValueError otherwise (no pre-release tags: beta is a channel).

    Strict: no surrounding space nor newline (`'9.9.9 '` was once published and broke apply:
    the target path then named a file no agent could match), no leading zeros, no sign."""
    match = _VERSION.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"not a version X.Y.Z: {text!r}")
    return int(match[1]), int(match[2]), int(match[3])


def target_path(channel: str, version: str, platform: Platform) -> str:
    parse_version(version)
    return f"{UpdateChannel(channel)}/shopsync-{version}-{platform}.{platform.extension}"


@dataclass(frozen=True, slots=True)
class Release:
    path: str  # the TUF target path
    version: str
    channel: UpdateChannel
    platform: Platform
    rollout: int  # percent of agents offered this release
    length: int  # bytes, as signed

    @property
    def key(self) -> tuple[int, int, int]:
        return parse_version(self.version)


def custom_metadata(version: str, channel: str, platform: Platform, rollout: int) -> dict:
    return {
        "shopsync": {
            "version": version,
            "channel": str(UpdateChannel(channel)),
            "platform": str(platform),
            "rollout": int(rollout),
        }
    }


def release_of(path: str, length: int, custom: dict[str, Any] | None) -> Release | None:
    """The release a target describes, or None when it is not one (or not consistently named:
    the signed custom metadata and the path must agree)."""
    info = (custom or {}).get("shopsync")
    if not isinstance(info, dict):
        return None
    try:
        platform = Platform(info["platform"])
        channel = UpdateChannel(info["channel"])
        version = str(info["version"])
        rollout = int(info.get("rollout", 100))
        if path != target_path(channel, version, platform) or not 0 <= rollout <= 100:
            return None
    except (KeyError, ValueError, TypeError):
        return None
    return Release(path, version, channel, platform, rollout, int(length))
