"""Tray app figures: cold start to ready, idle memory, idle CPU, UI latency during a sync.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--idle 60]

- cold start: from just before the process is spawned until the app's event loop runs with the
  tray (or, offscreen where no tray exists, the status window) up — Python start-up and imports
  included; a demo home synced against the sandbox site, so the start-up sync runs too;
- idle memory: the app's resident set size once its start-up sync is done (/proc, Linux);
- idle CPU: CPU seconds the app uses over `--idle` seconds of idling (no busy polling: only the
  30 s heartbeat and APScheduler's timed waits);
- UI latency: in this process, the worst and 99th-percentile gap of a 10 ms QTimer while the
  worker runs a sync slowed down to ~2 s.
Targets (issue 7): cold start <= 2 s, idle memory <= 150 MB, no busy polling at idle.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "bench-token"


def _proc_stat(pid: int) -> tuple[float, float]:
    """(CPU seconds, RSS MB) of a process, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    rss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    return cpu, rss


def start_app(home: Path, env: dict[str, str]) -> tuple[subprocess.Popen, float]:
    ready = home / "ready.txt"
    ready.unlink(missing_ok=True)
    env = dict(env, SHOPSYNC_READY_FILE=str(ready))
    t0 = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "gui", "--home", str(home)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 30
    while not ready.exists() or not ready.read_text():
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("the app did not start")
        time.sleep(0.01)
    return proc, float(ready.read_text()) - t0


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def ui_latency(home: Path) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from shopsync.config import load_settings
    from shopsync.engine import SyncEngine
    from shopsync.gui.hub import AppHub
    from shopsync.gui.windows.status import StatusWindow

    app = QApplication.instance() or QApplication([])

    def slow_engine(settings, observer):
        def slow(event, data):
            observer(event, data)
            if event == "progress":
                time.sleep(0.4)  # the worker is busy; the UI thread must not notice

        return SyncEngine(settings, observer=slow)

    hub = AppHub(load_settings(home), engine_factory=slow_engine, timed_jobs=False)
    hub.start(run_now=False)
    window = StatusWindow(hub)
    window.show()
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    done: list[float] = []
    hub.run_finished.connect(lambda _s: done.append(time.monotonic()))
    timer.start()
    start = time.monotonic()
    hub.sync_now(full=True)
    while not done and time.monotonic() - start < 60:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    window.close()
    hub.shutdown()
    gaps.sort()
    return {
        "sync_s": (done[0] if done else time.monotonic()) - start,
        "max_ms": float(gaps[-1]),
        "p99_ms": float(gaps[int(len(gaps) * 0.99) - 1]),
        "ticks": float(len(gaps)),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle", type=float, default=60.0, help="idle CPU window (seconds)")
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()

    from shopsync.commands.demo import prepare_home
    from shopsync.config import TOKEN_ENV
    from shopsync.engine import SyncEngine
    from shopsync.paths import sample
    from shopsync.site.sandbox.testing import running_sandbox

    os.environ[TOKEN_ENV] = TOKEN
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="shopsync-bench-") as tmp, running_sandbox(
        Path(tmp) / "site", token=TOKEN, catalog=sample("catalog.csv")
    ) as url:
        settings, _export = prepare_home(Path(tmp) / "home", url)
        engine = SyncEngine(settings)
        engine.run_once("bench")
        engine.close()
        home = settings.home

        starts = []
        for _ in range(args.starts):
            proc, seconds = start_app(home, env)
            starts.append(seconds)
            stop(proc)
        print(f"cold start to ready: first {starts[0]:.2f} s, median {statistics.median(starts):.2f} s "
              f"(target <= 2 s)")

        proc, _ = start_app(home, env)
        try:
            time.sleep(5)  # the start-up sync
            cpu0, rss = _proc_stat(proc.pid)
            print(f"idle memory (RSS): {rss:.0f} MB (target <= 150 MB)")
            time.sleep(args.idle)
            cpu1, rss1 = _proc_stat(proc.pid)
            print(f"idle CPU over {args.idle:.0f} s: {cpu1 - cpu0:.3f} s "
                  f"({100 * (cpu1 - cpu0) / args.idle:.2f} % of one core); RSS after: {rss1:.0f} MB")
        finally:
            stop(proc)

        lat = ui_latency(home)
        print(f"UI latency during a {lat['sync_s']:.1f} s sync: max {lat['max_ms']:.0f} ms, "
              f"p99 {lat['p99_ms']:.0f} ms over {lat['ticks']:.0f} ticks of a 10 ms timer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
