"""SiteClient's retry policy and transport rules.

These are the only site tests with a mocked transport: they are about timing (backoff, jitter,
Retry-After), which a real server cannot make deterministic. Sleeps are recorded, not slept.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable

import httpx
import pytest

from shopsync.errors import ConfigError, SiteAuthError, SiteRejected, SiteUnreachable
from shopsync.site.client import SiteClient, parse_retry_after

Handler = Callable[[httpx.Request], httpx.Response]
OK_BATCH = {
    "results": [{"reference": "A", "status": "accepted", "reason": None}],
    "accepted": 1,
    "rejected": 0,
    "ignored": 0,
}
ITEM = {
    "reference": "A",
    "version": 1,
    "published": True,
    "availability": "in_stock",
    "quantity": 1,
    "price": "10.00",
    "sizes": [],
}


def make(handler: Handler, sleeps: list[float], **kw) -> SiteClient:
    kw.setdefault("retries", 4)
    return SiteClient(
        "https://shop.example/site",
        "tok",
        transport=httpx.MockTransport(handler),
        sleep=sleeps.append,
        rng=random.Random(1),
        **kw,
    )


def scripted(*steps: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    """A handler answering each request with the next step (the last one repeats)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        step = steps[min(len(seen), len(steps)) - 1]
        if isinstance(step, Exception):
            raise step
        return step

    return handler, seen


def test_retries_5xx_and_connection_errors_with_growing_jittered_backoff() -> None:
    handler, seen = scripted(
        httpx.ConnectError("refused"),
        httpx.Response(502),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json=OK_BATCH),
    )
    sleeps: list[float] = []
    with make(handler, sleeps, backoff_base=1.0) as client:
        results = client.send_batch([ITEM], "key-1")
    assert [r.status for r in results] == ["accepted"]
    assert len(seen) == 4
    # Equal jitter: attempt n waits between half and all of base * 2^n.
    for n, delay in enumerate(sleeps):
        assert 2**n / 2 <= delay <= 2**n
    assert len(set(sleeps)) == 3
    # Every attempt carries the same key and the same bytes: a retry is a replay.
    assert {r.headers["Idempotency-Key"] for r in seen[1:]} == {"key-1"}
    assert len({bytes(r.content) for r in seen[1:]}) == 1


def test_retry_after_is_honoured_on_429_and_503() -> None:
    handler, _ = scripted(
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503, headers={"Retry-After": "3"}),
        httpx.Response(
            200, json={"backorder": {"enabled": False, "restock_days": 1, "message": ""}}
        ),
    )
    sleeps: list[float] = []
    with make(handler, sleeps, backoff_base=0.1) as client:
        client.get_settings()
    assert sleeps[0] >= 7 and sleeps[1] >= 3


def test_retry_after_beyond_backoff_max_gives_up_at_once_and_says_when() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "3600"}))
    sleeps: list[float] = []
    with make(handler, sleeps, backoff_max=30) as client, pytest.raises(SiteUnreachable) as info:
        client.send_batch([ITEM], "k")
    assert len(seen) == 1 and sleeps == []
    assert info.value.retry_after == 3600


def test_exhausted_retries_raise_site_unreachable() -> None:
    handler, seen = scripted(
        httpx.Response(500, json={"error": {"code": "boom", "message": "down"}})
    )
    sleeps: list[float] = []
    with make(handler, sleeps, retries=2) as client, pytest.raises(SiteUnreachable) as info:
        client.health()
    assert len(seen) == 3 and len(sleeps) == 2
    assert "boom" in str(info.value)
    handler, seen = scripted(httpx.Response(408))
    with make(handler, [], retries=1) as client, pytest.raises(SiteUnreachable):
        client.health()
    assert len(seen) == 2


@pytest.mark.parametrize("status", [401, 403])
def test_auth_errors_are_never_retried(status: int) -> None:
    handler, seen = scripted(httpx.Response(status))
    with make(handler, []) as client, pytest.raises(SiteAuthError):
        client.catalog()
    assert len(seen) == 1


@pytest.mark.parametrize("status", [400, 404, 409, 413, 422])
def test_other_4xx_are_rejected_without_retry(status: int) -> None:
    body = {"error": {"code": "batch_too_large", "message": "at most 500 items per batch"}}
    handler, seen = scripted(httpx.Response(status, json=body))
    with make(handler, []) as client, pytest.raises(SiteRejected) as info:
        client.send_batch([ITEM], "k")
    assert len(seen) == 1
    assert info.value.status_code == status
    assert "at most 500" in str(info.value)


def test_answers_that_break_the_contract() -> None:
    wrong_refs = {"results": [{"reference": "B", "status": "accepted", "reason": None}]}
    with (
        make(scripted(httpx.Response(200, json=wrong_refs))[0], []) as client,
        pytest.raises(SiteRejected),
    ):
        client.send_batch([ITEM], "k")
    portal = httpx.Response(200, text="<html>Please log in to the proxy</html>")
    with make(scripted(portal)[0], []) as client, pytest.raises(SiteUnreachable):
        client.send_batch([ITEM], "k")
    not_unknown = httpx.Response(404, json={"error": {"code": "not_found", "message": "no route"}})
    with make(scripted(not_unknown)[0], []) as client, pytest.raises(SiteRejected):
        client.product("A")  # a wrong base URL must not look like "no such product"


def test_large_bodies_are_gzipped_small_ones_not() -> None:
    handler, seen = scripted(httpx.Response(200, json={"received": 0, "new": 0}))
    with make(handler, []) as client:
        client.send_listing_requests([{"reference": "R"}])
        client.send_listing_requests(
            [{"reference": f"R{i}", "designation": "x" * 40} for i in range(100)]
        )
    assert "Content-Encoding" not in seen[0].headers
    assert seen[1].headers["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(seen[1].content))["items"]) == 100
    assert seen[0].headers["Authorization"] == "Bearer tok"


def test_product_paths_are_percent_encoded() -> None:
    paths: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.raw_path)
        return httpx.Response(200, json={})

    with make(handler, []) as client:
        for reference in ("AL/1234.56", "PDL 045 OR", "..", "100%?#"):
            client.product(reference)
    assert paths == [
        b"/site/api/v1/products/AL%2F1234.56",
        b"/site/api/v1/products/PDL%20045%20OR",
        b"/site/api/v1/products/%2E%2E",
        b"/site/api/v1/products/100%25%3F%23",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://shop.example",
        "http://10.0.0.5:8765",
        "ftp://shop.example",
        "shop.example",
        "https://",
        "",
    ],
)
def test_plain_http_is_refused_off_loopback(url: str) -> None:
    with pytest.raises(ConfigError):
        SiteClient(url, "t")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://127.8.9.10",
        "http://localhost:1",
        "http://[::1]:8765",
        "https://shop.example",
    ],
)
def test_loopback_http_and_https_are_accepted(url: str) -> None:
    SiteClient(url, "t").close()


def test_parse_retry_after() -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("5", now) == 5
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30
    assert parse_retry_after("garbage", now) is None
    assert parse_retry_after(None) is None
