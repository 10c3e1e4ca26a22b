"""TLS test helpers: a local CA put in the system trust store, certificates, an HTTPS server.

Shared by tests/site/test_tls_trust_store.py (the Linux client) and tests/windows (the installed
Windows app under Wine, whose crypt32 reads the same system store). Needs root for the store.
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
from contextlib import contextmanager
from pathlib import Path

LOCAL_CA_DIR = Path("/usr/local/share/ca-certificates")


def store_unavailable() -> str | None:
    """Why a CA cannot be added to the system store here, or None when it can."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "adding a CA to the system store needs root"
    if shutil.which("update-ca-certificates") is None:
        return "no update-ca-certificates (Debian's ca-certificates)"
    return None


def make_key():
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.SECP256R1())


def make_cert(subject_cn: str, key, issuer_cn: str, issuer_key, *, ca: bool):
    """A CA certificate, or a server certificate for 127.0.0.1/localhost, signed by issuer_key."""
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


def pem(obj) -> bytes:
    from cryptography.hazmat.primitives import serialization

    if hasattr(obj, "public_bytes"):
        return obj.public_bytes(serialization.Encoding.PEM)
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@contextmanager
def system_ca() -> Iterator[tuple[str, object]]:
    """A new CA in the system store (update-ca-certificates) while the block runs: (name, key)."""
    key = make_key()
    name = f"ShopSync test CA {uuid.uuid4().hex[:8]}"
    target = LOCAL_CA_DIR / f"shopsync-test-{uuid.uuid4().hex[:8]}.crt"
    LOCAL_CA_DIR.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pem(make_cert(name, key, name, key, ca=True)))
    subprocess.run(["update-ca-certificates"], check=True, capture_output=True, timeout=120)
    try:
        yield name, key
    finally:
        target.unlink(missing_ok=True)
        subprocess.run(["update-ca-certificates", "--fresh"], check=False, capture_output=True,
                       timeout=300)


class _Health(http.server.BaseHTTPRequestHandler):
    """Answers every GET as the Site API's health; records each request's path."""

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


@contextmanager
def https_server(folder: Path, issuer: tuple[str, object] | None) -> Iterator[tuple[list, str]]:
    """An HTTPS server on 127.0.0.1 with a certificate signed by `issuer` (name, key), or
    self-signed when None; yields (the paths it received, its base URL)."""
    key = make_key()
    name, issuer_key = issuer if issuer else ("127.0.0.1", key)
    cert_file, key_file = folder / f"server-{uuid.uuid4().hex[:6]}.pem", folder / "server.key"
    cert_file.write_bytes(pem(make_cert("127.0.0.1", key, name, issuer_key, ca=False)))
    key_file.write_bytes(pem(key))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    server.requests = []  # type: ignore[attr-defined]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.requests, f"https://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
