"""A WooCommerce stand-in for the fast suite: REST v3 products, variations, batches and orders.

Written from WooCommerce's REST v3 documentation and checked against answers recorded from a
live WooCommerce 7.8.0 (`transcripts/`, replayed by `test_standin_transcripts.py`). It keeps
WooCommerce's behaviour where ShopSync depends on it, traps included:
- `products/batch` and `…/variations/batch`: at most 100 items in all (101 → 413
  `woocommerce_rest_request_entity_too_large`, nothing applied); per-item errors inside a 200;
- `stock_status` is derived from `manage_stock`, `stock_quantity` and `backorders`; with
  `manage_stock` off a product's or a variation's `stock_quantity` is dropped (#11943,
  #36595 as the live server did it: null, not kept);
- a variable parent's `stock_status` is ignored (#34869: derived from its variations) and
  `variations` sent through `products/{id}` do nothing (#11736), both with a 200;
- SKUs are unique (`product_invalid_sku`); no idempotency key (the header is ignored);
- an order placed processing / on-hold / completed lowers the stock of what it sells;
- paging: `per_page` (1–100), `page`, `X-WP-Total`, `X-WP-TotalPages`; a page past the end is
  an empty list; `_fields` trims each item.
Auth: HTTP Basic with the consumer key and secret (as WooCommerce takes it over HTTPS).

Test hooks: `fail_next(count, status, retry_after)` (429/503 before anything is applied),
`drop_after_next_write()` (the write is applied, then the connection dies before the answer),
`refused[id] = code` (that product's updates get a per-item error), `writes` (how many times
each product or variation id was written), `requests` (method, path), `bodies` (path, body of
each write).
"""

from __future__ import annotations

import base64
import copy
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from shopsync.site.sandbox.server import ReadyServer, make_config

PREFIX = "/wp-json/wc/v3"
MAX_BATCH = 100
OPEN_STOCK_STATUSES = ("processing", "on-hold", "completed")
PRODUCT_STATUSES = ("publish", "draft", "pending", "private")


