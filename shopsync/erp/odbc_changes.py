"""ODBC sources read by their changes: a change column and a key, or a gate.

The profile's query is wrapped, never rewritten: `SELECT ... FROM (<query>) q WHERE ...`, so the
column names are the query's own (its `AS` aliases included).

- `changes_column = "COLUMN"` and `key = ["COLUMN", ...]`: a column whose value grows whenever a
  row changes (a modification date-time, a counter, SQL Server's rowversion). A poll asks
  `SELECT COUNT(*), MAX(q.COLUMN)` (the gate: one small answer when nothing changed); the rows
  are read only when the largest value moved, a value seen within the overlap window may still
  have company (a transaction in flight when it was read commits later with an older value), or
  the count moved: `SELECT * FROM (<query>) q WHERE q.COLUMN > ?` from the largest value seen at
  least `changes_overlap` ago. Rows read twice are merged by key. When the count still differs
  from the cached view's, a key-only pass (`SELECT <key> FROM (<query>) q`) finds the deleted
  rows; a difference left after it is a gap (one full read). A largest value lower than the one
  kept means a restored database (one full read).
- neither: the gate is `COUNT(*)` and sums over the numeric stock columns (quantity, quantity²,
  price), or, when the driver reports none as a number, a SHA-256 over the stock columns alone;
  when it moves, the query is read whole, its rows keyed by reference and size (so that the
  lines of the rows that did not change keep their numbers and are not written again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from shopsync.erp import messages, odbc
from shopsync.erp.changes import (
    CachedView,
    ChangeMode,
    Cursor,
    Delta,
    FullReadNeeded,
    Snapshot,
    row_key,
)
from shopsync.erp.profiles import Profile
from shopsync.erp.secrets import scrub
from shopsync.erp.values import cell_text
from shopsync.errors import InputError

log = logging.getLogger("shopsync.erp")
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NUMBERS = (int, float, Decimal)
STOCK_FIELDS = ("reference", "size", "quantity", "price", "brand", "status")


def ident(name: str) -> str:
    """A column name in SQL: as written when plain or already quoted, else in double quotes."""
    if _PLAIN.match(name) or name[:1] in ('"', "[", "`"):
        return name
    return '"' + name.replace('"', '""') + '"'


def encode(value: Any) -> list[str] | None:
    """A change-column value as JSON (type and text), to keep in the cursor."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ["int", str(int(value))]
    for kind, types in (("int", int), ("decimal", Decimal), ("float", float),
                        ("datetime", dt.datetime), ("date", dt.date)):
        if isinstance(value, types):
            return [kind, value.isoformat() if kind in ("datetime", "date") else repr(value)
                    if kind == "float" else str(value)]
    if isinstance(value, bytes | bytearray):
        return ["bytes", bytes(value).hex()]
    return ["str", str(value)]


def decode(value: list[str] | None) -> Any:
    if value is None:
        return None
    kind, text = value
    return {
        "int": int, "decimal": Decimal, "float": float, "datetime": dt.datetime.fromisoformat,
        "date": dt.date.fromisoformat, "bytes": bytes.fromhex, "str": str,
    }[kind](text)


