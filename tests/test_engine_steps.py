"""The engine's steps one by one: the plan writes nothing, the hold step does; a 413 shrinks the
batch size for the rest of that delivery only; the run text comes from `sync.messages`."""

from __future__ import annotations

from shop_fixtures import TOKEN, Shop

BASE = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("T137.407.11.041.00", "TISSOT", "PRX", "1", "375,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "3", "69,00", "", ""),
]


def _store_rows(engine) -> dict[str, list]:
    tables = ("held", "outbox", "batches", "promised", "erp_items", "meta")
    return {t: engine.db.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_plan_writes_nothing_and_the_hold_step_records_the_guard(shop, site):
    from shopsync.erp import read_export
    from shopsync.store import delivery

    shop.write(BASE)
    assert shop.sync().status == "ok"
    shop.configure(guard={"min_unpublish_count": 0, "max_unpublish_share": 0.01})  # 0 < share <= 1
    shop.write(BASE[:2] + BASE[3:])  # F20560/1 left the ERP: its product would be unpublished
    engine = shop.engine()
    try:
        before = _store_rows(engine)
        plan = engine.plan(read_export(shop.export).lines)
        assert plan.hold == ["F20560/1"] and plan.by_kind["held"] == ["F20560/1"]
        assert plan.changes == []
        assert _store_rows(engine) == before  # pure: not even the held table moved
    finally:
        engine.close()
    out = shop.sync()
    assert out.status == "held" and out.exit_code == 4 and out.held == 1
    engine = shop.engine()
    try:
        assert delivery.held(engine.db) == {"F20560/1": False}
    finally:
        engine.close()
    assert site.product("F20560/1")["published"] is True


class SizeSpy:
    """A real client that notes the size of every batch it sends. `max_batch`: what the engine
    believes the site takes (a site that does not announce its limit: the client's default)."""

    max_batch = 500

    def __init__(self, client, sizes: list[int]) -> None:
        self._client, self.sizes = client, sizes

    def send_batch(self, items, key):
        self.sizes.append(len(items))
        return self._client.send_batch(items, key)

    def __getattr__(self, name):
        return getattr(self._client, name)


def test_a_413_halves_batches_for_that_delivery_only(tmp_path, catalog_csv, monkeypatch):
    from shopsync.site.client import SiteClient
    from shopsync.site.sandbox.testing import running_sandbox

    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog_csv, batch_limit=2) as url:
        shop = Shop(tmp_path / "home", url)
        sizes: list[int] = []
        engine = shop.engine(client_factory=lambda: SizeSpy(SiteClient(url, TOKEN), sizes))
        try:
            shop.write(BASE)
            first = engine.run_once("test")
            assert first.status == "ok" and first.uploaded == 4, first
            assert sizes == [4, 2, 2]  # refused whole (413), then in halves
            sizes.clear()
            shop.write([(r, b, d, str(int(q) + 1), p, s, st) for r, b, d, q, p, s, st in BASE])
            second = engine.run_once("test")
            assert second.status == "ok" and second.uploaded == 4, second
            assert sizes == [4, 2, 2]  # the next run starts from the full size again
        finally:
            engine.close()


def test_a_batch_limit_the_site_announces_is_honoured_without_a_413(tmp_path, catalog_csv, monkeypatch):
    from shopsync.site.client import SiteClient
    from shopsync.site.sandbox.testing import running_sandbox

    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog_csv, batch_limit=2) as url:
        shop = Shop(tmp_path / "home", url)
        sizes: list[int] = []

        class Honest(SizeSpy):
            max_batch = property(lambda self: self._client.max_batch)

        engine = shop.engine(client_factory=lambda: Honest(SiteClient(url, TOKEN), sizes))
        try:
            shop.write(BASE)
            assert engine.run_once("test").uploaded == 4
            assert sizes == [2, 2]  # /health said 2: no batch the site would refuse
        finally:
            engine.close()


def test_run_line_keeps_the_cli_text():
    from shopsync.engine import RunSummary
    from shopsync.sync import messages
    from shopsync.sync.vocab import RunStatus

    summary = RunSummary(RunStatus.HELD, read=4, changes=1, held=2, message=messages.held(2))
    assert summary.human() == (
        "Dépublication retenue : confirmez avec `shopsync confirm` — lus 4, changements 1, "
        "envoyés 0, en attente 0, retenus 2, refusés 0. 2 produits seraient dépubliés : "
        "c'est plus que le seuil de sécurité"
    )
    assert summary.as_dict()["status"] == "held"
    assert messages.headline("unknown_status") == "unknown_status"


def test_change_kind_is_the_one_split():
    from shopsync.store.delivery import Promise
    from shopsync.sync.plan import change_kind

    shown, hidden = Promise("k1", 1, True), Promise("k0", 1, False)
    assert change_kind(True, "k2", None) == "publish"
    assert change_kind(True, "k2", hidden) == "publish"
    assert change_kind(True, "k2", shown) == "update"
    assert change_kind(True, "k1", shown) is None  # same key: nothing to send
    assert change_kind(False, "k0", None) is None  # never shown: nothing to hide
    assert change_kind(False, "k3", shown) == "unpublish"
