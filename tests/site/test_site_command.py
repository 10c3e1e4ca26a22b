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


def _start(data: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """`shopsync sandbox` as README shows it (no --catalog), until its startup lines are out."""
    process = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "sandbox", "--port", "0", "--data", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        env=dict(os.environ, PYTHONUNBUFFERED="1", LANG="C", LC_ALL="", LC_MESSAGES=""),
    )  # fmt: skip
    lines: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:  # the last startup line, once it listens: "Ctrl-C to stop."
        lines.append(line.rstrip("\n"))
        if "Ctrl-C" in line:
            break
    return process, lines


def test_without_a_catalogue_the_sandbox_serves_the_sample_and_says_so(tmp_path: Path) -> None:
    from shopsync.catalog_csv import read_catalog_csv
    from shopsync.paths import sample

    expected = set(read_catalog_csv(sample("catalog.csv")))
    data = tmp_path / "site"
    process, lines = _start(data)
    try:
        url = lines[0].removeprefix("ShopSync sandbox: ")
        said = [line for line in lines if "catalogue:" in line]
        assert said == [f"  catalogue: the sample catalogue ({sample('catalog.csv')}); "
                        "--catalog FILE.csv for your own"]  # fmt: skip
        served = httpx.get(
            f"{url}/api/v1/catalog",
            params={"limit": 500},
            headers={"Authorization": "Bearer sandbox-token"},
        ).json()["items"]
        assert {p["reference"] for p in served} == expected and len(expected) > 5
    finally:
        process.terminate()
        process.wait(15)
    # restarted on the same data: what the folder holds is kept, and said
    process, lines = _start(data)
    try:
        assert f"  catalogue: {len(expected)} product(s) kept in the data folder" in lines
    finally:
        process.terminate()
        process.wait(15)


def test_sandbox_help_says_site_api_v1_2_in_the_shops_language() -> None:
    """The contract it serves now (v1.2: web orders), in the shop's language."""
    for env, words in (
        ({"LANG": "C"}, ("Site API v1.2", "usage:", "show this help message and exit")),
        ({"LANG": "fr_FR.UTF-8"}, ("Site API v1.2", "utilisation :", "afficher cette aide et quitter",
                                   "le jeton de la boutique")),
    ):  # fmt: skip
        for argv in (
            ["-m", "shopsync", "sandbox", "--help"],
            ["-m", "shopsync.site.sandbox", "--help"],
        ):
            done = subprocess.run(
                [sys.executable, *argv], capture_output=True, text=True, timeout=60,
                env=dict(os.environ, LC_ALL="", LC_MESSAGES="", **env),
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            for word in words:
                assert word in done.stdout, (argv, word, done.stdout)
            assert "Site API v1," not in done.stdout and "Site API v1 " not in done.stdout
