"""`shopsync run --headless` as a real service process: a startup sync, then a sync within
seconds of the ERP writing a new export (the watcher), and a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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


def test_service_syncs_a_new_export_within_seconds_and_stops_cleanly(shop, site):
    shop.configure(erp={"settle_seconds": 0.5}, schedule={"interval_minutes": 60})
    shop.write(ROWS)
    proc = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "run", "--headless", "--home", str(shop.home)],
        env=dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert _wait(lambda: site.product("F20560/1")["quantity"] == 3, 30) is not None, (
            "the startup sync did not publish the export"
        )
        time.sleep(0.5)  # the watcher is up once the startup run is done
        shop.write([("F20560/1", "FESTINA", "CHRONO", "2", "120,00", "", ""), ROWS[1]])
        latency = _wait(lambda: site.product("F20560/1")["quantity"] == 2, 30)
        assert latency is not None, "the new export was not synced by the watcher"
        print(f"sale on the site {latency:.1f} s after the export was written")
        assert latency < 20
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Synchronisation terminée" in out
