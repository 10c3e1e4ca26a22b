"""Running the sandbox on uvicorn: in the foreground (`shopsync sandbox`) or in a thread (tests,
the screenshots' demo data: `serving_in_thread`).

`port=0` asks the OS for a free port; `ready(base_url)` is then the way to learn it, called once
the socket listens (so a caller never races the server's start).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from shopsync.site.sandbox.app import create_app


def base_url_for(host: str, port: int) -> str:
    try:
        is_v6 = ipaddress.ip_address(host).version == 6
    except ValueError:
        is_v6 = False
    return f"http://[{host}]:{port}" if is_v6 else f"http://{host}:{port}"


class ReadyServer(uvicorn.Server):
    """A uvicorn server that reports its real address once it listens."""

    def __init__(self, config: uvicorn.Config, ready: Callable[[str], None] | None = None) -> None:
        super().__init__(config)
        self._ready = ready
        self.base_url: str | None = None

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets=sockets)
        if not self.started:
            return
        port = self.servers[0].sockets[0].getsockname()[1]
        self.base_url = base_url_for(self.config.host, port)
        if self._ready is not None:
            self._ready(self.base_url)


def make_config(app: Any, host: str, port: int, *, quiet: bool) -> uvicorn.Config:
    """uvicorn settings for the sandbox: h11 (pure Python, same everywhere), no lifespan.

    `quiet` leaves the process's logging configuration alone (tests capture logs themselves).
    """
    options: dict[str, Any] = {}
    if quiet:
        options["log_config"] = None
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http="h11",
        ws="none",
        lifespan="off",
        access_log=False,
        log_level="warning",
        timeout_graceful_shutdown=3,
        **options,
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str = "sandbox-token",
    catalog: Path | None = None,
    data: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    ready: Callable[[str], None] | None = None,
    **app_options: Any,
) -> None:
    """Serve until Ctrl-C (or `should_exit`); state in `data` (default `./sandbox-data`)."""
    data_dir = Path(data) if data is not None else Path("sandbox-data")
    app = create_app(data_dir, token, catalog, faults, seed, batch_limit, **app_options)
    server = ReadyServer(make_config(app, host, port, quiet=False), ready)
    try:
        server.run()
    finally:
        app.state.store.close()
        app.state.agents.close()


START_TIMEOUT = 20.0


@contextmanager
def serving_in_thread(
    data_dir: Path,
    *,
    token: str,
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    **app_options: Any,
) -> Iterator[str]:
    """Serve the sandbox on 127.0.0.1:<free port> in a background thread; yield its base URL,
    then stop it and close its databases."""
    app = create_app(Path(data_dir), token, catalog, faults, seed, batch_limit, **app_options)
    started = threading.Event()
    server = ReadyServer(make_config(app, "127.0.0.1", 0, quiet=True), lambda _url: started.set())
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run()
        except BaseException as exc:  # noqa: BLE001 - reported to the waiting caller below
            failure.append(exc)
        finally:
            started.set()

    thread = threading.Thread(target=run, name="shopsync-sandbox", daemon=True)
    thread.start()
    try:
        if not started.wait(START_TIMEOUT) or server.base_url is None:
            raise RuntimeError(f"the sandbox did not start: {failure[:1]}")
        yield server.base_url
    finally:
        server.should_exit = True
        thread.join(START_TIMEOUT)
        app.state.store.close()
        app.state.agents.close()
