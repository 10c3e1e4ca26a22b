"""TLS is verified against the operating system's trust store (issue 12, `truststore`).

A local CA is added to Linux's system store (update-ca-certificates, as root); an HTTPS site on
127.0.0.1 with a certificate it signed is then accepted by the site client, although neither
certifi's bundle (httpx's default) nor any setting of ours knows that CA. A self-signed
certificate that no store holds is still refused, and the server never receives a request.

Slow (it rewrites the system's CA bundle twice, a few seconds, and must not race other test
runs doing the same): run by `make test-slow`. Skipped, with the reason, when not root or
without update-ca-certificates.
"""

from __future__ import annotations

import datetime
import http.server
import ipaddress
import json
import os
import shutil
import ssl
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopsync.errors import SiteUnreachable
from shopsync.site.client import SiteClient

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                       reason="adding a CA to the system store needs root"),
    pytest.mark.skipif(shutil.which("update-ca-certificates") is None,
                       reason="no update-ca-certificates (Debian's ca-certificates)"),
]

LOCAL_CA_DIR = Path("/usr/local/share/ca-certificates")


def _key():
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.SECP256R1())


def _cert(subject_cn: str, key, issuer_cn: str, issuer_key, *, ca: bool):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_cn)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                          content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False,
                          encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                         x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(obj) -> bytes:
    from cryptography.hazmat.primitives import serialization

    if hasattr(obj, "public_bytes"):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@pytest.fixture(scope="module")
def system_ca(tmp_path_factory) -> Iterator[tuple]:
    """A CA in the system store for the module's duration (removed again afterwards)."""
    key = _key()
    name = f"ShopSync test CA {uuid.uuid4().hex[:8]}"
    cert = _cert(name, key, name, key, ca=True)
    target = LOCAL_CA_DIR / f"shopsync-test-{uuid.uuid4().hex[:8]}.crt"
    LOCAL_CA_DIR.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_pem(cert))
    subprocess.run(["update-ca-certificates"], check=True, capture_output=True, timeout=120)
    try:
        yield name, key
    finally:
        target.unlink(missing_ok=True)
        subprocess.run(["update-ca-certificates", "--fresh"], check=False, capture_output=True,
                       timeout=300)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        body = json.dumps({"status": "ok", "api_version": "v1", "authenticated": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _https_server(folder: Path, cert, key) -> tuple[http.server.HTTPServer, str]:
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(_pem(cert))
    key_file.write_bytes(_pem(key))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    server.requests = []  # type: ignore[attr-defined]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"https://127.0.0.1:{server.server_address[1]}"


def test_site_signed_by_a_ca_in_the_system_store_is_accepted(system_ca, tmp_path) -> None:
    ca_name, ca_key = system_ca
    key = _key()
    server, url = _https_server(tmp_path, _cert("127.0.0.1", key, ca_name, ca_key, ca=False), key)
    try:
        # httpx's own default (certifi's bundle) does not know this CA: the OS store is the
        # only way it can be trusted.
        import certifi

        assert ca_name.encode() not in Path(certifi.where()).read_bytes()
        with SiteClient(url, "tls-token", retries=0) as client:
            assert client.health()["status"] == "ok"
        assert server.requests == ["/api/v1/health"]
    finally:
        server.shutdown()


def test_self_signed_certificate_in_no_store_is_refused_before_any_request(
    system_ca, tmp_path
) -> None:
    key = _key()
    server, url = _https_server(tmp_path, _cert("127.0.0.1", key, "127.0.0.1", key, ca=False), key)
    try:
        with SiteClient(url, "tls-token", retries=0) as client, pytest.raises(SiteUnreachable) as err:
            client.health()
        assert "tls-token" not in str(err.value)
        assert server.requests == []  # the handshake failed: no request, no token sent
    finally:
        server.shutdown()
