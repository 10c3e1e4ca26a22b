"""An export held by another process (the ERP still writing under a lock, an antivirus) or
deleted between listing and reading: waited for and read again within the settle rules, then
"export occupé" (exit 2, nothing changed); never a partial read taken as the whole stock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from shopsync.erp import settle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks (Windows: _winapi path)")

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
]
SOLD = [r if r[0] != "F20560/1" else (*r[:3], "0", *r[4:]) for r in ROWS]

HOLDER = """
import fcntl, sys
fh = open(sys.argv[1], "r+b")
if sys.argv[2] == "flock":
    fcntl.flock(fh, fcntl.LOCK_EX)
else:
    fcntl.lockf(fh, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
"""


class Holder:
    """Another process holding an exclusive lock on the file, as a writing ERP does."""

    def __init__(self, path: Path, kind: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), kind],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += 1
        self.now += seconds


@pytest.mark.parametrize("kind", ["lockf", "flock"])
def test_held_export_is_waited_for_then_read_whole(shop, site, kind):
    shop.write(ROWS)
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["uploaded"] == 2
    shop.write(SOLD)
    holder = Holder(shop.export, kind)
    log = shop.home / "logs" / "shopsync.log"
    sync = subprocess.Popen(
        [sys.executable, "-m", "shopsync", "sync", "--once", "--json", "--home", str(shop.home)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while "nouvel essai" not in log.read_text(encoding="utf-8"):  # it saw the lock
            assert sync.poll() is None, sync.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        holder.release()
    stdout, stderr = sync.communicate(timeout=60)
    assert sync.returncode == 0, stdout + stderr
    assert '"uploaded": 1' in stdout
    assert site.product("F20560/1")["quantity"] == 0


def test_export_held_too_long_is_busy_and_changes_nothing(shop, site, monkeypatch):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    shop.write(SOLD)
    monkeypatch.setattr(settle, "MIN_BUSY_WAIT", 1.0)
    holder = Holder(shop.export, "lockf")
    try:
        summary = shop.sync()
    finally:
        holder.release()
    assert summary.exit_code == 2 and summary.status == "input_error", summary
    assert summary.message.startswith("export occupé") and str(shop.export) in summary.message
    assert site.product("F20560/1")["quantity"] == 1
    assert shop.sync().uploaded == 1  # released: the next run delivers


def test_held_export_gives_up_within_the_settle_rules(tmp_path):
    export = tmp_path / "stock.csv"
    export.write_text("Référence;Qté\nA;1\n", encoding="utf-8")
    fake = FakeTime()
    reads = []
    holder = Holder(export, "lockf")
    try:
        with pytest.raises(settle.ExportBusy, match="export occupé.*verrouillé"):
            settle.read_settled(
                str(export), reads.append, settle_seconds=0, clock=fake.clock, sleep=fake.sleep
            )
    finally:
        holder.release()
    assert reads == []  # never read while held
    assert fake.now - 1000.0 >= settle.busy_limit(0) and fake.slept > 1


def _delete_by_another_process(path: Path, rewrite: str | None) -> None:
    code = "import os, sys; os.remove(sys.argv[1])"
    if rewrite is not None:
        code += "; open(sys.argv[1], 'w', encoding='utf-8').write(sys.argv[2])"
    subprocess.run([sys.executable, "-c", code, str(path), rewrite or ""], check=True)


def test_export_deleted_between_listing_and_reading_is_read_again(tmp_path):
    from shopsync import erp

    export = tmp_path / "stock.csv"
    export.write_text("Référence;Qté\nOLD-1;1\nOLD-2;1\n", encoding="utf-8")
    fake = FakeTime()
    calls = []

    def read(path: Path):
        calls.append(path)
        if len(calls) == 1:  # the ERP rotates its export right after we listed it
            _delete_by_another_process(path, None)
        return erp.read_export(path, "auto")

    def sleep(seconds: float) -> None:
        fake.sleep(seconds)
        if not export.exists():
            export.write_text("Référence;Qté\nNEW-1;3\n", encoding="utf-8")

    path, result = settle.read_settled(str(export), read, settle_seconds=0, clock=fake.clock, sleep=sleep)
    assert path == export and len(calls) == 2
    assert [line.reference for line in result.lines] == ["NEW-1"]


def test_export_that_stays_gone_is_a_clear_message(tmp_path):
    export = tmp_path / "stock.csv"
    export.write_text("Référence;Qté\nA;1\n", encoding="utf-8")
    fake = FakeTime()

    def read(path: Path):
        _delete_by_another_process(path, None)
        return path.read_bytes()

    with pytest.raises(settle.ExportBusy, match="export occupé.*disparu"):
        settle.read_settled(str(export), read, settle_seconds=0, clock=fake.clock, sleep=fake.sleep)


def test_export_changed_while_read_is_not_taken_as_the_stock(tmp_path):
    export = tmp_path / "stock.csv"
    export.write_text("Référence;Qté\nA;1\n", encoding="utf-8")
    fake = FakeTime()
    seen = []

    def read(path: Path):
        data = path.read_bytes()
        seen.append(data)
        if len(seen) == 1:  # the ERP appends while we read
            subprocess.run(
                [sys.executable, "-c", "import sys; open(sys.argv[1], 'a').write('B;2\\n')", str(path)],
                check=True,
            )
        return data

    _, data = settle.read_settled(str(export), read, settle_seconds=0, clock=fake.clock, sleep=fake.sleep)
    assert data.endswith(b"B;2\n") and len(seen) == 2
