"""JSON from the network, parsed only when its nesting is within a limit.

Why a pre-check: Python's `json` recurses once per level; a body nested 100,000 deep is a
RecursionError deep inside the parser ("erreur interne" for the shop). Counting depth with a
Python loop over a 30 MB catalogue page would cost seconds, so the check works in C regular
expressions: strings are blanked out, everything but brackets dropped, then innermost
`[]`/`{}` pairs removed once per level — at most `max_depth` passes over a skeleton that is a
few thousand bytes for a healthy page. Healthy bodies with few brackets skip it entirely.
"""

from __future__ import annotations

import json
import re
from typing import Any

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_INNERMOST = re.compile(rb"\[\]|\{\}")


class TooDeep(ValueError):
    """The body nests deeper than allowed."""


def nesting_exceeds(body: bytes, max_depth: int) -> bool:
    """True when `body` (JSON or not) nests brackets deeper than `max_depth`.

    Malformed bracket sequences are left for the parser to refuse (False here), so that a
    broken body is reported as broken, not as deep.
    """
    if body.count(b"[") + body.count(b"{") <= max_depth:
        return False
    skeleton = _NOT_BRACKET.sub(b"", _STRING.sub(b"", body))
    for _ in range(max_depth):
        skeleton, removed = _INNERMOST.subn(b"", skeleton)
        if not skeleton or not removed:
            return False
    return bool(_INNERMOST.search(skeleton))


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads(body: bytes, max_depth: int) -> Any:
    """Strict JSON (no NaN/Infinity) nested at most `max_depth` deep.

    Raises `TooDeep`, or ValueError/UnicodeDecodeError for a body that is not JSON.
    """
    if nesting_exceeds(body, max_depth):
        raise TooDeep(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(body, parse_constant=_no_constants)
    except RecursionError as exc:  # a second line of defence; the check above comes first
        raise TooDeep(f"JSON nested deeper than {max_depth} levels") from exc
