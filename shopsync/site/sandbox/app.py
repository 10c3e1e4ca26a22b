"""The sandbox site as an ASGI app (Starlette): Site API v1, the storefront, the contract.

Layers, outermost first: fault injection (a failing load balancer, when enabled), bearer-token
check on /api/*, then the routes. Handlers are small: parsing and value rules live in
`shopsync.site.protocol` (shared with the client), state in `store.SandboxStore`.
"""

from __future__ import annotations

import copy
import hmac
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from shopsync.site import protocol
from shopsync.site.protocol import AgentHealth, WireError
from shopsync.site.sandbox import orders as sandbox_orders
from shopsync.site.sandbox import storefront, validation
from shopsync.site.sandbox.agent_store import DEFAULT_LATE, DEFAULT_SILENT, HealthPolicy
from shopsync.site.sandbox.catalog import read_catalog_csv
from shopsync.site.sandbox.faults import FaultMiddleware, FaultPlan
from shopsync.site.sandbox.http import (
    ApiError,
    checked,
    error_response,
    json_response,
    read_json,
)
from shopsync.site.sandbox.store import KeyReused, SandboxStore

STALE_OFF, STALE_CONFIRM = "off", "confirm"
STALE_POLICIES = (STALE_OFF, STALE_CONFIRM)
OPEN_PATHS = frozenset({"/api/v1/health"})


