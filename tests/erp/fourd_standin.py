"""A 4D REST server stand-in on a real socket: ORDA's documented JSON, change tracking and
licences, for the tests and `benchmarks/bench_delta.py`.

What it models, from 4D's documentation (developer.4d.com: REST/{dataClass}, REST/$filter,
REST/$compute, ORDA/global-stamp):
- `GET /rest/{dataClass}?$top&$skip&$attributes&$filter&$params&$orderby` answers
  `{"__DATACLASS", "__GlobalStamp", "__COUNT", "__FIRST", "__SENT", "__ENTITIES": [...]}`;
  each entity carries `__KEY`, `__STAMP`, `__TIMESTAMP`, its attributes and, with change tracking,
  `__GlobalStamp`. `"__GlobalStamp"` at the top of the answer is the datastore's current stamp.
- change tracking: each add or change stores the current global stamp in the entity's
  `__GlobalStamp`, then increments it; a deletion adds a `__DeletedRecords` entity
  (`__PrimaryKey`, `__Stamp`, `__TableName`, `__TableNumber`) stamped the same way.
- `$filter` with `attr op value` terms joined by AND (values as `:N` placeholders taken from
  `$params`, a JSON array in single quotes, or literals), `$orderby="attr ASC|DESC"`.
- `GET /rest/{dataClass}/{attribute}/?$compute=$all` → `{"attr": {count, sum, average, min, max}}`.
- sessions: `/rest/$directory/login` (username-4D / password-4D headers) sets a `4DSID_` cookie;
  each live session holds one licence; with every licence held a login answers 402; a session
  idle longer than `session_timeout` is dropped (its licence freed) and its cookie answers 401;
  `/rest/$directory/logout` frees it.
Counters (`requests`, `entities_sent`, `bytes_sent`, `logins`, `logouts`, `max_licences_held`) let the tests
and the benchmark measure what a connector costs the ERP.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

USER, PASSWORD = "web", "s3cret"
_TERM = re.compile(r"^\s*([\w.]+)\s*(>=|<=|!=|=|>|<)\s*(.+?)\s*$")


class Server4D:
    """The datastore and its sessions. Thread-safe: the HTTP threads and the test both use it."""

    def __init__(
        self, entities: list[dict[str, Any]], *, data_class: str = "Article", tracking: bool = True,
        licences: int | None = None, session_timeout: float = 3600.0,
    ) -> None:
        self.lock = threading.RLock()
        self.data_class = data_class
        self.tracking = tracking
        self.licences = licences
        self.session_timeout = session_timeout
        self.global_stamp = 1
        self.rows: dict[str, dict[str, Any]] = {}
        self.deleted: list[dict[str, Any]] = []
        self.sessions: dict[str, float] = {}  # session id -> last request (monotonic)
        self.logins = self.logouts = self.refused_logins = 0
        self.max_licences_held = 0
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.entities_sent = 0
        self.bytes_sent = 0
        for entity in entities:
            self._store(dict(entity))

    # -- the data, as 4D changes it -----------------------------------------------------------

    def _store(self, entity: dict[str, Any]) -> None:
        entity["__STAMP"] = entity.get("__STAMP", 0) + 1
        entity["__TIMESTAMP"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
        if self.tracking:
            entity["__GlobalStamp"] = self.global_stamp
            self.global_stamp += 1
        self.rows[str(entity["__KEY"])] = entity

    def change(self, key: str, **attributes: Any) -> None:
        with self.lock:
            entity = dict(self.rows[str(key)])
            entity.update(attributes)
            self._store(entity)

    def add(self, entity: dict[str, Any]) -> None:
        with self.lock:
            self._store(dict(entity))

    def delete(self, key: str) -> None:
        with self.lock:
            self.rows.pop(str(key))
            if self.tracking:
                self.deleted.append({
                    "__KEY": str(len(self.deleted) + 1), "__PrimaryKey": str(key),
                    "__Stamp": self.global_stamp, "__TableName": self.data_class,
                    "__TableNumber": 1,
                })
                self.global_stamp += 1

    def restore(self, stamp: int, rows: dict[str, dict[str, Any]]) -> None:
        """A backup put back: older rows and an older global stamp."""
        with self.lock:
            self.rows = {k: dict(v) for k, v in rows.items()}
            self.global_stamp = stamp
            self.deleted = [d for d in self.deleted if d["__Stamp"] < stamp]

    def snapshot(self) -> tuple[int, dict[str, dict[str, Any]]]:
        with self.lock:
            return self.global_stamp, {k: dict(v) for k, v in self.rows.items()}

    # -- sessions and licences ----------------------------------------------------------------

    def _expire(self) -> None:
        now = time.monotonic()
        for sid, seen in list(self.sessions.items()):
            if now - seen > self.session_timeout:
                del self.sessions[sid]

    def licences_held(self) -> int:
        with self.lock:
            self._expire()
            return len(self.sessions)

    def login(self) -> str | None:
        with self.lock:
            self._expire()
            if self.licences is not None and len(self.sessions) >= self.licences:
                self.refused_logins += 1
                return None
            self.logins += 1
            sid = f"S{self.logins}"
            self.sessions[sid] = time.monotonic()
            self.max_licences_held = max(self.max_licences_held, len(self.sessions))
            return sid

    def touch(self, sid: str | None) -> bool:
        with self.lock:
            self._expire()
            if sid is None or sid not in self.sessions:
                return False
            self.sessions[sid] = time.monotonic()
            return True

    def logout(self, sid: str | None) -> None:
        with self.lock:
            self.logouts += 1
            self.sessions.pop(sid or "", None)

    def drop_sessions(self) -> None:
        """The server forgets every session (a restart, or their time ran out)."""
        with self.lock:
            self.sessions.clear()

    # -- queries ------------------------------------------------------------------------------

    def select(self, data_class: str, query: dict[str, str]) -> list[dict[str, Any]]:
        with self.lock:
            if data_class == "__DeletedRecords" and self.tracking:
                selected = [dict(d) for d in self.deleted]
            else:
                selected = [dict(e) for e in self.rows.values()]
        params = _params(query.get("$params"))
        for term in _terms(query.get("$filter", "")):
            selected = [e for e in selected if _matches(e, term, params)]
        if "$orderby" in query:
            name, _, way = _unquote(query["$orderby"]).partition(" ")
            selected.sort(key=lambda e: (e.get(name) is None, e.get(name)), reverse=way.strip().upper() == "DESC")
        return selected


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _params(raw: str | None) -> list[Any]:
    if not raw:
        return []
    return json.loads(_unquote(raw))


def _terms(raw: str) -> list[tuple[str, str, str]]:
    text = _unquote(raw)
    if not text:
        return []
    terms = []
    for part in re.split(r"\s+AND\s+", text, flags=re.IGNORECASE):
        match = _TERM.match(part.strip().strip("()"))
        if match is None:
            raise ValueError(f"unsupported filter term {part!r}")
        terms.append(match.groups())
    return terms


def _value(text: str, params: list[Any]) -> Any:
    if text.startswith(":"):
        return params[int(text[1:]) - 1]
    text = _unquote(text)
    try:
        return json.loads(text)
    except ValueError:
        return text


def _matches(entity: dict[str, Any], term: tuple[str, str, str], params: list[Any]) -> bool:
    name, op, raw = term
    value, have = _value(raw, params), entity.get(name)
    if have is None:
        return False
    try:
        return {
            "=": have == value, "!=": have != value, ">": have > value, "<": have < value,
            ">=": have >= value, "<=": have <= value,
        }[op]
    except TypeError:
        return False


def _project(entity: dict[str, Any], attributes: list[str] | None) -> dict[str, Any]:
    if not attributes:
        return entity
    out = {k: entity[k] for k in ("__KEY", "__STAMP", "__TIMESTAMP") if k in entity}
    for attribute in attributes:
        head = attribute.split(".")[0]
        if head in entity:
            out[head] = entity[head]
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "4D/21.0"
    datastore: Server4D  # set per server

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: object, cookie: str | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        with self.datastore.lock:
            self.datastore.bytes_sent += len(data)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if cookie:
            self.send_header("Set-Cookie", f"4DSID_shop={cookie}; Path=/; HttpOnly")
        self.end_headers()
        self.wfile.write(data)

    def _sid(self) -> str | None:
        match = re.search(r"4DSID_shop=([^;\s]+)", self.headers.get("Cookie", ""))
        return match.group(1) if match else None

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        store = self.datastore
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urlsplit(self.path).path
        if path == "/rest/$directory/login":
            ok = (self.headers.get("username-4D"), self.headers.get("password-4D")) == (USER, PASSWORD)
        elif path == "/rest/$catalog/authentify":
            given = json.loads(body or b"{}")
            ok = (given.get("identifier"), given.get("password")) == (USER, PASSWORD)
        else:
            return self._send(404, {"__ERROR": [{"message": "not found"}]})
        if not ok:
            return self._send(401, {"__ERROR": [{"message": "wrong user or password"}]})
        sid = store.login()
        if sid is None:
            return self._send(402, {"__ERROR": [{"message": "no licence available"}]})
        return self._send(200, {"result": True}, cookie=sid)

    def do_GET(self) -> None:  # noqa: N802
        store = self.datastore
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        with store.lock:
            store.requests.append((url.path, query))
        if url.path == "/rest/$directory/logout":
            store.logout(self._sid())
            return self._send(200, {"result": True})
        if not store.touch(self._sid()):
            return self._send(401, {"__ERROR": [{"message": "no session"}]})
        parts = [unquote(p) for p in url.path.split("/") if p]
        if len(parts) < 2 or parts[0] != "rest" or parts[1] not in (store.data_class, "__DeletedRecords"):
            return self._send(404, {"__ERROR": [{"message": "unknown dataclass"}]})
        if parts[1] == "__DeletedRecords" and not store.tracking:
            return self._send(404, {"__ERROR": [{"message": "unknown dataclass"}]})
        try:
            selected = store.select(parts[1], query)
        except (ValueError, IndexError) as exc:
            return self._send(400, {"__ERROR": [{"message": str(exc)}]})
        if len(parts) == 3 and "$compute" in query:
            return self._send(200, {parts[2]: _compute([e.get(parts[2]) for e in selected])})
        skip, top = int(query.get("$skip", 0)), int(query.get("$top", 100))
        attributes = query["$attributes"].split(",") if "$attributes" in query else None
        page = [_project(e, attributes) for e in selected[skip : skip + top]]
        with store.lock:
            store.entities_sent += len(page)
            stamp = store.global_stamp
        answer: dict[str, Any] = {"__DATACLASS": parts[1]}
        if store.tracking:
            answer["__GlobalStamp"] = stamp
        answer.update({"__COUNT": len(selected), "__FIRST": skip, "__SENT": len(page),
                       "__ENTITIES": page})
        return self._send(200, answer)


def _compute(values: list[Any]) -> dict[str, Any]:
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return {"count": len(values)}
    return {"count": len(values), "sum": sum(numbers), "average": sum(numbers) / len(numbers),
            "min": min(numbers), "max": max(numbers)}


@contextmanager
def running(store: Server4D) -> Iterator[str]:
    """The stand-in on 127.0.0.1 (a free port) until the block ends; yields its base URL."""
    handler = type("Bound4D", (Handler,), {"datastore": store})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def pieces(count: int, *, brand: str = "Fred") -> list[dict[str, Any]]:
    """`count` jewellery pieces as a 4D Article data class holds them."""
    return [
        {"__KEY": str(i), "reference": f"4D-{i:05d}", "libelle": f"Bague {i} é",
         "stock": 1 + i % 4, "prixTTC": 100 + i + 0.5, "gencod": 3662000000000 + i,
         "marque": {"__KEY": "7", "nom": brand}}
        for i in range(1, count + 1)
    ]
