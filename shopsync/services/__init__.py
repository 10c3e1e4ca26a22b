"""Qt-free services: the one door to each piece of the connector's state.

The CLI commands, the tray app's windows (from the hub's I/O thread) and the scheduler all go
through these; none of them opens the store, the matcher or the rules by itself
(tests/test_layering.py holds `gui/` and `commands/` to it). One `Services` owns one SQLite
connection, so it belongs to one thread at a time.
"""

from __future__ import annotations

from shopsync.config import Settings
from shopsync.services.status import ConnectorStatus, StatusService

__all__ = ["ConnectorStatus", "Services", "StatusService"]


class Services:
    """Every service over one home folder, sharing one database connection."""

    def __init__(self, settings: Settings) -> None:
        from shopsync.store.db import open_db

        self.settings = settings
        self.db = open_db(settings.db_path)
        self.status = StatusService(self.db)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
