"""`shopsync demo --once`: the sandbox, the sample export, two syncs, as a new user runs it."""

import subprocess
import sys


def test_demo_once_runs_end_to_end(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "shopsync", "demo", "--once", "--headless", "--port", "0",
         "--home", str(tmp_path / "demo")],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert "http://127.0.0.1:" in text
    assert "1re synchronisation : Synchronisation terminée" in text
    assert "changements 1, envoyés 1" in text  # the simulated sale: exactly one item
    assert "T1094101103200 → T109.410.11.032.00" in text  # written differently, connected
    assert "GWM5610U1E → GW-M5610U-1ER" in text  # a reference to rewrite, suggested
    assert "BIJOUX FANTAISIE" in text  # the unmapped brand is flagged
    assert "Traceback" not in out.stderr


def test_sandbox_command_help_and_version():
    for args in (["sandbox", "--help"], ["sandbox", "--version"], ["--version"], ["sync", "--help"]):
        out = subprocess.run([sys.executable, "-m", "shopsync", *args], capture_output=True, text=True)
        assert out.returncode == 0, (args, out.stderr)


def test_gui_without_a_display_explains_instead_of_aborting(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "shopsync", "gui", "--home", str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    assert "run --headless" in out.stderr and "Traceback" not in out.stderr


def test_demo_shows_the_storefront_address_at_once_through_a_pipe(tmp_path):
    """`make demo | tee log`: the address is printed while the demo runs, not when it ends."""
    import os
    import selectors
    import signal
    import time

    proc = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "demo", "--headless", "--port", "0",
         "--home", str(tmp_path / "demo")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        # PYTHONUNBUFFERED (set on some CI machines) would hide the buffering a shop sees.
        env={
            k: v
            for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONUNBUFFERED")
        },
    )
    try:
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        seen = b""
        deadline = time.monotonic() + 90
        while b"http://127.0.0.1:" not in seen and time.monotonic() < deadline:
            if selector.select(timeout=1):
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                seen += chunk
        assert b"http://127.0.0.1:" in seen, seen
        assert proc.poll() is None  # still serving the storefront: the line came through at once
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_demo_token_never_enters_the_environment(tmp_path):
    """Handed to the engine explicitly: a process the demo starts does not inherit it."""
    code = (
        "import os, sys\n"
        "from shopsync.cli import main\n"
        f"rc = main(['demo', '--once', '--headless', '--port', '0', '--home', {str(tmp_path / 'd')!r}])\n"
        "print('TOKEN-IN-ENV' if os.environ.get('SHOPSYNC_SITE_TOKEN') else 'no token in env')\n"
        "sys.exit(rc)\n"
    )
    import os

    env = {k: v for k, v in os.environ.items() if k != "SHOPSYNC_SITE_TOKEN"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().splitlines()[-1] == "no token in env"
