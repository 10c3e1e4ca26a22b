"""`shopsync run --headless` as a real service process: a startup sync, then a sync within
seconds of the ERP writing a new export (the watcher), and a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

from shop_fixtures import TOKEN

ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
]


def _wait(predicate, timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def _drain(stream, lines: list[str]) -> threading.Thread:
    """Collect a pipe's lines in a thread (the pipe never fills, the test reads as it goes)."""
    thread = threading.Thread(target=lambda: lines.extend(stream), daemon=True)
    thread.start()
    return thread


def test_service_syncs_a_new_export_within_seconds_and_stops_cleanly(shop, site):
    shop.configure(erp={"settle_seconds": 0.5}, schedule={"interval_minutes": 60})
    shop.write(ROWS)
    proc = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "run", "--headless", "--home", str(shop.home)],
        env=dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out_lines: list[str] = []
    err_lines: list[str] = []
    readers = [_drain(proc.stdout, out_lines), _drain(proc.stderr, err_lines)]
    try:
        assert _wait(lambda: site.product("F20560/1")["quantity"] == 3, 30) is not None, (
            "the startup sync did not publish the export"
        )
        # The watcher starts before the startup run; that run's line says it is over.
        started = _wait(lambda: any("Synchronisation terminée" in ln for ln in out_lines), 30)
        assert started is not None, (
            "the startup run never reported"
        )
        shop.write([("F20560/1", "FESTINA", "CHRONO", "2", "120,00", "", ""), ROWS[1]])
        latency = _wait(lambda: site.product("F20560/1")["quantity"] == 2, 30)
        assert latency is not None, "the new export was not synced by the watcher"
        print(f"sale on the site {latency:.1f} s after the export was written")
        assert latency < 20
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        for reader in readers:
            reader.join(10)
    out, err = "".join(out_lines), "".join(err_lines)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Synchronisation terminée" in out
