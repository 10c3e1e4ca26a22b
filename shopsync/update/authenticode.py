"""Is this MSI signed (Authenticode) by a publisher ShopSync trusts? Checked before installing,
in addition to TUF.

TUF proves the platform's release key published these bytes; the Authenticode signature proves
the platform's code-signing key (a different key, kept elsewhere: docs/build.md) made them.
Both must hold, so one stolen key is not enough to run code on every shop PC.

Checked here, in Python, on every OS (the same code the tests run): the MSI's own digest
(its streams in the order Authenticode hashes them), the digest the signature covers, the
RSA/ECDSA signature itself with the signer's certificate, and that certificate's SHA-256
fingerprint against the list shipped with the app (`resources/update/publishers.txt`,
or `[update] publishers`). Windows' WinVerifyTrust is not used: it is the platform's check, but
Wine's does not verify an MSI's digest at all (a modified file passes), so it could not be
tested here, and pinning the publisher is what matters. Certificate chains, expiry and time
stamps are not judged: the pin replaces the chain, and an expired certificate still
identifies its holder.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shopsync.errors import EXIT_INPUT, ShopSyncError

MAX_MSI = 512 * 1024 * 1024  # the installer is ~50 MB; TUF already bounds the download
_SIGNATURE = "\x05DigitalSignature"
_SIGNATURE_EX = "\x05MsiDigitalSignatureEx"
_HASHES = {  # digest algorithm OIDs (DER content bytes) -> hashlib name
    bytes.fromhex("608648016503040201"): "sha256",
    bytes.fromhex("608648016503040202"): "sha384",
    bytes.fromhex("608648016503040203"): "sha512",
    bytes.fromhex("2b0e03021a"): "sha1",
}
_OID_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")
_OID_MESSAGE_DIGEST = bytes.fromhex("2a864886f70d010904")


class SignatureRefused(ShopSyncError):
    """The installer is not signed, badly signed, or signed by someone else."""

    exit_code = EXIT_INPUT


# --- the compound file (an MSI is an OLE structured storage) --------------------------------

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


@dataclass(slots=True)
class _Entry:
    name: str
    raw_name: bytes  # UTF-16LE with its terminating NUL: what Authenticode sorts on
    kind: int  # 1 storage, 2 stream, 5 root
    left: int
    right: int
    child: int
    clsid: bytes
    start: int
    size: int


class _Compound:
    """Just enough of [MS-CFB] to read every stream and walk the storage tree."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 1536 or data[:8] != bytes.fromhex("d0cf11e0a1b11ae1"):
            raise SignatureRefused("not an MSI (no compound-file header)")
        self.data = data
        self.sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.sector not in (512, 4096) or self.mini != 64:
            raise SignatureRefused("unexpected compound-file sector sizes")
        (fat_count, dir_start, _tx, self.cutoff, minifat_start, minifat_count, difat_start,
         difat_count) = struct.unpack_from("<8I", data, 0x2C)
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        per = self.sector // 4
        sector, seen = difat_start, 0
        while sector not in (_FREE, _END) and seen <= difat_count:
            values = struct.unpack_from(f"<{per}I", self._sector(sector))
            difat += values[:-1]
            sector, seen = values[-1], seen + 1
        self.fat: list[int] = []
        for sector in difat[:fat_count]:
            self.fat += struct.unpack_from(f"<{per}I", self._sector(sector))
        directory = self._chain(dir_start, self.fat, None)
        self.entries = [self._entry(directory[i:i + 128]) for i in range(0, len(directory), 128)]
        root = self.entries[0]
        if root.kind != 5:
            raise SignatureRefused("compound file without a root entry")
        self.minifat = list(struct.unpack(f"<{minifat_count * per}I",
                                          self._chain(minifat_start, self.fat, None)[:minifat_count * self.sector])) \
            if minifat_count else []
        self.ministream = self._chain(root.start, self.fat, root.size) if root.size else b""

    def _sector(self, index: int) -> bytes:
        offset = (index + 1) * self.sector
        if index >= 0xFFFFFFFA or offset + self.sector > len(self.data):
            raise SignatureRefused("damaged MSI (sector out of the file)")
        return self.data[offset:offset + self.sector]

    def _chain(self, start: int, fat: list[int], size: int | None, *, mini: bool = False) -> bytes:
        parts, sector, count = [], start, 0
        limit = len(fat)
        while sector not in (_FREE, _END):
            if sector >= limit or count > limit:
                raise SignatureRefused("damaged MSI (broken sector chain)")
            if mini:
                offset = sector * self.mini
                parts.append(self.ministream[offset:offset + self.mini])
            else:
                parts.append(self._sector(sector))
            sector, count = fat[sector], count + 1
        data = b"".join(parts)
        return data if size is None else data[:size]

    @staticmethod
    def _entry(raw: bytes) -> _Entry:
        name_len = struct.unpack_from("<H", raw, 64)[0]
        name_len = min(name_len, 64)
        raw_name = raw[:name_len]
        left, right, child = struct.unpack_from("<3I", raw, 68)
        start, size = struct.unpack_from("<IQ", raw, 116)
        name = raw_name[:-2].decode("utf-16-le", "replace") if name_len >= 2 else ""
        return _Entry(name, raw_name, raw[66], left, right, child, raw[80:96], start, size)

    def children(self, entry: _Entry) -> list[_Entry]:
        found, stack, seen = [], [entry.child], set()
        while stack:
            index = stack.pop()
            if index == _FREE or index in seen:
                continue
            if index >= len(self.entries):
                raise SignatureRefused("damaged MSI (directory entry out of range)")
            seen.add(index)
            node = self.entries[index]
            found.append(node)
            stack += [node.left, node.right]
        return found

    def read(self, entry: _Entry) -> bytes:
        if entry.size < self.cutoff:
            return self._chain(entry.start, self.minifat, entry.size, mini=True)
        return self._chain(entry.start, self.fat, entry.size)


