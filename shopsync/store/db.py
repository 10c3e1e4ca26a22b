"""Connection, WAL and ordered schema migrations.

A shop PC may be switched off mid-write and upgraded by an installer that skips versions, so the
schema carries a version (`PRAGMA user_version`), each migration runs in its own transaction, and
the database file is copied aside before any migration touches it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from shopsync.store.meta import get_meta, set_meta  # noqa: F401 - re-exported: the store's API

_V1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        -- The last complete ERP read: one row per merged item (reference + size).
        CREATE TABLE erp_read (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            source TEXT, content_hash TEXT, read_at REAL,
            raw_lines INTEGER, items INTEGER, rejected INTEGER, problems TEXT
        );
        CREATE TABLE erp_items (
            reference TEXT NOT NULL, size TEXT NOT NULL DEFAULT '',
            brand TEXT, designation TEXT, quantity INTEGER NOT NULL, price TEXT,
            ean TEXT, status TEXT, line INTEGER,
            PRIMARY KEY (reference, size)
        );

        -- The site's catalogue, as last fetched.
        CREATE TABLE catalog (
            reference TEXT PRIMARY KEY, brand TEXT NOT NULL, title TEXT,
            has_sizes INTEGER NOT NULL DEFAULT 0, sizes TEXT
        );

        -- Desired state per catalogue reference (derived by the rules; dropped in v2).
        CREATE TABLE desired (reference TEXT PRIMARY KEY, state TEXT NOT NULL, hash TEXT NOT NULL);
        -- The last state handed to delivery per reference (outbox or in flight or acknowledged).
        CREATE TABLE promised (
            reference TEXT PRIMARY KEY, hash TEXT NOT NULL, version INTEGER NOT NULL,
            published INTEGER NOT NULL
        );
        -- What the site acknowledged (2xx) or showed when observed.
        CREATE TABLE acknowledged (
            reference TEXT PRIMARY KEY, state TEXT NOT NULL, hash TEXT NOT NULL,
            version INTEGER NOT NULL, published INTEGER NOT NULL, at REAL NOT NULL
        );
        -- One pending state per reference; replaced when a newer state comes.
        CREATE TABLE outbox (
            reference TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL,
            hash TEXT NOT NULL, queued_at REAL NOT NULL
        );
        -- Batches written before they are sent: after a crash the same body goes again with the
        -- same idempotency key.
        CREATE TABLE batches (
            key TEXT PRIMARY KEY, body TEXT NOT NULL, items INTEGER NOT NULL,
            created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT
        );
        CREATE TABLE rejections (
            reference TEXT PRIMARY KEY, version INTEGER NOT NULL, reason TEXT, at REAL NOT NULL
        );

        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT, started_at REAL NOT NULL, ended_at REAL,
            trigger TEXT, status TEXT, read INTEGER, changes INTEGER, uploaded INTEGER,
            pending INTEGER, held INTEGER, rejected INTEGER, message TEXT, errors TEXT
        );

        -- ERP brand (folded key) -> site brand and mode.
        CREATE TABLE brands (
            key TEXT PRIMARY KEY, erp_brand TEXT NOT NULL, site_brand TEXT,
            mode TEXT NOT NULL, decided INTEGER NOT NULL DEFAULT 0, first_seen REAL NOT NULL
        );
        -- ERP reference -> catalogue reference, accepted or rejected by the shop.
        CREATE TABLE aliases (
            erp_reference TEXT NOT NULL, catalog_reference TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
            decided_at REAL NOT NULL, stale INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (erp_reference, catalog_reference)
        );
        -- Unpublishing held by the guard until a person confirms.
        CREATE TABLE held (
            reference TEXT PRIMARY KEY, since REAL NOT NULL, confirmed INTEGER NOT NULL DEFAULT 0
        );
        -- Listing requests already sent, per reference, with the item's hash.
        CREATE TABLE listing_requests (
            reference TEXT PRIMARY KEY, hash TEXT NOT NULL, sent_at REAL
        );
"""

# Site API v1.1: the spellings a catalogue product had before the platform renamed it.
_V2_PREVIOUS_REFERENCES = """
        CREATE TABLE catalog_previous (
            reference TEXT NOT NULL, previous TEXT NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY (reference, previous)
        );
"""

