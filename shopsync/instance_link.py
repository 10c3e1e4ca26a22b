"""Talking to the running tray app from another process, without Qt: `shopsync quit --wait`
(an IT provider's silent upgrade) and the Windows update helper ask it to close this way.

The tray app listens on a QLocalServer (`shopsync/gui/single.py`) named by `server_name(home)`:
on Windows the named pipe `\\\\.\\pipe\\<name>`, elsewhere the Unix socket `<TMPDIR or /tmp>/<name>`
(where Qt puts a relative name). A client writes one line, a `Message`; the app drops the
connection once it has read it. Qt is not needed on this side: the update helper and the CLI
stay Qt-free (tests/test_layering.py), and a plain pipe or socket is all the protocol needs.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import socket
import sys
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path


class Message(StrEnum):
    SHOW = "show"  # a second launch: show the status window (what any other line also means)
    QUIT = "quit"  # close cleanly (a sync in progress ends first), and install nothing on the way


def server_name(home: Path) -> str:
    """One name per user and home folder: two shops on one PC, two users, never collide."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some service contexts
        user = "user"
    digest = hashlib.sha1(f"{user}|{Path(home).resolve()}".encode()).hexdigest()[:16]
    return f"shopsync-{digest}"


def address(home: Path) -> str:
    """Where Qt's QLocalServer listens for this name on this OS."""
    name = server_name(home)
    if sys.platform == "win32":
        return rf"\\.\pipe\{name}"
    return str(Path(os.environ.get("TMPDIR") or "/tmp") / name)


def send(home: Path, message: Message, *, timeout: float = 2.0) -> bool:
    """Write `message` to the running app; True if one was there to read it."""
    line = f"{message}\n".encode("ascii")
    target = address(home)
    if sys.platform == "win32":
        try:
            with open(target, "r+b", buffering=0) as pipe:  # CreateFile on the named pipe
                pipe.write(line)
            return True
        except OSError:
            return False  # no such pipe: nobody listens (or every instance busy: not ours)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(target)
            sock.sendall(line)
        except OSError:
            return False  # no socket file, or a stale one left by a crash
        return True


def listening(home: Path) -> bool:
    """Is an app answering on this home's name? (Without sending it anything it acts on.)"""
    target = address(home)
    if sys.platform == "win32":
        import ctypes

        # WaitNamedPipeW(name, 1 ms) is true only while a server instance exists; no
        # connection is made, so the app is not woken up.
        wait = ctypes.windll.kernel32.WaitNamedPipeW  # type: ignore[attr-defined]
        if wait(target, 1):
            return True
        return ctypes.GetLastError() == 121  # ERROR_SEM_TIMEOUT: it exists, all instances busy
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.connect(target)
        except OSError:
            return False
        return True  # a bare connection without a line: the app reads nothing and drops it


def wait_until(condition: Callable[[], bool], timeout: float, *, step: float = 0.2) -> bool:
    """Poll `condition` until it holds or `timeout` seconds have passed; its last answer."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)
