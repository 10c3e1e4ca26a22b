"""Turning one ERP cell (always a string by now) into a typed value, or a reason it can't be.

ERPs write numbers the way a French shop PC displays them: `1 290,00 €`, `1.290,00`, `1290.5`,
with ordinary, no-break (U+00A0) or narrow no-break (U+202F) spaces as thousands separators.
Every parser here takes the cell text and either returns the value or raises `BadValue` with a
reason a shop owner can act on. Parsers are pure, so the reader can cache their results per
distinct cell text (prices and quantities repeat a lot; that cache is what keeps 200,000 lines
fast).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import shopsync.erp.messages as messages


class BadValue(ValueError):
    """A cell that can't be read as its field's type; `str(exc)` is the reason."""


# Thousands separators ERPs and spreadsheets write: space, NBSP, narrow NBSP, thin space, and the
# Swiss apostrophes.
_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009\u2007'\u2019")
_CURRENCY = re.compile(r"(?i)\s*(€|eur|euros?)\s*")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_INTEGRAL = re.compile(r"([+-]?\d+)(?:[.,]0+)?")
_SCIENTIFIC = re.compile(r"(?i)^\d+(?:[.,]\d+)?e[+-]?\d+$")
_SIZE_PREFIX = re.compile(r"(?i)^(?:taille|tld|t)\s*\.?\s*(?=\d)")
# The price most cells hold (`129`, `1290,50`, `89.9`): one separator, always decimal.
_PLAIN_PRICE = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_TWO_SEPARATORS = re.compile(r"\.[0-9]*\.")  # (in a line where `,` was made `.`)
_PRICE_BYTES = b"0123456789.\n"


def parse_price(text: str) -> Decimal | None:
    """Euros incl. VAT as an exact Decimal; None for an empty cell.

    The decimal separator is whichever of `,` or `.` comes last when both appear (`1.290,00`,
    `1,290.00`); alone, one `,` or one `.` is decimal (French exports write `1290,5`), and a
    repeated one is grouping (`1.290.000`).
    """
    if _PLAIN_PRICE.fullmatch(text):  # the common cell, read as the general rules would
        return Decimal(text.replace(",", "."))
    raw = text.strip()
    if not raw:
        return None
    cleaned = _CURRENCY.sub("", raw).translate(_GROUPING)
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise BadValue(messages.not_a_price(raw))
    sign = ""
    if cleaned[0] in "+-":
        sign, cleaned = cleaned[0], cleaned[1:]
    comma, dot = cleaned.rfind(","), cleaned.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal_sep = "," if comma > dot else "."
        group_sep = "." if decimal_sep == "," else ","
        if cleaned.count(decimal_sep) > 1:
            raise BadValue(messages.not_a_price(raw))
        cleaned = cleaned.replace(group_sep, "").replace(decimal_sep, ".")
    elif comma >= 0 or dot >= 0:
        sep = "," if comma >= 0 else "."
        cleaned = cleaned.replace(sep, "") if cleaned.count(sep) > 1 else cleaned.replace(sep, ".")
    try:
        value = Decimal(sign + cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex already vouched for it
        raise BadValue(messages.not_a_price(raw)) from exc
    if value < 0:
        raise BadValue(messages.negative_price(raw))
    return value


def _plain_lines(dots: str) -> bool:
    """Whether every line of `dots` (a column joined by line breaks, `,` made `.`) is a plain
    price: digits, with at most one separator between digits. String methods in C, several
    times quicker than a regex over the column."""
    return (bool(dots) and dots.isascii() and not dots.encode().translate(None, _PRICE_BYTES)
            and dots[0] not in ".\n" and dots[-1] not in ".\n" and "\n\n" not in dots
            and "\n." not in dots and ".\n" not in dots and _TWO_SEPARATORS.search(dots) is None)


def parse_plain_prices(texts: list[str]) -> list[Decimal] | None:
    """`parse_price` of each text, when every one is a plain price (the common column):
    checked with one regex over the column and read in C loops; else None."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return None
    dots = joined.replace(",", ".")
    return list(map(Decimal, dots.split("\n"))) if _plain_lines(dots) else None


