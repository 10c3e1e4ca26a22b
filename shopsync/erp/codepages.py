"""Which code page an export is in: UTF-8 strictly first, else the 8-bit one that reads as French.

Shop PCs write cp1252 (Windows), cp850 (DOS-era ERPs) or Mac Roman (4D on a Mac); a profile
may say which. A file that is UTF-8 but for some lines is `mixed_text`'s business.
"""

from __future__ import annotations

import codecs

_FRENCH_LOWER = set("éèêëàâäçùûüôöîïÿœæ")
_FRENCH_UPPER = set("ÉÈÊËÀÂÄÇÙÛÜÔÖÎÏŒÆ")
_TYPOGRAPHY = set("€°«»’‘“”–—…·×µ²³\u00a0£§©®™ñÑ")
EIGHT_BIT_CANDIDATES = ("cp1252", "cp850", "mac_roman")
# Bytes looked at for the guess: a quarter MB each from the start, middle and end of a large
# file holds thousands of lines (copying more cost more than the guess itself).
GUESS_SAMPLE = 3 << 18
LATIN1_FALLBACK = "shopsync-latin1"


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); read them as latin-1
    does rather than failing a whole export over one stray byte."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error(LATIN1_FALLBACK, _latin1_fallback)


def _score_char(char: str) -> int:
    if char in _FRENCH_LOWER:
        return 3
    if char in _FRENCH_UPPER or char in _TYPOGRAPHY:
        return 1
    if "\x80" <= char <= "\x9f":
        return -5  # C1 control: the byte was meant for another code page
    return -2


def guess_eight_bit(data: bytes) -> str:
    """Which 8-bit code page makes the bytes above 127 read as French text.

    Shop PCs write cp1252 (Windows), cp850 (DOS-era ERPs) or Mac Roman (4D on a Mac); the three
    put é, è, à, ç at different bytes, so scoring the decoded characters tells them apart far
    more reliably than a general-purpose detector does on short, accent-poor exports.
    """
    ascii_bytes = bytes(range(128))
    if len(data) > GUESS_SAMPLE:  # the start, middle and end tell as much as the whole
        third = GUESS_SAMPLE // 3
        middle = len(data) // 2
        # each part's bytes above 127, joined: no copy of the three parts put end to end
        high = b"".join(part.translate(None, ascii_bytes) for part in (
            data[:third], data[middle : middle + third], data[-third:]))
    else:
        high = data.translate(None, ascii_bytes)
    if not high:
        return "cp1252"
    frequency = {b: high.count(b) for b in set(high)}
    best_name, best_score = "cp1252", None
    for name in EIGHT_BIT_CANDIDATES:
        score = 0
        for byte, count in frequency.items():
            try:
                char = bytes([byte]).decode(name)
            except UnicodeDecodeError:
                score -= 5 * count
                continue
            score += _score_char(char) * count
        if best_score is None or score > best_score:
            best_name, best_score = name, score
    return best_name


def is_utf8(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8, checked in chunks to keep memory flat."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    view = memoryview(data)
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)], final=False)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def choose_encoding(data: bytes, preferred: str | None = None) -> str:
    """UTF-8 strictly first (with or without BOM), then the profile's code page or a guess."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if is_utf8(data):
        return "utf-8"
    if preferred:
        return preferred
    return guess_eight_bit(data)
