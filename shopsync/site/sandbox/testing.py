"""Helpers for everyone's tests: a real sandbox on 127.0.0.1, in a thread or in a process.

Tests talk to the sandbox over real HTTP (no mocked transport), so what they prove holds for the
client's actual network path. Thread mode is fast to start; process mode is for crash tests
(kill -9 the site mid-sync and restart it on the same data).
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shopsync.site.sandbox.app import create_app
from shopsync.site.sandbox.server import ReadyServer, make_config
from shopsync.site.sandbox.store import DB_NAME

READY_PREFIX = "ShopSync sandbox: "
START_TIMEOUT = 20.0


@contextmanager
def running_sandbox(
    data_dir: Path,
    *,
    token: str = "test-token",
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    **app_options: Any,
) -> Iterator[str]:
    """Serve the sandbox on 127.0.0.1:<free port> in a background thread; yield its base URL.

    `app_options` go to `create_app` (e.g. `fault_slow_seconds=0.3` to make slow answers outlast
    a short client read timeout).
    """
    app = create_app(Path(data_dir), token, catalog, faults, seed, batch_limit, **app_options)
    started = threading.Event()
    server = ReadyServer(make_config(app, "127.0.0.1", 0, quiet=True), lambda _url: started.set())
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run()
        except BaseException as exc:  # noqa: BLE001 - reported to the waiting test below
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


def start_sandbox_process(
    data_dir: Path,
    *,
    token: str,
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
) -> tuple[subprocess.Popen[str], str]:
    """Start the sandbox as its own process on a free port; return it and its base URL.

    The caller owns the process (terminate or kill it). Its stdout is drained in a thread so the
    pipe never fills. `python -m shopsync.site.sandbox` runs the same code as `shopsync sandbox`
    without importing the other CLI command modules.
    """
    command = [sys.executable, "-m", "shopsync.site.sandbox", "--host", "127.0.0.1", "--port", "0"]
    command += ["--data", str(data_dir), "--token", token, "--batch-limit", str(batch_limit)]
    if catalog is not None:
        command += ["--catalog", str(catalog)]
    if faults:
        command += ["--faults", str(faults), "--seed", str(seed)]
    env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=env,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def drain() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=drain, name="sandbox-stdout", daemon=True).start()
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            line = None
        if line is None:
            process.kill()
            process.wait()
            raise RuntimeError("the sandbox process did not start:\n" + "".join(seen[-20:]))
        seen.append(line)
        if line.startswith(READY_PREFIX):
            return process, line[len(READY_PREFIX) :].split()[0]


def applied_counts(data_dir: Path) -> dict[tuple[str, int], int]:
    """(reference, version) → times applied, read straight from the sandbox's database."""
    db = sqlite3.connect(f"file:{Path(data_dir) / DB_NAME}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT reference, version, COUNT(*) FROM applied GROUP BY reference, version"
        ).fetchall()
    finally:
        db.close()
    return {(reference, version): n for reference, version, n in rows}


def write_catalog(path: Path, rows: list[dict[str, Any]]) -> Path:
    """A catalogue CSV (`reference,brand,title,has_sizes,sizes`) for tests and demos."""
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["reference", "brand", "title", "has_sizes", "sizes"])
        for row in rows:
            sizes = row.get("sizes") or ()
            writer.writerow(
                [
                    row["reference"],
                    row.get("brand", ""),
                    row.get("title", ""),
                    "1" if row.get("has_sizes") or sizes else "0",
                    "|".join(sizes),
                ]
            )
    return path
