"""Durations as people write them in config.toml and on command lines: "30s", "15m", "2h", "1d".

One parser for every such setting (`[site] heartbeat`, `shopsync sandbox --agent-late`, update
delays…), so that they all accept exactly the same spellings and fail with the same message.
"""

from __future__ import annotations

import re

UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$", re.IGNORECASE)


class DurationError(ValueError):
    """Not a duration; the message says what is expected."""


def parse_duration(text: str) -> float:
    """Seconds in `text`: a positive number and a unit, s, m, h or d ("15m" -> 900.0)."""
    match = _DURATION.match(text) if isinstance(text, str) else None
    if match is None:
        raise DurationError(
            f"{text!r} is not a duration: write a number and a unit, like 30s, 15m, 2h or 1d"
        )
    seconds = float(match.group(1)) * UNITS[match.group(2).lower()]
    if seconds <= 0:
        raise DurationError(f"{text!r}: a duration must be longer than zero")
    return seconds


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of a duration ("900" -> "15m"), for messages and defaults."""
    for unit in ("d", "h", "m"):
        size = UNITS[unit]
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
