"""The contract, tested by a tool that did not write it: Schemathesis against the sandbox's own
/openapi.json, every check on (`--checks all`), faults off.

Schemathesis runs as its own process (the `st` CLI), against a live sandbox on 127.0.0.1, so
that the request bytes are whatever it chooses to send: positive and negative cases, coverage
boundaries, fuzzing and stateful sequences. Examples per operation are capped to keep the test
near 15 s on a shared 2-core machine; raise SHOPSYNC_ST_EXAMPLES for a deeper run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_helpers import TOKEN

from shopsync.site.protocol import load_openapi
from shopsync.site.sandbox.testing import running_sandbox

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def test_openapi_document_is_the_packaged_contract(sandbox: str) -> None:
    import httpx

    served = httpx.get(f"{sandbox}/openapi.json").json()
    assert served == load_openapi()
    operations = {(m.upper(), p) for p, ops in served["paths"].items() for m in ops}
    assert operations == {
        ("GET", "/api/v1/health"),
        ("GET", "/api/v1/catalog"),
        ("POST", "/api/v1/stock/batches"),
        ("GET", "/api/v1/shop/settings"),
        ("PUT", "/api/v1/shop/settings"),
        ("POST", "/api/v1/listing-requests"),
        ("GET", "/api/v1/listing-requests"),
        ("GET", "/api/v1/products"),
        ("GET", "/api/v1/products/{reference}"),
        ("GET", "/api/v1/orders"),
        ("PUT", "/api/v1/agent"),
        ("GET", "/api/v1/agent"),
        ("PUT", "/api/v1/agent/connection-report"),
        ("GET", "/api/v1/agent/requests"),
        ("POST", "/api/v1/agent/requests/{request_id}/ack"),
        ("POST", "/api/v1/agent/diagnostics"),
    }


@pytest.mark.slow  # ~30 s of fuzzing: in `make test-slow`, CI's slow step
def test_schemathesis_finds_nothing(tmp_path: Path, catalog_csv: Path) -> None:
    examples = os.environ.get("SHOPSYNC_ST_EXAMPLES", "20")
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog_csv) as url:
        command = [
            sys.executable, "-m", "schemathesis.cli",
            "--config-file", str(HERE / "schemathesis.toml"),
            "run", f"{url}/openapi.json",
            "--checks", "all",
            "--header", f"Authorization: Bearer {TOKEN}",
            "--max-examples", examples,
            "--seed", "20240611",
            "--workers", "1",
            "--request-timeout", "10",
            "--no-color",
        ]  # fmt: skip
        result = subprocess.run(
            command,
            cwd=tmp_path,  # Schemathesis writes nothing into the working tree
            env=dict(os.environ, SHOPSYNC_REPO=str(REPO), NO_COLOR="1"),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=240,
        )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "No issues found" in output, output[-3000:]
    assert "16 selected / 16 total" in output
