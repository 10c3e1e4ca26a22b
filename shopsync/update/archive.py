"""Unpacking a release archive without letting it write outside its folder, on every Python.

`TarFile.extractall(filter="data")` (PEP 706) refuses absolute paths, `..`, links that leave
the folder, devices and set-uid bits — but it exists only from Python 3.11.4 (and 3.12.0);
Debian 12's python3 is 3.11.2 and pyproject says `>=3.11`, so a bundle frozen with it would
fail every update with a TypeError (issue 22). The checks below are the project's own and run
on EVERY Python, before anything is written: the archive is refused whole at its first bad
member (nothing half-extracted). Where the standard filter exists it is applied as well, a
second opinion that costs nothing.

Accepted members: regular files, folders, symbolic links whose target stays inside the
destination, hard links to a member already accepted. Modes are reduced as the data filter
does (no set-uid/set-gid/sticky, no group/other write, owner can read and write), and
ownership is never taken from the archive.
"""

from __future__ import annotations

import copy
import os
import posixpath
import stat
import tarfile
from pathlib import Path, PurePosixPath, PureWindowsPath

HAS_DATA_FILTER = hasattr(tarfile, "data_filter")  # Python 3.11.4+ / 3.12+


class UnsafeArchive(ValueError):
    """A member would write outside the destination, or is not plain data."""


def _link_stays_inside(name: str, target: str) -> bool:
    """A link target is `../` a few times (no more than the link's folder is deep: those are
    real folders, nothing is written through a link) then plain names. A `..` after a name is
    refused: that name may itself be a link, and `L/..` is not where it looks (`d/L -> ../x`
    makes `d/L/../..` climb out of the folder)."""
    parts = [p for p in target.split("/") if p not in ("", ".")]
    ups = 0
    while ups < len(parts) and parts[ups] == "..":
        ups += 1
    if ".." in parts[ups:]:
        return False
    return ups <= len(name.split("/")) - 1


def _check_name(name: str) -> str:
    if not name or "\x00" in name:
        raise UnsafeArchive(f"{name!r}: empty or NUL in the name")
    if name.startswith(("/", "\\")) or PureWindowsPath(name).drive or PureWindowsPath(name).root:
        raise UnsafeArchive(f"{name!r}: absolute path")
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        raise UnsafeArchive(f"{name!r}: '..' in the path")
    return posixpath.normpath(name.replace("\\", "/"))


def _parents(name: str) -> list[str]:
    parts = name.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def checked_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """Every member, checked and with safe attributes; `UnsafeArchive` at the first bad one."""
    safe: list[tarfile.TarInfo] = []
    seen: set[str] = set()
    links: set[str] = set()  # symbolic links: nothing may be written through one
    uid = getattr(os, "getuid", lambda: 0)()
    gid = getattr(os, "getgid", lambda: 0)()
    for member in tar.getmembers():
        name = _check_name(member.name)
        through = [p for p in _parents(name) if p in links]
        if through:
            raise UnsafeArchive(f"{member.name!r}: written through the link {through[0]!r}")
        if member.issym():
            target = member.linkname
            if not target or target.startswith(("/", "\\")) or PureWindowsPath(target).drive:
                raise UnsafeArchive(f"{member.name!r}: link to an absolute path {target!r}")
            if not _link_stays_inside(name, target.replace("\\", "/")):
                raise UnsafeArchive(f"{member.name!r}: link out of the folder ({target!r})")
            links.add(name)
        elif member.islnk():
            target = _check_name(member.linkname)
            if target not in seen:
                raise UnsafeArchive(f"{member.name!r}: hard link to {member.linkname!r}, "
                                    "not a file of this archive")
        elif not (member.isreg() or member.isdir()):
            raise UnsafeArchive(f"{member.name!r}: not a file, folder or link (device, FIFO…)")
        clean = copy.copy(member)
        clean.name = name
        if member.isreg() or member.isdir():
            mode = member.mode & 0o755 & ~(stat.S_ISUID | stat.S_ISGID | stat.S_ISVTX)
            clean.mode = mode | (0o700 if member.isdir() else 0o600)
        clean.uid, clean.gid, clean.uname, clean.gname = uid, gid, "", ""
        seen.add(name)
        safe.append(clean)
    return safe


def safe_extract(archive: Path, destination: Path, *, use_stdlib_filter: bool = HAS_DATA_FILTER) -> None:
    """Extract a `.tar.gz` into `destination` after checking every member (see module doc).
    `use_stdlib_filter=False` is what a Python older than 3.11.4 does (tests force it)."""
    with tarfile.open(archive, "r:gz") as tar:
        members = checked_members(tar)  # the whole archive is read and judged first
        if use_stdlib_filter:
            tar.extractall(destination, members=members, filter="data")
        else:
            tar.extractall(destination, members=members)  # noqa: S202 - members checked above