class TokenMiddleware:
    """Bearer token on /api/* (health excepted): one shop, one token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    def authorized(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, given = value.partition(b" ")
                return scheme.lower() == b"bearer" and hmac.compare_digest(
                    given.strip(), self.token
                )
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        authenticated = self.authorized(scope)
        scope.setdefault("state", {})["authenticated"] = authenticated
        path = scope.get("path", "")
        if path.startswith("/api/") and path not in OPEN_PATHS and not authenticated:
            response = error_response(
                401,
                "unauthorized",
                "missing or wrong token: send `Authorization: Bearer <shop token>`",
                {"WWW-Authenticate": 'Bearer realm="shopsync-site"'},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


# --- request parsing -------------------------------------------------------------------------

def page_params(request: Request) -> tuple[str, int]:
    """`cursor` and `limit` query parameters, checked as the OpenAPI document states."""
    params = request.query_params
    try:
        after = validation.decode_cursor(params.get("cursor", ""))
    except WireError as exc:
        raise ApiError(400, exc.code, exc.message) from exc
    limit_text = params.get("limit", str(protocol.DEFAULT_PAGE_LIMIT))
    if not limit_text.isascii() or not limit_text.isdigit():
        raise ApiError(400, "invalid_limit", f"limit: an integer from 1 to {protocol.MAX_PAGE_LIMIT}")
    limit = int(limit_text)
    if not 1 <= limit <= protocol.MAX_PAGE_LIMIT:
        raise ApiError(400, "invalid_limit", f"limit: an integer from 1 to {protocol.MAX_PAGE_LIMIT}")
    return after, limit


def _published_param(request: Request) -> bool | None:
    value = request.query_params.get("published")
    if value is None:
        return None
    if value not in ("true", "false"):
        raise ApiError(400, "invalid_published", "published: true or false")
    return value == "true"


# --- handlers --------------------------------------------------------------------------------


def _store(request: Request) -> SandboxStore:
    return request.app.state.store


async def health(request: Request) -> Response:
    return json_response(
        {
            "status": "ok",
            "api_version": "v1",
            "contract_version": "1.2",
            "authenticated": bool(request.scope.get("state", {}).get("authenticated")),
            "name": "ShopSync sandbox",
            "batch_limit": request.app.state.batch_limit,
            "catalog_size": _store(request).catalog_size(),
        }
    )


async def get_catalog(request: Request) -> Response:
    after, limit = page_params(request)
    items, cursor = _store(request).catalog_page(after, limit)
    return json_response(
        {"items": [protocol.catalog_product_to_wire(p) for p in items], "next_cursor": cursor}
    )


async def stock_batches(request: Request) -> Response:
    key = request.headers.get("idempotency-key")
    if key is None:
        raise ApiError(400, "missing_idempotency_key", "the Idempotency-Key header is required")
    if not protocol.KEY_RE.match(key):
        raise ApiError(400, "invalid_idempotency_key", "Idempotency-Key: 1 to 255 printable ASCII")
    data = await read_json(request)
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        limit = request.app.state.batch_limit
        if len(data["items"]) > limit:
            raise ApiError(413, "batch_too_large", f"at most {limit} items per batch")
    items = checked(validation.check_batch_body, data)
    try:
        outcome = _store(request).apply_batch(key, protocol.body_fingerprint(data), items)
    except KeyReused as exc:
        raise ApiError(
            422, "idempotency_key_reused", "this Idempotency-Key was used for another body"
        ) from exc
    replayed = "true" if outcome.replayed else "false"
    return json_response(outcome.response, headers={"Idempotent-Replayed": replayed})


async def shop_settings(request: Request) -> Response:
    if request.method == "PUT":
        settings = checked(validation.check_settings, await read_json(request))
        return json_response(_store(request).put_settings(settings))
    return json_response(_store(request).settings())


async def listing_requests(request: Request) -> Response:
    if request.method == "GET":
        after, limit = page_params(request)
        items, cursor = _store(request).listing_page(after, limit)
        return json_response({"items": items, "next_cursor": cursor})
    data = await read_json(request)
    items = data.get("items") if isinstance(data, dict) else None
    if isinstance(items, list) and len(items) > protocol.MAX_LISTING_ITEMS:
        raise ApiError(413, "too_many_items", f"at most {protocol.MAX_LISTING_ITEMS} listing requests at once")
    items = checked(validation.check_listing_body, data)
    received, new = _store(request).add_listing_requests(items)
    return json_response({"received": received, "new": new})


async def products(request: Request) -> Response:
    published = _published_param(request)
    after, limit = page_params(request)
    items, cursor = _store(request).products_page(after, limit, published)
    return json_response({"items": items, "next_cursor": cursor})


async def orders(request: Request) -> Response:
    """`GET /api/v1/orders?status=open` (v1.2): web orders, paged by id."""
    status = request.query_params.get("status") or None
    if status is not None and status not in sandbox_orders.STATUSES:
        raise ApiError(400, "invalid_status", "status: open, completed or cancelled")
    after, limit = page_params(request)
    items, cursor = _store(request).orders.page(after, limit, status)
    return json_response({"items": items, "next_cursor": cursor})


async def buy(request: Request) -> Response:
    """The storefront's "Acheter" button: a customer's order (stock lowered, order open).
    Same-origin form posts only (a page elsewhere must not buy on a visitor's behalf)."""
    if not _same_origin(request):
        return HTMLResponse("<p>Requête refusée.</p>", status_code=403)
    body = (await request.body())[:4096].decode("utf-8", "replace")
    form = {k: v[0] for k, v in parse_qs(body).items()}
    reference = form.get("reference", "")
    size = form.get("size") or None
    try:
        _store(request).orders.place(reference, 1, size)
    except sandbox_orders.NotForSale as exc:
        return HTMLResponse(f"<p>Commande impossible : {escape(str(exc))}</p>", status_code=409)
    return RedirectResponse("/", status_code=303)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    own = f"{request.url.scheme}://{request.url.netloc}"
    return origin == own or origin.startswith(own + "/")


async def product(request: Request) -> Response:
    reference = request.path_params["reference"]
    found = _store(request).product(reference) if reference else None
    if found is None:
        raise ApiError(404, "unknown_reference", "no such reference in the catalogue")
    return json_response(found)


async def openapi(request: Request) -> Response:
    return json_response(request.app.state.openapi)


async def home(request: Request) -> Response:
    page_text = request.query_params.get("page", "1")
    page = int(page_text) if page_text.isascii() and page_text.isdigit() else 1
    page = max(1, min(page, 100_000))
    store = _store(request)
    items, published, total = store.storefront(
        (page - 1) * storefront.PAGE_SIZE, storefront.PAGE_SIZE
    )
    html = storefront.render(
        items,
        published=published,
        total=total,
        settings=store.settings(),
        recent=store.recent_changes(),
        page=page,
        stale=_stale(request),
    )
    return HTMLResponse(html)


def _stale(request: Request) -> bool:
    """Freshness policy `confirm`: while the connector is silent, stock is not shown as sure."""
    state = request.app.state
    if state.stale_policy != STALE_CONFIRM:
        return False
    view = state.agents.overview(state.health_policy, None)
    return view["health"] == AgentHealth.SILENT


# --- errors ----------------------------------------------------------------------------------


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404/405 in the contract's JSON shape (and with Allow on 405)."""
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), dict(exc.headers or {}))


