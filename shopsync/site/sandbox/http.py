"""The sandbox's request and answer plumbing, shared by the v1 handlers (`app`) and the v1.1
agent handlers (`agent_api`): the contract's JSON answers and errors, and JSON bodies read
within the size limits (gzip allowed)."""

from __future__ import annotations

import zlib
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from shopsync.site import protocol
from shopsync.site.protocol import WireError

MAX_BODY_BYTES = 10 * 1024 * 1024  # raw or after gunzip: a 500-item batch is ~150 KB


class ApiError(Exception):
    """An error answer with the contract's JSON body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(protocol.dumps(data), status, headers, media_type="application/json")


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None):
    return json_response(protocol.error_body(code, message), status, headers)


async def read_json(request: Request) -> Any:
    """The JSON body, gunzipped if so declared, within size limits; ApiError otherwise."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        raise ApiError(415, "unsupported_encoding", "Content-Encoding may be gzip or identity")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, "body_too_large", "the body is over 10 MB")
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY_BYTES:
            raise ApiError(413, "body_too_large", "the body is over 10 MB")
    body = bytes(raw)
    if encoding == "gzip":
        body = _gunzip(body)
    try:
        return protocol.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", f"the body is not JSON: {exc}") from exc


def _gunzip(body: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, MAX_BODY_BYTES + 1)
    except zlib.error as exc:
        raise ApiError(400, "invalid_gzip", f"the gzip body is corrupt: {exc}") from exc
    if len(out) > MAX_BODY_BYTES or inflater.unconsumed_tail:
        raise ApiError(413, "body_too_large", "the body is over 10 MB once decompressed")
    if not inflater.eof:
        raise ApiError(400, "invalid_gzip", "the gzip body is truncated")
    return out


def checked(check: Any, data: Any) -> Any:
    try:
        return check(data)
    except WireError as exc:
        raise ApiError(422, exc.code, exc.message) from exc
