"""Test helpers for updates: a real TUF repository made by `shopsync-release`, stand-in
bundles, and a plain HTTP server on 127.0.0.1 that serves the repository (and can misbehave
the way an attacker's mirror would)."""

from __future__ import annotations

import io
import sys
import tarfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from shopsync import __version__
from shopsync.release.cli import main as release

CURRENT = __version__  # "N": the version the agent under test runs


def bump(version: str, step: int = 1) -> str:
    major, minor, patch = (int(p) for p in version.split("."))
    return f"{major}.{minor}.{patch + step}"


NEXT = bump(CURRENT)  # "N+1"

STAND_IN = """#!{python}
import pathlib, sys
VERSION = "{version}"
if "--version" in sys.argv:
    print("shopsync " + VERSION)
    sys.exit(0)
# Started as the restarted app: leave a mark beside itself (proves which folder ran).
(pathlib.Path(__file__).resolve().parent / "started").write_text(VERSION)
"""


def stand_in_files(version: str) -> dict[str, tuple[bytes, int]]:
    script = STAND_IN.format(python=sys.executable, version=version).encode()
    return {
        "shopsync/shopsync": (script, 0o755),
        "shopsync/_internal/payload.txt": (f"bundle {version}\n".encode() * 20, 0o644),
    }


def make_bundle_archive(path: Path, version: str, *, pad: int = 0) -> Path:
    """A small one-folder "bundle" as a .tar.gz, its executable printing `version`."""
    files = stand_in_files(version)
    if pad:
        import os

        files["shopsync/_internal/pad.bin"] = (os.urandom(pad), 0o644)
    with tarfile.open(path, "w:gz") as tar:
        for name, (data, mode) in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))
    return path


def install_stand_in(folder: Path, version: str) -> Path:
    """The installed version N: `folder/shopsync/shopsync --version` says `version`."""
    bundle = folder / "shopsync"
    for name, (data, mode) in stand_in_files(version).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        target.chmod(mode)
    return bundle


def update_cli(home: Path, *args: str, env: dict | None = None) -> tuple[int, dict]:
    """`shopsync update ARGS --json` as its own process: exit code and its one JSON line."""
    import json
    import os
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "shopsync", "update", *args, "--json", "--home", str(home)],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, **(env or {})),
    )
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, (done.stdout, done.stderr)
    return done.returncode, json.loads(lines[0])


def run_release(*args: str) -> None:
    code = release([str(a) for a in args])
    assert code == 0, f"shopsync-release {' '.join(map(str, args))} failed ({code})"


# --- a plain HTTP server over a folder, with per-path overrides ---------------------------

Override = Callable[[BaseHTTPRequestHandler], None]


class Mirror:
    """A running server: its URL, the overrides it answers with, and what it was asked."""

    def __init__(self) -> None:
        self.url = ""
        self.overrides: dict[str, Override] = {}
        self.requests: list[tuple[str, int]] = []  # (path, body bytes; -1 for an override)


@contextmanager
def serving(folder: Path) -> Iterator[Mirror]:
    """Serve `folder` at http://127.0.0.1:<port>/updates/ (plain stdlib HTTP server).

    `mirror.overrides` maps a path below /updates/ to a handler that answers instead (an
    attacker's mirror).
    """
    mirror = Mirror()
    overrides = mirror.overrides
    log = mirror.requests

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            rel = self.path.split("?", 1)[0].removeprefix("/updates/")
            if rel in overrides:
                log.append((rel, -1))
                overrides[rel](self)
                return
            path = (folder / rel).resolve()
            if not path.is_file() or folder.resolve() not in path.parents:
                self.send_error(404)
                log.append((rel, 0))
                return
            data = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            log.append((rel, len(data)))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        mirror.url = f"http://127.0.0.1:{server.server_address[1]}/updates"
        yield mirror
    finally:
        server.shutdown()
        server.server_close()


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A body that never ends (no Content-Length; stops only when the client hangs up)."""
    handler.send_response(200)
    handler.end_headers()
    chunk = b"\0" * 65536
    try:
        while True:
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError, OSError):
        pass
