"""The SQLite store: ShopSync's journal of reads, desired and acknowledged states, outbox, runs."""

from shopsync.store.db import SCHEMA_VERSION, open_db

__all__ = ["SCHEMA_VERSION", "open_db"]
