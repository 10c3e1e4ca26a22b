"""The change tracker for a database source: which module reads this profile's changes.

Apart from `changes.py` so that the trackers can import the vocabulary they speak without the
vocabulary importing them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopsync.erp.changes import Tracker, mode_of

if TYPE_CHECKING:
    from shopsync.erp.profiles import Profile


def tracker_for(source: str | None, profile: Profile) -> Tracker | None:
    """The tracker for a database source (ODBC, 4D REST), or None for files."""
    mode = mode_of(profile)
    if mode is None:
        return None
    if profile.source.type == "4d-rest":
        from shopsync.erp.fourd_changes import FourDTracker

        return FourDTracker(source, profile, mode)
    from shopsync.erp.odbc_changes import OdbcTracker

    return OdbcTracker(source, profile, mode)
