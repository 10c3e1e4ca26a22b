"""The clock moving backwards (a PC with a dead CMOS battery starting in 2009): versions stay
increasing, schedules keep running, nothing stale overwrites newer state on the site."""

from __future__ import annotations

import time

from shopsync.store import catalog as catalog_store
from shopsync.store.db import open_db, set_meta

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "3", "1 290,00 €", "", ""),
]
Y2009 = 1_230_768_000.0  # 2009-01-01


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def with_qty(rows, ref, qty):
    return [r if r[0] != ref else (*r[:3], str(qty), *r[4:]) for r in rows]


def test_versions_keep_growing_when_the_clock_goes_back(shop, site):
    clock = Clock(time.time())
    shop.write(ROWS)
    engine = shop.engine(clock=clock)
    try:
        assert engine.run_once("test").uploaded == 2
        before = site.product("F20560/1")["version"]
        clock.now = Y2009
        versions = []
        for qty in (2, 1, 0):
            shop.write(with_qty(ROWS, "F20560/1", qty))
            out = engine.run_once("test")
            assert out.exit_code == 0 and out.uploaded == 1, out
            product = site.product("F20560/1")
            assert product["quantity"] == qty  # applied, not ignored as stale
            versions.append(product["version"])
        assert before < versions[0] < versions[1] < versions[2]
        clock.now = time.time() + 60  # the clock is set right again
        shop.write(with_qty(ROWS, "F20560/1", 5))
        assert engine.run_once("test").uploaded == 1
        assert site.product("F20560/1")["version"] > versions[-1]
    finally:
        engine.close()


def test_a_new_database_in_2009_still_beats_the_sites_versions(shop, site):
    """Reinstalled (or rebuilt) on a PC whose clock says 2009: the versions observed on the
    site, unpublished products' included, are the floor; the site takes the new states."""
    shop.write(ROWS)
    assert shop.sync().uploaded == 2
    shop.write(ROWS[:1])  # the Festina sold out of the ERP: unpublished, the newest version
    shop.configure(guard={"min_unpublish_count": 5})
    assert shop.sync().uploaded == 1
    assert site.product("F20560/1")["published"] is False
    newest = site.product("F20560/1")["version"]
    for suffix in ("", "-wal", "-shm"):
        (shop.home / f"shopsync.db{suffix}").unlink(missing_ok=True)

    engine = shop.engine(clock=Clock(Y2009))
    try:
        shop.write(with_qty(ROWS, "T120.417.17.041.00", 1))  # back in stock, and a sale
        out = engine.run_once("test")
        assert out.exit_code == 0 and out.uploaded == 2, out
    finally:
        engine.close()
    festina = site.product("F20560/1")
    assert festina["published"] is True and festina["version"] > newest
    assert site.product("T120.417.17.041.00")["quantity"] == 1


def test_a_catalogue_fetched_in_the_future_counts_as_old(tmp_path):
    db = open_db(tmp_path / "s.db")
    try:
        set_meta(db, "catalog_fetched_at", str(time.time()))
        assert catalog_store.catalog_age(db, time.time() + 10) < 60
        assert catalog_store.catalog_age(db, Y2009) == float("inf")
    finally:
        db.conn.close()


def test_backoff_set_before_the_clock_went_back_does_not_hold_runs_for_years(tmp_path):
    from test_scheduler import FakeEngine, make

    from shopsync.config import load_settings

    clock = Clock(time.time())
    engine = FakeEngine(["offline", "ok"])
    sched = make(load_settings(tmp_path), engine, clock=clock, heartbeat_seconds=30)
    sched.start(run_now=False)
    try:
        assert sched.request("retry") and sched.wait_idle(5)
        assert sched.state.retry_at - clock.now == 25.0
        assert sched.request("interval") is False  # backing off, as it should
        clock.now = Y2009 + 30
        assert sched.heartbeat() is True  # the jump is seen: catch up
        assert sched.wait_idle(5)
        assert [t for t, _ in engine.runs] == ["retry", "wake"]
        assert sched.state.retry_at is None  # the wake run succeeded: no backoff left
        assert sched.request("interval") is True
        assert sched.wait_idle(5)
    finally:
        sched.stop()
