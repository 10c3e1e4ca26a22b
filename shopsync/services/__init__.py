"""Qt-free services: the one door to each piece of the connector's state.

The CLI commands, the tray app's windows (from the hub's I/O thread) and the scheduler all go
through these; none of them opens the store by itself (tests/test_layering.py holds `gui/` and
`commands/` to it). One `Services` owns one SQLite connection, so it belongs to one thread at a
time: the hub's I/O thread keeps its own, a command opens one for its run.

    state of the connector   services.status      StatusService.read() -> ConnectorStatus
    brands and their modes   services.brands      BrandService.table() / set_mapping() / preview()
    references and aliases   services.references  ReferenceService.to_connect() / accept() / reject()
    run history              services.history     HistoryService.recent() / changes_per_day()
    held unpublishing        services.held        HeldService.items() / confirm()
    settings and secrets     services.settings    SettingsService.apply() / store_erp_password()
    what the tray told       services.notices     NoticeService.unannounced() / remember_brands()
    one export counted       services.counts      CountService.last() / of_export() -> ExportCounts
"""

from __future__ import annotations

from shopsync.config import Settings
from shopsync.services.brands import BrandService
from shopsync.services.counts import CountService
from shopsync.services.held import HeldService
from shopsync.services.history import HistoryService
from shopsync.services.notices import NoticeService
from shopsync.services.references import ReferenceService
from shopsync.services.settings import SettingsService
from shopsync.services.status import ConnectorStatus, StatusService

__all__ = [
    "BrandService",
    "CountService",
    "ConnectorStatus",
    "HeldService",
    "HistoryService",
    "NoticeService",
    "ReferenceService",
    "Services",
    "SettingsService",
    "StatusService",
]


class Services:
    """Every service over one home folder, sharing one database connection."""

    def __init__(self, settings: Settings) -> None:
        from shopsync.store.db import open_db

        self.settings = settings
        self.db = open_db(settings.db_path)
        self.status = StatusService(self.db, settings.home)
        self.brands = BrandService(self.db, settings)
        self.references = ReferenceService(self.db)
        self.history = HistoryService(self.db)
        self.held = HeldService(self.db)
        self.config = SettingsService(settings.home)
        self.notices = NoticeService(settings.home)
        self.counts = CountService(self.db, settings)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
