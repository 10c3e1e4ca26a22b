"""`shopsync run --headless` against the 4D stand-in and the sandbox site, measured from outside:
what the connector costs the ERP while idle, how long a change in the ERP takes to reach the
site, and how many licences it holds. Shared by `tests/test_delta_service.py` (small, fast) and
`benchmarks/bench_delta.py` (20,000 pieces).

Everything is real: the connector is its own process (the service, as a shop runs it), the 4D
stand-in and the sandbox serve on 127.0.0.1 (free ports) from threads of the caller, and every
measurement is taken where a shop's ERP or site would see it.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from .fourd_standin import PASSWORD, Server4D, pieces, running

TOKEN = "delta-token-5c2e"
ATTRIBUTES = '["reference", "libelle", "stock", "prixTTC", "gencod", "marque.nom"]'


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> float | None:
    """Seconds until `predicate()` held, or None after `timeout` (a condition, never a sleep)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(step)
    return None


@dataclass
class Idle:
    seconds: float
    requests: int
    entities: int
    bytes: int = 0

    def per_minute(self) -> tuple[float, float]:
        return self.requests * 60 / self.seconds, self.entities * 60 / self.seconds


class Service:
    """The 4D stand-in, the sandbox site and the connector's service process."""

    def __init__(self, work: Path, count: int, *, poll: str, licences: int = 1,
                 changes: str = "stamp", interval_minutes: float = 60) -> None:
        self.work = work
        self.count = count
        self.poll = poll
        self.changes = changes
        self.interval_minutes = interval_minutes
        self.store = Server4D(pieces(count), licences=licences)
        self.stack = ExitStack()
        self.proc: subprocess.Popen[str] | None = None
        self.out: list[str] = []
        self.err: list[str] = []
        self.http = httpx.Client(timeout=10, headers={"Authorization": f"Bearer {TOKEN}"})
        self.site_url = ""

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, timeout: float = 600) -> float:
        """Start everything; returns the seconds until the site showed the whole stock."""
        from shopsync.config import load_settings, update_config
        from shopsync.site.sandbox.testing import running_sandbox, write_catalog

        self.work.mkdir(parents=True, exist_ok=True)
        catalog = write_catalog(self.work / "catalog.csv", [
            {"reference": f"4D-{i:05d}", "brand": "Fred", "title": f"Bague {i}"}
            for i in range(1, self.count + 1)
        ])
        url_4d = self.stack.enter_context(running(self.store))
        self.site_url = self.stack.enter_context(
            running_sandbox(self.work / "site", token=TOKEN, catalog=catalog))
        home = self.work / "home"
        profile = self.work / "shop4d.toml"
        changes = f'changes = "{self.changes}"\n' if self.changes else ""
        profile.write_text(
            f'[source]\ntype = "4d-rest"\nurl = "{url_4d}"\ndata_class = "Article"\nuser = "web"\n'
            f"attributes = {ATTRIBUTES}\npage_size = 500\n{changes}"
            '[columns]\nbrand = "marque.nom"\n', encoding="utf-8")
        load_settings(home)
        update_config(home, {
            "erp": {"profile": str(profile), "path": ""},
            "site": {"url": self.site_url, "heartbeat": "1h"},
            "rules": {"new_brands": "stock"},
            "schedule": {"poll": self.poll, "interval_minutes": self.interval_minutes,
                         "nightly": "", "watch": False},
            "update": {"mode": "off"},
            "ui": {"language": "en"},
        })
        env = dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN, SHOPSYNC_4D_PASSWORD=PASSWORD,
                   PYTHONUNBUFFERED="1")
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "shopsync", "run", "--headless", "--home", str(home)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=lambda s=stream, ls=lines: ls.extend(s), daemon=True).start()
        last = f"4D-{self.count:05d}"
        if wait_for(lambda: self.product(last).get("published") is True, timeout, 0.5) is None:
            raise AssertionError(f"the startup sync did not publish the stock: {self.err[-5:]}")
        # the startup run is over once the service said so (then the ERP is left alone)
        if wait_for(lambda: any("Sync finished" in ln for ln in self.out), 60) is None:
            raise AssertionError(f"the startup run never reported: {self.out[-5:]} {self.err[-5:]}")
        return time.monotonic() - started

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; returns the exit code. The stand-ins keep
        serving until `close`."""
        code = -1
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            code = self.proc.wait(60)
        elif self.proc is not None:
            code = self.proc.returncode
        return code

    def close(self) -> None:
        self.stop()
        self.http.close()
        self.stack.close()

    # -- what the site and the ERP see ----------------------------------------------------------

    def product(self, reference: str) -> dict[str, Any]:
        response = self.http.get(f"{self.site_url}/api/v1/products/{quote(reference, safe='')}")
        return response.json() if response.status_code == 200 else {}

    def counters(self) -> tuple[int, int, int]:
        with self.store.lock:
            return len(self.store.requests), self.store.entities_sent, self.store.bytes_sent

    def idle(self, seconds: float) -> Idle:
        """What the connector asks of the ERP while nothing changes."""
        before = self.counters()
        time.sleep(seconds)  # the measurement window itself (nothing is awaited here)
        after = self.counters()
        return Idle(seconds, *(a - b for a, b in zip(after, before, strict=True)))

    def change_latency(self, key: int, quantity: int, timeout: float = 120) -> float | None:
        reference = f"4D-{key:05d}"
        self.store.change(str(key), stock=quantity)
        return wait_for(lambda: self.product(reference).get("quantity") == quantity, timeout)

    def delete_latency(self, key: int, timeout: float = 120) -> float | None:
        reference = f"4D-{key:05d}"
        self.store.delete(str(key))
        return wait_for(lambda: self.product(reference).get("published") is False, timeout)


def summary(latencies: list[float]) -> tuple[float, float]:
    return statistics.median(latencies), max(latencies)
