"""The listing step in a long-lived engine: items absent from the catalogue are hashed only when
they changed (a 200,000-line export holds ~198,000 of them), and what the engine remembers is
dropped as soon as another process wrote what was sent."""

from __future__ import annotations

import hashlib
import json

import httpx
from hypothesis import given
from hypothesis import strategies as st
from shop_fixtures import TOKEN
from test_engine_scenarios import BASE

from shopsync.sync.listing import item_digest

NEW = ("T999.999", "TISSOT", "NOUVELLE MONTRE", "1", "500,00", "", "")

_text = st.none() | st.text(st.characters(codec="utf-8"), max_size=12)


@given(
    reference=st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
    brand=_text, designation=_text, ean=_text,
    price=st.none() | st.decimals(0, 10**7, places=2).map(str),
    quantity=st.none() | st.integers(-(10**12), 10**12),
)
def test_the_digest_is_the_one_every_release_stored(reference, brand, designation, ean, price, quantity):  # type: ignore[no-untyped-def]
    """`listing_requests.hash` of homes written by earlier releases: equal digests, so no
    item goes to the listing team a second time after an update."""
    item = {"reference": reference, "brand": brand, "designation": designation,
            "quantity": quantity, "price": price, "ean": ean}
    assert item_digest(item) == hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest()


def _requested(site) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    r = httpx.get(f"{site.url}/api/v1/listing-requests", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    return {i["reference"]: i for i in r.json()["items"]}


def test_a_long_lived_engine_sends_an_item_again_only_when_it_changed(shop, site):  # type: ignore[no-untyped-def]
    shop.write([*BASE, NEW])
    engine = shop.engine()
    try:
        assert engine.run_once("test").exit_code == 0
        assert _requested(site)["T999.999"]["times_requested"] == 1
        for _ in range(2):  # the same item, read again: nothing sent
            assert engine.run_once("test", full=True).exit_code == 0
        assert _requested(site)["T999.999"]["times_requested"] == 1
        shop.write([*BASE, (*NEW[:3], "2", *NEW[4:])])  # one more piece in stock
        assert engine.run_once("test").exit_code == 0
        sent = _requested(site)["T999.999"]
        assert (sent["times_requested"], sent["item"]["quantity"]) == (2, 2)
    finally:
        engine.close()


def test_another_process_sending_makes_the_engine_check_again(shop, site):  # type: ignore[no-untyped-def]
    """The tray's engine remembers the item as sent with 1 piece; `sync --once` (another
    process) then sends it with 2; the export goes back to 1. The platform last heard 2: the
    tray's engine must send 1 again, not trust what it remembered."""
    shop.write([*BASE, NEW])
    tray = shop.engine()
    try:
        assert tray.run_once("test").exit_code == 0
        shop.write([*BASE, (*NEW[:3], "2", *NEW[4:])])
        assert shop.sync().exit_code == 0  # another engine, as another process would
        assert _requested(site)["T999.999"]["item"]["quantity"] == 2
        shop.write([*BASE, NEW])
        assert tray.run_once("test").exit_code == 0
        sent = _requested(site)["T999.999"]
        assert (sent["times_requested"], sent["item"]["quantity"]) == (3, 1)
    finally:
        tray.close()


def test_a_sale_in_a_large_export_rewrites_one_cached_row(tmp_path):  # type: ignore[no-untyped-def]
    """The cached read (erp_items) after a new export: the rows that differ are written, the
    others left as they are, and what is read back is the new export exactly."""
    from decimal import Decimal

    from shopsync.model import ReadResult, StockLine
    from shopsync.store import open_db
    from shopsync.store.erp_cache import load_lines, save_read

    def export(sold: int) -> ReadResult:
        lines = [
            StockLine(f"R-{i:05d}", "TISSOT", f"MONTRE {i}", 3 - (i == sold),
                      Decimal("89.90") if i % 3 else None, "52" if i % 7 == 0 else None,
                      None, None, i + 2)
            for i in range(5000)
        ]
        return ReadResult("stock.csv", lines)

    db = open_db(tmp_path / "shopsync.db")
    try:
        save_read(db, export(sold=-1), [])
        before = db.conn.total_changes
        second = export(sold=1234)
        second.lines.pop(10)  # a reference gone from the ERP
        second.lines.append(StockLine("NEW-1", "TISSOT", "NEUVE", 1, None, None, None, None, 9999))
        save_read(db, second, [])
        # one row changed, one deleted, one added; then the read's summary row
        assert db.conn.total_changes - before == 4
        assert sorted(load_lines(db)) == sorted(second.lines)
    finally:
        db.conn.close()
