"""A site whose TLS certificate this PC does not trust is told apart from an outage: the
client gives up at once (no retry can make the PC trust it), sends nothing, and the shop reads
"certificate not recognised" in its language, not "the site did not answer"; the technical
detail goes to the log for support. (The trusted case needs the system store: the slow
tests/site/test_tls_trust_store.py.)"""

from __future__ import annotations

import pytest
from shop_fixtures import Shop, write_export
from tls_helpers import https_server

from shopsync.errors import SiteCertificateRefused
from shopsync.site.client import SiteClient


def test_an_untrusted_certificate_is_refused_at_once_without_retries(tmp_path) -> None:
    slept: list[float] = []
    with https_server(tmp_path, None) as (requests, url):
        client = SiteClient(url, "tls-token", retries=3, sleep=slept.append)
        with client, pytest.raises(SiteCertificateRefused) as err:
            client.health()
        assert requests == []  # the handshake failed: no request, no token sent
    assert slept == []  # no retry: waiting cannot make this PC trust the certificate
    assert "tls-token" not in str(err.value)


def test_the_shop_reads_certificate_not_an_outage(tmp_path) -> None:
    with https_server(tmp_path, None) as (requests, url):
        shop = Shop(tmp_path / "home", url)
        write_export(shop.export, [("T120.417.17.041.00", "Tissot", "Seastar", "2", "450,00", "", "")])
        done = shop.cli("sync", "--once", env={"LANG": "fr_FR.UTF-8", "LC_ALL": ""})
        assert done.returncode == 3, done.stdout + done.stderr
        assert "certificat du site" in done.stdout and "n'a pas répondu" not in done.stdout
        assert "Traceback" not in done.stdout + done.stderr
        assert requests == []
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "CERTIFICATE_VERIFY_FAILED" in log  # the detail, for support
