"""Fault mode: a share of API requests fail the ways production sites fail.

A decision depends only on the seed, the request (method, path, query, body) and how many times
that same request was seen before, so a run is reproducible whatever the interleaving of
concurrent requests, and a retried request gets a fresh draw (a fault never repeats forever).

The faults that matter most are the ones after the change was applied: `drop_after` (the
connection dies before the answer) and `error_after` (a 500 after the commit). They are why
batches carry an Idempotency-Key.

`BatchStall` is a test hook rather than a fault: it holds one stock batch, received whole, until
the test releases it, so that a crash test can kill the client while an upload is provably in
flight instead of hoping to catch it by timing.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shopsync.site import protocol

FAULT_KINDS: tuple[str, ...] = (
    "error_500",  # 500 before anything is applied
    "unavailable_503",  # 503 with Retry-After, nothing applied
    "rate_limited_429",  # 429 with Retry-After, nothing applied
    "slow",  # the answer comes late (maybe after the client's read timeout)
    "drop_before",  # the connection dies before the request is handled
    "drop_after",  # the change is applied, then the connection dies before the answer
    "error_after",  # the change is applied, then the answer is a 500
)


class FaultPlan:
    """Which request fails, and how: reproducible from the seed."""

    def __init__(
        self,
        rate: float,
        seed: int,
        kinds: Sequence[str] = FAULT_KINDS,
        on_fault: Callable[[str], None] | None = None,
    ) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError("the fault rate is a share between 0 and 1")
        unknown = set(kinds) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
        self.rate = rate
        self.seed = seed
        self.kinds = tuple(kinds)
        self.on_fault = on_fault
        self.counts: Counter[str] = Counter()
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()

    def decide(self, method: str, path: str, query: str, body: bytes) -> str | None:
        """The fault for this request, or None to answer it normally."""
        if self.rate <= 0.0 or not self.kinds:
            return None
        request_id = hashlib.sha256(
            b"|".join([method.encode(), path.encode("utf-8", "replace"), query.encode(), body])
        ).hexdigest()
        with self._lock:
            occurrence = self._seen[request_id]
            self._seen[request_id] += 1
        digest = hashlib.sha256(f"{self.seed}|{request_id}|{occurrence}".encode()).digest()
        draw = int.from_bytes(digest[:8], "big") / 2**64
        if draw >= self.rate:
            return None
        kind = self.kinds[int.from_bytes(digest[8:12], "big") % len(self.kinds)]
        with self._lock:
            self.counts[kind] += 1
        if self.on_fault is not None:
            self.on_fault(kind)
        return kind


STALL_ENV = "SHOPSYNC_SANDBOX_STALL_BATCH"
STALL_POLL_SECONDS = 0.01
STALL_MAX_SECONDS = 120.0  # a test that never releases does not hang the sandbox forever


class BatchStall:
    """Hold the stock batch that comes after `passed` others until `folder/release` exists.

    The sandbox writes `folder/stalled` once that batch's body is received whole, waits for the
    release, then handles the batch as usual (applied even if its sender died meanwhile: the
    worst case for exactly-once) and writes `folder/handled`. Files rather than in-process
    events, so the hook works for a sandbox in a thread or in its own process; set it with
    `SHOPSYNC_SANDBOX_STALL_BATCH=<passed>:<folder>` before the sandbox starts.
    """

    def __init__(self, passed: int, folder: Path) -> None:
        self.passed = passed
        self.folder = Path(folder)
        self._seen = 0
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> BatchStall | None:
        value = os.environ.get(STALL_ENV, "")
        if not value:
            return None
        passed, _, folder = value.partition(":")
        return cls(int(passed), Path(folder))

    def claims(self, method: str, path: str) -> bool:
        """True for the one request to hold (counting stock batches as they arrive)."""
        if method != "POST" or not path.endswith("/stock/batches"):
            return False
        with self._lock:
            index = self._seen
            self._seen += 1
        return index == self.passed

    async def hold(self) -> None:
        (self.folder / "stalled").touch()
        release = self.folder / "release"
        deadline = time.monotonic() + STALL_MAX_SECONDS
        while not release.exists() and time.monotonic() < deadline:
            await asyncio.sleep(STALL_POLL_SECONDS)

    def handled(self) -> None:
        (self.folder / "handled").touch()


class _DropFilter(logging.Filter):
    """Hide uvicorn's complaint about the responses we cut short on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


_drop_filter_installed = False


def _install_drop_filter() -> None:
    global _drop_filter_installed
    if not _drop_filter_installed:
        logging.getLogger("uvicorn.error").addFilter(_DropFilter())
        _drop_filter_installed = True


class FaultMiddleware:
    """Pure ASGI middleware: it needs to cut a response mid-way, which no framework offers."""

    def __init__(
        self,
        app: ASGIApp,
        plan: FaultPlan,
        *,
        slow_seconds: float = 2.0,
        retry_after: int = 1,
        prefix: str = "/api/",
        stall: BatchStall | None = None,
    ) -> None:
        self.app = app
        self.plan = plan
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.prefix = prefix
        self.stall = stall if stall is not None else BatchStall.from_env()
        _install_drop_filter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        body, replay = await _buffer(receive)
        if self.stall is not None and self.stall.claims(scope["method"], scope["path"]):
            await self.stall.hold()
            try:
                await self._answer(scope, body, replay, send)
            finally:
                self.stall.handled()
            return
        await self._answer(scope, body, replay, send)

    async def _answer(self, scope: Scope, body: bytes, replay: Receive, send: Send) -> None:
        kind = self.plan.decide(
            scope["method"], scope["path"], scope.get("query_string", b"").decode("latin-1"), body
        )
        if kind is None:
            await self.app(scope, replay, send)
        elif kind == "error_500":
            await _error(send, 500, "fault_injected", "injected failure (nothing applied)")
        elif kind == "unavailable_503":
            await _error(send, 503, "unavailable", "injected unavailability", self.retry_after)
        elif kind == "rate_limited_429":
            await _error(send, 429, "rate_limited", "injected rate limit", self.retry_after)
        elif kind == "slow":
            await asyncio.sleep(self.slow_seconds)
            await self.app(scope, replay, send)
        elif kind == "drop_before":
            await _drop(send)
        else:  # drop_after / error_after: apply, throw the real answer away
            await self.app(scope, replay, _discard)
            if kind == "drop_after":
                await _drop(send)
            else:
                await _error(send, 500, "fault_injected", "injected failure after applying")


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """Read the whole body (the fault draw depends on it) and hand the app a fresh receive."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _discard(message: Message) -> None:
    return None


async def _error(send: Send, status: int, code: str, message: str, retry_after: int = 0) -> None:
    body = protocol.dumps(protocol.error_body(code, message))
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drop(send: Send) -> None:
    """Promise a body, send a scrap of it and stop: the server then closes the connection.

    ASGI has no "abort" message; returning with the response incomplete makes uvicorn close the
    socket, which the client sees as a connection dropped mid-answer.
    """
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"resu', "more_body": True})