class OdbcTracker:
    """One ODBC query, read whole or by its changes."""

    def __init__(self, source: str | None, profile: Profile, mode: ChangeMode) -> None:
        self.profile = profile
        self.spec = profile.source
        self.mode = mode
        self.source = source
        _, _, self.label = odbc._connection(source, profile)
        self.query = self.spec.query.strip().rstrip(";").strip()
        if not self.query:
            raise InputError(messages.no_query(self.label, profile.name))
        self.source_id = json.dumps(
            ["odbc", self.label, self.query, self.spec.changes_column, list(self.spec.key), str(mode)]
        )
        self.requests = 0
        self._secret: str | None = None

    # -- the wire ------------------------------------------------------------------------------

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        import pyodbc

        connection, _, self._secret = odbc.connect(self.source, self.profile)
        try:
            yield connection.cursor()
        except pyodbc.Error as exc:
            raise InputError(
                messages.query_failed(self.label, scrub(odbc._message(exc), self._secret))
            ) from None
        finally:
            connection.close()

    def _execute(self, cursor: Any, sql: str, *params: Any) -> Any:
        self.requests += 1
        cursor.execute(sql, *params)
        return cursor

    def _wrapped(self, select: str, where: str = "") -> str:
        return f"SELECT {select} FROM ({self.query}) q{where}"

    def _rows(self, cursor: Any, sql: str, *params: Any) -> tuple[list[str], list[Any], list[tuple]]:
        self._execute(cursor, sql, *params)
        if cursor.description is None:
            raise InputError(messages.query_without_rows(self.label))
        headers = [str(d[0]) for d in cursor.description]
        types = [d[1] for d in cursor.description]
        rows: list[tuple] = []
        while batch := cursor.fetchmany(odbc.FETCH):
            rows.extend(tuple(r) for r in batch)
        return headers, types, rows

    def _positions(self, headers: list[str], names: tuple[str, ...]) -> list[int]:
        folded = [h.casefold() for h in headers]
        out = []
        for name in names:
            if name.casefold() not in folded:
                raise InputError(messages.key_column_missing(self.label, name, headers))
            out.append(folded.index(name.casefold()))
        return out

    # -- full read ------------------------------------------------------------------------------

    def full(self) -> Snapshot:
        self.requests = 0
        cursor_state: dict[str, Any] = {}
        with self._cursor() as cursor:
            if self.mode == ChangeMode.COLUMN:  # before the rows: changes meanwhile show next
                count, top = self._column_gate(cursor)
                cursor_state = {"max": encode(top), "count": count}
            headers, types, raw = self._rows(cursor, self.query)
            if self.mode == ChangeMode.GATE:
                cursor_state = {"gate_columns": self._gate_columns(headers, types)}
                cursor_state["gate"] = self._gate(cursor, cursor_state["gate_columns"])
        rows = self._keyed(headers, raw)
        next_cursor = Cursor(self.mode, cursor_state)
        next_cursor.remember(cursor_state.get("max"))
        return Snapshot(self.label, headers, rows, next_cursor, self.requests)

    def _keyed(self, headers: list[str], raw: list[tuple]) -> dict[str, list[str]]:
        if self.mode != ChangeMode.COLUMN:
            return self._keyed_by_reference(headers, raw)
        at = self._positions(headers, self.spec.key)
        column = self._positions(headers, (self.spec.changes_column,))[0]
        rows: dict[str, tuple[Any, list[str]]] = {}
        for row in raw:
            key = row_key([row[i] for i in at])
            seen = rows.get(key)
            if seen is None or (row[column] is not None and (seen[0] is None or row[column] >= seen[0])):
                rows[key] = (row[column], [cell_text(v) for v in row])
        return {key: cells for key, (_, cells) in rows.items()}

    def _keyed_by_reference(self, headers: list[str], raw: list[tuple]) -> dict[str, list[str]]:
        """Without a key: the reference and size (and which of their rows), so that a row
        deleted in the middle does not renumber every row after it."""
        from shopsync.erp.table import locate_header

        cells = [[cell_text(v) for v in row] for row in raw]
        try:
            _, columns = locate_header(self.label, [headers], self.profile)
        except InputError:
            return {str(i): row for i, row in enumerate(cells, 1)}
        at = [columns.index[f] for f in ("reference", "size") if f in columns.index]
        seen: dict[str, int] = {}
        rows: dict[str, list[str]] = {}
        for row in cells:
            base = row_key([row[i].strip() if i < len(row) else "" for i in at])
            seen[base] = seen.get(base, 0) + 1
            rows[row_key([base, seen[base]])] = row
        return rows

    # -- change column ---------------------------------------------------------------------------

    def _column_gate(self, cursor: Any) -> tuple[int, Any]:
        column = ident(self.spec.changes_column)
        self._execute(cursor, self._wrapped(f"COUNT(*), MAX(q.{column})"))
        count, top = cursor.fetchone()
        return int(count or 0), top

    def changes(self, cursor: Cursor, headers: list[str], view: CachedView) -> Delta:
        self.requests = 0
        if self.mode == ChangeMode.GATE:
            return self._gate_changes(cursor, headers)
        with self._cursor() as sql:
            count, top = self._column_gate(sql)
            kept = decode(cursor.state.get("max"))
            if kept is not None and top is not None and top < kept:
                raise FullReadNeeded(
                    f"{self.label}: the largest {self.spec.changes_column} went back from {kept} "
                    f"to {top} (the ERP's database was restored?)"
                )
            after = Cursor(self.mode, {"max": encode(top), "count": count},
                           [list(p) for p in cursor.history])
            after.remember(encode(top))
            since = after.since(self.spec.changes_overlap)
            cached = view.count()
            changed: dict[str, list[str]] = {}
            if since != encode(top) or count != cached:
                column = ident(self.spec.changes_column)
                if since is None:
                    found, _, raw = self._rows(sql, self.query)
                else:
                    found, _, raw = self._rows(
                        sql, self._wrapped("*", f" WHERE q.{column} > ?"), decode(since)
                    )
                changed = self._keyed(found, raw) if raw else {}
                if changed and found != headers:
                    raise FullReadNeeded(f"{self.label}: the query's columns changed")
            delta = Delta(after, changed, transferred=len(changed))
            keys: set[str] | None = None
            if count != cached or changed:
                keys = view.keys()
                if len(keys | set(changed)) != count:
                    delta.deleted = self._deleted(sql, headers, keys, changed, count)
        delta.requests = self.requests
        return delta

    def _deleted(
        self, sql: Any, headers: list[str], keys: set[str], changed: dict[str, list[str]], count: int
    ) -> set[str]:
        """The key-only pass: which cached rows the query no longer returns."""
        names = ", ".join(f"q.{ident(k)}" for k in self.spec.key)
        self._execute(sql, self._wrapped(names))
        present = {row_key(list(r)) for batch in iter(lambda: sql.fetchmany(odbc.FETCH), [])
                   for r in batch}
        deleted = keys - present
        if len((keys | set(changed)) - deleted) != count or present - keys - set(changed):
            raise FullReadNeeded(
                f"{self.label}: {len(keys)} rows in the cached view, {count} in the query, and "
                "the change column does not account for the difference (a gap)"
            )
        return deleted

    # -- the gate (no change column) -------------------------------------------------------------

    def _gate_columns(self, headers: list[str], types: list[Any]) -> dict[str, list[str]]:
        from shopsync.erp.table import locate_header

        try:
            _, columns = locate_header(self.label, [headers], self.profile)
        except InputError:
            return {"sums": [], "checksum": headers}
        stock = [columns.header_of(f) for f in STOCK_FIELDS]
        stock_names = [n for n in stock if n]
        numeric = {h for h, t in zip(headers, types, strict=True) if t in _NUMBERS}
        sums = [n for n in (columns.header_of("quantity"), columns.header_of("price")) if n in numeric]
        return {"sums": sums, "checksum": [] if sums else stock_names}

    def _gate(self, cursor: Any, gate_columns: dict[str, list[str]]) -> list[Any]:
        sums = gate_columns.get("sums") or []
        if sums:
            parts = ["COUNT(*)"]
            for name in sums:
                parts += [f"SUM(q.{ident(name)})", f"SUM(q.{ident(name)} * q.{ident(name)})"]
            self._execute(cursor, self._wrapped(", ".join(parts)))
            return [encode(v) for v in cursor.fetchone()]
        names = gate_columns.get("checksum") or []
        digest = hashlib.sha256()
        select = ", ".join(f"q.{ident(n)}" for n in names) or "*"
        self._execute(cursor, self._wrapped(select))
        rows = 0
        while batch := cursor.fetchmany(odbc.FETCH):
            rows += len(batch)
            for row in batch:
                digest.update(repr(tuple(row)).encode())
        return [rows, digest.hexdigest()]

    def _gate_changes(self, cursor: Cursor, headers: list[str]) -> Delta:  # noqa: ARG002
        with self._cursor() as sql:
            figures = self._gate(sql, cursor.state.get("gate_columns") or {})
        if figures == cursor.state.get("gate"):
            return Delta(cursor, requests=self.requests)
        log.info("%s: the gate moved (count or stock sums): reading the query", self.label)
        asked = self.requests
        whole = self.full()
        return Delta(whole.cursor, whole=whole, requests=asked + whole.requests)
