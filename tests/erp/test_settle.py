"""Choosing the newest complete export: globs, settle time (with a fake clock), marker files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from shopsync.erp import resolve_source
from shopsync.errors import InputError
from shopsync.i18n import english


class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps; `during_sleep`
    lets a test play the ERP still writing."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0
        self.during_sleep = None

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds
        if self.during_sleep:
            self.during_sleep(self.now)


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_newest_settled_match_wins(tmp_path: Path) -> None:
    old = tmp_path / "stock_0101.csv"
    new = tmp_path / "stock_0102.csv"
    old.write_text("a")
    new.write_text("b")
    age(old, 7200)
    age(new, 3600)
    (tmp_path / "other.txt").write_text("c")
    fake = FakeTime()
    assert resolve_source(str(tmp_path / "stock_*.csv"), clock=fake.clock, sleep=fake.sleep) == new


def test_nothing_matches(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="aucun fichier d.export ne correspond"):  # suite: French
        resolve_source(str(tmp_path / "stock_*.csv"))


def test_a_fresh_file_is_waited_for_until_still(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    fake = FakeTime()
    grown = []

    def erp_writes(now: float) -> None:
        if len(grown) < 4:  # the ERP appends for two more seconds
            with path.open("a") as out:
                out.write("x" * 10)
            grown.append(now)

    fake.during_sleep = erp_writes
    got = resolve_source(str(path), settle_seconds=3, clock=fake.clock, sleep=fake.sleep)
    assert got == path
    assert len(grown) == 4
    assert fake.slept >= 3 + 4 * 0.5  # stable for the full settle time after the last write


def test_without_wait_an_unsettled_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    fake = FakeTime()
    with pytest.raises(InputError, match="encore en cours d'écriture") as info:
        resolve_source(str(path), settle_seconds=3, wait=False, clock=fake.clock, sleep=fake.sleep)
    assert fake.slept == 0
    assert english(str(info.value)) == (
        f"{path}: still being written (changed less than 3 s ago); it will be read once it stops changing")


def test_a_file_quiet_for_longer_than_the_settle_time_is_taken_at_once(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    time.sleep(0.3)  # the file's last change (mtime and ctime) is now 0.3 s old
    fake = FakeTime()
    assert resolve_source(str(path), settle_seconds=0.2, clock=fake.clock, sleep=fake.sleep) == path
    assert fake.slept == 0


@pytest.mark.parametrize("marker", ["stock.csv.done", "stock.ok", "stock.csv.ok", "stock.done"])
def test_a_fresh_marker_means_complete(tmp_path: Path, marker: str) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    (tmp_path / marker).write_text("")
    fake = FakeTime()
    assert resolve_source(str(path), settle_seconds=30, wait=False, clock=fake.clock, sleep=fake.sleep) == path


def test_a_stale_marker_means_a_new_export_is_being_written(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    marker = tmp_path / "stock.csv.done"
    marker.write_text("")
    age(marker, 600)
    path.write_text("ab")
    fake = FakeTime()
    with pytest.raises(InputError, match="son fichier témoin est plus ancien que le fichier") as info:
        resolve_source(str(path), settle_seconds=3, wait=False, clock=fake.clock, sleep=fake.sleep)
    assert english(str(info.value)) == (
        f"{path}: its marker file is older than the file: still being written")

    def erp_finishes(now: float) -> None:
        if fake.slept >= 2:
            marker.touch()

    fake.during_sleep = erp_finishes
    assert resolve_source(str(path), settle_seconds=3, clock=fake.clock, sleep=fake.sleep) == path


def test_markers_are_never_chosen_as_the_export(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("ab")
    age(path, 100)
    (tmp_path / "stock.csv.done").write_text("")
    assert resolve_source(str(tmp_path / "stock*"), settle_seconds=0) == path


def test_waiting_gives_up_on_a_file_that_never_settles(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("a")
    fake = FakeTime()
    fake.during_sleep = lambda now: path.write_text("a" * int(now))
    with pytest.raises(InputError, match="change encore après") as info:
        resolve_source(str(path), settle_seconds=1, clock=fake.clock, sleep=fake.sleep)
    assert english(str(info.value)) == f"{path}: still changing after 60 s; not read"
