"""The sandbox database's tables, and opening it (WAL, one autocommit connection for threads).

Kept apart from `store` (what the sandbox site does with them) so that the schema reads in one
place; the agent's tables are `agent_store`'s, in the same file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_NAME = "sandbox.db"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS products (
    reference TEXT PRIMARY KEY,
    brand TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    has_sizes INTEGER NOT NULL DEFAULT 0,
    catalog_sizes TEXT NOT NULL DEFAULT '[]',
    version INTEGER,
    published INTEGER NOT NULL DEFAULT 0,
    availability TEXT NOT NULL DEFAULT 'out_of_stock',
    quantity INTEGER NOT NULL DEFAULT 0,
    price TEXT,
    sizes TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT,
    previous_references TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS products_published ON products (published, reference);
CREATE TABLE IF NOT EXISTS applied (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    version INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS applied_reference ON applied (reference, version);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    replays INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS faults (kind TEXT PRIMARY KEY, injected INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY,
    placed_at TEXT NOT NULL,
    status TEXT NOT NULL,
    lines TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS listing_requests (
    reference TEXT PRIMARY KEY,
    item TEXT NOT NULL,
    times_requested INTEGER NOT NULL,
    first_requested TEXT NOT NULL,
    last_requested TEXT NOT NULL
);
"""


def open_sandbox_db(path: Path) -> sqlite3.Connection:
    """The sandbox database at `path`, its tables created (or brought up to date): one
    connection in autocommit mode, shared by threads behind the store's lock."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=5000")
    db.executescript(_SCHEMA)
    columns = {r["name"] for r in db.execute("PRAGMA table_info(products)")}
    if "previous_references" not in columns:  # a sandbox.db written before v1.1
        db.execute(
            "ALTER TABLE products ADD COLUMN previous_references TEXT NOT NULL DEFAULT '[]'"
        )
    db.execute(
        "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )
    return db


def stored_product_count(data_dir: Path) -> int:
    """Products the sandbox's database in `data_dir` already holds (0 without a database), read
    without creating or migrating anything: the start decides whether to seed a catalogue."""
    path = Path(data_dir) / DB_NAME
    if not path.is_file():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT COUNT(*) FROM products").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0
