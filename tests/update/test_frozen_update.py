"""The frozen bundle updates itself: TUF and the shipped root are inside it, and `apply` run
by the frozen executable swaps its own folder for N+1 and restarts it.

Slow (builds the bundle like tests/test_frozen.py, whose fixture it shares; set
SHOPSYNC_FROZEN_REUSE=1 to use an existing dist/shopsync).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from test_frozen import bundle  # noqa: F401 - the module-scoped build fixture

from .helpers import CURRENT, NEXT, make_bundle_archive, run_release, serving

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def frozen_update(exe: Path, home: Path, *args: str) -> tuple[int, dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([str(exe), "update", *args, "--json", "--home", str(home)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert "No module named" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_the_frozen_bundle_checks_and_replaces_itself(tmp_path: Path, bundle: Path,  # noqa: F811
                                                      repo: Path, keys: Path, agent) -> None:
    installed = tmp_path / "install" / "shopsync"
    shutil.copytree(bundle, installed, symlinks=True)
    exe = installed / "shopsync"
    run_release("publish", repo, "--keys", keys,
                make_bundle_archive(tmp_path / "n1.tar.gz", NEXT), "--version", NEXT)
    with serving(repo) as mirror:
        # The shipped (development) root does not trust this repository's keys: refused.
        from shopsync.config import update_config

        update_config(agent.home, {"update": {"url": mirror.url, "root": ""}})
        code, report = frozen_update(exe, agent.home, "check")
        assert (code, report["status"]) == (2, "refused"), report
        assert "not signed by the trusted keys" in report["reason"]
        # With this repository's root, the frozen agent sees N+1 and installs it.
        update_config(agent.home, {"update": {"root": str(repo / "metadata" / "1.root.json")}})
        shutil.rmtree(agent.home / "update")
        code, report = frozen_update(exe, agent.home, "check")
        assert (code, report) == (0, {"status": "available", "current": CURRENT, "latest": NEXT})
        code, report = frozen_update(exe, agent.home, "apply")
    assert code == 0 and report["applied"] is True, report
    deadline = time.monotonic() + 30
    while not (installed / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (installed / "started").read_text() == NEXT  # the new folder's program was started
    said = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert said.stdout.split()[-1] == NEXT
    old = tmp_path / "install" / f"shopsync.old-{CURRENT}"
    assert (old / "_internal").is_dir()  # the frozen N kept until N+1 runs
