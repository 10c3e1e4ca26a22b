"""Hostile update archives are refused whole, on every Python the project supports.

Each case runs twice: with the standard library's `filter="data"` (Python 3.11.4+) and with the
project's own checks alone (`use_stdlib_filter=False`: what Debian 12's python3 3.11.2 does, and
CI also runs this file under /usr/bin/python3). Nothing may be written outside the destination,
and a refused archive writes nothing at all: the checks judge every member first."""

from __future__ import annotations

import io
import os
import stat
import tarfile
from pathlib import Path

import pytest

from shopsync.update import archive as archive_mod
from shopsync.update.archive import UnsafeArchive, safe_extract
from shopsync.update.install import ApplyFailed, install_bundle

from .helpers import CURRENT, NEXT, install_stand_in, make_bundle_archive

FILTERS = [pytest.param(False, id="own-checks"),
           pytest.param(True, id="stdlib-filter", marks=pytest.mark.skipif(
               not archive_mod.HAS_DATA_FILTER, reason="Python < 3.11.4: no filter='data'"))]


def _member(name: str, kind: bytes = tarfile.REGTYPE, *, data: bytes = b"x", link: str = "",
            mode: int = 0o644) -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.linkname = kind, mode, link
    payload = data if kind == tarfile.REGTYPE else None
    info.size = len(data) if payload is not None else 0
    return info, payload


def _tar(path: Path, *members: tuple[tarfile.TarInfo, bytes | None]) -> Path:
    with tarfile.open(path, "w:gz", format=tarfile.GNU_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


HOSTILE = {
    "absolute path": [_member("/tmp/shopsync-pwned")],
    "windows drive": [_member("C:/Windows/evil.dll")],
    "dot-dot": [_member("shopsync/../../escaped.txt")],
    "backslash dot-dot": [_member("shopsync\\..\\..\\escaped.txt")],
    "symlink to absolute": [_member("shopsync/etc", tarfile.SYMTYPE, link="/etc")],
    "symlink climbing out": [_member("shopsync/up", tarfile.SYMTYPE, link="../../..")],
    # d/L -> ../x looks inside, but `d/L/../..` through it climbs out: refused, not normalised.
    "symlink through a symlink": [
        _member("shopsync/d", tarfile.DIRTYPE, mode=0o755),
        _member("shopsync/d/L", tarfile.SYMTYPE, link="../x"),
        _member("shopsync/M", tarfile.SYMTYPE, link="d/L/../.."),
    ],
    "file written through a symlink": [
        _member("shopsync/lib", tarfile.SYMTYPE, link="."),
        _member("shopsync/lib/payload", data=b"through the link"),
    ],
    "hard link to a host file": [_member("shopsync/passwd", tarfile.LNKTYPE, link="/etc/passwd")],
    "hard link to a file not in the archive": [
        _member("shopsync/copy", tarfile.LNKTYPE, link="shopsync/elsewhere")],
    "character device": [_member("shopsync/null", tarfile.CHRTYPE)],
    "fifo": [_member("shopsync/fifo", tarfile.FIFOTYPE)],
}


@pytest.mark.parametrize("stdlib", FILTERS)
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_is_refused_and_writes_nothing(tmp_path: Path, case: str, stdlib: bool) -> None:
    # A harmless first member: a refusal must not leave it half-extracted.
    members = [_member("shopsync/shopsync", data=b"#!/bin/sh\n", mode=0o755), *HOSTILE[case]]
    bad = _tar(tmp_path / "bad.tar.gz", *members)
    dest = tmp_path / "out" / "dest"
    dest.mkdir(parents=True)
    with pytest.raises(UnsafeArchive):
        safe_extract(bad, dest, use_stdlib_filter=stdlib)
    assert _tree(dest) == set()
    assert _tree(tmp_path / "out") == {"dest"}
    assert not Path("/tmp/shopsync-pwned").exists()


@pytest.mark.parametrize("stdlib", FILTERS)
def test_plain_bundle_extracts_with_links_inside_and_safe_modes(tmp_path: Path, stdlib: bool) -> None:
    good = _tar(
        tmp_path / "good.tar.gz",
        _member("shopsync", tarfile.DIRTYPE, mode=0o777),
        _member("shopsync/shopsync", data=b"#!/bin/sh\necho hi\n", mode=0o4777),
        _member("shopsync/_internal/lib/libx.so.1", data=b"ELF", mode=0o644),
        _member("shopsync/_internal/libx.so", tarfile.SYMTYPE, link="lib/libx.so.1"),
        _member("shopsync/_internal/lib/up", tarfile.SYMTYPE, link="../libx.so"),
        _member("shopsync/_internal/lib/hard", tarfile.LNKTYPE, link="shopsync/_internal/lib/libx.so.1"),
    )
    dest = tmp_path / "dest"
    dest.mkdir()
    safe_extract(good, dest, use_stdlib_filter=stdlib)
    exe = dest / "shopsync" / "shopsync"
    assert exe.read_bytes() == b"#!/bin/sh\necho hi\n"
    mode = stat.S_IMODE(exe.stat().st_mode)
    assert mode & (stat.S_ISUID | stat.S_IWOTH | stat.S_IWGRP) == 0 and mode & 0o100, oct(mode)
    assert (dest / "shopsync" / "_internal" / "libx.so").read_bytes() == b"ELF"
    assert os.readlink(dest / "shopsync" / "_internal" / "lib" / "up") == "../libx.so"
    assert (dest / "shopsync" / "_internal" / "lib" / "hard").read_bytes() == b"ELF"


def test_install_refuses_a_hostile_bundle_and_keeps_the_installed_version(
    tmp_path: Path, monkeypatch
) -> None:
    """Through the update's own path, as a Python without filter='data' runs it."""
    monkeypatch.setattr(archive_mod, "HAS_DATA_FILTER", False)
    monkeypatch.setattr(archive_mod.safe_extract, "__kwdefaults__", {"use_stdlib_filter": False})
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    good = make_bundle_archive(tmp_path / "good.tar.gz", NEXT)
    with tarfile.open(good, "r:gz") as src:
        members = [(m, src.extractfile(m).read() if m.isreg() else None) for m in src.getmembers()]
    hostile = _tar(tmp_path / "n1.tar.gz", *members,
                   _member("shopsync/../../../escaped.txt", data=b"pwned"))
    with pytest.raises(ApplyFailed, match="refused .*nothing installed"):
        install_bundle(hostile, bundle, NEXT, CURRENT, launcher=pytest.fail)
    assert not (tmp_path / "escaped.txt").exists()
    assert sorted(p.name for p in bundle.parent.iterdir()) == ["shopsync"]


def test_a_good_bundle_installs_without_the_stdlib_filter(tmp_path: Path, monkeypatch) -> None:
    """What failed on Debian 12 with a TypeError: the update applies on Python < 3.11.4."""
    monkeypatch.setattr(archive_mod.safe_extract, "__kwdefaults__", {"use_stdlib_filter": False})
    bundle = install_stand_in(tmp_path / "install", CURRENT)
    archive = make_bundle_archive(tmp_path / "n1.tar.gz", NEXT)
    started: list = []
    install_bundle(archive, bundle, NEXT, CURRENT, launcher=started.append)
    assert (bundle / "shopsync").read_text().count(f'VERSION = "{NEXT}"') == 1
    assert started == [[str(bundle / "shopsync")]]