def _hash_storage(cf: _Compound, storage: _Entry, digest, *, root: bool) -> None:  # noqa: ANN001
    import functools

    def compare(a: _Entry, b: _Entry) -> int:
        n = min(len(a.raw_name), len(b.raw_name))
        if a.raw_name[:n] != b.raw_name[:n]:
            return -1 if a.raw_name[:n] < b.raw_name[:n] else 1
        return -1 if len(a.raw_name) > len(b.raw_name) else 1

    for child in sorted(cf.children(storage), key=functools.cmp_to_key(compare)):
        if root and child.name in (_SIGNATURE, _SIGNATURE_EX):
            continue
        if child.kind == 2 and 0 < child.size < 0xFFFFFFFA:
            digest.update(cf.read(child))
        elif child.kind == 1:
            _hash_storage(cf, child, digest, root=False)
    digest.update(storage.clsid)


# --- DER, just what PKCS#7 SignedData needs ---------------------------------------------------


def _tlv(data: bytes, offset: int) -> tuple[int, int, int]:
    """(tag, start of value, end of value) of the element at `offset`."""
    if offset + 2 > len(data):
        raise SignatureRefused("damaged signature (truncated)")
    tag, first = data[offset], data[offset + 1]
    offset += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4:
            raise SignatureRefused("damaged signature (length)")
        length = int.from_bytes(data[offset:offset + count], "big")
        offset += count
    if offset + length > len(data):
        raise SignatureRefused("damaged signature (truncated)")
    return tag, offset, offset + length


