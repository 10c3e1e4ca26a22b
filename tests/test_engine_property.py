"""Property: whatever the sequence of ERP reads, outages and crashes, once delivery succeeds the
site equals the rules applied to the last read, and no change was applied twice."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows

from shopsync.errors import SiteUnreachable

REFS = [("T120.417.17.041.00", "TISSOT"), ("T137.407.11.041.00", "TISSOT"),
        ("F20560/1", "FESTINA"), ("590702HV-16", "PANDORA")]


class Crash(BaseException):
    """The process dies here (power cut, kill -9): nothing after this point runs."""


class FaultyClient:
    def __init__(self, inner, fault: str) -> None:
        self.inner, self.fault = inner, fault

    def send_batch(self, items, key):
        if self.fault == "offline":
            raise SiteUnreachable("connection refused")
        if self.fault == "crash_before":
            raise Crash
        results = self.inner.send_batch(items, key)
        if self.fault == "crash_after":  # applied by the site, answer never read
            raise Crash
        return results

    def __getattr__(self, name):
        return getattr(self.inner, name)


step = st.tuples(
    st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=len(REFS), max_size=len(REFS)),
    st.sampled_from(["ok", "offline", "crash_before", "crash_after"]),
)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, min_size=1, max_size=5))
def test_converges_exactly_once(tmp_path_factory, steps):
    import os

    from shopsync.erp import read_export
    from shopsync.site.client import SiteClient
    from shopsync.site.sandbox.testing import applied_counts, running_sandbox

    tmp = tmp_path_factory.mktemp("prop")
    os.environ["SHOPSYNC_SITE_TOKEN"] = TOKEN
    csv = write_catalog_rows(tmp / "c.csv", CATALOG)
    with running_sandbox(tmp / "site", token=TOKEN, catalog=csv) as url:
        shop = Shop(tmp / "home", url)
        last_rows = None
        for quantities, fault in steps:
            rows = [
                (ref, brand, "X", str(q), "100,00", "", "")
                for (ref, brand), q in zip(REFS, quantities, strict=True) if q is not None
            ]
            if not rows:
                rows = [(REFS[0][0], REFS[0][1], "X", "1", "100,00", "", "")]
            shop.write(rows)
            last_rows = rows

            def factory(fault=fault):
                return FaultyClient(SiteClient(url, TOKEN, retries=0, sleep=lambda s: None), fault)

            engine = shop.engine(client_factory=factory)
            try:
                engine.run_once("prop")
            except Crash:
                pass
            finally:
                engine.close()
        final = shop.sync()
        assert final.pending == 0 and final.exit_code in (0, 4), final

        from shopsync import matching, rules
        from shopsync.store import catalog as catalog_store

        engine = shop.engine()
        try:
            catalog = catalog_store.load_catalog(engine.db)
            lines = read_export(shop.export).lines
            expected = rules.desired_states(
                lines, catalog, matching.connect({ln.reference for ln in lines}, catalog, {}, set()),
                {}, rules.RuleOptions.from_settings(engine.settings),
            ).states
            held = set(engine.status()["held"])
        finally:
            engine.close()
        client = SiteClient(url, TOKEN)
        try:
            for ref, state in expected.items():
                if ref in held:
                    continue
                site = client.product(ref)
                assert site["published"] == state.published, (ref, last_rows)
                if state.published:
                    assert site["quantity"] == state.quantity
                    assert Decimal(site["price"]) == state.price
        finally:
            client.close()
        counts = applied_counts(tmp / "site")
        assert not counts or max(counts.values()) == 1
