"""TLS is verified against the operating system's trust store (issue 12, `truststore`).

A local CA is added to Linux's system store (update-ca-certificates, as root); an HTTPS site on
127.0.0.1 with a certificate it signed is then accepted by the site client, although neither
certifi's bundle (httpx's default) nor any setting of ours knows that CA. A self-signed
certificate that no store holds is still refused, and the server never receives a request.

Slow (it rewrites the system's CA bundle twice, a few seconds, and must not race other test
runs doing the same): run by `make test-slow`. Skipped, with the reason, when not root or
without update-ca-certificates. tests/windows checks the installed Windows app the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tls_helpers import https_server, store_unavailable, system_ca

from shopsync.errors import SiteUnreachable
from shopsync.site.client import SiteClient

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(store_unavailable() is not None, reason=str(store_unavailable())),
]


@pytest.fixture(scope="module")
def local_ca() -> Iterator[tuple[str, object]]:
    with system_ca() as ca:
        yield ca


def test_site_signed_by_a_ca_in_the_system_store_is_accepted(local_ca, tmp_path) -> None:
    import certifi

    # httpx's own default (certifi's bundle) does not know this CA: only the OS store does.
    assert local_ca[0].encode() not in Path(certifi.where()).read_bytes()
    with https_server(tmp_path, local_ca) as (requests, url):
        with SiteClient(url, "tls-token", retries=0) as client:
            assert client.health()["status"] == "ok"
        assert requests == ["/api/v1/health"]


def test_self_signed_certificate_in_no_store_is_refused_before_any_request(
    local_ca, tmp_path
) -> None:
    with https_server(tmp_path, None) as (requests, url):
        with SiteClient(url, "tls-token", retries=0) as client, pytest.raises(SiteUnreachable) as err:
            client.health()
        assert "tls-token" not in str(err.value)
        assert requests == []  # the handshake failed: no request, no token sent


def test_update_downloads_trust_the_system_store_too(local_ca, tmp_path) -> None:
    """The signed-update channel (shopsync/update/fetcher.py) talks TLS like the site client:
    a repository behind the PC's own CA is reachable, a self-signed one is not, and nothing
    is requested from it."""
    from tuf.api import exceptions

    from shopsync.update.fetcher import TrustStoreFetcher

    fetcher = TrustStoreFetcher(socket_timeout=10, user_agent="ShopSync/test")
    try:
        with https_server(tmp_path, local_ca) as (requests, url):
            body = b"".join(fetcher.fetch(f"{url}/updates/metadata/timestamp.json"))
            assert b'"status": "ok"' in body
            assert requests == ["/updates/metadata/timestamp.json"]
        with https_server(tmp_path, None) as (requests, url):
            with pytest.raises(exceptions.DownloadError):
                b"".join(fetcher.fetch(f"{url}/updates/metadata/timestamp.json"))
            assert requests == []
    finally:
        fetcher.close()
