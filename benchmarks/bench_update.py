"""Cost of an update check when nothing is new: bytes over the wire, requests, time.

Why: every agent checks every few hours (policy.CHECK_EVERY); with hundreds of shops the check
must stay a single small download. A repository with RELEASES releases (both platforms) is made
by `shopsync-release` in a temporary folder, served by the real sandbox on 127.0.0.1; an agent
does a first (cold) check, then ROUNDS checks with nothing new, in-process (as the tray app
does) and as a `shopsync update check` process (as a script would).

    .venv/bin/python benchmarks/bench_update.py [--releases 30] [--rounds 20]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from tuf.ngclient.urllib3_fetcher import Urllib3Fetcher


class CountingFetcher(Urllib3Fetcher):
    """ngclient's own fetcher, counting the body bytes and requests it receives."""

    def __init__(self) -> None:
        super().__init__()
        self.bytes = 0
        self.urls: list[str] = []

    def _fetch(self, url: str):
        self.urls.append(url.rsplit("/", 1)[-1])
        for chunk in super()._fetch(url):
            self.bytes += len(chunk)
            yield chunk


def artifact(path: Path, version: str, size: int = 4096) -> Path:
    data = (f"shopsync {version}\n" * (size // 16 + 1)).encode()[:size]
    if path.suffix == ".msi":
        path.write_bytes(data)
        return path
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("shopsync/shopsync")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def one_check(settings, current: str) -> tuple[float, int, list[str]]:
    from shopsync.update import service

    fetcher = CountingFetcher()
    started = time.perf_counter()
    report = service.check(settings, client=service.open_client(settings, fetcher=fetcher),
                           current=current)
    elapsed = time.perf_counter() - started
    assert report.status in ("up_to_date", "available"), report
    return elapsed, fetcher.bytes, fetcher.urls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from shopsync.config import load_settings, update_config
    from shopsync.release.cli import main as release
    from shopsync.site.sandbox.testing import running_sandbox

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo, keys = tmp / "repo", tmp / "keys"
        versions = [f"1.{i // 10}.{i % 10}" for i in range(args.releases)]
        with contextlib.redirect_stdout(io.StringIO()):
            assert release(["init", str(repo), "--keys", str(keys)]) == 0
            for version in versions:
                for ext in ("tar.gz", "msi"):
                    file = artifact(tmp / f"a-{version}.{ext}", version)
                    assert release(["publish", str(repo), "--keys", str(keys), str(file),
                                    "--version", version]) == 0
        current = versions[-1]  # the agent already runs the newest: nothing is new
        with running_sandbox(tmp / "site", updates=repo) as url:
            home = tmp / "home"
            load_settings(home)
            update_config(home, {"update": {"url": f"{url}/updates",
                                            "root": str(repo / "metadata" / "1.root.json")}})
            settings = load_settings(home)
            cold_s, cold_bytes, cold_urls = one_check(settings, current)
            warm = [one_check(settings, current) for _ in range(args.rounds)]
            times = [w[0] for w in warm]
            process_times = []
            for _ in range(5):
                started = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "shopsync", "update", "check",
                                       "--json", "--home", str(home)], capture_output=True,
                                      text=True)
                process_times.append(time.perf_counter() - started)
                assert done.returncode == 0, done.stderr
        targets_size = max(p.stat().st_size for p in (repo / "metadata").glob("*.targets.json"))
    print(f"repository: {args.releases} releases x 2 platforms; targets.json {targets_size} B")
    print(f"cold check (first ever): {cold_s * 1000:.1f} ms, {cold_bytes} B in "
          f"{len(cold_urls)} requests ({', '.join(cold_urls)})")
    _, warm_bytes, warm_urls = warm[-1]
    print(f"nothing new, in-process: median {statistics.median(times) * 1000:.1f} ms "
          f"(max {max(times) * 1000:.1f}), {warm_bytes} B body in {len(warm_urls)} requests "
          f"({', '.join(warm_urls)})")
    print(f"same check as a `shopsync update check --json` process: median "
          f"{statistics.median(process_times) * 1000:.0f} ms (interpreter and imports included;"
          f" that process runs {__import__('shopsync').__version__}, so it sees an update)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
