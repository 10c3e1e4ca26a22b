"""`shopsync sandbox` as a person runs it: a real process, its first line, its exit."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from site_helpers import TOKEN

from shopsync.commands import sandbox as command
from shopsync.site.sandbox.testing import start_sandbox_process


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return parser.parse_args(argv)


def test_arguments_and_their_checks() -> None:
    args = parse()
    assert (args.host, args.port, args.faults, args.seed, args.batch_limit) == (
        "127.0.0.1",
        8765,
        0.0,
        0,
        500,
    )
    args = parse("--faults", "0.3", "--seed", "9", "--batch-limit", "50", "--port", "0")
    assert (args.faults, args.seed, args.batch_limit, args.port) == (0.3, 9, 50, 0)
    for bad in (["--faults", "1.5"], ["--faults", "x"], ["--batch-limit", "0"]):
        with pytest.raises(SystemExit):
            parse(*bad)


def test_command_module_imports_no_server_code() -> None:
    code = (
        "import sys, shopsync.commands.sandbox; "
        "bad = [m for m in ('uvicorn', 'starlette', 'httpx', 'shopsync.site.sandbox.app') if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_real_process_default_data_folder_and_clean_stop(tmp_path: Path, catalog_csv: Path) -> None:
    home = tmp_path / "home"
    process, url = start_sandbox_process(
        None, token=TOKEN, catalog=catalog_csv, extra_args=["--home", str(home)]
    )
    try:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{url}/api/v1/health").json()["status"] == "ok"
        assert "Bijouterie" in httpx.get(f"{url}/").text
        assert (home / "sandbox" / "sandbox.db").is_file()
    finally:
        process.terminate()
        code = process.wait(15)
    if os.name == "posix":
        assert code == 0  # SIGTERM is a clean stop, not a crash


def test_missing_catalogue_is_a_readable_error(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "shopsync", "sandbox", "--port", "0", "--data", str(tmp_path),
         "--catalog", str(tmp_path / "nope.csv")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 2
    assert "nope.csv" in out.stderr and "Traceback" not in out.stderr
