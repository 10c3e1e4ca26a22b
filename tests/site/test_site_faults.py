"""Fault mode: with 30% of API requests failing, a client that re-sends unacknowledged batches
under the same key converges — nothing lost, nothing applied twice.

Also: the fault draw is reproducible, and the sandbox process survives a kill -9 with its state.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from site_helpers import TOKEN

from shopsync.errors import SiteUnreachable
from shopsync.site.client import SiteClient
from shopsync.site.protocol import ItemResult
from shopsync.site.sandbox.faults import FAULT_KINDS, FaultPlan
from shopsync.site.sandbox.testing import (
    applied_counts,
    fault_counts,
    replay_count,
    running_sandbox,
    start_sandbox_process,
    write_catalog,
)

REFS = [f"BJ/{i:04d}.{i % 7}" for i in range(240)]
SIZED = set(REFS[::10])


def desired_item(reference: str, version: int) -> dict:
    """A deterministic state per (reference, version), with sizes for ring references."""
    n = sum(map(ord, reference)) + version
    sizes = []
    if reference in SIZED:
        sizes = [
            {"size": s, "quantity": (n + k) % 3, "price": f"{500 + 10 * k}.00"}
            for k, s in enumerate(("52", "54"))
        ]
    return {
        "reference": reference,
        "version": version,
        "published": n % 5 != 0,
        "availability": ("in_stock", "out_of_stock", "backorder", "preorder")[n % 4],
        "quantity": n % 6,
        "price": f"{100 + n % 900}.{n % 100:02d}",
        "sizes": sizes,
    }


def with_retries(call, attempts: int = 30):
    """The engine's outer loop in miniature: keep calling until the site answers."""
    for _ in range(attempts):
        try:
            return call()
        except SiteUnreachable:
            continue
    raise AssertionError("the site never answered")


def test_fault_plan_is_reproducible_and_mixes_every_kind() -> None:
    requests = [("POST", "/api/v1/stock/batches", "", f"body-{i}".encode()) for i in range(3000)]
    first = [FaultPlan(0.3, seed=42).decide(*r) for r in requests]
    assert first == [FaultPlan(0.3, seed=42).decide(*r) for r in requests]
    assert first != [FaultPlan(0.3, seed=43).decide(*r) for r in requests]
    share = sum(k is not None for k in first) / len(first)
    assert 0.25 < share < 0.35
    assert set(Counter(k for k in first if k)) == set(FAULT_KINDS)
    # The same request seen again gets a fresh draw: a retry is never doomed.
    plan = FaultPlan(1.0, seed=1, kinds=("error_500",))
    assert plan.decide("GET", "/api/v1/health", "", b"") == "error_500"
    half = FaultPlan(0.5, seed=5)
    assert len({half.decide("GET", "/x", "", b"") for _ in range(40)}) > 1


@pytest.mark.parametrize("seed", [1, 7, 20240611])
def test_client_converges_under_faults_nothing_lost_nothing_twice(
    tmp_path: Path, seed: int
) -> None:
    catalog = write_catalog(
        tmp_path / "c.csv",
        [{"reference": r, "brand": "B", "sizes": ["52", "54"] if r in SIZED else []} for r in REFS],
    )
    data = tmp_path / "site"
    rounds = [(1, REFS), (2, REFS[::2]), (3, REFS[::5])]
    acked: dict[str, list[ItemResult]] = {}
    sent: set[tuple[str, int]] = set()
    with running_sandbox(
        data, token=TOKEN, catalog=catalog, faults=0.3, seed=seed, fault_slow_seconds=0.3
    ) as url:
        client = SiteClient(
            url,
            TOKEN,
            read_timeout=0.2,  # a "slow" fault outlasts it: applied, but the client never hears
            retries=1,  # few inner retries, so that the outer re-send path is exercised too
            backoff_base=0.01,
            sleep=lambda s: time.sleep(min(s, 0.02)),
        )
        with client:
            outbox: dict[str, list[dict]] = {}
            for version, refs in rounds:
                for start in range(0, len(refs), 15):
                    batch = [desired_item(r, version) for r in refs[start : start + 15]]
                    outbox[f"v{version}-b{start}"] = batch
                    sent.update((i["reference"], version) for i in batch)
                passes = 0
                while outbox:  # deliver in key order; unacknowledged batches stay, same key
                    passes += 1
                    assert passes < 40, f"no convergence: {sorted(outbox)}"
                    for key in sorted(outbox):
                        try:
                            acked[key] = client.send_batch(outbox[key], key)
                        except SiteUnreachable:
                            continue
                        del outbox[key]
            final = {p["reference"]: p for p in with_retries(client.products)}

    # Every batch's answer is its first answer: all accepted, never "ignored" by a replay.
    assert {r.status for results in acked.values() for r in results} == {"accepted"}
    last_version = {r: v for v, refs in rounds for r in refs}
    for reference, version in last_version.items():
        expected = desired_item(reference, version)
        got = final[reference]
        assert got["version"] == version
        assert {k: got[k] for k in expected if k != "version"} == {
            k: v for k, v in expected.items() if k != "version"
        }
    counts = applied_counts(data)
    assert set(counts) == sent  # nothing lost
    assert max(counts.values()) == 1  # nothing applied twice
    # The run went through the faults that matter: applied-then-lost answers, answered by replays.
    faults = fault_counts(data)
    assert faults.get("drop_after", 0) + faults.get("error_after", 0) + faults.get("slow", 0) > 0, (
        faults
    )
    assert replay_count(data) > 0, faults


def test_sandbox_process_survives_kill_9_with_its_state(tmp_path: Path, catalog_csv: Path) -> None:
    data = tmp_path / "site"
    batch = [
        {
            "reference": "CRB4084600",
            "version": 4,
            "published": True,
            "availability": "in_stock",
            "quantity": 2,
            "price": "6150.00",
            "sizes": [],
        }
    ]
    headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": "crash-1"}
    process, url = start_sandbox_process(data, token=TOKEN, catalog=catalog_csv)
    try:
        r = httpx.post(
            f"{url}/api/v1/stock/batches", json={"items": batch}, headers=headers, timeout=10
        )
        assert r.json()["accepted"] == 1
    finally:
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean shutdown
        process.wait(10)
    process, url = start_sandbox_process(data, token=TOKEN, catalog=catalog_csv)
    try:
        r = httpx.post(
            f"{url}/api/v1/stock/batches", json={"items": batch}, headers=headers, timeout=10
        )
        assert r.headers["Idempotent-Replayed"] == "true"
        state = httpx.get(f"{url}/api/v1/products/CRB4084600", headers=headers, timeout=10).json()
        assert (state["version"], state["quantity"], state["price"]) == (4, 2, "6150.00")
    finally:
        process.terminate()
        process.wait(10)
    assert applied_counts(data) == {("CRB4084600", 4): 1}
