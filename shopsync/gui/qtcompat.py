"""Work-arounds for the Qt binding, each measured at import rather than assumed from a version.

PySide6 6.12.0 on CPython 3.11 loses references to two singletons that Python < 3.12 does not
make immortal; when one's count reaches zero the interpreter aborts ("bool_dealloc",
"none_dealloc"):

- `SignalInstance.emit()` returns `True` without taking a reference: one per emit. Every emit
  in ShopSync goes through `emit()`, which gives the reference back when (and only when) the
  binding is measured to lose it.
- Every Qt method that returns `void` (`setText`, `setIcon`, `setToolTip`, `menu.clear`,
  `processEvents`, `QTimer.start`…) returns `None` without taking a reference: one per call,
  thousands per sync in the tray app (it aborted after ~125–150 exports in
  benchmarks/soak_memory.py). Those calls are everywhere in Qt code, so they cannot be wrapped
  one by one: `None` gets a reserve of references instead, what CPython 3.12 does for every
  immortal object. 2**60 references last 10**18 void calls (30,000 years at a million calls a
  second) and stay far below Py_ssize_t's limit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

NONE_RESERVE = 1 << 60


class _Probe(QObject):
    ping = Signal()


def _measure_loss(samples: int = 16) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    return round(lost / samples)


def _measure_void_loss(samples: int = 16) -> int:
    """References to None lost per call of a Qt method that returns void."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(samples):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    return max(0, round(lost / samples))


def _reserve_none() -> None:
    """Add `NONE_RESERVE` to None's reference count (ob_refcnt, the first field of every
    CPython object, at `id(None)`). Done once per process, only where the loss was measured."""
    if sys.getrefcount(None) >= NONE_RESERVE:
        return  # already done (a module reloaded by a test)
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += NONE_RESERVE


_OLD_PYTHON = sys.version_info < (3, 12)
_LOSS = _measure_loss() if _OLD_PYTHON else 0
_VOID_LOSS = _measure_void_loss() if _OLD_PYTHON else 0
if _VOID_LOSS:
    _reserve_none()
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, keeping CPython's reference count of True right."""
    signal.emit(*args)
    for _ in range(_LOSS):
        _incref(True)


def emit_loses_references() -> bool:
    return _LOSS > 0


def void_calls_lose_none() -> bool:
    """Whether this binding drops a reference to None per void call (None then has a reserve)."""
    return _VOID_LOSS > 0
