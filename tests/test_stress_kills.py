"""The stress of issue 13, shorter, for CI (`make test-slow`): SIGKILLs at random points of
real `shopsync sync --once` processes against the sandbox at 30 % faults, the database damaged
once in the middle; the site equals the last export, nothing applied twice, nothing the export
holds unpublished. The full run (50 kills) is `benchmarks/stress_kills.py`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def _stress_module():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "stress_kills.py"
    spec = importlib.util.spec_from_file_location("stress_kills", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kills_faults_and_a_damaged_database_leave_the_site_true(tmp_path):
    result = _stress_module().stress(kills=16, refs=200, faults=0.3, seed=7, work=tmp_path)
    figures = result["figures"]
    assert figures["kills"] == 16
    assert figures["damaged_after_kill"] == 8
    assert result["final_runs"][-1] == 0
    assert result["problems"] == {
        "site_differs_from_last_export": [],
        "unpublished_but_in_export": [],
        "not_in_export_but_published": [],
        "applied_twice": [],
        "tracebacks": 0,
        "database_not_rebuilt": 0,
    }
