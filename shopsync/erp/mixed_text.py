"""A UTF-8 export with lines in an 8-bit code page: decoded line by line.

It happens when an ERP (or a person with a text editor) appends lines to a UTF-8 export in
the PC's own code page. Decoding the whole file in either one garbles half of it (headers
shown as `RÃ©fÃ©rence`, or the file refused), so each line is read as UTF-8 where it is
valid UTF-8, and in the file's 8-bit code page (the profile's, else the one under which
those lines read as French) where it is not, and the reader says which lines those were.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from shopsync.erp import messages
from shopsync.erp.codepages import LATIN1_FALLBACK, guess_eight_bit

_CHUNK = 1 << 20
_UTF8_LIKE = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32")


@dataclass(frozen=True, slots=True)
class MixedText:
    """The file as UTF-8 throughout (its other lines re-encoded; one bytes object, joined
    from views of the original, so that a large export is never held as a str), the 8-bit
    code page those lines were read in, and their (1-based) line numbers."""

    utf8: bytes
    code_page: str
    lines: tuple[int, ...]


def first_invalid_utf8(data: bytes | memoryview, start: int = 0) -> int | None:
    """Where the first byte that is not valid UTF-8 is, from `start` (None: all valid).

    Checked in chunks, so that a large export is never held twice as text: small ones first
    (the error carries a copy of its chunk, and the next bad line is often near), doubling
    up to `_CHUNK`."""
    view = memoryview(data)
    size = len(view)
    pos = start
    chunk = min(4096, _CHUNK)
    while pos < size:
        final = pos + chunk >= size
        try:
            used = codecs.utf_8_decode(view[pos : pos + chunk], "strict", final)[1]
        except UnicodeDecodeError as exc:
            return pos + exc.start
        pos += used  # a character cut by the chunk's end is read with the next chunk
        chunk = min(chunk * 2, _CHUNK)
    return None


def starts_as_utf8(data: bytes, bad: int) -> bool:
    """Whether the file was written as UTF-8 before its first invalid byte: some accented
    letter (a multi-byte sequence) came before it. A file in an 8-bit code page has no
    valid sequence before its first accent, which is then itself invalid."""
    return not data[:bad].isascii()


def _line_bounds(data: bytes, bad: int, start: int) -> tuple[int, int]:
    """The line holding byte `bad`: from after the last break before it (not before
    `start`) to its first line break (or the end of the data)."""
    begin = max(data.rfind(b"\n", start, bad), data.rfind(b"\r", start, bad)) + 1
    begin = max(begin, start)
    ends = [at for at in (data.find(b"\n", bad), data.find(b"\r", bad)) if at >= 0]
    return begin, min(ends) if ends else len(data)


def _breaks(data: bytes, start: int, end: int) -> int:
    """Line breaks in `data[start:end]` as the csv reader counts them with `newline=""`:
    CR, LF and CRLF (the same bytes in UTF-8 as in any 8-bit code page)."""
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - data.count(b"\r\n", start, end)


def decode_by_line(data: bytes, bad: int, preferred: str | None = None) -> MixedText:
    """`data` (a UTF-8 BOM dropped) as UTF-8, its first invalid UTF-8 byte being at `bad`."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    view = memoryview(data)
    good: list[memoryview] = []  # the UTF-8 parts, each followed by a line to re-encode
    spans: list[tuple[int, int]] = []
    lines: list[int] = []
    line = 1
    pos = start
    while bad is not None:
        begin, end = _line_bounds(data, bad, pos)
        line += _breaks(data, pos, begin)  # the bad line holds no break: it ends at the first
        good.append(view[pos:begin])
        spans.append((begin, end))
        lines.append(line)
        pos = end
        bad = first_invalid_utf8(view, pos)
    if preferred and codecs.lookup(preferred).name not in _UTF8_LIKE:
        code_page = preferred
    else:
        code_page = guess_eight_bit(b"".join(view[b:e] for b, e in spans))
    errors = LATIN1_FALLBACK if codecs.lookup(code_page).name == "cp1252" else "replace"
    parts: list[bytes | memoryview] = []
    for text, (begin, end) in zip(good, spans, strict=True):
        parts += [text, data[begin:end].decode(code_page, errors).encode("utf-8")]
    parts.append(view[pos:])
    return MixedText(b"".join(parts), code_page, tuple(lines))


def describe(lines: tuple[int, ...], code_page: str, shown: int = 12) -> str:
    """`les lignes 7-9, 12 ne sont pas en UTF-8 (le reste du fichier l'est) : lues en cp1252`
    (`lines 7-9, 12 are not UTF-8 (the rest of the file is): read as cp1252` in English)."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    if len(lines) == 1:
        return messages.not_utf8_line(lines[0], code_page)
    listed = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:shown])
    if len(runs) > shown:
        listed = messages.lines_and_more(listed, len(lines))
    return messages.not_utf8_lines(listed, code_page)
