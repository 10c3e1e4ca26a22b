"""ODBC sources (HFSQL, Access, SQL Server...): one SQL query, its columns mapped like headers.

pyodbc is imported only here, and only when a profile asks for ODBC: a shop reading export
files never needs the platform's driver manager. The password comes from the environment or
the keyring (`secrets.password`), is added to the connection string at connect time, and is
scrubbed from any driver message before it is shown.
"""

from __future__ import annotations

from typing import Any

from shopsync.erp import messages
from shopsync.erp.profiles import Profile
from shopsync.erp.secrets import password, scrub
from shopsync.erp.table import Table, locate_header
from shopsync.erp.values import cell_text
from shopsync.errors import InputError

FETCH = 2000


def _connection(source: str | None, profile: Profile) -> tuple[str, str, str]:
    """(connection string without password, keyring key, label for messages)."""
    spec = profile.source
    text = (source or "").strip()
    if text and "=" in text:
        conn, key = text, text
    elif text or spec.dsn:
        dsn = text or spec.dsn
        conn, key = f"DSN={dsn}", dsn
    elif spec.connection_string:
        conn, key = spec.connection_string, spec.connection_string
    else:
        raise InputError(messages.no_odbc_source(profile.name))
    label = key if "=" not in key else "odbc"
    parts = [p for p in conn.split(";") if p.strip()]
    if profile.source.user and not any(p.strip().upper().startswith("UID=") for p in parts):
        parts.append(f"UID={profile.source.user}")
    return ";".join(parts), key, f"odbc:{label}"


def connection_key(source: str | None, profile: Profile) -> str:
    """The keyring key of the source's password (the DSN, or the connection string)."""
    return _connection(source, profile)[1]


def _quote(value: str) -> str:
    """An ODBC connection-string value, braced when it holds a `;`, `{` or `}`."""
    if any(c in value for c in ";{}") or value != value.strip():
        return "{" + value.replace("}", "}}") + "}"
    return value


def connect(source: str | None, profile: Profile) -> tuple[Any, str, str | None]:
    """(an open pyodbc connection, the label for messages, the password to scrub)."""
    conn, key, label = _connection(source, profile)
    try:
        import pyodbc
    except ImportError as exc:
        raise InputError(messages.needs_pyodbc(label, exc)) from None
    secret = password("odbc", key)
    full = conn if not secret or "PWD=" in conn.upper() else f"{conn};PWD={_quote(secret)}"
    try:
        connection = pyodbc.connect(full, timeout=int(profile.source.timeout), autocommit=True)
    except pyodbc.Error as exc:
        raise InputError(messages.cannot_connect(label, scrub(_message(exc), secret))) from None
    return connection, label, secret


def open_odbc(source: str | None, profile: Profile) -> tuple[str, Table]:
    _, _, label = _connection(source, profile)
    query = profile.source.query.strip()
    if not query:
        raise InputError(messages.no_query(label, profile.name))
    connection, label, secret = connect(source, profile)  # says why when pyodbc is missing
    import pyodbc

    try:
        cursor = connection.cursor()
        cursor.execute(query)
        if cursor.description is None:
            raise InputError(messages.query_without_rows(label))
        headers = [str(d[0]) for d in cursor.description]
        rows: list[list[str]] = []
        while True:
            batch = cursor.fetchmany(FETCH)
            if not batch:
                break
            rows.extend([cell_text(v) for v in row] for row in batch)
    except pyodbc.Error as exc:
        connection.close()
        raise InputError(messages.query_failed(label, scrub(_message(exc), secret))) from None
    except InputError:
        connection.close()
        raise
    connection.close()
    at, columns = locate_header(label, [headers], profile)
    return label, Table(
        columns=columns,
        pairs=zip(rows, range(1, len(rows) + 1), strict=False),
        prev=0,
        details={"format": "odbc", "rows": len(rows)},
    )


def _message(exc: Exception) -> str:
    args = getattr(exc, "args", ())
    return str(args[1] if len(args) > 1 else exc)
