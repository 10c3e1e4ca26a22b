"""The `[update]` section's vocabularies: where updates come from and what the agent does.

The section's keys, defaults and checks are declared with every other setting in
shopsync/settings_schema.py (`UpdateSettings`): one declaration, one validation.
"""

from __future__ import annotations

from enum import StrEnum

UPDATE_PATH = "/updates"  # where the site (and the sandbox) serves its TUF repository


class UpdateMode(StrEnum):
    AUTO = "auto"  # download, then install at a quiet hour or when the tray app closes
    NOTIFY = "notify"  # say an update is there; a person installs it
    OFF = "off"  # never check


class UpdateChannel(StrEnum):
    STABLE = "stable"
    BETA = "beta"  # beta agents also take stable releases (whichever is newer)
