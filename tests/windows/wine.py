"""A Wine prefix as a test's Windows PC: create it fresh, run msiexec and installed programs,
read its registry and its folders from Linux. Used by tests/windows only.

Every Windows program goes through scripts/windows/wrun.sh, the build's own runner (one Wine
environment for build and tests: stdin from /dev/null, output through a pipe, a time limit,
no crash debugger), and `stop()` ends every process of the prefix with `wineserver -k`.
"""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import subprocess
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts" / "windows"
TOOLS = ("wine", "wineserver", "wixl", "wixl-heat", "x86_64-w64-mingw32-gcc", "unzip")
# Windows programs write to a pipe in the ANSI code page: 1252 under Wine here (LANG C.UTF-8
# or any Western locale), as on a French or English Windows PC.
ANSI = "cp1252"
# Variables of the Linux test run that must not reach the Windows app (CA bundle paths
# included: the app must trust what Windows' store trusts, not a file named by the caller).
HIDDEN = ("SHOPSYNC_HOME", "SHOPSYNC_SITE_TOKEN", "SHOPSYNC_SANDBOX_TOKEN", "QT_QPA_PLATFORM",
          "DISPLAY", "WAYLAND_DISPLAY", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
          "PIP_CERT")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def winpath(path: Path) -> str:
    """A Linux path as Windows programs under Wine see it (Z: is /)."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


class WinePrefix:
    """One Wine prefix (a Windows PC with one user)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.user = getpass.getuser()

    # Folders, as Linux sees them -------------------------------------------------------------
    @property
    def drive_c(self) -> Path:
        return self.path / "drive_c"

    @property
    def local_appdata(self) -> Path:
        return self.drive_c / "users" / self.user / "AppData" / "Local"

    @property
    def program_dir(self) -> Path:
        return self.local_appdata / "Programs" / "ShopSync"

    @property
    def data_dir(self) -> Path:
        return self.local_appdata / "ShopSync"

    @property
    def start_menu(self) -> Path:
        return (self.drive_c / "users" / self.user / "AppData" / "Roaming" / "Microsoft"
                / "Windows" / "Start Menu" / "Programs")

    def windows_program(self, name: str) -> str:
        """An installed program's Windows path (what msiexec wrote in shortcuts and the Run key)."""
        return rf"C:\users\{self.user}\AppData\Local\Programs\ShopSync\{name}"

    def to_linux(self, windows_path: str) -> Path:
        """C:\\x\\y -> <prefix>/drive_c/x/y (C: only)."""
        win = PureWindowsPath(windows_path)
        assert win.drive.upper() == "C:", windows_path
        return self.drive_c.joinpath(*win.parts[1:])

    # Processes -------------------------------------------------------------------------------
    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in HIDDEN}
        env["WINEPREFIX"] = str(self.path)
        env.update(extra)
        return env

    def create(self) -> None:
        """A new prefix with the build's Wine workarounds (scripts/windows/prefix.sh)."""
        subprocess.run([str(SCRIPTS / "prefix.sh"), str(self.path)], env=self.env(),
                       check=True, timeout=600, capture_output=True)

    def run(self, *args: str, timeout: int = 180, **extra: str) -> subprocess.CompletedProcess:
        """A Windows program to its end: exit status and its output (stdout and stderr merged)."""
        return subprocess.run(
            [str(SCRIPTS / "wrun.sh"), str(timeout), *args], env=self.env(**extra),
            stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding=ANSI,
            errors="replace", timeout=timeout + 60,
        )

    def run_leaving_children(self, *args: str, timeout: int = 300, **extra: str
                             ) -> subprocess.CompletedProcess:
        """A Windows program that starts detached children (the update helper): wait for the
        program itself, not for the end of its output. Under Wine a child started with NUL
        standard handles keeps the parent's Unix stdout, so `run()`'s pipe would stay open
        until the child ends (Windows gives it no such handle)."""
        script = ('. "$0"; env "${WINE_ENV[@]}" timeout --kill-after=20 "$1" "$WINE" "${@:2}"'
                  ' </dev/null 2>&1')
        proc = subprocess.Popen(
            ["bash", "-c", script, str(SCRIPTS / "wine-env.sh"), str(timeout), *args],
            env=self.env(**extra), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        code = proc.wait(timeout + 60)
        os.set_blocking(proc.stdout.fileno(), False)
        data = proc.stdout.read() or b""
        proc.stdout.close()
        return subprocess.CompletedProcess(proc.args, code, data.decode(ANSI, "replace"), "")

    def start(self, *args: str, **extra: str) -> subprocess.Popen:
        """A Windows program left running (the tray app); `stop()` ends it."""
        return subprocess.Popen(
            [str(SCRIPTS / "wrun.sh"), "600", *args], env=self.env(**extra),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding=ANSI, errors="replace", start_new_session=True,
        )

    def kill(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(15)

    def stop(self) -> None:
        """End every Windows process of this prefix (and its wineserver)."""
        subprocess.run(["wineserver", "-k"], env=self.env(), timeout=60, check=False,
                       capture_output=True)

    def wait_idle(self) -> None:
        """Wait for every process of the prefix to end (msiexec's helpers, the registry flush)."""
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=120, check=False,
                       capture_output=True)

    # msiexec and the registry ----------------------------------------------------------------
    def msiexec(self, *args: str) -> subprocess.CompletedProcess:
        return self.run("msiexec", *args, timeout=600)

    def reg_value(self, key: str, name: str) -> str | None:
        """A registry value's data as `reg query` prints it, None when the value is absent."""
        done = self.run("reg", "query", key, "/v", name, timeout=60)
        if done.returncode != 0:
            return None
        for line in done.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[0] == name and parts[1].startswith("REG_"):
                return parts[2]
        return None
