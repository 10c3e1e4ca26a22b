"""`shopsync run --headless` on a 4D ERP that can tell its changes (issue 20), small scale:
2,000 pieces, `poll = "1s"`, a one-licence 4D stand-in. While idle the ERP is asked next to
nothing (one small request a poll, no entity); a changed quantity and a deleted record reach
the site within seconds; the connector holds one licence, and none once it exits.
The 20,000-piece measurement is benchmarks/bench_delta.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from erp.fourd_service import TOKEN, Service, wait_for
from erp.fourd_standin import PASSWORD

from shopsync.store.db import open_db
from shopsync.store.meta import get_meta


def test_service_polls_a_4d_erp_for_its_changes_with_one_licence(tmp_path: Path) -> None:
    service = Service(tmp_path, 2000, poll="1s", licences=1)
    try:
        service.start(timeout=180)
        lines_before = len(service.out)
        log = tmp_path / "home" / "logs" / "shopsync.log"
        logged = log.read_text(encoding="utf-8").count("\n")
        idle = service.idle(5.0)
        assert len(service.out) == lines_before, "a quiet poll printed a run line"
        quiet = log.read_text(encoding="utf-8").splitlines()[logged:]
        assert quiet == [], f"quiet polls wrote to the log: {quiet[:3]}"
        requests, entities = idle.per_minute()
        # one poll a second is one request; a few spare for the interval's timing
        assert idle.requests <= 7 and idle.entities == 0, idle
        assert service.store.licences_held() == 1

        latency = service.change_latency(17, quantity=0)
        assert latency is not None and latency < 15, "the sale did not reach the site"
        # the run planned from the delta and sent that one product only (its line comes once
        # the run has finished, just after the site has the change)
        assert wait_for(lambda: any("changes 1, sent 1" in ln for ln in service.out[lines_before:]),
                        30) is not None, service.out
        gone = service.delete_latency(18)
        assert gone is not None and gone < 15, "the deleted record was not unpublished"
        assert service.product("4D-00019").get("published") is True  # the others stay
        print(f"idle: {requests:.0f} requests and {entities:.0f} entities a minute; "
              f"sale on the site after {latency:.1f} s, deletion after {gone:.1f} s")
        assert (service.store.logins, service.store.max_licences_held) == (1, 1)
        code = service.stop()
        assert service.store.licences_held() == 0 and service.store.logouts >= 1
        # the nightly's whole read, as `sync --once --full`: the increments missed nothing
        done = subprocess.run(
            [sys.executable, "-m", "shopsync", "sync", "--once", "--full", "--json",
             "--home", str(tmp_path / "home")],
            capture_output=True, text=True, timeout=300,
            env=dict(os.environ, SHOPSYNC_SITE_TOKEN=TOKEN, SHOPSYNC_4D_PASSWORD=PASSWORD))
        assert done.returncode == 0, done.stdout + done.stderr
        db = open_db(tmp_path / "home" / "shopsync.db")
        try:
            tally = json.loads(get_meta(db, "erp_reconcile"))
        finally:
            db.conn.close()
        assert (tally["reads"], tally["found"]) == (1, 0)
        assert service.store.licences_held() == 0  # the CLI logged out when it ended
    finally:
        service.close()
    assert code == 0, "".join(service.err[-20:])
    assert "Traceback" not in "".join(service.err)
