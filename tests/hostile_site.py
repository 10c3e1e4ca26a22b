"""A small hostile site on 127.0.0.1 (real sockets, `http.server`): the Site API just well enough
for a sync and a heartbeat, and bad where a test wants it bad.

- `batches`: how it answers `POST /api/v1/stock/batches`: "reject" (200, every item rejected
  with a reason), "4xx" (422 with a JSON error) or "5xx" (500, plain text) — each echoing the
  request's `Authorization` header (the 500 with `Retry-After: 120`, so the client does not
  retry in place) and every secret in `echo` (what a proxy or a careless
  platform that saw them would send back).
- It is also a 4D REST server (`/rest/$directory/login`, `/rest/Article`): the `password-4D` it
  receives at login joins what it echoes.
- `refuse_heartbeats`: its first n heartbeat answers are 422, with the same echo.
- `requests(n)`: the support requests its n-th heartbeat answer lists.
Everything received is kept: heartbeat bodies (gunzipped), acknowledgements, diagnostics zips.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

CATALOG = [
    {"reference": "F20560/1", "brand": "Festina", "title": "Chrono"},
    {"reference": "590702HV-16", "brand": "Pandora", "title": "Moments"},
]
ENTITIES = [
    {"__KEY": "1", "reference": "F20560/1", "marque": "FESTINA", "libelle": "Chrono", "stock": 3,
     "prixTTC": 120.0},
    {"__KEY": "2", "reference": "590702HV-16", "marque": "PANDORA", "libelle": "Moments", "stock": 2,
     "prixTTC": 69.0},
]


class HostileState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.batches = "reject"
        self.echo: list[str] = []
        self.refuse_heartbeats = 0  # the first n heartbeats are answered 422, with the echo
        self.stock: int | None = None  # the 4D server's stock for every article (None: as listed)
        self.requests: Callable[[int], list[dict]] = lambda _n: []
        self.heartbeats: list[bytes] = []
        self.acks: list[tuple[str, dict]] = []
        self.acked: set[str] = set()
        self.diagnostics: list[bytes] = []
        self.echoed = 0  # bodies that carried an echo
        self.seen_auth: list[str] = []

    def echo_text(self, auth: str) -> str:
        with self.lock:
            self.echoed += 1
            return f"you sent Authorization: {auth}; we also saw: {' | '.join(self.echo)}"


class _Handler(BaseHTTPRequestHandler):
    state: HostileState
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go as separate writes: no 40 ms stalls

    def log_message(self, *args: object) -> None:
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        if self.headers.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return data

    def _send(
        self, status: int, body: object, *, text: bool = False, cookie: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode() if text else json.dumps(body).encode()  # type: ignore[union-attr]
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if text else "application/json")
        self.send_header("Content-Length", str(len(data)))
        if cookie:
            self.send_header("Set-Cookie", f"4DSID_shop={cookie}; Path=/")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _auth(self) -> str:
        auth = self.headers.get("Authorization", "")
        with self.state.lock:
            self.state.seen_auth.append(auth)
        return auth

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        self._auth()
        if url.path == "/api/v1/health":
            return self._send(200, {"status": "ok", "api_version": "v1", "authenticated": True})
        if url.path == "/api/v1/catalog":
            return self._send(200, {"items": CATALOG, "next_cursor": None})
        if url.path == "/api/v1/products":
            return self._send(200, {"items": [], "next_cursor": None})
        if url.path == "/api/v1/shop/settings":
            return self._send(200, {"backorder": {"enabled": False}})
        if url.path == "/rest/Article":
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            skip, top = int(query.get("$skip", 0)), int(query.get("$top", 100))
            stock = self.state.stock
            page = [e if stock is None else {**e, "stock": stock} for e in ENTITIES[skip : skip + top]]
            return self._send(200, {"__COUNT": len(ENTITIES), "__SENT": len(page), "__ENTITIES": page})
        if url.path == "/rest/$directory/logout":
            return self._send(200, {"result": True})
        return self._send(404, {"error": {"code": "not_found", "message": url.path}})

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        body = self._body()
        auth = self._auth()
        state = self.state
        if url.path == "/rest/$directory/login":
            with state.lock:
                password = self.headers.get("password-4D") or ""
                if password and password not in state.echo:
                    state.echo.append(password)
            return self._send(200, {"result": True}, cookie="S1")
        if url.path == "/api/v1/stock/batches":
            items = json.loads(body)["items"]
            echo = state.echo_text(auth)
            if state.batches == "4xx":
                return self._send(422, {"error": {"code": "invalid_batch", "message": echo}})
            if state.batches == "5xx":
                # Retry-After over the client's backoff: one attempt, no retries slept through
                return self._send(500, echo, text=True, headers={"Retry-After": "120"})
            results = [{"reference": i["reference"], "status": "rejected", "reason": echo} for i in items]
            return self._send(200, {"results": results})
        if url.path == "/api/v1/listing-requests":
            return self._send(200, {"received": 0})
        if url.path.startswith("/api/v1/agent/requests/") and url.path.endswith("/ack"):
            request_id = unquote(url.path.split("/")[-2])
            with state.lock:
                state.acks.append((request_id, json.loads(body)))
                state.acked.add(request_id)
            return self._send(200, {"id": request_id})
        if url.path == "/api/v1/agent/diagnostics":
            with state.lock:
                state.diagnostics.append(body)
            return self._send(200, {"id": f"d{len(state.diagnostics)}", "bytes": len(body)})
        return self._send(404, {"error": {"code": "not_found", "message": url.path}})

    def do_PUT(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        body = self._body()
        auth = self._auth()
        state = self.state
        if url.path == "/api/v1/agent":
            with state.lock:
                state.heartbeats.append(body)
                count = len(state.heartbeats)
            if count <= state.refuse_heartbeats:
                echo = state.echo_text(auth)
                return self._send(422, {"error": {"code": "invalid_heartbeat", "message": echo}})
            requests = state.requests(count)
            return self._send(200, {"received_at": time.strftime("%Y-%m-%dT%H:%M:%SZ"), "requests": requests})
        if url.path == "/api/v1/agent/connection-report":
            return self._send(200, {"received_at": "2026-01-01T00:00:00Z", "hash": json.loads(body).get("hash")})
        if url.path == "/api/v1/shop/settings":
            return self._send(200, json.loads(body or b"{}"))
        return self._send(404, {"error": {"code": "not_found", "message": url.path}})


@contextmanager
def hostile_site() -> Iterator[tuple[str, HostileState]]:
    state = HostileState()
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()
