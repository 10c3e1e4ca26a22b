"""Folding a reference into the key two spellings of the same reference share.

The seed's one condition is that the shop writes each reference "exactly as the platform wrote
it". In practice the two spellings mostly differ by case and punctuation (`T120.417.17.041.00`
typed `t1204171704100`, `F20560/1` typed `F20560-1`): folding those away connects them with no
risk. Folding stops there on purpose: anything that changes a *character* (O/0, I/1, a dropped
suffix, a brand prefix) can also turn one real reference into another, so it is only ever used to
*suggest* a match (see `confusable`), never to make one.

Everything here is pure and cheap; `fold_many` folds a whole ERP export in one pass of C string
operations because the engine folds ~10^5 references on every run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# ASCII characters folded away. Every ASCII whitespace (what str.isspace() says) is included so
# that the batch path of fold_many() agrees with fold() character for character.
_ASCII_DROP = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f.-/_"

# Beyond ASCII: every Unicode whitespace (NBSP from Excel, narrow NBSP from French locales), every
# dash punctuation (en dash from autocorrect), the minus sign, and the full-width forms a Japanese
# IME produces for `.`, `/`, `_` and `-`.
_UNICODE_DROP = "\u2212\uff0e\uff0f\uff3f\uff0d\ufe63"


def _build_table() -> dict[int, None]:
    table: dict[int, None] = {ord(c): None for c in _ASCII_DROP + _UNICODE_DROP}
    for code in range(0x80, 0x3100):
        ch = chr(code)
        if ch.isspace() or unicodedata.category(ch) == "Pd":
            table[code] = None
    return table


_DROP_TABLE = _build_table()


def fold(reference: str) -> str:
    """Case, spaces, dots, dashes, slashes and underscores folded: `t120 417-17/041_00` →
    `T1204171704100`.

    Two references with the same fold are the same reference written differently, *unless* the
    catalogue itself holds two references that fold alike — the matcher checks that.
    """
    return reference.translate(_DROP_TABLE).upper()


def fold_many(references: Sequence[str]) -> list[str]:
    """`[fold(r) for r in references]`, ~4x faster for ASCII input.

    Joins everything into one string, folds it with a handful of C-level `replace` calls and
    splits it back. NUL is the separator; an input holding a NUL or any non-ASCII character falls
    back to folding item by item, so the result is always exactly `fold()`'s.
    """
    if not references:
        return []
    big = "\x00".join(references)
    if not big.isascii() or big.count("\x00") != len(references) - 1:
        return [fold(r) for r in references]
    big = big.upper()
    for ch in _ASCII_DROP:
        if ch in big:
            big = big.replace(ch, "")
    return big.split("\x00")


# Characters an eye or an OCR confuses in references. Mapping both sides onto one canonical digit
# lets a dictionary find `T12O.417…` for `T120.417…` in O(1); the pair is then only suggested.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def confusable(folded: str) -> str:
    """A folded reference with O→0 and I/L→1: the key under which typos of that kind meet."""
    return folded.translate(_CONFUSABLE)


def brand_key(brand: str | None) -> str:
    """A brand folded like a reference ("Thomas Sabo", "THOMAS-SABO" → "THOMASSABO"); "" if none.

    Only used to decide whether two brands are the same, never as a reference key.
    """
    if not brand:
        return ""
    text = unicodedata.normalize("NFKD", brand)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return fold(text)


# A leading alphabetic token separated from the rest: the `TIS-` of `TIS-T120.417.17.041.00`,
# the `PAN ` of `PAN 590702HV-16`.
_LEADING_TOKEN = re.compile(r"^\s*([A-Za-z]{2,12})\s*[-_./:\s]\s*(\S.*)$")


def prefix_strips(reference: str, brand: str | None) -> list[str]:
    """Folded forms of `reference` without a brand prefix that an ERP may have added.

    Two sources: a leading alphabetic token written with a separator (`TIS-`, `PAN `), and, even
    without a separator, the ERP brand's own name or its first 2–4 letters (`TISSOTT120…`,
    `TIST120…`). Each result is only a key to look candidates up with.
    """
    out: list[str] = []
    m = _LEADING_TOKEN.match(reference)
    if m:
        rest = fold(m.group(2))
        if len(rest) >= 4:
            out.append(rest)
    key = brand_key(brand)
    if key:
        folded = fold(reference)
        for prefix in {key, key[:4], key[:3], key[:2]}:
            if len(prefix) >= 2 and folded.startswith(prefix) and len(folded) - len(prefix) >= 4:
                out.append(folded[len(prefix) :])
    seen: set[str] = set()
    return [k for k in out if not (k in seen or seen.add(k))]


def iter_truncations(folded: str, minimum: int = 4) -> Iterable[str]:
    """Shorter forms of a folded reference, longest first: the catalogue may have the base
    reference while the ERP appends a size or a variant (`TR2094001215` + `4`)."""
    floor = max(minimum, (len(folded) * 3 + 4) // 5)  # keep at least ~60 % of it
    for k in range(len(folded) - 1, floor - 1, -1):
        yield folded[:k]
