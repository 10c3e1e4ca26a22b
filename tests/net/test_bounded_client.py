"""The trust boundary's limits, in process, against real hostile servers on 127.0.0.1.

Limits are made small here (a 2 s deadline, a 1 MB cap) so that each behaviour shows in
seconds; the presets' own figures are exercised end to end by test_hostile_site.py.
"""

from __future__ import annotations

import resource
import time

import pytest

from shopsync.errors import ConfigError
from shopsync.net import jsonsafe
from shopsync.net.http import BoundedClient, check_url
from shopsync.net.limits import Breach, Limits, SiteContractBroken, page_cap
from tests.net import hostile

SMALL = Limits(max_bytes=1 << 20, deadline=2.0, max_depth=32)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _call(behaviour, limits=SMALL):
    with hostile.HostileSite({"/x": behaviour}) as site:
        client = BoundedClient(site.url)
        try:
            return client.exchange("GET", "x", limits)
        finally:
            client.close()


def test_a_body_over_the_cap_is_refused_before_it_is_read_whole():
    started = time.monotonic()
    with pytest.raises(SiteContractBroken) as caught:
        _call(hostile.huge_page(400 << 20))
    assert caught.value.breach is Breach.TOO_LARGE
    assert time.monotonic() - started < 5  # refused on Content-Length: nothing read


def test_an_endless_chunked_body_stops_at_the_cap():
    before = _rss_mb()
    with pytest.raises(SiteContractBroken) as caught:
        _call(lambda h: hostile.endless_chunked(h, seconds=30))
    assert caught.value.breach is Breach.TOO_LARGE
    assert _rss_mb() - before < 64


def test_a_gzip_bomb_is_never_inflated_past_the_cap():
    bomb = hostile.gzip_bomb()
    assert len(bomb) < 2 << 20  # ~1 MB on the wire for 1 GB inflated
    before = _rss_mb()
    with pytest.raises(SiteContractBroken) as caught:
        _call(hostile.gzip_answer(bomb))
    assert caught.value.breach is Breach.TOO_LARGE
    assert _rss_mb() - before < 64


@pytest.mark.parametrize("in_headers", [True, False], ids=["headers", "body"])
def test_a_server_dripping_one_byte_at_a_time_meets_the_total_deadline(in_headers):
    started = time.monotonic()
    with pytest.raises(SiteContractBroken) as caught:
        _call(hostile.drip(0.05, in_headers=in_headers, seconds=30))
    elapsed = time.monotonic() - started
    assert caught.value.breach is Breach.TOO_SLOW
    # each read came well within the 30 s per-read timeout; only the deadline stops it
    assert SMALL.deadline <= elapsed < SMALL.deadline + 1.5


def test_json_nested_100000_deep_is_a_broken_contract_not_a_recursion_error():
    answer = _call(hostile.raw_answer(b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(SiteContractBroken) as caught:
        answer.json()
    assert caught.value.breach is Breach.TOO_DEEP


def test_the_depth_check_reads_strings_as_strings():
    assert jsonsafe.loads(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 4) == {
        "a": "[" * 44
    }
    assert jsonsafe.nesting_exceeds(b"[" * 5 + b"]" * 5, 4)
    assert not jsonsafe.nesting_exceeds(b"[" * 4 + b"]" * 4, 4)
    with pytest.raises(ValueError):
        jsonsafe.loads(b"[[[[[[[[]", 4)  # malformed, not "deep": the parser says so
    with pytest.raises(ValueError):
        jsonsafe.loads(b'{"a": NaN}', 4)


def test_a_healthy_answer_within_limits_comes_back_whole():
    answer = _call(hostile.raw_answer(b'{"items": [], "next_cursor": null}'))
    assert answer.status_code == 200
    assert answer.json() == {"items": [], "next_cursor": None}


def test_plain_http_is_refused_off_loopback_for_every_client():
    with pytest.raises(ConfigError):
        check_url("http://192.0.2.10:8080", "4D")
    with pytest.raises(ConfigError):
        BoundedClient("http://example.invalid/")
    assert str(check_url("http://127.0.0.1:1/").host) == "127.0.0.1"
    assert check_url("https://shop.example/").scheme == "https"


def test_the_page_cap_follows_the_announced_size():
    assert page_cap(10, 1000) == 3
    assert page_cap(2500, 1000) == 5
    assert page_cap(None, 1000) == 502
