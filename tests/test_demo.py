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