# --- assembly --------------------------------------------------------------------------------


def _openapi_document(batch_limit: int) -> dict[str, Any]:
    """The hand-written contract, with this sandbox's batch limit filled in."""
    document = copy.deepcopy(protocol.load_openapi())
    document["components"]["schemas"]["BatchRequest"]["properties"]["items"]["maxItems"] = (
        batch_limit
    )
    return document


def create_app(
    data_dir: Path,
    token: str,
    catalog: Path | None = None,
    faults: float = 0.0,
    seed: int = 0,
    batch_limit: int = 500,
    *,
    fault_slow_seconds: float = 2.0,
    fault_retry_after: int = 1,
    agent_late: float = DEFAULT_LATE,
    agent_silent: float = DEFAULT_SILENT,
    stale_policy: str = STALE_OFF,
    v1_only: bool = False,
    updates: Path | None = None,
) -> Starlette:
    """The sandbox site, its state in `data_dir/sandbox.db`, seeded from `catalog` if given.

    `agent_late` / `agent_silent` (seconds without a heartbeat) set the connector's health;
    `stale_policy="confirm"` shows in-stock products as to be confirmed while it is silent.
    `v1_only`: a site that predates v1.1 (no agent operations: 404), for compatibility tests.
    """
    from shopsync.site.sandbox import admin, agent_api
    from shopsync.site.sandbox.agent_store import AgentStore

    if batch_limit < 1:
        raise ValueError("batch_limit must be at least 1")
    if not 0 < agent_late < agent_silent:
        raise ValueError("the agent is late before it is silent: 0 < agent_late < agent_silent")
    if stale_policy not in STALE_POLICIES:
        raise ValueError(f"stale_policy: one of {', '.join(STALE_POLICIES)}")
    store = SandboxStore(Path(data_dir))
    if catalog is not None:
        store.seed_catalog(read_catalog_csv(Path(catalog)))
    plan = FaultPlan(faults, seed, on_fault=store.record_fault)
    api = "/api/v1"
    routes = [
        Route("/", home, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route(f"{api}/health", health, methods=["GET"]),
        Route(f"{api}/catalog", get_catalog, methods=["GET"]),
        Route(f"{api}/stock/batches", stock_batches, methods=["POST"]),
        Route(f"{api}/shop/settings", shop_settings, methods=["GET", "PUT"]),
        Route(f"{api}/listing-requests", listing_requests, methods=["GET", "POST"]),
        Route(f"{api}/products", products, methods=["GET"]),
        Route(f"{api}/orders", orders, methods=["GET"]),
        Route("/order", buy, methods=["POST"]),
        Route(f"{api}/products/{{reference:path}}", product, methods=["GET"]),
    ]
    if not v1_only:
        routes += [*agent_api.routes(api), *admin.routes()]
    if updates is not None:  # a TUF repository folder, served as the site serves its own
        from starlette.routing import Mount
        from starlette.staticfiles import StaticFiles

        from shopsync.update.settings import UPDATE_PATH

        routes.append(Mount(UPDATE_PATH, app=StaticFiles(directory=Path(updates))))
    middleware = [
        Middleware(
            FaultMiddleware, plan, slow_seconds=fault_slow_seconds, retry_after=fault_retry_after
        ),
        Middleware(TokenMiddleware, token),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
    )
    app.state.store = store
    app.state.token = token
    app.state.agents = AgentStore(store.path)
    app.state.health_policy = HealthPolicy(agent_late, agent_silent)
    app.state.stale_policy = stale_policy
    app.state.faults = plan
    app.state.batch_limit = batch_limit
    app.state.openapi = _openapi_document(batch_limit)
    return app