def split_plain_prices(texts: Sequence[str], most: int) -> tuple[list[Decimal | None], list[int]] | None:
    """`parse_price` of each plain price of a column, read in C loops, and the positions of
    the other texts (their slot holds None: the caller reads them by the general rules).
    None when more than `most` texts are not plain (or one holds a line break): a column
    better read text by text through a cache."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return None
    dots = joined.replace(",", ".")
    lines = dots.split("\n")
    if _plain_lines(dots):
        return list(map(Decimal, lines)), []
    odd: list[int] = []
    for start in range(0, len(texts), 32):  # blocks with an odd text, then their texts
        block = lines[start:start + 32]
        if _plain_lines("\n".join(block)):
            continue
        for at, text in enumerate(texts[start:start + 32], start):
            if not _PLAIN_PRICE.fullmatch(text):
                if len(odd) == most:
                    return None
                odd.append(at)
    for i in odd:
        lines[i] = "0"
    values: list[Decimal | None] = list(map(Decimal, lines))
    for i in odd:
        values[i] = None
    return values, odd


def parse_quantity(text: str) -> int | None:
    """A whole number of pieces (`3`, `+3`, `1 200`, `3,00`); None for an empty cell.

    Negative values are returned as they are: the caller turns them into 0 with a warning,
    since an oversold item is a fact about the shop worth telling, not a broken line.
    """
    raw = text.strip()
    if not raw:
        return None
    match = _INTEGRAL.fullmatch(raw.translate(_GROUPING))
    if match is None:
        raise BadValue(messages.not_a_whole_number(raw))
    return int(match.group(1))


def parse_size(text: str) -> str | None:
    """A ring size: `T52`, `T.52`, `Taille 52`, `52` → `52`; `56,5` / `56.50` → `56.5`.

    Sizes that aren't numbers (`S`, `XL`, `TU`) are kept as written: only numeric sizes are
    normalised, since that is where ERPs disagree on spelling.
    """
    raw = text.strip()
    if not raw:
        return None
    number = _SIZE_PREFIX.sub("", raw).replace(",", ".").strip()
    try:
        value = Decimal(number)
    except InvalidOperation:
        return raw
    if not value.is_finite() or not _NUMBER.fullmatch(number):
        return raw
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def parse_ean(text: str) -> str | None:
    """A barcode as its digits (leading zeros kept); None for an empty cell.

    `3662000123456.0` (a number that went through a float) is repaired; `3,66E+12` (Excel's
    scientific display saved as text) has lost digits for good and is refused.
    """
    raw = text.strip()
    if not raw:
        return None
    digits = raw.translate(_GROUPING)
    if digits.isascii() and digits.isdigit():
        return digits
    if digits.endswith((".0", ",0")) and digits[:-2].isascii() and digits[:-2].isdigit():
        return digits[:-2]
    if _SCIENTIFIC.match(digits):
        raise BadValue(messages.scientific_barcode(raw))
    raise BadValue(messages.not_a_barcode(raw))


def clean_text(text: str) -> str | None:
    """Trimmed text, or None for an empty cell."""
    return text.strip() or None


def fold(text: str) -> str:
    """A header as compared: no case, accents, punctuation or spaces (`Réf.` → `ref`).

    Dots vanish so that `T.T.C.` folds like `TTC`; other punctuation becomes a space before the
    spaces go, so `Code-barre`, `CODE_BARRE` and `Code barre` all fold to `codebarre`.
    """
    return "".join(fold_words(text))


def fold_words(text: str) -> list[str]:
    """The folded words of a header, for the token rules of column detection."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace(".", "")
    return re.sub(r"[^0-9a-z]+", " ", plain).split()


def cell_text(value: object) -> str:
    """Any typed cell (spreadsheet, DBF, ODBC, JSON) as the text an ERP would have written.

    Numbers must survive exactly: a float that holds a whole number (an EAN typed as a number,
    3662000123456.0) becomes its digits, never `3.66E+12`; other floats use their shortest
    round-trip form rounded past binary noise (19.990000000000002 → `19.99`).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, Decimal):
        if not value.is_finite():
            return ""
        return format(value, "f")
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    isoformat = getattr(value, "isoformat", None)
    if callable(isoformat):
        return str(isoformat())
    return str(value)
