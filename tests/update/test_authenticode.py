"""The updater refuses an MSI that is not signed by ShopSync's publisher (in addition to TUF).

Real MSIs (a one-file package made by wixl, the build's own tool) signed by osslsigncode (the
build's signer) with throwaway certificates made here; `osslsigncode verify` cross-checks the
good case. Fast: no Wine. Needs wixl and osslsigncode (CI installs them; SHOPSYNC_REQUIRE_WINE=1
turns a missing tool into a failure, as for the Windows MSI test)."""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from shopsync.update.authenticode import (
    SignatureRefused,
    check_publisher,
    msi_signer,
    read_publishers,
)

TOOLS = ("wixl", "osslsigncode")
_missing = [t for t in TOOLS if shutil.which(t) is None]
if _missing and os.environ.get("SHOPSYNC_REQUIRE_WINE") == "1":
    raise RuntimeError(f"SHOPSYNC_REQUIRE_WINE=1 but {', '.join(_missing)} missing")
pytestmark = pytest.mark.skipif(bool(_missing), reason=f"{_missing} missing (apt-get install wixl osslsigncode)")

WXS = """<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="SignTestProduct" Language="1033" Version="1.2.3" Manufacturer="ShopSync"
           UpgradeCode="0F0E5E64-52E6-4A38-9C3B-0B5D7D7F1E11">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perUser"/>
    <Media Id="1" Cabinet="t.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="LocalAppDataFolder"><Directory Id="INSTALLDIR" Name="SignTest">
        <Component Id="C" Guid="6A1C5E0B-3E8F-4C52-9E7B-6C0B1B7E2A10">
          <File Id="F" Source="payload.txt" KeyPath="yes"/>
        </Component>
      </Directory></Directory>
    </Directory>
    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
  </Product>
</Wix>
"""


def _certificate(folder: Path, name: str) -> tuple[Path, Path, str]:
    """A self-signed code-signing certificate: (cert.pem, key.pem, SHA-256 fingerprint)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / f"{name}.crt.pem", folder / f"{name}.key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    return cert_path, key_path, fingerprint


def _sign(msi: Path, cert: Path, key: Path, out: Path) -> Path:
    subprocess.run(["osslsigncode", "sign", "-certs", str(cert), "-key", str(key), "-h", "sha256",
                    "-n", "ShopSync", "-in", str(msi), "-out", str(out)],
                   check=True, capture_output=True, timeout=60)
    return out


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("authenticode")
    (folder / "payload.txt").write_text("ShopSync payload\n" * 50)
    (folder / "t.wxs").write_text(WXS)
    subprocess.run(["wixl", "-o", "unsigned.msi", "t.wxs"], cwd=folder, check=True,
                   capture_output=True, timeout=60)
    ours = _certificate(folder, "ShopSync Publisher")
    theirs = _certificate(folder, "Someone Else")
    return {
        "folder": folder,
        "unsigned": folder / "unsigned.msi",
        "ours": ours,
        "signed": _sign(folder / "unsigned.msi", ours[0], ours[1], folder / "signed.msi"),
        "foreign": _sign(folder / "unsigned.msi", theirs[0], theirs[1], folder / "foreign.msi"),
    }


def test_an_msi_signed_by_the_listed_publisher_is_accepted(kit) -> None:
    _cert, _key, fingerprint = kit["ours"]
    signer = check_publisher(kit["signed"], [fingerprint])
    assert signer.fingerprint == fingerprint and "ShopSync Publisher" in signer.subject
    # The same verdict as the signing tool's own verifier.
    done = subprocess.run(["osslsigncode", "verify", "-in", str(kit["signed"]),
                           "-CAfile", str(kit["ours"][0])], capture_output=True, text=True)
    assert "Signature verification: ok" in done.stdout, done.stdout + done.stderr


def test_an_unsigned_msi_is_refused(kit) -> None:
    with pytest.raises(SignatureRefused, match="not signed"):
        check_publisher(kit["unsigned"], [kit["ours"][2]])


def test_an_msi_signed_by_someone_else_is_refused(kit) -> None:
    with pytest.raises(SignatureRefused, match="not by ShopSync's publisher"):
        check_publisher(kit["foreign"], [kit["ours"][2]])
    assert msi_signer(kit["foreign"]).fingerprint != kit["ours"][2]  # valid, just not ours


def test_an_msi_changed_after_signing_is_refused(kit, tmp_path: Path) -> None:
    data = bytearray(kit["signed"].read_bytes())
    at = data.find(b"SignTestProduct")  # the product name, in the string pool stream
    assert at > 0
    data[at] ^= 0x20
    changed = tmp_path / "changed.msi"
    changed.write_bytes(bytes(data))
    with pytest.raises(SignatureRefused, match="changed after it was signed"):
        check_publisher(changed, [kit["ours"][2]])
    done = subprocess.run(["osslsigncode", "verify", "-in", str(changed),
                           "-CAfile", str(kit["ours"][0])], capture_output=True, text=True)
    assert "Signature verification: ok" not in done.stdout  # the tool agrees


def test_a_damaged_or_foreign_file_is_refused_cleanly(tmp_path: Path) -> None:
    for name, data in (("empty.msi", b""), ("text.msi", b"MZ not an msi" * 200),
                       ("header-only.msi", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 2000)):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SignatureRefused):
            check_publisher(path, ["00" * 32])


def test_publishers_file_reads_fingerprints_and_ignores_comments() -> None:
    text = "# who signs\n\nAB:CD:EF  the release key\nabcdef12 # next year's\n"
    assert read_publishers(text) == {"abcdef", "abcdef12"}


def test_the_windows_download_is_refused_without_the_publisher_signature(
    kit, tmp_path: Path, repo: Path, keys: Path, agent
) -> None:
    """Through `update download` on Windows: TUF accepts both files (the platform published
    them), the Authenticode check refuses the foreign one and removes it."""
    from shopsync.config import update_config
    from shopsync.update.naming import Platform

    from .helpers import NEXT, bump, run_release, serving

    pins = tmp_path / "publishers.txt"
    pins.write_text(f"{kit['ours'][2]}  test publisher\n")
    update_config(agent.home, {"update": {"publishers": str(pins)}})
    foreign = tmp_path / f"ShopSync-{NEXT}.msi"
    shutil.copy(kit["foreign"], foreign)
    run_release("publish", repo, "--keys", keys, foreign, "--version", NEXT)
    with serving(repo) as mirror:
        agent.point_at(mirror.url)
        refused = agent.download(platform=Platform.WINDOWS)
        assert refused.exit_code == 2 and "not by ShopSync's publisher" in refused.reason
        assert list((agent.home / "update" / "downloads").glob("*.msi")) == []
        good = tmp_path / f"ShopSync-{bump(NEXT)}.msi"
        shutil.copy(kit["signed"], good)
        run_release("publish", repo, "--keys", keys, good, "--version", bump(NEXT))
        accepted = agent.download(platform=Platform.WINDOWS)
    assert accepted.exit_code == 0 and accepted.latest == bump(NEXT), accepted
    assert Path(accepted.file).read_bytes() == good.read_bytes()