# v3: the rules' desired states live in memory only (the engine's caches); the table was
# never written.
_V3_DROP_DESIRED = """
        DROP TABLE IF EXISTS desired;
"""

# v4: every support request the agent started or answered (issue 18): "done once" for any
# number of outstanding requests, and the pace of full reconciles and diagnostics
# (shopsync/agent/pacing.py) kept across restarts. Replaces the meta key
# `support_requests_done` (the last 200 ids): its answers are carried over.
_V4_SUPPORT_REQUESTS = """
        CREATE TABLE support_requests (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, outcome TEXT, message TEXT NOT NULL DEFAULT '',
            started_at REAL, answered_at REAL, listed_at REAL NOT NULL
        );
        CREATE INDEX support_requests_started ON support_requests(kind, started_at);
        INSERT OR IGNORE INTO support_requests(id, kind, outcome, message, answered_at, listed_at)
            SELECT d.key, '', json_extract(d.value, '$[0]'), COALESCE(json_extract(d.value, '$[1]'), ''),
                   CAST(strftime('%s', 'now') AS REAL), CAST(strftime('%s', 'now') AS REAL)
            FROM meta, json_each(meta.value) AS d
            WHERE meta.key = 'support_requests_done' AND json_valid(meta.value)
                  AND json_type(meta.value) = 'object';
        DELETE FROM meta WHERE key = 'support_requests_done';
"""

# v5 (issue 20): ERP databases that can tell their changes. Their rows are kept by the
# source's own key (4D's __KEY, the profile's ODBC key columns) so that a delta (changed and
# deleted rows) updates the cached ERP view; the cursor (last stamp, largest change-column
# value, gate figures) lives beside it and survives restarts.
_V5_ERP_ROWS_AND_CURSOR = """
        CREATE TABLE erp_rows (
            key TEXT PRIMARY KEY, cells TEXT NOT NULL
        );
        CREATE TABLE erp_cursor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            source TEXT NOT NULL, mode TEXT NOT NULL, headers TEXT NOT NULL,
            state TEXT NOT NULL, at REAL NOT NULL
        );
"""

# Ordered SQL scripts; append, never edit a released one.
MIGRATIONS: list[str] = [
    _V1,
    _V2_PREVIOUS_REFERENCES,
    _V3_DROP_DESIRED,
    _V4_SUPPORT_REQUESTS,
    _V5_ERP_ROWS_AND_CURSOR,
]
SCHEMA_VERSION = len(MIGRATIONS)

# Durability (docs/sync-engine.md, "Durability"): the connection runs WAL with
# synchronous=NORMAL, where a commit is atomic and consistent but a power cut may lose the last
# few commits (they are fsynced at the next checkpoint). That is right for what can be learnt
# again (catalogue, ERP cache, run history, observations). The commits that must survive a power
# cut because the network is told about them next (the batch and its idempotency key, written
# before it is sent; and the acknowledgement after it) go through `transaction(db, durable=True)`,
# which commits with synchronous=FULL: the WAL is fsynced before COMMIT returns, and with it
# every NORMAL commit before it in the log.
SYNC_NORMAL = "NORMAL"
SYNC_DURABLE = "FULL"