class WooError(Exception):
    def __init__(self, status: int, code: str, message: str, **data: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.data = status, code, message, data

    def body(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "data": {"status": self.status, **self.data},
        }


class DroppedAnswer(Response):
    """Applied, then the answer is lost: a promised body cut short, after which uvicorn
    closes the socket (ASGI has no "abort"; the sandbox's fault mode does the same)."""

    def __init__(self) -> None:
        super().__init__(b"")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")]})  # fmt: skip
        await send({"type": "http.response.body", "body": b'{"upd', "more_body": True})


def _now_text(clock: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(clock, UTC).strftime("%Y-%m-%dT%H:%M:%S")


class WooState:
    """The shop's data, one lock around every request (WooCommerce's own answers are per
    request too)."""

    def __init__(self, key: str, secret: str, *, first_id: int = 10, brands: bool = False) -> None:
        self.key, self.secret = key, secret
        self.lock = threading.RLock()
        self.next_id = first_id
        self.next_meta_id = 1
        self.next_line_id = 1
        self.products: dict[int, dict[str, Any]] = {}
        self.variations: dict[int, dict[int, dict[str, Any]]] = {}
        self.orders: dict[int, dict[str, Any]] = {}
        self.brands = brands  # WooCommerce 9.6+: the product_brand taxonomy, `brands` field
        self.clock = 1_796_500_000.0
        self.failures: list[tuple[int, float | None]] = []
        self.drop_next_write = False
        self.writes: dict[int, int] = {}
        self.requests: list[tuple[str, str]] = []
        self.queries: list[dict[str, str]] = []  # the query of each request, in the same order
        self.bodies: list[tuple[str, Any]] = []  # (path, body) of every write received
        self.refused: dict[int, str] = {}  # product id -> the per-item error its update gets

    # --- test hooks -------------------------------------------------------------------------

    def fail_next(self, count: int, status: int = 503, retry_after: float | None = None) -> None:
        with self.lock:
            self.failures += [(status, retry_after)] * count

    def drop_after_next_write(self) -> None:
        with self.lock:
            self.drop_next_write = True

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    # --- products ---------------------------------------------------------------------------

    def _meta(self, record: dict[str, Any], updates: list[dict[str, Any]]) -> None:
        for entry in updates:
            if not isinstance(entry, dict) or "key" not in entry:
                continue
            for existing in record["meta_data"]:
                if existing["key"] == entry["key"]:
                    existing["value"] = entry.get("value")
                    break
            else:
                record["meta_data"].append(
                    {"id": self.next_meta_id, "key": entry["key"], "value": entry.get("value")}
                )
                self.next_meta_id += 1

    def _sku_taken(self, sku: str, own_id: int | None) -> bool:
        if not sku:
            return False
        for pid, product in self.products.items():
            if product["sku"] == sku and pid != own_id:
                return True
            for vid, variation in self.variations.get(pid, {}).items():
                if variation["sku"] == sku and vid != own_id:
                    return True
        return False

    def new_product(self, body: dict[str, Any]) -> dict[str, Any]:
        sku = str(body.get("sku") or "")
        if self._sku_taken(sku, None):
            raise WooError(400, "product_invalid_sku", "Invalid or duplicated SKU.",
                           resource_id=self.next_id - 1, unique_sku=f"{sku}-1")  # fmt: skip
        kind = body.get("type") or "simple"
        if kind not in ("simple", "variable", "grouped", "external"):
            raise WooError(400, "rest_invalid_param", "Invalid parameter(s): type")
        pid = self._id()
        stamp = _now_text(self.clock)
        product = {
            "id": pid, "name": str(body.get("name") or ""), "slug": f"product-{pid}",
            "permalink": f"https://shop.example/product/product-{pid}/",
            "date_created": stamp, "date_created_gmt": stamp, "date_modified": stamp,
            "date_modified_gmt": stamp, "type": kind, "status": "publish", "featured": False,
            "catalog_visibility": "visible", "description": "", "short_description": "",
            "sku": sku, "price": "", "regular_price": "", "sale_price": "",
            "date_on_sale_from": None, "date_on_sale_from_gmt": None, "date_on_sale_to": None,
            "date_on_sale_to_gmt": None, "on_sale": False, "purchasable": False,
            "total_sales": 0, "virtual": False, "downloadable": False, "downloads": [],
            "download_limit": -1, "download_expiry": -1, "external_url": "", "button_text": "",
            "tax_status": "taxable", "tax_class": "", "manage_stock": False,
            "stock_quantity": None, "backorders": "no", "backorders_allowed": False,
            "backordered": False, "low_stock_amount": None, "sold_individually": False,
            "weight": "", "dimensions": {"length": "", "width": "", "height": ""},
            "shipping_required": True, "shipping_taxable": True, "shipping_class": "",
            "shipping_class_id": 0, "reviews_allowed": True, "average_rating": "0",
            "rating_count": 0, "upsell_ids": [], "cross_sell_ids": [], "parent_id": 0,
            "purchase_note": "", "categories": [{"id": 15, "name": "Uncategorized", "slug": "uncategorized"}],
            "tags": [], "images": [], "attributes": [], "default_attributes": [],
            "variations": [], "grouped_products": [], "menu_order": 0, "price_html": "",
            "related_ids": [], "meta_data": [], "stock_status": "instock", "has_options": False,
        }  # fmt: skip
        if self.brands:
            product["brands"] = []
        self.products[pid] = product
        if kind == "variable":
            self.variations[pid] = {}
        self._apply_product(product, body, creating=True)
        return product

    def _apply_product(
        self, product: dict[str, Any], body: dict[str, Any], *, creating: bool = False
    ) -> None:
        pid = product["id"]
        if "sku" in body and not creating:
            sku = str(body.get("sku") or "")
            if self._sku_taken(sku, pid):
                raise WooError(
                    400, "product_invalid_sku", "Invalid or duplicated SKU.", resource_id=pid
                )
            product["sku"] = sku
        if "status" in body:
            if body["status"] not in PRODUCT_STATUSES:
                raise WooError(400, "rest_invalid_param", "Invalid parameter(s): status")
            product["status"] = body["status"]
        for name in ("name", "description", "short_description"):
            if name in body:
                product[name] = str(body[name] or "")
        if "attributes" in body:
            product["attributes"] = [
                {"id": 0, "name": str(a.get("name") or ""), "position": 0,
                 "visible": bool(a.get("visible", False)), "variation": bool(a.get("variation", False)),
                 "options": [str(o) for o in a.get("options") or []]}
                for a in body["attributes"] if isinstance(a, dict)
            ]  # fmt: skip
        if "brands" in body and self.brands:
            product["brands"] = [
                {"id": i + 1, "name": str(b.get("name") or ""), "slug": str(b.get("name") or "").lower()}
                for i, b in enumerate(body["brands"]) if isinstance(b, dict)
            ]  # fmt: skip
        if "meta_data" in body:
            self._meta(product, body["meta_data"])
        if product["type"] == "variable":
            # #34869: stock_status of a variable parent is ignored; #11736: so are variations.
            if "manage_stock" in body:
                product["manage_stock"] = bool(body["manage_stock"])
            self._derive_parent(product)
        else:
            _apply_stock(product, body)
            if "regular_price" in body:
                product["regular_price"] = str(body["regular_price"] or "")
                product["price"] = product["regular_price"]
                product["purchasable"] = product["price"] != ""
        self.writes[pid] = self.writes.get(pid, 0) + 1

    def _derive_parent(self, product: dict[str, Any]) -> None:
        children = list(self.variations.get(product["id"], {}).values())
        product["variations"] = [v["id"] for v in children]
        statuses = {v["stock_status"] for v in children}
        product["stock_status"] = (
            "instock" if "instock" in statuses
            else "onbackorder" if "onbackorder" in statuses else "outofstock"
        )  # fmt: skip
        prices = [float(v["regular_price"]) for v in children if v["regular_price"]]
        product["price"] = f"{min(prices):.2f}" if prices else ""
        product["regular_price"] = ""
        product["has_options"] = bool(children)

    def new_variation(self, parent: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        sku = str(body.get("sku") or "")
        if self._sku_taken(sku, None):
            raise WooError(400, "product_invalid_sku", "Invalid or duplicated SKU.", resource_id=0)
        vid = self._id()
        stamp = _now_text(self.clock)
        variation = {
            "id": vid, "date_created": stamp, "date_created_gmt": stamp, "date_modified": stamp,
            "date_modified_gmt": stamp, "description": "",
            "permalink": f"https://shop.example/product/product-{parent['id']}/?variation={vid}",
            "sku": sku, "price": "", "regular_price": "", "sale_price": "",
            "date_on_sale_from": None, "date_on_sale_from_gmt": None, "date_on_sale_to": None,
            "date_on_sale_to_gmt": None, "on_sale": False, "status": "publish",
            "purchasable": False, "virtual": False, "downloadable": False, "downloads": [],
            "download_limit": -1, "download_expiry": -1, "tax_status": "taxable",
            "tax_class": "", "manage_stock": False, "stock_quantity": None,
            "stock_status": "instock", "backorders": "no", "backorders_allowed": False,
            "backordered": False, "low_stock_amount": None, "weight": "",
            "dimensions": {"length": "", "width": "", "height": ""}, "shipping_class": "",
            "shipping_class_id": 0, "image": None, "attributes": [], "menu_order": 0,
            "meta_data": [],
        }  # fmt: skip
        variation["attributes"] = [
            {"id": 0, "name": str(a.get("name") or ""), "option": str(a.get("option") or "")}
            for a in body.get("attributes") or [] if isinstance(a, dict)
        ]  # fmt: skip
        self.variations[parent["id"]][vid] = variation
        self._apply_variation(parent, variation, body)
        return variation

    def _apply_variation(
        self, parent: dict[str, Any], variation: dict[str, Any], body: dict[str, Any]
    ) -> None:
        if "sku" in body:
            sku = str(body.get("sku") or "")
            if self._sku_taken(sku, variation["id"]):
                raise WooError(
                    400,
                    "product_invalid_sku",
                    "Invalid or duplicated SKU.",
                    resource_id=variation["id"],
                )
            variation["sku"] = sku
        if "status" in body:
            variation["status"] = str(body["status"])
        _apply_stock(variation, body)
        if "regular_price" in body:
            variation["regular_price"] = str(body["regular_price"] or "")
            variation["price"] = variation["regular_price"]
            variation["purchasable"] = variation["price"] != ""
        if "meta_data" in body:
            self._meta(variation, body["meta_data"])
        self._derive_parent(parent)
        self.writes[variation["id"]] = self.writes.get(variation["id"], 0) + 1

    # --- orders -----------------------------------------------------------------------------

    def new_order(self, body: dict[str, Any]) -> dict[str, Any]:
        oid = self._id()
        stamp = _now_text(self.clock)
        status = str(body.get("status") or "pending")
        lines = []
        for n, line in enumerate(body.get("line_items") or []):
            product = self.products.get(line.get("product_id"))
            if product is None:
                raise WooError(400, "woocommerce_rest_invalid_product_id", "Invalid product ID.")
            variation = None
            if line.get("variation_id"):
                variation = self.variations.get(product["id"], {}).get(line["variation_id"])
            item = variation or product
            quantity = int(line.get("quantity") or 1)
            meta = []
            if variation is not None:
                meta = [{"id": n + 1, "key": a["name"].lower(), "value": a["option"],
                         "display_key": a["name"], "display_value": a["option"]}
                        for a in variation["attributes"]]  # fmt: skip
            if status in OPEN_STOCK_STATUSES and item["manage_stock"]:
                item["stock_quantity"] -= quantity
                _derive_stock_status(item)
                if variation is not None:
                    self._derive_parent(product)
                meta.append({"id": 100 + n, "key": "_reduced_stock", "value": str(quantity),
                             "display_key": "_reduced_stock", "display_value": str(quantity)})  # fmt: skip
            price = float(item["price"] or 0)
            name = product["name"]
            if variation is not None:
                name += " - " + ", ".join(a["option"] for a in variation["attributes"])
            lines.append({
                "id": self.next_line_id, "name": name, "product_id": product["id"],
                "variation_id": variation["id"] if variation else 0, "quantity": quantity,
                "tax_class": "", "subtotal": "0.00", "subtotal_tax": "0.00", "total": "0.00",
                "total_tax": "0.00", "taxes": [], "meta_data": meta, "sku": item["sku"],
                "price": int(price) if price.is_integer() else price, "image": {"id": "", "src": ""},
                "parent_name": product["name"] if variation else None,
            })  # fmt: skip
            self.next_line_id += 1
        order = {
            "id": oid, "parent_id": 0, "status": status, "currency": "EUR", "version": "7.8.0",
            "prices_include_tax": False, "date_created": stamp, "date_modified": stamp,
            "discount_total": "0.00", "discount_tax": "0.00", "shipping_total": "0.00",
            "shipping_tax": "0.00", "cart_tax": "0.00", "total": "0.00", "total_tax": "0.00",
            "customer_id": 0, "order_key": f"wc_order_{oid}", "billing": body.get("billing") or {},
            "shipping": {}, "payment_method": "", "payment_method_title": "",
            "transaction_id": "", "customer_ip_address": "", "customer_user_agent": "",
            "created_via": "rest-api", "customer_note": "", "date_completed": None,
            "date_paid": stamp if body.get("set_paid") else None, "cart_hash": "",
            "number": str(oid), "meta_data": [], "line_items": lines, "tax_lines": [],
            "shipping_lines": [], "fee_lines": [], "coupon_lines": [], "refunds": [],
            "payment_url": "", "is_editable": False, "needs_payment": False,
            "needs_processing": True, "date_created_gmt": stamp, "date_modified_gmt": stamp,
            "date_completed_gmt": None, "date_paid_gmt": stamp if body.get("set_paid") else None,
            "currency_symbol": "€",
        }  # fmt: skip
        self.orders[oid] = order
        return order


def _derive_stock_status(item: dict[str, Any]) -> None:
    if not item["manage_stock"]:
        return
    quantity = item["stock_quantity"] or 0
    if quantity > 0:
        item["stock_status"] = "instock"
    elif item["backorders"] != "no":
        item["stock_status"] = "onbackorder"
    else:
        item["stock_status"] = "outofstock"
    item["backorders_allowed"] = item["backorders"] != "no"
    item["backordered"] = quantity <= 0 and item["backorders_allowed"]


def _apply_stock(item: dict[str, Any], body: dict[str, Any]) -> None:
    if "manage_stock" in body:
        item["manage_stock"] = bool(body["manage_stock"])
    if "backorders" in body:
        if body["backorders"] not in ("no", "notify", "yes"):
            raise WooError(400, "rest_invalid_param", "Invalid parameter(s): backorders")
        item["backorders"] = body["backorders"]
        item["backorders_allowed"] = body["backorders"] != "no"
    if item["manage_stock"]:
        if "stock_quantity" in body:
            item["stock_quantity"] = int(body["stock_quantity"])
        elif item["stock_quantity"] is None:
            item["stock_quantity"] = 0
        _derive_stock_status(item)
    else:
        item["stock_quantity"] = None  # #11943 / #36595: not kept without manage_stock
        if "stock_status" in body:
            item["stock_status"] = body["stock_status"]


# --- HTTP -----------------------------------------------------------------------------------


def _edit(product: dict[str, Any]) -> dict[str, Any]:
    """A product as a write answers it (WooCommerce's `edit` context adds two keys)."""
    answer = copy.deepcopy(product)
    if "error" not in answer and "type" in answer:
        answer["permalink_template"] = "https://shop.example/product/%pagename%/"
        answer["generated_slug"] = answer["slug"]
    return answer


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False), status, headers, media_type="application/json"
    )


def _fields(items: list[dict[str, Any]], fields: str | None) -> list[dict[str, Any]]:
    if not fields:
        return items
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    return [{k: item[k] for k in wanted if k in item} for item in items]


def _page(request: Request, items: list[dict[str, Any]]) -> Response:
    query = request.query_params
    try:
        per_page = int(query.get("per_page", "10"))
        page = int(query.get("page", "1"))
    except ValueError:
        raise WooError(400, "rest_invalid_param", "Invalid parameter(s): per_page") from None
    if not 1 <= per_page <= 100:
        raise WooError(400, "rest_invalid_param", "Invalid parameter(s): per_page")
    if page < 1:
        raise WooError(400, "rest_invalid_param", "Invalid parameter(s): page")
    if query.get("orderby") != "include" and query.get("order", "desc") == "asc":
        items = sorted(items, key=lambda i: i["id"])
    elif query.get("orderby") != "include":
        items = sorted(items, key=lambda i: i["id"], reverse=True)
    total = len(items)
    pages = -(-total // per_page)
    chunk = items[(page - 1) * per_page : page * per_page]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    return _json(_fields(copy.deepcopy(chunk), query.get("_fields")), 200, headers)


def create_app(state: WooState) -> Starlette:
    def authorised(request: Request) -> bool:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:]).decode()
        except ValueError:
            return False
        return decoded == f"{state.key}:{state.secret}"

    async def body_of(request: Request) -> Any:
        raw = await request.body()
        if not raw:
            return {}
        try:
            return json.loads(raw)
        except ValueError:
            raise WooError(400, "rest_invalid_json", "Invalid JSON body passed.") from None

    def endpoint(handler):
        async def run(request: Request) -> Response:
            with state.lock:
                state.requests.append((request.method, request.url.path))
                state.queries.append(dict(request.query_params))
                if state.failures:
                    status, retry_after = state.failures.pop(0)
                    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
                    return _json(
                        {"code": "unavailable", "message": "Busy", "data": {"status": status}},
                        status,
                        headers,
                    )
            if not authorised(request):
                code = (
                    "woocommerce_rest_cannot_view"
                    if request.method == "GET"
                    else "woocommerce_rest_cannot_create"
                )
                return _json(WooError(401, code, "Sorry, you cannot list resources.").body(), 401)
            body = await body_of(request) if request.method in ("POST", "PUT") else None
            if body is not None:
                with state.lock:
                    state.bodies.append((request.url.path.removeprefix(PREFIX + "/"), body))
            try:
                with state.lock:
                    answer = handler(request, body)
                    if request.method != "GET" and state.drop_next_write:
                        state.drop_next_write = False
                        return DroppedAnswer()
                    return answer
            except WooError as exc:
                return _json(exc.body(), exc.status)

        return run

    def product_or_404(pid: int) -> dict[str, Any]:
        product = state.products.get(pid)
        if product is None:
            raise WooError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        return product

    def list_products(request: Request, _body: Any) -> Response:
        query = request.query_params
        items = list(state.products.values())
        status = query.get("status", "any")
        if status != "any":
            items = [p for p in items if p["status"] in status.split(",")]
        if query.get("sku"):  # several SKUs separated by commas (seen live on 7.8.0)
            items = [p for p in items if p["sku"] in query["sku"].split(",")]
        if query.get("type"):
            items = [p for p in items if p["type"] == query["type"]]
        if query.get("stock_status"):
            items = [p for p in items if p["stock_status"] == query["stock_status"]]
        if query.get("include"):
            wanted = [int(i) for i in query["include"].split(",") if i.strip().isdigit()]
            items = [state.products[i] for i in wanted if i in state.products]
            items = [p for p in items if status == "any" or p["status"] in status.split(",")]
        return _page(request, items)

    def create_product(_request: Request, body: Any) -> Response:
        return _json(_edit(state.new_product(body)), 201)

    def get_product(request: Request, _body: Any) -> Response:
        return _json(copy.deepcopy(product_or_404(int(request.path_params["pid"]))))

    def put_product(request: Request, body: Any) -> Response:
        product = product_or_404(int(request.path_params["pid"]))
        state._apply_product(product, body)
        return _json(_edit(product))

    def batch(body: Any, create, update, delete, answer_of=copy.deepcopy) -> Response:
        ops = {k: body.get(k) or [] for k in ("create", "update", "delete")}
        if sum(len(v) for v in ops.values()) > MAX_BATCH:
            raise WooError(413, "woocommerce_rest_request_entity_too_large",
                           f"Unable to accept more than {MAX_BATCH} items for this request.")  # fmt: skip
        answer: dict[str, list[Any]] = {}
        for name, handler in (("create", create), ("update", update), ("delete", delete)):
            if not ops[name]:
                continue
            answer[name] = []
            for entry in ops[name]:
                try:
                    answer[name].append(answer_of(handler(entry)))
                except WooError as exc:
                    ident = (
                        entry
                        if name == "delete"
                        else entry.get("id", 0)
                        if isinstance(entry, dict)
                        else 0
                    )
                    answer[name].append({"id": ident, "error": {"code": exc.code, "message": exc.message,
                                                               "data": {"status": exc.status, **exc.data}}})  # fmt: skip
        return _json(answer)

    def products_batch(_request: Request, body: Any) -> Response:
        def update(entry: dict[str, Any]) -> dict[str, Any]:
            product = state.products.get(entry.get("id"))
            if product is None:
                raise WooError(400, "woocommerce_rest_product_invalid_id", "Invalid ID.")
            if product["id"] in state.refused:
                raise WooError(400, state.refused[product["id"]], "Refused by the shop.")
            state._apply_product(product, entry)
            return product

        def delete(pid: int) -> dict[str, Any]:
            product = state.products.pop(pid, None)
            if product is None:
                raise WooError(400, "woocommerce_rest_product_invalid_id", "Invalid ID.")
            state.variations.pop(pid, None)
            return product

        return batch(body, state.new_product, update, delete, _edit)

    def variable_or_404(request: Request) -> dict[str, Any]:
        product = product_or_404(int(request.path_params["pid"]))
        if product["type"] != "variable":
            raise WooError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
        return product

    def list_variations(request: Request, _body: Any) -> Response:
        product = variable_or_404(request)
        return _page(request, list(state.variations[product["id"]].values()))

    def get_variation(request: Request, _body: Any) -> Response:
        product = variable_or_404(request)
        variation = state.variations[product["id"]].get(int(request.path_params["vid"]))
        if variation is None:
            raise WooError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
        return _json(copy.deepcopy(variation))

    def variations_batch(request: Request, body: Any) -> Response:
        product = variable_or_404(request)
        children = state.variations[product["id"]]

        def update(entry: dict[str, Any]) -> dict[str, Any]:
            variation = children.get(entry.get("id"))
            if variation is None:
                raise WooError(400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
            state._apply_variation(product, variation, entry)
            return variation

        def delete(vid: int) -> dict[str, Any]:
            variation = children.pop(vid, None)
            if variation is None:
                raise WooError(400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
            state._derive_parent(product)
            return variation

        return batch(body, lambda e: state.new_variation(product, e), update, delete)

    def list_orders(request: Request, _body: Any) -> Response:
        items = list(state.orders.values())
        status = request.query_params.get("status", "any")
        if status != "any":
            items = [o for o in items if o["status"] in status.split(",")]
        return _page(request, items)

    def create_order(_request: Request, body: Any) -> Response:
        return _json(copy.deepcopy(state.new_order(body)), 201)

    def no_route(_request: Request, _body: Any) -> Response:
        if state.brands:
            names = sorted(
                {b["name"] for p in state.products.values() for b in p.get("brands", [])}
            )
            return _json([{"id": i + 1, "name": n, "slug": n.lower()} for i, n in enumerate(names)])
        raise WooError(
            404, "rest_no_route", "No route was found matching the URL and request method."
        )

    routes = [
        Route(f"{PREFIX}/products", endpoint(list_products), methods=["GET"]),
        Route(f"{PREFIX}/products", endpoint(create_product), methods=["POST"]),
        Route(f"{PREFIX}/products/batch", endpoint(products_batch), methods=["POST"]),
        Route(f"{PREFIX}/products/brands", endpoint(no_route), methods=["GET"]),
        Route(f"{PREFIX}/products/{{pid:int}}", endpoint(get_product), methods=["GET"]),
        Route(f"{PREFIX}/products/{{pid:int}}", endpoint(put_product), methods=["PUT"]),
        Route(
            f"{PREFIX}/products/{{pid:int}}/variations", endpoint(list_variations), methods=["GET"]
        ),
        Route(
            f"{PREFIX}/products/{{pid:int}}/variations/batch",
            endpoint(variations_batch),
            methods=["POST"],
        ),
        Route(
            f"{PREFIX}/products/{{pid:int}}/variations/{{vid:int}}",
            endpoint(get_variation),
            methods=["GET"],
        ),
        Route(f"{PREFIX}/orders", endpoint(list_orders), methods=["GET"]),
        Route(f"{PREFIX}/orders", endpoint(create_order), methods=["POST"]),
    ]
    return Starlette(routes=routes)


@contextmanager
def running_standin(state: WooState) -> Iterator[str]:
    """Serve the stand-in on 127.0.0.1:<free port> in a thread; yield the shop's URL."""
    app = create_app(state)
    started = threading.Event()
    server = ReadyServer(make_config(app, "127.0.0.1", 0, quiet=True), lambda _url: started.set())

    def run() -> None:
        try:
            server.run()
        finally:
            started.set()

    thread = threading.Thread(target=run, name="woo-standin", daemon=True)
    thread.start()
    try:
        if not started.wait(20) or server.base_url is None:
            raise RuntimeError("the WooCommerce stand-in did not start")
        yield server.base_url
    finally:
        server.should_exit = True
        thread.join(20)


@dataclass
class StandinShop:
    """A running stand-in: its URL, the credentials as ShopSync keeps them ("ck:cs"), its
    state (to look at or seed), and `sell(reference, size)`: a customer's order, placed
    processing, which lowers the stock as WooCommerce does."""

    url: str
    credentials: str
    state: WooState

    def sell(self, reference: str, size: str | None = None) -> None:
        with self.state.lock:
            product = next(p for p in self.state.products.values() if p["sku"] == reference)
            line: dict[str, Any] = {"product_id": product["id"], "quantity": 1}
            if size is not None:
                line["variation_id"] = next(
                    v["id"] for v in self.state.variations[product["id"]].values()
                    if any(a["option"] == size for a in v["attributes"])
                )  # fmt: skip
            self.state.new_order({"status": "processing", "line_items": [line]})


@contextmanager
def running_woocommerce(
    simple: list[str] = (), sized: dict[str, list[str]] | None = None, *, brands: bool = False
) -> Iterator[StandinShop]:
    """A stand-in shop on 127.0.0.1 with draft products: `simple` SKUs and `sized` SKUs with
    their ring sizes (a variable product, one variation per size)."""
    state = WooState("ck_standin0123456789", "cs_standin9876543210", brands=brands)
    for sku in simple:
        state.new_product({"name": sku, "sku": sku, "status": "draft"})
    for sku, sizes in (sized or {}).items():
        parent = state.new_product({
            "name": sku, "sku": sku, "type": "variable", "status": "draft",
            "attributes": [{"name": "Taille", "options": sizes, "variation": True}],
        })  # fmt: skip
        for size in sizes:
            state.new_variation(
                parent, {"sku": f"{sku}-{size}", "attributes": [{"name": "Taille", "option": size}]}
            )
    with running_standin(state) as url:
        yield StandinShop(url, f"{state.key}:{state.secret}", state)
