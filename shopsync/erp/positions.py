"""Positions of the true (or false) flags of a chunk's column, found in C loops.

Shared by the builder and its parts (`column_values`, `merge`): what needs Python code per
line is only found at these positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, count
from operator import not_


def where(flags: Iterable[object]) -> list[int]:
    """The positions of the true flags (in C loops)."""
    return list(compress(count(), flags))


def where_false(flags: list[bool]) -> list[int]:
    """The positions of the false flags (in C loops)."""
    return where(map(not_, flags))
