"""The `[update]` section of config.toml: where updates come from and what the agent does.

Kept out of `config.py` (which only lists the section) so the vocabularies and their checks
live beside the code that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from shopsync.errors import ConfigError

UPDATE_PATH = "/updates"  # where the site (and the sandbox) serves its TUF repository


class UpdateMode(StrEnum):
    AUTO = "auto"  # download, then install at a quiet hour or when the tray app closes
    NOTIFY = "notify"  # say an update is there; a person installs it
    OFF = "off"  # never check


class UpdateChannel(StrEnum):
    STABLE = "stable"
    BETA = "beta"  # beta agents also take stable releases (whichever is newer)


@dataclass(slots=True)
class UpdateSettings:
    url: str = ""  # empty: the site's own update path ([site] url + /updates)
    root: str = ""  # empty: the trusted root shipped with ShopSync
    # Who may sign Windows installers (SHA-256 fingerprints, one per line: authenticode.py);
    # empty: the list shipped with ShopSync (resources/update/publishers.txt)
    publishers: str = ""
    mode: str = UpdateMode.AUTO
    channel: str = UpdateChannel.STABLE

    def repository_url(self, site_url: str) -> str:
        return self.url.strip() or site_url.rstrip("/") + UPDATE_PATH


def check_update_settings(settings: UpdateSettings, path: Path) -> None:
    """Refuse a mode or channel outside the vocabulary, naming the file and key."""
    for key, vocabulary in (("mode", UpdateMode), ("channel", UpdateChannel)):
        value = getattr(settings, key)
        allowed = [v.value for v in vocabulary]
        if value not in allowed:
            raise ConfigError(
                f"{path}: [update] {key}: expected {' or '.join(allowed)}, found {value!r}"
            )
        setattr(settings, key, vocabulary(value))
    for key in ("root", "publishers"):
        value = getattr(settings, key)
        if value and not Path(value).expanduser().is_file():
            raise ConfigError(f"{path}: [update] {key}: no such file {value!r}")
