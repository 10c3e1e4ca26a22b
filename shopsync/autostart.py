"""Start ShopSync with the user's session: the Windows Run key or an XDG autostart entry.

Per user, never system-wide (no administrator rights on a shop PC); the command is the one that
started this ShopSync, so a frozen build and a source checkout both register themselves.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from pathlib import Path

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = "ShopSync"
DESKTOP_NAME = "shopsync.desktop"


def launch_command(home: Path | None = None) -> list[str]:
    """The command line that starts the tray app minimised."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "shopsync"]
    cmd += ["gui", "--minimized"]
    if home is not None:
        cmd += ["--home", str(home)]
    return cmd


def _xdg_dir(base: Path | None) -> Path:
    if base is not None:
        return base
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "autostart"


def _windows_command(cmd: list[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(cmd)


def is_enabled(*, xdg_dir: Path | None = None) -> bool:
    if sys.platform == "win32" and xdg_dir is None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, VALUE_NAME)
        except OSError:
            return False
        return True
    return (_xdg_dir(xdg_dir) / DESKTOP_NAME).exists()


def set_enabled(
    enabled: bool, *, home: Path | None = None, xdg_dir: Path | None = None
) -> None:
    """Register or remove the session start entry (idempotent)."""
    cmd = launch_command(home)
    if sys.platform == "win32" and xdg_dir is None:
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            if enabled:
                winreg.SetValueEx(key, VALUE_NAME, 0, winreg.REG_SZ, _windows_command(cmd))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, VALUE_NAME)
        return
    path = _xdg_dir(xdg_dir) / DESKTOP_NAME
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    exec_line = " ".join(shlex.quote(part) for part in cmd)
    path.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=ShopSync\n"
        "Comment=Synchronise le stock de la boutique avec le site\n"
        f"Exec={exec_line}\n"
        "Icon=shopsync\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n",
        encoding="utf-8",
    )
