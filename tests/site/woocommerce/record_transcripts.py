"""Record the WooCommerce transcripts the stand-in is checked against (a maintainer's tool).

Run against a live WooCommerce (REST v3) on this machine, from an EMPTY shop (no products):

    python tests/site/woocommerce/record_transcripts.py http://127.0.0.1:8780 ck_…:cs_…

Each exchange is written to `transcripts/NN_name.json`: the request (method, path under
/wp-json/wc/v3, query, body) and the answer (status, the paging headers, body). The consumer
key and secret are never written (they travel in the Authorization header, which is not
recorded) and the live host is replaced by `https://shop.example`. Answers are data.

The live server itself (WordPress, WooCommerce, how it was installed) is not part of the
repository; see docs/targets.md ("The live WooCommerce").
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).parent / "transcripts"
KEPT_HEADERS = ("x-wp-total", "x-wp-totalpages")


class Recorder:
    def __init__(self, base: str, credentials: str) -> None:
        key, secret = credentials.split(":", 1)
        self.base = base.rstrip("/")
        self.http = httpx.Client(
            base_url=self.base + "/wp-json/wc/v3/", auth=(key, secret), timeout=120
        )
        self.count = 0
        HERE.mkdir(exist_ok=True)
        for old in HERE.glob("*.json"):
            old.unlink()

    def scrub(self, text: str) -> str:
        host = re.escape(httpx.URL(self.base).netloc.decode())
        return re.sub(rf"https?://{host}", "https://shop.example", text)

    def call(
        self,
        name: str,
        method: str,
        path: str,
        query: dict[str, Any] | None = None,
        body: Any = None,
        *,
        auth: tuple[str, str] | None = None,
        note: str = "",
    ) -> httpx.Response:
        extra = {"auth": auth} if auth else {}
        response = self.http.request(method, path, params=query, json=body, **extra)
        self.count += 1
        try:
            answer = json.loads(self.scrub(response.text))
        except ValueError:
            answer = {"non_json": self.scrub(response.text[:500])}
        record = {
            "name": name,
            "note": note,
            "request": {
                "method": method,
                "path": path,
                "query": query or {},
                "body": body,
                "auth": "wrong" if auth else "valid",
            },
            "response": {
                "status": response.status_code,
                "headers": {h: response.headers[h] for h in KEPT_HEADERS if h in response.headers},
                "body": answer,
            },
        }
        out = HERE / f"{self.count:02d}_{name}.json"
        out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out.name}: {response.status_code}")
        return response


def simple(sku: str, name: str, price: str, qty: int, brand: str) -> dict[str, Any]:
    return {
        "name": name,
        "type": "simple",
        "sku": sku,
        "regular_price": price,
        "manage_stock": True,
        "stock_quantity": qty,
        "attributes": [{"name": "Marque", "options": [brand], "visible": True}],
    }


def record(rec: Recorder) -> None:
    r = rec.call(
        "auth_refused",
        "GET",
        "products",
        auth=("ck_wrong", "cs_wrong"),
        note="a wrong consumer key: 401",
    )
    created = rec.call(
        "products_batch_create",
        "POST",
        "products/batch",
        body={
            "create": [
                simple("T137.407.11.041.00", "Tissot PRX", "695.00", 3, "Tissot"),
                simple("CRB4084600", "Bague Love or rose", "6150.00", 1, "Cartier"),
                simple("ZZ-OFF-1", "Pendentif hors marque", "120.00", 5, "Inconnue"),
                {**simple("DUP-SKU", "Doublon", "1.00", 1, "Tissot")},
                {**simple("DUP-SKU", "Doublon bis", "1.00", 1, "Tissot")},
            ]
        },
        note="five creates; the last repeats a SKU: a per-item error inside a 200",
    ).json()["create"]
    tissot, cartier, off = (p["id"] for p in created[:3])
    ring = rec.call(
        "products_create_variable",
        "POST",
        "products",
        body={
            "name": "Alliance or jaune",
            "type": "variable",
            "sku": "AL/1234.56",
            "manage_stock": False,
            "attributes": [
                {"name": "Marque", "options": ["Alliance"], "visible": True},
                {
                    "name": "Taille",
                    "options": ["50", "52", "56.5"],
                    "visible": True,
                    "variation": True,
                },
            ],
        },
    ).json()["id"]
    variations = rec.call(
        "variations_batch_create",
        "POST",
        f"products/{ring}/variations/batch",
        body={
            "create": [
                {
                    "sku": "AL/1234.56-50",
                    "regular_price": "890.00",
                    "manage_stock": True,
                    "stock_quantity": 0,
                    "attributes": [{"name": "Taille", "option": "50"}],
                },
                {
                    "sku": "AL/1234.56-52",
                    "regular_price": "890.00",
                    "manage_stock": True,
                    "stock_quantity": 1,
                    "attributes": [{"name": "Taille", "option": "52"}],
                },
                {
                    "sku": "AL/1234.56-56.5",
                    "regular_price": "920.00",
                    "manage_stock": True,
                    "stock_quantity": 2,
                    "attributes": [{"name": "Taille", "option": "56.5"}],
                },
            ]
        },
    ).json()["create"]
    v50, v52, v565 = (v["id"] for v in variations)
    rec.call(
        "products_page_1",
        "GET",
        "products",
        {"per_page": 2, "page": 1, "orderby": "id", "order": "asc"},
    )
    rec.call(
        "products_page_2",
        "GET",
        "products",
        {"per_page": 2, "page": 2, "orderby": "id", "order": "asc"},
    )
    rec.call(
        "products_page_3",
        "GET",
        "products",
        {"per_page": 2, "page": 3, "orderby": "id", "order": "asc"},
    )
    rec.call(
        "products_page_past_end",
        "GET",
        "products",
        {"per_page": 2, "page": 9},
        note="a page past the last one",
    )
    rec.call(
        "products_fields",
        "GET",
        "products",
        {"per_page": 100, "_fields": "id,sku,type,status", "orderby": "id", "order": "asc"},
        note="_fields trims each product to the fields named",
    )
    rec.call("products_by_sku", "GET", "products", {"sku": "AL/1234.56"})
    rec.call(
        "products_include",
        "GET",
        "products",
        {"include": f"{tissot},{ring}", "per_page": 100, "orderby": "include"},
    )
    rec.call("products_status_any_draft", "GET", "products", {"status": "draft"})
    rec.call(
        "variations_list",
        "GET",
        f"products/{ring}/variations",
        {"per_page": 100, "orderby": "id", "order": "asc"},
    )
    rec.call(
        "products_batch_update_mixed",
        "POST",
        "products/batch",
        body={
            "update": [
                {
                    "id": tissot,
                    "stock_quantity": 0,
                    "backorders": "notify",
                    "manage_stock": True,
                    "meta_data": [{"key": "_shopsync_version", "value": "7"}],
                },
                {"id": off, "status": "draft"},
                {"id": 999999, "stock_quantity": 1},
                {"id": cartier, "regular_price": "6200.00", "stock_quantity": 1},
            ]
        },
        note="backorder, draft, an unknown id (per-item error), a price",
    )
    rec.call("product_after_backorder", "GET", f"products/{tissot}")
    rec.call(
        "products_batch_101",
        "POST",
        "products/batch",
        body={"update": [{"id": tissot, "stock_quantity": 1}] * 101},
        note="101 items: 413, nothing applied",
    )
    rec.call("product_after_101", "GET", f"products/{tissot}")
    rec.call(
        "trap_34869_parent_stock_status",
        "POST",
        "products/batch",
        body={"update": [{"id": ring, "stock_status": "outofstock"}]},
        note="#34869: a variable parent's stock_status is ignored (200)",
    )
    rec.call("trap_34869_parent_after", "GET", f"products/{ring}")
    rec.call(
        "trap_11736_variations_through_product",
        "PUT",
        f"products/{ring}",
        body={"variations": [{"id": v52, "stock_quantity": 9}]},
        note="#11736: variations sent through products/{id} do nothing",
    )
    rec.call("trap_11736_variation_after", "GET", f"products/{ring}/variations/{v52}")
    rec.call(
        "variations_batch_update",
        "POST",
        f"products/{ring}/variations/batch",
        body={
            "update": [
                {"id": v50, "stock_quantity": 1, "regular_price": "900.00"},
                {"id": v52, "stock_quantity": 0, "backorders": "notify"},
                {"id": 999998, "stock_quantity": 1},
            ]
        },
        note="variations/batch: the way to write sizes; an unknown id is a per-item error",
    )
    rec.call(
        "trap_36595_variation_stock_without_manage",
        "POST",
        f"products/{ring}/variations/batch",
        body={"update": [{"id": v565, "manage_stock": False, "stock_quantity": 7}]},
        note="#36595: stock_quantity on a variation whose stock is not managed",
    )
    rec.call("trap_36595_variation_after", "GET", f"products/{ring}/variations/{v565}")
    rec.call(
        "variations_after_update",
        "GET",
        f"products/{ring}/variations",
        {"per_page": 100, "orderby": "id", "order": "asc"},
    )
    rec.call("trap_34869_parent_after_variations", "GET", f"products/{ring}")
    rec.call(
        "trap_11943_stock_without_manage",
        "POST",
        "products/batch",
        body={"update": [{"id": cartier, "manage_stock": False, "stock_quantity": 5}]},
        note="#11943: a simple product's stock_quantity with manage_stock off",
    )
    rec.call("trap_11943_after", "GET", f"products/{cartier}")
    rec.call(
        "restore_manage_stock",
        "POST",
        "products/batch",
        body={"update": [{"id": cartier, "manage_stock": True, "stock_quantity": 1}]},
    )
    rec.call(
        "order_create_processing",
        "POST",
        "orders",
        body={
            "status": "processing",
            "set_paid": True,
            "billing": {
                "first_name": "Cliente",
                "last_name": "Web",
                "email": "web@example.invalid",
            },
            "line_items": [
                {"product_id": cartier, "quantity": 1},
                {"product_id": ring, "variation_id": v565, "quantity": 1},
            ],
        },
        note="a web order: WooCommerce lowers the stock of what it sells",
    )
    rec.call("product_after_order", "GET", f"products/{cartier}")
    rec.call(
        "order_create_on_hold",
        "POST",
        "orders",
        body={"status": "on-hold", "line_items": [{"product_id": tissot, "quantity": 1}]},
    )
    rec.call(
        "order_create_completed",
        "POST",
        "orders",
        body={"status": "completed", "line_items": [{"product_id": off, "quantity": 1}]},
    )
    rec.call(
        "orders_open",
        "GET",
        "orders",
        {"status": "processing,on-hold", "per_page": 100, "orderby": "id", "order": "asc"},
    )
    rec.call("orders_completed", "GET", "orders", {"status": "completed", "per_page": 100})
    rec.call(
        "product_brands",
        "GET",
        "products/brands",
        {"per_page": 100},
        note="WooCommerce 9.6+ has a core product_brand taxonomy; older ones answer 404",
    )
    rec.call(
        "idempotency_key_ignored",
        "POST",
        "products/batch",
        body={"update": [{"id": off, "status": "draft"}]},
        note="the same absolute write twice: the second changes nothing (no idempotency key)",
    )
    rec.call(
        "products_batch_delete",
        "POST",
        "products/batch",
        body={"delete": [p["id"] for p in created if "id" in p and p["id"]]},
        note="clean-up (ShopSync never deletes)",
    )
    del r


if __name__ == "__main__":
    record(Recorder(sys.argv[1], sys.argv[2]))