def _items(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The elements inside [start, end): (tag, element start, value start, value end)."""
    found, offset = [], start
    while offset < end:
        tag, value, stop = _tlv(data, offset)
        found.append((tag, offset, value, stop))
        offset = stop
    return found


@dataclass(frozen=True, slots=True)
class Signer:
    fingerprint: str  # SHA-256 of the signing certificate (lower-case hex)
    subject: str


def _signed_data(blob: bytes) -> tuple[bytes, list[bytes], bytes]:
    """(SpcIndirectDataContent's value bytes, certificates DER, the one SignerInfo's bytes)."""
    _tag, start, end = _tlv(blob, 0)
    outer = _items(blob, start, end)
    if len(outer) < 2 or blob[outer[0][2]:outer[0][3]] != _OID_SIGNED_DATA:
        raise SignatureRefused("the signature is not PKCS#7 SignedData")
    _t, s, e = _tlv(blob, outer[1][2])  # [0] EXPLICIT -> SignedData SEQUENCE
    fields = _items(blob, s, e)
    content = [f for f in fields if f[0] == 0x30]
    if not content:
        raise SignatureRefused("damaged signature (no content)")
    content_info = _items(blob, content[0][2], content[0][3])
    # [0] EXPLICIT around the SpcIndirectDataContent SEQUENCE: its value bytes are what the
    # signed messageDigest covers (Authenticode: without the SEQUENCE's tag and length).
    _tag, indirect_start, indirect_end = _tlv(blob, content_info[1][2])
    indirect = blob[indirect_start:indirect_end]
    certs = [blob[c[1]:c[3]] for f in fields if f[0] == 0xA0 for c in _items(blob, f[2], f[3])]
    signer_sets = [f for f in fields if f[0] == 0x31]
    signers = _items(blob, signer_sets[-1][2], signer_sets[-1][3]) if signer_sets else []
    if len(signers) != 1:
        raise SignatureRefused(f"the signature holds {len(signers)} signers, expected one")
    return indirect, certs, blob[signers[0][1]:signers[0][3]]


def _verify(blob: bytes, msi_digest_of) -> Signer:  # noqa: ANN001 - (hash name) -> bytes
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    indirect, certs, signer = _signed_data(blob)
    # SpcIndirectDataContent: SEQUENCE { data, DigestInfo SEQUENCE { algorithm, OCTET STRING } }
    parts = _items(indirect, 0, len(indirect))
    info = _items(indirect, parts[-1][2], parts[-1][3])
    algorithm = _items(indirect, info[0][2], info[0][3])
    hash_name = _HASHES.get(indirect[algorithm[0][2]:algorithm[0][3]])
    if hash_name is None:
        raise SignatureRefused("the signature uses an unknown digest algorithm")
    if indirect[info[1][2]:info[1][3]] != msi_digest_of(hash_name):
        raise SignatureRefused("the installer was changed after it was signed (digest mismatch)")
    # SignerInfo: version, issuerAndSerial, digestAlgorithm, [0] attributes, sigAlgorithm, sig
    fields = _items(signer, *_tlv(signer, 0)[1:])
    attributes = [f for f in fields if f[0] == 0xA0]
    if not attributes:
        raise SignatureRefused("the signature has no signed attributes")
    _t, a_start, a_end = attributes[0][0], attributes[0][2], attributes[0][3]
    signed_hash = _HASHES.get(signer[_items(signer, fields[2][2], fields[2][3])[0][2]:
                                     _items(signer, fields[2][2], fields[2][3])[0][3]])
    if signed_hash is None:
        raise SignatureRefused("the signature uses an unknown digest algorithm")
    message_digest = None
    for _tag, _s, value, stop in _items(signer, a_start, a_end):
        attribute = _items(signer, value, stop)
        if signer[attribute[0][2]:attribute[0][3]] == _OID_MESSAGE_DIGEST:
            inner = _items(signer, attribute[1][2], attribute[1][3])[0]
            message_digest = signer[inner[2]:inner[3]]
    if message_digest != hashlib.new(signed_hash, indirect).digest():
        raise SignatureRefused("the signed attributes do not match the installer's digest")
    signed_attributes = b"\x31" + signer[attributes[0][1] + 1:a_end]  # [0] IMPLICIT -> SET
    signature = signer[fields[5][2]:fields[5][3]]
    issuer_serial = signer[fields[1][1]:fields[1][3]]
    chosen = None
    for der in certs:
        cert = x509.load_der_x509_certificate(der)
        if _issuer_and_serial(cert) == issuer_serial:
            chosen = cert
    if chosen is None:
        raise SignatureRefused("the signer's certificate is not in the signature")
    algorithm_obj = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(),
                     "sha512": hashes.SHA512(), "sha1": hashes.SHA1()}[signed_hash]  # noqa: S303
    key = chosen.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, signed_attributes, padding.PKCS1v15(), algorithm_obj)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, signed_attributes, ec.ECDSA(algorithm_obj))
        else:
            raise SignatureRefused("the signer's key type is not supported")
    except InvalidSignature as exc:
        raise SignatureRefused("the signature does not verify") from exc
    from cryptography.hazmat.primitives.serialization import Encoding

    fingerprint = hashlib.sha256(chosen.public_bytes(Encoding.DER)).hexdigest()
    return Signer(fingerprint, chosen.subject.rfc4514_string())


def _issuer_and_serial(cert) -> bytes:  # noqa: ANN001
    """DER of IssuerAndSerialNumber for `cert`, as a SignerInfo names its signer."""
    issuer = cert.issuer.public_bytes()
    serial = cert.serial_number.to_bytes((cert.serial_number.bit_length() + 8) // 8, "big")
    serial_der = b"\x02" + _der_length(len(serial)) + serial
    body = issuer + serial_der
    return b"\x30" + _der_length(len(body)) + body


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def msi_signer(path: Path) -> Signer:
    """The verified signer of an MSI; `SignatureRefused` if unsigned or the check fails."""
    size = Path(path).stat().st_size
    if size > MAX_MSI:
        raise SignatureRefused(f"{Path(path).name}: larger than {MAX_MSI} bytes")
    cf = _Compound(Path(path).read_bytes())
    top = cf.children(cf.entries[0])
    names = {e.name: e for e in top}
    if _SIGNATURE not in names:
        raise SignatureRefused(f"{Path(path).name} is not signed")
    if _SIGNATURE_EX in names:
        raise SignatureRefused(f"{Path(path).name}: MsiDigitalSignatureEx signatures are not supported")

    def digest_of(name: str) -> bytes:
        digest = hashlib.new(name)
        _hash_storage(cf, cf.entries[0], digest, root=True)
        return digest.digest()

    try:
        return _verify(cf.read(names[_SIGNATURE]), digest_of)
    except (IndexError, ValueError) as exc:  # malformed DER or certificate
        raise SignatureRefused(f"{Path(path).name}: damaged signature ({exc})") from exc


def read_publishers(text: str) -> set[str]:
    """Fingerprints from publishers.txt: the first word of each non-comment line."""
    pins = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().split()
        if word:
            pins.add(word[0].lower().replace(":", ""))
    return pins


def check_publisher(path: Path, publishers: Iterable[str]) -> Signer:
    """The MSI must be signed by one of `publishers` (SHA-256 fingerprints)."""
    pins = {p.lower().replace(":", "") for p in publishers}
    signer = msi_signer(path)
    if signer.fingerprint not in pins:
        raise SignatureRefused(
            f"{Path(path).name} is signed by {signer.subject} ({signer.fingerprint[:16]}…), "
            "not by ShopSync's publisher"
        )
    return signer
