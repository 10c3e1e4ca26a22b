"""Numbers, sizes and durations in the shop's locale (QLocale's default, set with the language
by gui/i18n.py): "0,4 s" and "1 234" in French, "0.4 s" and "1,234" in English."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale


def number_text(value: Any) -> str:
    """A count ("" for none)."""
    if value is None or value == "":
        return ""
    try:
        return QLocale().toString(int(value))
    except (TypeError, ValueError):
        return str(value)


def decimal_text(value: float, digits: int = 1) -> str:
    """A decimal number with `digits` after the separator: "56,5"."""
    return QLocale().toString(float(value), "f", digits)


def seconds_text(seconds: float) -> str:
    """A run's duration: "0,4 s", "12,0 s", "2 min 05 s"."""
    if seconds < 120:
        return decimal_text(max(0.0, seconds)) + " s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{QLocale().toString(minutes)} min {rest:02d} s"


def size_text(size: int) -> str:
    """A file's size in the shop's units and separators ("56,5 Ko")."""
    return QLocale().formattedDataSize(int(size), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def percent_text(share: float) -> str:
    """A share as the shop writes it: "92 %" in French (a no-break space before the sign),
    "92%" in English."""
    locale = QLocale()
    space = "\u00a0" if locale.language() == QLocale.Language.French else ""
    return f"{locale.toString(int(round(float(share) * 100)))}{space}{locale.percent()}"
