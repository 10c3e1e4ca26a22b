"""The sandbox enforces the Site API contract: raw HTTP against a live server on 127.0.0.1.

Plain httpx (not SiteClient) so that these tests pin the wire behaviour itself: status codes,
headers, bodies, as a platform team reimplementing the API would read them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from site_helpers import CATALOG_ROWS, TOKEN, item

from shopsync.site.sandbox.testing import applied_counts, running_sandbox, write_catalog

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def http(sandbox: str):
    with httpx.Client(base_url=sandbox, headers=AUTH, timeout=10) as client:
        yield client


def post_batch(http: httpx.Client, items: list[dict], key: str, **kw) -> httpx.Response:
    return http.post(
        "/api/v1/stock/batches", json={"items": items}, headers={"Idempotency-Key": key}, **kw
    )


def product(http: httpx.Client, reference: str) -> dict:
    response = http.get(f"/api/v1/products/{quote(reference, safe='').replace('.', '%2E')}")
    assert response.status_code == 200, response.text
    return response.json()


def test_api_requires_the_token_but_health_and_storefront_are_open(sandbox: str) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = httpx.get(f"{sandbox}/api/v1/catalog", headers=headers)
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "unauthorized"
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    health = httpx.get(f"{sandbox}/api/v1/health")
    assert health.status_code == 200
    assert health.json()["authenticated"] is False
    assert httpx.get(f"{sandbox}/api/v1/health", headers=AUTH).json()["authenticated"] is True
    assert httpx.get(f"{sandbox}/").status_code == 200
    assert httpx.get(f"{sandbox}/openapi.json").json()["openapi"].startswith("3.1")


def test_never_sent_products_are_unpublished_and_out_of_stock(http: httpx.Client) -> None:
    for row in CATALOG_ROWS:
        state = product(http, row["reference"])
        assert state["reference"] == row["reference"]
        assert state["brand"] == row["brand"]
        assert (state["published"], state["availability"], state["quantity"], state["price"]) == (
            False,
            "out_of_stock",
            0,
            None,
        )
        assert state["sizes"] == [] and state["version"] is None
    missing = http.get("/api/v1/products/NOT-A-REF")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "unknown_reference"


def test_a_batch_applies_items_and_judges_each_one(http: httpx.Client) -> None:
    sized = item(
        "AL/1234.56",
        3,
        quantity=3,
        price="890.00",
        sizes=[
            {"size": "52", "quantity": 1, "price": "890.00"},
            {"size": "56.5", "quantity": 2, "price": "920.00"},
        ],
    )
    items = [
        item("CRB4084600", 1, price="6150.00"),
        sized,
        item("UNKNOWN/1", 1),
        item("T137.407.11.041.00", 1, price="1290.5"),
        item("PDL 045 OR", 1, quantity=-1),
        item("É-100%", 1, availability="sold"),
        item("..", 1, sizes=[{"size": "52", "quantity": 1, "price": None}]),
    ]
    r = post_batch(http, items, "batch-1")
    assert r.status_code == 200, r.text
    body = r.json()
    assert [(x["reference"], x["status"], x["reason"]) for x in body["results"]] == [
        ("CRB4084600", "accepted", None),
        ("AL/1234.56", "accepted", None),
        ("UNKNOWN/1", "rejected", "unknown_reference"),
        ("T137.407.11.041.00", "rejected", "invalid_price"),
        ("PDL 045 OR", "rejected", "negative_quantity"),
        ("É-100%", "rejected", "invalid_availability"),
        ("..", "rejected", "unexpected_sizes"),
    ]
    assert (body["accepted"], body["rejected"], body["ignored"]) == (2, 5, 0)
    state = product(http, "AL/1234.56")
    assert state["published"] is True and state["version"] == 3
    assert state["price"] == "890.00"
    assert state["sizes"] == sized["sizes"]
    assert product(http, "T137.407.11.041.00")["published"] is False


def test_versions_not_newer_are_ignored_and_said_so(
    http: httpx.Client, sandbox: str, tmp_path: Path
) -> None:
    assert post_batch(http, [item("CRB4084600", 5, quantity=4)], "k1").json()["accepted"] == 1
    r = post_batch(
        http, [item("CRB4084600", 5, quantity=9), item("CRB4084600", 4, quantity=9)], "k2"
    )
    assert [(x["status"], x["reason"]) for x in r.json()["results"]] == [
        ("ignored", "stale_version"),
        ("ignored", "stale_version"),
    ]
    assert product(http, "CRB4084600")["quantity"] == 4
    r = post_batch(
        http,
        [item("CRB4084600", 6, published=False, availability="out_of_stock", quantity=0)],
        "k3",
    )
    assert r.json()["accepted"] == 1
    assert product(http, "CRB4084600")["published"] is False


def test_idempotency_replays_the_first_answer_and_applies_nothing(
    http: httpx.Client, tmp_path: Path
) -> None:
    items = [item("CRB4084600", 1), item("UNKNOWN", 1)]
    first = post_batch(http, items, "replay-key")
    assert first.headers["Idempotent-Replayed"] == "false"
    # The same batch again, re-serialised differently and gzipped: still a replay.
    body = gzip.compress(json.dumps({"items": items}, indent=2).encode())
    again = http.post(
        "/api/v1/stock/batches",
        content=body,
        headers={
            "Idempotency-Key": "replay-key",
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        },
    )
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert applied_counts(tmp_path / "site") == {("CRB4084600", 1): 1}
    other = post_batch(http, [item("CRB4084600", 2)], "replay-key")
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert product(http, "CRB4084600")["version"] == 1


def test_whole_request_errors(http: httpx.Client) -> None:
    no_key = http.post("/api/v1/stock/batches", json={"items": []})
    assert no_key.status_code == 400
    assert no_key.json()["error"]["code"] == "missing_idempotency_key"
    bad_json = http.post(
        "/api/v1/stock/batches",
        content=b"{not json",
        headers={"Idempotency-Key": "x", "Content-Type": "application/json"},
    )
    assert bad_json.status_code == 400
    wrong_type = http.post(
        "/api/v1/stock/batches",
        content=b"{}",
        headers={"Idempotency-Key": "x", "Content-Type": "text/plain"},
    )
    assert wrong_type.status_code == 415
    malformed = post_batch(http, [{"reference": "CRB4084600", "version": "1"}], "y")
    assert malformed.status_code == 422
    assert malformed.json()["error"]["code"] == "invalid_item"
    too_many = post_batch(http, [item("CRB4084600", v) for v in range(1, 502)], "z")
    assert too_many.status_code == 413
    assert too_many.json()["error"]["code"] == "batch_too_large"
    bad_gzip = http.post(
        "/api/v1/stock/batches",
        content=b"not gzip",
        headers={
            "Idempotency-Key": "g",
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        },
    )
    assert bad_gzip.status_code == 400
    assert http.get("/api/v1/products?limit=0").status_code == 400
    assert http.get("/api/v1/products?cursor=zz").status_code == 400
    assert http.get("/api/v1/products?published=maybe").status_code == 400
    assert http.delete("/api/v1/shop/settings").status_code == 405


def test_paging_and_published_filter(tmp_path: Path) -> None:
    rows = [{"reference": f"R{i:04d}", "brand": "B"} for i in range(25)]
    catalog = write_catalog(tmp_path / "c.csv", rows)
    with (
        running_sandbox(tmp_path / "d", token=TOKEN, catalog=catalog) as url,
        httpx.Client(base_url=url, headers=AUTH) as http,
    ):
        post_batch(http, [item(f"R{i:04d}", 1) for i in range(0, 25, 2)], "k")
        seen, cursor = [], None
        while True:
            params = {"limit": "7", **({"cursor": cursor} if cursor else {})}
            page = http.get("/api/v1/catalog", params=params).json()
            seen += [p["reference"] for p in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [r["reference"] for r in rows]
        published = http.get(
            "/api/v1/products", params={"published": "true", "limit": "1000"}
        ).json()
        assert [p["reference"] for p in published["items"]] == [
            f"R{i:04d}" for i in range(0, 25, 2)
        ]
        hidden = http.get("/api/v1/products", params={"published": "false"}).json()
        assert len(hidden["items"]) == 12 and hidden["next_cursor"] is None


def test_settings_and_listing_requests(http: httpx.Client) -> None:
    assert http.get("/api/v1/shop/settings").json()["backorder"]["enabled"] is False
    rule = {
        "backorder": {
            "enabled": True,
            "restock_days": 12,
            "message": "Sur commande — expédié sous {days} jours",
        }
    }
    assert http.put("/api/v1/shop/settings", json=rule).json() == rule
    assert http.get("/api/v1/shop/settings").json() == rule
    assert (
        http.put("/api/v1/shop/settings", json={"backorder": {"enabled": True}}).status_code == 422
    )
    requests = [
        {
            "reference": "NEW-1",
            "brand": "Cartier",
            "designation": "Bague",
            "quantity": 2,
            "price": "100.00",
        }
    ]
    assert http.post("/api/v1/listing-requests", json={"items": requests}).json() == {
        "received": 1,
        "new": 1,
    }
    assert http.post("/api/v1/listing-requests", json={"items": requests}).json() == {
        "received": 1,
        "new": 0,
    }
    listed = http.get("/api/v1/listing-requests").json()["items"]
    assert [(x["reference"], x["times_requested"]) for x in listed] == [("NEW-1", 2)]


def test_storefront_shows_what_a_customer_sees(http: httpx.Client, sandbox: str) -> None:
    rule = {
        "backorder": {
            "enabled": True,
            "restock_days": 9,
            "message": "Sur commande — expédié sous {days} jours",
        }
    }
    http.put("/api/v1/shop/settings", json=rule)
    post_batch(
        http,
        [
            item("CRB4084600", 1, price="6150.00"),
            item("T137.407.11.041.00", 1, availability="backorder", quantity=0),
            item("PDL 045 OR", 1, availability="preorder", quantity=0, price=None),
            item("AL/1234.56", 1, sizes=[{"size": "54", "quantity": 1, "price": "1100.00"}]),
            item("É-100%", 1, published=False),
        ],
        "front",
    )
    page = httpx.get(f"{sandbox}/").text
    assert "http-equiv='refresh'" in page
    assert "6\u202f150,00\u202f€" in page and "En stock" in page
    assert "Sur commande — expédié sous 9 jours" in page
    assert "Précommande" in page and "Prix sur demande" in page
    assert "Taille 54 — 1\u202f100,00\u202f€" in page
    assert "Boucles d&#x27;oreilles" not in page  # unpublished products are not shown
    assert "CRB4084600" in page and "Cartier" in page


def test_state_survives_a_restart_with_the_same_catalogue(
    tmp_path: Path, catalog_csv: Path
) -> None:
    data = tmp_path / "persist"
    with (
        running_sandbox(data, token=TOKEN, catalog=catalog_csv) as url,
        httpx.Client(base_url=url, headers=AUTH) as http,
    ):
        post_batch(http, [item("CRB4084600", 7, quantity=3)], "before-restart")
    extra = write_catalog(
        tmp_path / "more.csv", [*CATALOG_ROWS, {"reference": "NEW/9", "brand": "Neuf"}]
    )
    with (
        running_sandbox(data, token=TOKEN, catalog=extra) as url,
        httpx.Client(base_url=url, headers=AUTH) as http,
    ):
        assert product(http, "CRB4084600")["quantity"] == 3
        assert product(http, "NEW/9")["published"] is False
        replay = post_batch(http, [item("CRB4084600", 7, quantity=3)], "before-restart")
        assert replay.headers["Idempotent-Replayed"] == "true"
