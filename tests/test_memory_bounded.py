"""Memory over days (issue 13): a long-lived service builds one site client per run, and each
client used to build its own TLS context; those contexts stayed alive (≈0.7 MB of OpenSSL
memory each: RSS +0.7 MB per export in `shopsync run --headless`). Every client now shares
one. The soak itself (hundreds of exports, service and tray) is
benchmarks/soak_memory.py."""

from __future__ import annotations

from shopsync.site.client import SiteClient


def _context(client: SiteClient):
    return client._net._http._transport._pool._ssl_context


def test_every_site_client_shares_one_tls_context(site):
    contexts = set()
    for _ in range(5):  # as the engine does: one client per run, a request, closed
        client = SiteClient(site.url, site.token)
        client.health()
        contexts.add(id(_context(client)))
        client.close()
    remote = [SiteClient("https://shop.example.invalid", "t") for _ in range(3)]
    try:
        assert len({id(_context(c)) for c in remote}) == 1
        assert len(contexts) == 1
        assert _context(remote[0]).verify_mode.name == "CERT_REQUIRED"  # still verifying
        assert _context(remote[0]) is _context(client)
    finally:
        for c in remote:
            c.close()
