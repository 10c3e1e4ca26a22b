"""Numbers, shares, sizes and durations as the shop reads them: `56,5`, `92 %`, `0,4 s`,
`1,2 Mo`, `45 min` in French; `56.5`, `92%`, `0.4 s`, `1.2 MB`, `45 min` in English.

One module for every place that prints a figure to a person (the CLI, the readiness report,
the sandbox's `/admin`, the store's disk messages), so that a French screen never shows
`0.0 s` or `Taille 56.5`. Qt-free; the language is the CLI's (`shopsync.i18n.language()`)
unless given. `--json` never goes through here: its numbers are JSON numbers.
"""

from __future__ import annotations

NARROW_NBSP = "\u202f"  # French typography: before % and units, between thousands

_SIZE_UNITS = {"fr": ("o", "Ko", "Mo", "Go", "To"), "en": ("B", "KB", "MB", "GB", "TB")}


def _language(language: str | None) -> str:
    if language is not None:
        return language
    from shopsync.i18n import language as current

    return current()


def decimal(value: float, digits: int = 1, language: str | None = None) -> str:
    """`56,5` / `56.5`; trailing zeros kept (a column of figures lines up)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _language(language) == "fr" else text


def integer(value: int, language: str | None = None) -> str:
    """`12 345` (narrow no-break space) / `12,345`."""
    text = f"{value:,}"
    return text.replace(",", NARROW_NBSP) if _language(language) == "fr" else text


def percent(share: float, language: str | None = None, digits: int = 0) -> str:
    """A share of 1 as a percentage: `92 %` / `92%`."""
    number = decimal(share * 100, digits, language)
    return f"{number}{NARROW_NBSP}%" if _language(language) == "fr" else f"{number}%"


def seconds(value: float, language: str | None = None) -> str:
    """A short elapsed time: `0,4 s` / `0.4 s`; a minute and over as `duration`."""
    if value >= 60:
        return duration(value, language)
    return f"{decimal(value, 1, language)} s"


def size(count: float, language: str | None = None) -> str:
    """A byte count: `56,5 Mo` / `56.5 MB` (powers of 1024, one decimal above a kilobyte)."""
    units = _SIZE_UNITS["fr" if _language(language) == "fr" else "en"]
    value, unit = float(count), 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    figure = str(int(value)) if unit == 0 else decimal(value, 1, language)
    return f"{figure} {units[unit]}"


_DURATION_UNITS = (
    (86400, {"fr": "j", "en": "d"}),
    (3600, {"fr": "h", "en": "h"}),
    (60, {"fr": "min", "en": "min"}),
)


def duration(value: float, language: str | None = None) -> str:
    """A duration in words of its units, largest first: `45 min`, `6 h`, `1 h 30 min`,
    `2 j` / `2 d`; under a minute, seconds."""
    lang = "fr" if _language(language) == "fr" else "en"
    total = int(round(value))
    if total < 60:
        return f"{total} s"
    parts = []
    for size_, names in _DURATION_UNITS:
        if total >= size_:
            parts.append(f"{total // size_} {names[lang]}")
            total %= size_
    return " ".join(parts)
