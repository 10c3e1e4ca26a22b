"""Work-arounds for the Qt binding, each measured at import rather than assumed from a version.

PySide6 6.12.0 on CPython 3.11: `SignalInstance.emit()` returns `True` without taking a
reference, so every emit from Python drops one reference to `True`. Python < 3.12 does not make
`True` immortal; after enough emits (a tray app emits progress all day) the interpreter aborts
with "bool_dealloc: deallocating True or False". Every emit in ShopSync goes through `emit()`,
which gives the reference back when (and only when) the binding is measured to lose it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _measure_loss(samples: int = 16) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    return round(lost / samples)


_LOSS = _measure_loss() if sys.version_info < (3, 12) else 0
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
