"""The platform link (heartbeat) against a site whose heartbeat answer is a gzip bomb, in its
own process as the service runs it: memory stays bounded and heartbeats go on failing cleanly.

Before (issue 18): in service mode a gzip heartbeat answer took the process to 3.8 GB in 20 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.net import hostile
from tests.shop_fixtures import TOKEN

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from shopsync.agent.link import PlatformLink
    from shopsync.config import load_settings, update_config

    from pathlib import Path
    home = Path(sys.argv[1])
    load_settings(home)
    update_config(home, {"site": {"url": sys.argv[2]}})

    class Host:
        def full_reconcile(self): return True
        def pause(self): pass
        def resume(self): pass
        def is_paused(self): return False
        def next_run_at(self): return None

    link = PlatformLink(load_settings(home), Host())
    delivered = [link.tick(1e9 + i, force=True) for i in range(int(sys.argv[3]))]
    # VmHWM: this program's own high-water mark (ru_maxrss would carry pytest's over at exec)
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]
    print(json.dumps({"delivered": sum(delivered), "peak_mb": int(hwm) / 1024}))
    """
)


def test_a_gzip_bomb_heartbeat_answer_costs_no_memory(tmp_path):
    bomb = hostile.gzip_bomb()
    with hostile.HostileSite({"/api/v1/agent": hostile.gzip_answer(bomb)}) as site:
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / "home"), site.url, "20"],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN},
        )
        beats = sum(r == "PUT /api/v1/agent" for r in site.requests)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert beats == 20 and result["delivered"] == 0
    assert result["peak_mb"] < 200, result


def test_a_target_without_heartbeat_is_said_once_and_never_called(tmp_path, caplog):
    import logging

    from shopsync.agent.link import PlatformLink
    from shopsync.config import load_settings
    from shopsync.sync.port import Capability, TargetKind

    class NoHeartbeat:
        kind = TargetKind.WOOCOMMERCE
        capabilities = frozenset({Capability.WEB_ORDERS})
        closed = 0

        def close(self):
            NoHeartbeat.closed += 1

        def put_heartbeat(self, body):  # pragma: no cover - must not be called
            raise AssertionError("a target without the capability got a heartbeat")

    class Host:
        def is_paused(self):
            return False

        def next_run_at(self):
            return None

    link = PlatformLink(load_settings(tmp_path / "home"), Host(), client_factory=NoHeartbeat)
    with caplog.at_level(logging.INFO, logger="shopsync.agent"):
        assert link.tick(1e9, force=True) is False
        assert link.tick(1e9 + 60, force=True) is False  # within the recheck delay: not even opened
        assert link.tick(1e9 + 2 * 86400, force=True) is False  # a day later: asked again
    said = [r.getMessage() for r in caplog.records if "takes no heartbeat" in r.getMessage()]
    assert len(said) == 1 and "woocommerce" in said[0]
    assert NoHeartbeat.closed == 2
    assert json.dumps(said)  # plain text
