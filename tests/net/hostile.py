"""Small hostile HTTP servers on 127.0.0.1: each answers one way that breaks the Site API's
contract, the way a platform bug, a broken proxy or an attacker would.

A `HostileSite` speaks enough of the Site API to get a sync going (`/api/v1/health`, an
empty settings object) and misbehaves on the path named by its behaviour. It counts requests
and records every batch it receives, so a test can assert that nothing was sent (and so
nothing unpublished).
"""

from __future__ import annotations

import gzip
import itertools
import json
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PRODUCT = {"reference": "X-1", "brand": "B", "title": "T", "has_sizes": False, "sizes": []}


BOMB = Path(__file__).with_name("data") / "bomb-1g.gz"


def gzip_bomb(path: Path = BOMB, inflated: int = 1 << 30) -> bytes:
    """A gzip body that inflates to `inflated` bytes of JSON-ish whitespace: ~1 MB for 1 GB.
    Kept in tests/net/data (making it takes ~10-30 s of CPU); made again if missing."""
    if path.exists():
        return path.read_bytes()
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    parts = [comp.compress(b'{"items": [')]
    for _ in range(inflated >> 20):
        parts.append(comp.compress(block))
    parts.append(comp.compress(b"], \"next_cursor\": null}"))
    parts.append(comp.flush())
    data = b"".join(parts)
    path.write_bytes(data)
    return data


class HostileSite:
    """A threaded HTTP server; `behaviour(handler)` answers what the site should not."""

    def __init__(self, behaviours: dict[str, Callable[[BaseHTTPRequestHandler], None]]) -> None:
        self.behaviours = behaviours
        self.requests: list[str] = []
        self.batches: list[dict] = []
        self.bodies: list[bytes] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _dispatch(self):
                path = self.path.split("?", 1)[0]
                site.requests.append(f"{self.command} {path}")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                site.bodies.append(body)
                if path == "/api/v1/stock/batches":
                    if self.headers.get("Content-Encoding") == "gzip":
                        body = gzip.decompress(body)
                    site.batches.append(json.loads(body))
                behaviour = site.behaviours.get(path)
                try:
                    if behaviour is not None:
                        behaviour(self)
                    elif path == "/api/v1/health":
                        self.send_json({"status": "ok", "api_version": "v1", "authenticated": True})
                    elif path == "/api/v1/shop/settings":
                        self.send_json({})
                    else:
                        self.send_json({"error": {"code": "not_found", "message": "no"}}, 404)
                except (TimeoutError, BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up: what a bounded client does

            do_GET = do_PUT = do_POST = _dispatch

            def send_json(self, data, status=200):
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # a client that hangs up mid-answer is what a bounded client does: not an error here
        self.server.handle_error = lambda request, address: None
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HostileSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- behaviours ------------------------------------------------------------------------------


def endless_chunked(handler: BaseHTTPRequestHandler, seconds: float = 60.0) -> None:
    """A 200 whose chunked body never ends (stops by itself after `seconds`)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    item = (json.dumps(PRODUCT) + ",").encode() * 2000
    chunk = b"%x\r\n%s\r\n" % (len(item), item)
    handler.wfile.write(b'b\r\n{"items": [\r\n')
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        handler.wfile.write(chunk)


def huge_page(size: int) -> Callable[[BaseHTTPRequestHandler], None]:
    """A 200 with a Content-Length of `size` bytes of items (streamed, never built whole)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        item = (json.dumps(PRODUCT) + ",").encode()
        block = item * (65536 // len(item))
        head, tail = b'{"items": [', b'{}], "next_cursor": null}'
        body_len = size
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(body_len))
        handler.end_headers()
        handler.wfile.write(head)
        sent = len(head)
        while sent + len(block) + len(tail) <= body_len:
            handler.wfile.write(block)
            sent += len(block)
        handler.wfile.write(b" " * (body_len - sent - len(tail)) + tail)

    return answer


def gzip_answer(data: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return answer


def raw_answer(data: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return answer


def drip(every: float, *, in_headers: bool, seconds: float = 120.0):
    """One byte every `every` seconds, in the status line and headers or in the body; stops by
    itself after `seconds`."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        end = time.monotonic() + seconds
        if in_headers:
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 10_000
            source = iter(head)
        else:
            body = b'{"items": [' + b" " * 10_000 + b'], "next_cursor": null}'
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.flush()
            source = iter(body)
        for byte in source:
            if time.monotonic() > end:
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(every)

    return answer


def endless_cursors() -> Callable[[BaseHTTPRequestHandler], None]:
    """Every page holds one new product and names a new cursor."""
    counter = itertools.count()

    def answer(handler: BaseHTTPRequestHandler) -> None:
        n = next(counter)
        data = json.dumps(
            {"items": [{**PRODUCT, "reference": f"X-{n}"}], "next_cursor": f"c{n}"}
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return answer
