"""Web orders are never undone (issue 21): a sale on the site stays a sale until the shop has
completed the order, whatever the ERP's export still says.

End to end: the real sandbox (Site API v1.2: its storefront takes orders, `GET
/api/v1/orders?status=open` lists them), a real export file, the engine.
"""

from __future__ import annotations

import httpx
import pytest

from shopsync.model import OrderLine, StockLine, WebOrder
from shopsync.sync import web_orders

RING = "ALL OR 3MM"
WATCH = "T120.417.17.041.00"
ROWS = [
    (WATCH, "TISSOT", "SEASTAR", "1", "895,00", "", ""),
    (RING, "ALLIANCES", "ALLIANCE", "1", "390,00", "52", ""),
    (RING, "ALLIANCES", "ALLIANCE", "1", "410,00", "54", ""),
]


def _buy(site, reference, size=None):
    """A customer presses "Acheter" on the storefront (a same-origin form post)."""
    form = {"reference": reference, **({"size": size} if size else {})}
    r = httpx.post(f"{site.url}/order", data=form, headers={"Origin": site.url})
    assert r.status_code == 303, r.text


def _orders(site):
    from shopsync.site.sandbox.store import SandboxStore

    return SandboxStore(site.data)


def test_a_web_sale_is_not_undone_by_an_export_that_does_not_show_it_yet(shop, site):
    """Two Seastars. 10:00 one sells online (site 1, order open). 10:05 the other sells at
    the counter and the ERP says 1 — it has not seen the web order. Writing the ERP's 1 would
    offer a watch the shop no longer has: the site must go to 0."""
    shop.write([(WATCH, "TISSOT", "SEASTAR", "2", "895,00", "", "")])
    assert shop.sync().exit_code == 0
    assert site.product(WATCH)["quantity"] == 2

    _buy(site, WATCH)
    assert site.product(WATCH)["quantity"] == 1

    shop.write([(WATCH, "TISSOT", "SEASTAR", "1", "895,00", "", "")])  # the counter sale only
    summary = shop.sync()
    assert summary.exit_code == 0 and summary.web_orders == 1
    assert site.product(WATCH)["quantity"] == 0
    assert site.product(WATCH)["availability"] == "out_of_stock"

    # the shop enters the web sale in its till (ERP 0) and completes the order
    store = _orders(site)
    (order,) = store.orders.page("", 10, "open")[0]
    assert store.orders.set_status(order["id"], "completed")
    store.close()
    shop.write([(WATCH, "TISSOT", "SEASTAR", "0", "895,00", "", "")])
    summary = shop.sync()
    assert summary.exit_code == 0 and summary.web_orders == 0
    assert site.product(WATCH)["quantity"] == 0


def test_once_the_order_is_completed_the_erp_is_taken_to_have_caught_up(shop, site):
    shop.write([(WATCH, "TISSOT", "SEASTAR", "2", "895,00", "", "")])
    assert shop.sync().exit_code == 0
    _buy(site, WATCH)
    shop.write([(WATCH, "TISSOT", "SEASTAR", "2", "895,00", "", "")])
    shop.sync()
    assert site.product(WATCH)["quantity"] == 1  # 2 in the ERP, 1 sold online and open

    store = _orders(site)
    (order,) = store.orders.page("", 10, "open")[0]
    store.orders.set_status(order["id"], "completed")
    store.close()
    # completed, and the ERP says 1 (the sale entered): the ERP is right again
    shop.write([(WATCH, "TISSOT", "SEASTAR", "1", "895,00", "", "")])
    assert shop.sync().exit_code == 0
    assert site.product(WATCH)["quantity"] == 1


def test_a_ring_size_sold_online_stays_sold_and_the_other_sizes_do_not_move(shop, site):
    rows = [
        (RING, "ALLIANCES", "ALLIANCE", "2", "390,00", "52", ""),
        (RING, "ALLIANCES", "ALLIANCE", "1", "410,00", "54", ""),
    ]
    shop.write(rows)
    assert shop.sync().exit_code == 0
    sizes = {s["size"]: s["quantity"] for s in site.product(RING)["sizes"]}
    assert sizes == {"52": 2, "54": 1}

    _buy(site, RING, "52")
    shop.write([(RING, "ALLIANCES", "ALLIANCE", "1", "390,00", "52", ""), rows[1]])  # counter
    shop.sync()
    sizes = {s["size"]: s["quantity"] for s in site.product(RING)["sizes"]}
    assert sizes == {"52": 0, "54": 1}