# How long opening waits for other processes opening the same new file (the tray app and its
# scheduler at first start), and the longest pause between two tries.
OPEN_WAIT_S = 30.0
_OPEN_PAUSE_MAX_S = 0.1


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=OPEN_WAIT_S, isolation_level=None, check_same_thread=False)
    try:
        _enter_wal(conn)
    except BaseException:
        _close(conn)
        raise
    conn.execute(f"PRAGMA synchronous={SYNC_NORMAL}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL. SQLite answers "database is locked" at once, without calling
    the busy handler, when two connections switch a new file together (each holds a shared lock
    and wants the exclusive one: waiting would deadlock). The switch is tried again, with short
    growing pauses, until OPEN_WAIT_S; whichever connection wins, the file ends in WAL."""
    deadline = time.monotonic() + OPEN_WAIT_S
    pause = 0.002
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            from shopsync.store import failures

            if not failures.is_transient(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, _OPEN_PAUSE_MAX_S)


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    target = sqlite3.connect(dest)
    try:
        conn.backup(target)
    finally:
        target.close()
    return dest


def _statements(script: str):
    """Split a migration script into statements (executescript would commit our transaction).
    A piece ending in `;` is a statement once SQLite says it is complete (a `;` inside a
    string or trigger body is not an end)."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _has_sql(buffer):
                yield buffer
            buffer = ""


def _has_sql(text: str) -> bool:
    lines = (ln.split("--", 1)[0].strip() for ln in text.splitlines())
    return any(ln and ln != ";" for ln in lines)


def migrate(conn: sqlite3.Connection, path: Path | None = None) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        from shopsync.errors import ConfigError

        raise ConfigError(
            f"{path}: database schema v{found} is newer than this ShopSync (v{SCHEMA_VERSION}); "
            "install the newer ShopSync again"
        )
    if found < SCHEMA_VERSION and found > 0 and path is not None:
        _backup(conn, path, found)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process (the tray app and its scheduler both open a new home) may have
            # migrated while we waited for the write lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] >= version:
                conn.execute("COMMIT")
                continue
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return found


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating, checking and migrating) the store; the connection is in autocommit mode,
    callers group writes with `transaction(db)`. A damaged file is moved aside and rebuilt
    (`shopsync.store.recovery`); a home that refuses writes raises StorageError (a message
    naming the folder and its free space)."""
    from shopsync.store import failures, recovery

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise failures.storage_error(path.parent, exc) from exc
    return recovery.open_or_rebuild(path, _open_checked)


def _open_checked(path: Path, thorough: bool) -> sqlite_utils.Database:
    """Connect, check (`quick_check`, or `integrity_check` when a damage was flagged) and
    migrate; a damaged file raises DatabaseDamaged, a refusing disk StorageError."""
    from shopsync.store import failures
    from shopsync.store.recovery import DatabaseDamaged

    conn: sqlite3.Connection | None = None
    step = "open"
    try:
        conn = _connect(path)
        step = "check"
        pragma = "integrity_check" if thorough else "quick_check"
        result = conn.execute(f"PRAGMA {pragma}").fetchall()
        if result != [("ok",)]:
            first = str(result[0][0]).splitlines()[-1] if result else "no answer"
            raise DatabaseDamaged(f"PRAGMA {pragma}: {first}")
        step = "migrate"
        migrate(conn, path)
        return sqlite_utils.Database(conn)
    except DatabaseDamaged:
        _close(conn)
        raise
    except sqlite3.Error as exc:
        _close(conn)
        if failures.is_storage(exc):
            raise failures.storage_error(path.parent, exc) from exc
        if failures.is_damage(exc) or (step == "migrate" and not failures.is_transient(exc)):
            raise DatabaseDamaged(f"{step}: {exc}") from exc
        raise
    except OSError as exc:
        _close(conn)
        if failures.is_storage(exc):
            raise failures.storage_error(path.parent, exc) from exc
        raise
    except BaseException:
        _close(conn)
        raise


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def reopen_if_flagged(db: sqlite_utils.Database, path: Path) -> sqlite_utils.Database:
    """For a long-lived engine: a damage was flagged during an earlier run, so reopen (which
    checks in full and heals) before the next one."""
    from shopsync.store import recovery

    if not recovery.flagged(path):
        return db
    with contextlib.suppress(sqlite3.Error):
        db.conn.close()
    return open_db(path)


class transaction:  # noqa: N801 - reads as a statement: `with transaction(db):`
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including KeyboardInterrupt).

    `durable=True` commits with synchronous=FULL (see SYNC_DURABLE): for the writes the network
    is told about next, which must survive a power cut."""

    def __init__(self, db: sqlite_utils.Database, *, durable: bool = False) -> None:
        self.conn = db.conn
        self.durable = durable

    def __enter__(self) -> sqlite3.Connection:
        if self.durable:  # the level cannot change inside a transaction
            self.conn.execute(f"PRAGMA synchronous={SYNC_DURABLE}")
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error:
                    # A COMMIT refused (full disk) may leave the transaction open: end it, so
                    # the connection serves the next run once space returns.
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            elif self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        finally:
            if self.durable:
                self.conn.execute(f"PRAGMA synchronous={SYNC_NORMAL}")
