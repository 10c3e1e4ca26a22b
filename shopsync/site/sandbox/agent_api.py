"""Site API v1.1 in the sandbox: the agent's heartbeat, connection report, support requests and
diagnostic uploads (`/api/v1/agent…`), behind the same bearer token as the rest of `/api/`.

Parsing rules are in `agent_validation`, state in `agent_store.AgentStore`; the handlers only wire
them together, like the v1 handlers in `app`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from shopsync.site import protocol
from shopsync.site.sandbox import agent_validation
from shopsync.site.sandbox.agent_store import AgentStore, HealthPolicy, iso_time
from shopsync.site.sandbox.http import ApiError, checked, json_response, read_json


def _agents(request: Request) -> AgentStore:
    return request.app.state.agents


def _policy(request: Request) -> HealthPolicy:
    return request.app.state.health_policy


def overview(request: Request) -> dict:
    """What `GET /api/v1/agent` and `/admin` show (one source for both)."""
    last_sale = request.app.state.store.meta("last_sale_at")
    return _agents(request).overview(_policy(request), last_sale)


async def agent(request: Request) -> Response:
    if request.method == "GET":
        return json_response(overview(request))
    data = await read_json(request)
    if len(protocol.dumps(data)) > protocol.MAX_HEARTBEAT_BYTES:
        raise ApiError(413, "heartbeat_too_large", "a heartbeat is at most 16 KB of JSON")
    body = checked(agent_validation.check_heartbeat, data)
    requests = _agents(request).heartbeat(body, _policy(request))
    return json_response(
        {"received_at": _now_iso(request), "requests": [r.to_wire() for r in requests]}
    )


async def connection_report(request: Request) -> Response:
    body = checked(agent_validation.check_connection_report, await read_json(request))
    _agents(request).put_report(str(body.get("agent_id") or ""), body)
    return json_response({"received_at": _now_iso(request), "hash": body["hash"]})


async def requests(request: Request) -> Response:
    pending = _agents(request).pending_requests(mark_delivered=True)
    return json_response({"requests": [r.to_wire() for r in pending]})


async def ack(request: Request) -> Response:
    outcome, message = checked(agent_validation.check_ack, await read_json(request))
    done = _agents(request).ack(request.path_params["request_id"], outcome, message)
    if done is None:
        raise ApiError(404, "unknown_request", "no such support request")
    return json_response(done)


async def diagnostics(request: Request) -> Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != protocol.DIAGNOSTIC_MEDIA_TYPE:
        raise ApiError(415, "unsupported_media_type", "send the diagnostic as application/zip")
    limit = protocol.MAX_DIAGNOSTIC_BYTES
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > limit:
            raise ApiError(413, "diagnostic_too_large", "a diagnostic is at most 5 MB")
    request_id = request.query_params.get("request_id")
    if request_id is not None and not 1 <= len(request_id) <= protocol.MAX_REQUEST_ID_LENGTH:
        raise ApiError(400, "invalid_request_id", "request_id: 1 to 100 characters")
    ident = _agents(request).save_diagnostic(request_id, bytes(raw))
    return json_response({"id": ident, "bytes": len(raw)})


def _now_iso(request: Request) -> str:
    return iso_time(_agents(request).clock())


def routes(api: str) -> list[Route]:
    return [
        Route(f"{api}/agent", agent, methods=["GET", "PUT"]),
        Route(f"{api}/agent/connection-report", connection_report, methods=["PUT"]),
        Route(f"{api}/agent/requests", requests, methods=["GET"]),
        Route(f"{api}/agent/requests/{{request_id}}/ack", ack, methods=["POST"]),
        Route(f"{api}/agent/diagnostics", diagnostics, methods=["POST"]),
    ]