def test_a_new_web_order_alone_is_a_reason_to_plan_again(shop, site):
    """The export did not change at all (same bytes): the order still reaches the plan."""
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    _buy(site, WATCH)
    summary = shop.sync()
    assert summary.status != "unchanged" and summary.web_orders == 1
    assert site.product(WATCH)["quantity"] == 0


def test_the_storefront_refuses_an_order_from_another_origin(site):
    r = httpx.post(
        f"{site.url}/order", data={"reference": WATCH}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403


# --- the pure rule ---------------------------------------------------------------------------


def _line(ref, qty, size=None):
    return StockLine(ref, "B", "D", qty, None, size)


def test_units_add_up_across_orders_and_lines():
    orders = [
        WebOrder("1", 0.0, "open", (OrderLine("A", 1), OrderLine("R", 1, "52"))),
        WebOrder("2", 1.0, "open", (OrderLine("A", 2), OrderLine("R", 1, "52"))),
    ]
    assert web_orders.pending_units(orders) == {("A", None): 3, ("R", "52"): 2}


@pytest.mark.parametrize(
    ("lines", "pending", "expected"),
    [
        ([_line("A", 1)], {("A", None): 1}, [0]),
        ([_line("A", 1)], {("A", None): 5}, [0]),  # never below zero
        ([_line("A", 2), _line("A", 3)], {("A", None): 4}, [0, 1]),  # in order
        ([_line("R", 1, "52"), _line("R", 2, "54")], {("R", "54"): 1}, [1, 1]),
        ([_line("R", 1, "52")], {("R", "60"): 1}, [1]),  # a size the ERP lacks takes nothing
    ],
)
def test_deduct(lines, pending, expected):
    ref = lines[0].reference
    changed = web_orders.deduct({ref: tuple(lines)}, pending)
    assert [ln.quantity for ln in changed[ref]] == expected


def test_no_order_changes_nothing_and_digest_is_empty():
    assert web_orders.deduct({"A": (_line("A", 1),)}, {}) == {}
    assert web_orders.digest({}) == ""
    assert web_orders.digest({("A", None): 1}) != web_orders.digest({("A", None): 2})


def test_the_last_orders_read_survive_a_run_the_site_did_not_answer():
    pending = {("A", None): 2, ("R", "52"): 1}
    assert web_orders.loads(web_orders.dumps(pending)) == pending
    assert web_orders.loads(None) == {} and web_orders.loads("{damaged") == {}


@pytest.mark.parametrize(("until", "after_import"), [("closed", 0), ("export", 1)])
def test_until_export_the_erp_that_took_the_order_in_is_believed(shop, site, until, after_import):
    """`[site] web_orders_until = "export"`, for an ERP that takes in web orders itself: an
    order placed after the export was written is kept off (the ERP cannot hold it yet); once
    the ERP writes an export after the order, its quantity is taken as it is. With the
    default ("closed") the open order is still kept off: the site undersells by one."""
    import os
    import time

    from shopsync.config import update_config

    update_config(shop.home, {"site": {"web_orders_until": until}})
    shop.write([(WATCH, "TISSOT", "SEASTAR", "2", "895,00", "", "")])
    written = time.time() - 120
    os.utime(shop.export, (written, written))  # the ERP wrote it two minutes ago
    assert shop.sync().exit_code == 0
    _buy(site, WATCH)
    summary = shop.sync()  # the export is older than the order: the order is kept off
    assert summary.exit_code == 0 and summary.web_orders == 1
    assert site.product(WATCH)["quantity"] == 1

    # the ERP takes the web order in and writes its next export (later than the order)
    shop.write([(WATCH, "TISSOT", "SEASTAR", "1", "895,00", "", "")])
    later = time.time() + 2
    os.utime(shop.export, (later, later))
    summary = shop.sync()
    assert summary.exit_code == 0
    assert summary.web_orders == (1 if until == "closed" else 0)
    assert site.product(WATCH)["quantity"] == after_import


def test_an_order_stamped_in_the_same_second_as_the_export_is_kept_off():
    """`placed_at` is to the second: 10:00:00 may be 10:00:00.9, after an export written at
    10:00:00.5. Only an export surely later than the order is taken to hold it."""
    line = (OrderLine(WATCH, 1),)
    orders = [WebOrder("W1", 1_000.0, "open", line), WebOrder("W2", 998.0, "open", line)]
    assert web_orders.pending_units(orders, placed_after=1_000.5) == {(WATCH, None): 1}
    assert web_orders.pending_units(orders, placed_after=1_001.0) == {}
    assert web_orders.pending_units(orders) == {(WATCH, None): 2}
