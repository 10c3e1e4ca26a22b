"""Support requests paced whatever the site asks (issue 18): real `shopsync run --headless`
processes against a hostile site on 127.0.0.1 (tests/hostile_site.py), heartbeats every second.

- A site listing a new `full_reconcile` at every heartbeat: one requested full run, the others
  acknowledged `ignored` with the pace (main: 774 full runs in 40 s).
- A heartbeat answer listing 1,000 diagnostics requests: one zip built and uploaded, at most
  20 acknowledgements per heartbeat (main: 212 zips in 45 s).
- 300 outstanding pause requests that a site keeps listing after their acknowledgement: each
  carried out once, at most 5 per heartbeat (main remembered 200 ids: the rest were carried
  out again at every heartbeat).
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_site import hostile_site
from shop_fixtures import Shop

from shopsync.agent.link import PlatformLink
from shopsync.agent.pacing import ACKS_PER_HEARTBEAT, ACTIONS_PER_HEARTBEAT
from shopsync.config import load_settings
from shopsync.site.client import SiteClient

TOKEN = "flood-token-9d3e1c"
ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
]
HEARTBEATS = 12


def wait_for(predicate, timeout: float = 90.0, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def runs_by_trigger(home: Path, trigger: str) -> int:
    db = sqlite3.connect(home / "shopsync.db")
    try:
        return db.execute("SELECT COUNT(*) FROM runs WHERE trigger = ?", (trigger,)).fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def flooded(tmp_path: Path):
    with hostile_site() as (url, state):
        shop = Shop(tmp_path / "home", url)
        shop.configure(site={"heartbeat": "1s"}, schedule={"interval_minutes": 60, "watch": False})
        shop.write(ROWS)
        yield shop, state


def serve_until(shop: Shop, state, heartbeats: int) -> float:
    """`shopsync run --headless` until the site received `heartbeats` heartbeats; seconds taken."""
    env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN}
    started = time.monotonic()
    agent = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "run", "--headless", "--home", str(shop.home)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert wait_for(lambda: len(state.heartbeats) >= heartbeats), "heartbeats stopped"
    finally:
        agent.send_signal(signal.SIGTERM)
        _out, err = agent.communicate(timeout=60)
    assert agent.returncode == 0 and "Traceback" not in err, err
    return time.monotonic() - started


def test_a_new_full_reconcile_at_every_heartbeat_is_one_run(flooded):
    shop, state = flooded
    state.requests = lambda n: [{"id": f"fr-{n}", "kind": "full_reconcile", "created_at": None}]
    serve_until(shop, state, HEARTBEATS)
    assert runs_by_trigger(shop.home, "support") == 1
    outcomes = [ack["outcome"] for _rid, ack in state.acks]
    assert outcomes[0] == "done" and len(outcomes) >= HEARTBEATS - 2
    assert set(outcomes[1:]) == {"ignored"}
    assert all(ack["message"].startswith("paced: at most one full_reconcile every 15 min")
               for _rid, ack in state.acks[1:])


def test_a_thousand_diagnostics_requests_are_one_zip(flooded):
    shop, state = flooded
    listed = [{"id": f"diag-{i:04d}", "kind": "diagnostics", "created_at": None} for i in range(1000)]
    acks_at: list[int] = []

    def requests(_n: int) -> list[dict]:  # a site that lists what was not acknowledged yet
        acks_at.append(len(state.acks))
        return [r for r in listed if r["id"] not in state.acked]

    state.requests = requests
    serve_until(shop, state, HEARTBEATS)
    assert len(state.diagnostics) == 1
    per_heartbeat = [b - a for a, b in zip(acks_at, [*acks_at[1:], len(state.acks)], strict=True)]
    assert max(per_heartbeat) <= ACKS_PER_HEARTBEAT
    assert len(state.acks) >= ACKS_PER_HEARTBEAT * 3  # it goes on answering, paced
    assert len({rid for rid, _ in state.acks}) == len(state.acks)  # each answered once
    assert [a["outcome"] for _r, a in state.acks].count("done") == 1


class Host:
    def __init__(self) -> None:
        self.pauses: dict[str, int] = {}
        self.current: str | None = None

    def full_reconcile(self) -> bool:
        return True

    def pause(self) -> None:
        self.pauses[self.current] = self.pauses.get(self.current, 0) + 1

    def resume(self) -> None:
        pass

    def is_paused(self) -> bool:
        return False

    def next_run_at(self) -> float | None:
        return None


def test_three_hundred_outstanding_requests_are_each_done_once(flooded):
    shop, state = flooded
    listed = [{"id": f"pause-{i:03d}", "kind": "pause", "created_at": None} for i in range(300)]
    state.requests = lambda _n: listed  # a site that keeps listing them after their ack
    host = Host()
    settings = load_settings(shop.home)

    class Link(PlatformLink):
        def _set_doing(self, request):  # tells the host which request its pause() is for
            host.current = request and request.id
            super()._set_doing(request)

    link = Link(settings, host, client_factory=lambda: SiteClient(settings.site.url, TOKEN, retries=0))
    now = 1_800_000_000.0
    ticks = 300 // ACTIONS_PER_HEARTBEAT + 10
    for i in range(ticks):
        assert link.tick(now + 15 * i, force=True) is True
        assert len(host.pauses) == min(300, ACTIONS_PER_HEARTBEAT * (i + 1))
    assert sorted(host.pauses) == [r["id"] for r in listed]
    assert set(host.pauses.values()) == {1}  # each carried out once, however often listed
    assert len(state.heartbeats) == ticks


def test_request_ids_and_kinds_from_the_site_are_logged_quoted(flooded, caplog):
    shop, state = flooded
    forged_id = "r-1\n2026-12-06 07:00:00,000 INFO shopsync.engine [MainThread] all good\x1b[2K"
    forged_kind = "pause\u202e\nFORGED"
    state.requests = lambda _n: [
        {"id": forged_id, "kind": forged_kind, "created_at": None},
        {"id": "r-2\u2066", "kind": "diagnostics", "created_at": None},
    ]
    settings = load_settings(shop.home)
    host = Host()
    link = PlatformLink(settings, host, client_factory=lambda: SiteClient(settings.site.url, TOKEN, retries=0))
    with caplog.at_level(logging.INFO, logger="shopsync.agent"):
        assert link.tick(1_800_000_000.0, force=True) is True
    lines = [r.getMessage() for r in caplog.records if r.name == "shopsync.agent"]
    unknown = next(line for line in lines if "unknown kind" in line)
    assert unknown.startswith("support request 'r-1\\n2026-12-06 07:00:00,000 INFO")
    assert "\\x1b[2K'" in unknown and "'pause\\u202e\\nFORGED'" in unknown
    assert any("'r-2\\u2066'" in line for line in lines)
    assert not any(c in "".join(lines) for c in "\n\x1b\u202e\u2066")
    assert [rid for rid, _ack in state.acks] == [forged_id, "r-2\u2066"]  # acknowledged as sent
