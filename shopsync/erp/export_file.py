"""What a local export file may be before a byte of it is read: a regular file (never a FIFO,
which would block the reader for ever, nor a device such as /dev/zero, which never ends) of at
most `MAX_EXPORT_BYTES`, holding at most `MAX_ROWS` rows.

The limits are far above any real export and far below what hurts the shop PC: the biggest
exports seen are about 20 MB for 200,000 lines (a wide DBF of 200,000 records of 1 KB would be
200 MB), so 500 MB leaves room for any of them while a file read into memory stays well under
the PC's RAM; 500,000 rows is 2.5 times the biggest export, and bounds what a small file that
unfolds (a 1 MB XLSX of 2 million rows) can cost. A file over either limit is refused as a
whole, with its path and sizes: nothing is read, nothing changes on the site.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from shopsync.erp import messages
from shopsync.errors import InputError

MAX_EXPORT_BYTES = 500_000_000
MAX_ROWS = 500_000


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def check_stat(path: Path, st: os.stat_result, limit: int = MAX_EXPORT_BYTES) -> None:
    """Refuse what `st` says is not an export: a folder, a special file, a file over `limit`."""
    if stat.S_ISDIR(st.st_mode):
        raise InputError(messages.is_a_folder(path))
    if not stat.S_ISREG(st.st_mode):
        raise InputError(messages.not_a_file(path, messages.file_kind(_kind(st.st_mode))))
    if st.st_size > limit:
        raise InputError(messages.too_big(path, st.st_size, limit))


def check_export_file(path: Path, limit: int = MAX_EXPORT_BYTES) -> os.stat_result:
    """`os.stat` the export (never opening it) and refuse what cannot be one."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(messages.no_such_file(path)) from None
    except PermissionError:
        raise InputError(messages.permission_denied(path)) from None
    except OSError as exc:
        raise InputError(messages.cannot_be_read(path, exc.strerror or exc)) from None
    check_stat(path, st, limit)
    return st


def read_export_file(path: Path, limit: int = MAX_EXPORT_BYTES) -> bytes:
    """The export's bytes, checked before and while reading: stat first; then opened without
    blocking (a FIFO swapped in after the stat cannot hang the open) and checked again on the
    open handle; at most `limit` bytes read (a file growing meanwhile is refused, not read
    whole)."""
    check_export_file(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(messages.no_such_file(path)) from None
    except IsADirectoryError:
        raise InputError(messages.is_a_folder(path)) from None
    except PermissionError:
        raise InputError(messages.permission_denied(path)) from None
    except OSError as exc:
        raise InputError(messages.cannot_be_read(path, exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        check_stat(path, st, limit)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(messages.cannot_be_read(path, exc.strerror or exc)) from None
    if len(data) > limit:
        raise InputError(messages.too_big(path, len(data), limit))
    return data
