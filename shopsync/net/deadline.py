"""A total deadline for each exchange, down to every socket operation.

Why: httpx's timeouts are per socket operation. A server (or a proxy) that sends one byte every
5 s, in the headers or in the body, never trips a 30 s read timeout and keeps `sync --once`
and the sync lock waiting indefinitely. httpcore lets a transport choose its network backend;
this one wraps the standard synchronous backend so that every connect, read, write and TLS
handshake gets `min(its own timeout, time left before the deadline)`, and fails at once when
no time is left. The deadline is per thread (each sync run, heartbeat and download has its own).

The only private attribute touched is httpx's `HTTPTransport._pool`, to hand it this backend;
`tests/net/test_bounded_client.py` drips headers and body and fails if that link is ever lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

_state = threading.local()


@contextmanager
def deadline_at(at: float) -> Iterator[None]:
    """Every socket operation of this thread, inside the block, ends by `at` (monotonic)."""
    previous = getattr(_state, "at", None)
    _state.at = at if previous is None else min(previous, at)
    try:
        yield
    finally:
        _state.at = previous


def _bounded(timeout: float | None, timeout_error: type[Exception]) -> float | None:
    at = getattr(_state, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise timeout_error("the exchange's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(
                ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend with the thread's deadline applied to each operation."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_tcp(
                host,
                port,
                _bounded(timeout, httpcore.ConnectTimeout),
                local_address=local_address,
                socket_options=socket_options,
            )
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_unix_socket(
                path, _bounded(timeout, httpcore.ConnectTimeout), socket_options=socket_options
            )
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(transport: Any) -> bool:
    """Give an httpx.HTTPTransport the deadline backend; False when its shape is unknown."""
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):
        return False
    pool._network_backend = DeadlineBackend(pool._network_backend)
    return True
