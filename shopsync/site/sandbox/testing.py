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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shopsync.site.sandbox.server import serving_in_thread
from shopsync.site.sandbox.store import DB_NAME

READY_PREFIX = "ShopSync sandbox: "
START_TIMEOUT = 20.0


def running_sandbox(
    data_dir: Path,
    *,
    token: str = "test-token",
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    **app_options: Any,
):  # noqa: ANN201 - a context manager yielding the base URL
    """Serve the sandbox on 127.0.0.1:<free port> in a background thread; yield its base URL.

    `app_options` go to `create_app` (e.g. `fault_slow_seconds=0.3` to make slow answers outlast
    a short client read timeout).
    """
    return serving_in_thread(
        Path(data_dir), token=token, catalog=catalog, faults=faults, seed=seed,
        batch_limit=batch_limit, **app_options,
    )  # fmt: skip


def start_sandbox_process(
    data_dir: Path | None,
    *,
    token: str,
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    extra_args: Sequence[str] = (),
) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m shopsync sandbox --port 0 ...` as its own process; return it and its URL.

    The port is read from the first stdout line ("ShopSync sandbox: http://127.0.0.1:PORT").
    The caller owns the process (terminate or kill it); its output is drained in a thread so the
    pipe never fills. `data_dir=None` leaves the default data folder (pass `--home` in
    `extra_args` to keep it out of the user's).
    """
    command = [sys.executable, "-m", "shopsync", "sandbox", "--host", "127.0.0.1", "--port", "0"]
    command += ["--token", token, "--batch-limit", str(batch_limit), *extra_args]
    if data_dir is not None:
        command += ["--data", str(data_dir)]
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


def _query(data_dir: Path, sql: str) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(f"file:{Path(data_dir) / DB_NAME}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def applied_counts(data_dir: Path) -> dict[tuple[str, int], int]:
    """(reference, version) → times applied, read straight from the sandbox's database."""
    rows = _query(data_dir, "SELECT reference, version, COUNT(*) FROM applied GROUP BY 1, 2")
    return {(reference, version): n for reference, version, n in rows}


def fault_counts(data_dir: Path) -> dict[str, int]:
    """Fault kind → how many were injected since the data folder was created."""
    return dict(_query(data_dir, "SELECT kind, injected FROM faults"))


def replay_count(data_dir: Path) -> int:
    """How many batch requests were answered from the idempotency record (applied nothing)."""
    return _query(data_dir, "SELECT COALESCE(SUM(replays), 0) FROM idempotency")[0][0]


def write_catalog(path: Path, rows: list[dict[str, Any]]) -> Path:
    """A catalogue CSV (`reference,brand,title,has_sizes,sizes[,previous_references]`) for tests
    and demos; the renames column is written only when a row has previous spellings."""
    import csv

    renames = any(row.get("previous_references") for row in rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        header = ["reference", "brand", "title", "has_sizes", "sizes"]
        writer.writerow([*header, "previous_references"] if renames else header)
        for row in rows:
            sizes = row.get("sizes") or ()
            cells = [
                row["reference"],
                row.get("brand", ""),
                row.get("title", ""),
                "1" if row.get("has_sizes") or sizes else "0",
                "|".join(sizes),
            ]
            if renames:
                cells.append("|".join(row.get("previous_references") or ()))
            writer.writerow(cells)
    return path


def agent_requests(data_dir: Path) -> list[dict[str, Any]]:
    """Support requests as the sandbox holds them (id, kind, delivered, acked_at, outcome)."""
    rows = _query(
        data_dir,
        "SELECT id, kind, delivered, acked_at, outcome, message FROM agent_requests ORDER BY rowid",
    )
    names = ("id", "kind", "delivered", "acked_at", "outcome", "message")
    return [dict(zip(names, row, strict=True)) for row in rows]


def queue_agent_request(data_dir: Path, kind: str) -> str:
    """Queue a support request as `/admin`'s buttons do (any kind: tests send unknown ones)."""
    from shopsync.site.sandbox.agent_store import AgentStore

    store = AgentStore(Path(data_dir) / DB_NAME)
    try:
        return store.queue_request(kind)
    finally:
        store.close()


def agent_diagnostics(data_dir: Path) -> list[tuple[str | None, Path]]:
    """(request id, zip file) of every diagnostic the agent uploaded."""
    rows = _query(data_dir, "SELECT request_id, file FROM agent_diagnostics ORDER BY rowid")
    return [(request_id, Path(data_dir) / file) for request_id, file in rows]
