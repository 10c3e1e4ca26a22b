"""The one redaction policy: every secret the process holds, removed from everything it writes.

Why one registry rather than a list passed around: a secret leaks through the sink nobody
thought of (a site echoing the Authorization header in a 5xx body that lands in the log, a 4xx
body stored as a rejection reason and printed by the CLI). So the places that *read* a secret
(the site token from the environment or the keyring, the ERP passwords, a password inside a
connection string) register it here, and the places that *write* text out of the process (the
log formatter, the store's run messages and rejections, the CLI's stdout/stderr, the
diagnostics zip, the heartbeat and the acknowledgements) call `redact`. Neither side needs to
know the other.

Two layers:
- the registered values themselves (and their JSON-, URL- and repr-escaped spellings), replaced
  wherever they appear, whatever the text around them;
- patterns for secrets whose value the process never saw: `Bearer …`, `Authorization: …`,
  `PWD=…;`, `Password=…`, `password-4D: …`, `"password": "…"`, `user:pass@` in URLs, and
  `token = …` style settings lines.

`MIN_SECRET_LENGTH`: a value shorter than 6 characters is not registered. A registered secret is
replaced wherever its characters appear, so a 1–5 character password ("a", "1234", "bijou")
would blank out ordinary words, prices and references in every log line and stored message —
destroying what support needs while protecting little (such a password falls to guessing
anyway). Short secrets are still removed where their context names them (the patterns above).

`quote_untrusted` is the one way to put text that came from the network into a log line:
redacted, cut to a length, every control and format character (newlines, ANSI escapes, the
bidi overrides U+202A–U+202E and U+2066–U+2069) written as a visible escape, and quoted, so it
cannot forge a log line nor hide what it is.

Qt-free, httpx-free, stdlib only: the store, the log setup and the CLI all import it.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import quote

REDACTED = "***"
MIN_SECRET_LENGTH = 6
UNTRUSTED_LIMIT = 200

# Secrets whose value is unknown, named by their context.
_BEARER = re.compile(r"(?i)\b(bearer\s+)(?!\*\*\*)[^\s'\"]+")
_AUTH_HEADER = re.compile(
    r"(?i)\b(authorization[\"']?\s*[:=]\s*[\"']?)(?!(?:\w+\s+)?\*\*\*)((?:\w+\s+)?)[^\s'\",}]+"
)
_URL_CREDENTIALS = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^@\s/]+@")
_SECRET_ASSIGN = re.compile(
    r"(?im)^(\s*[\w.-]*(?:token|password|passwd|pwd|secret|api[_-]?key)[\w.-]*\s*=\s*).*$"
)
_CONN_PWD_BRACED = re.compile(r"(?i)\b((?:pwd|password)\s*=\s*)\{(?:[^}]|\}\})*\}")
_CONN_PWD = re.compile(r"(?i)\b((?:pwd|password)\s*=\s*)(?!\*\*\*)[^;\s\"'{}]+")
_HEADER_PWD = re.compile(r"(?i)\b(password-4d[\"']?\s*[:=]\s*[\"']?)(?!\*\*\*)[^\s'\",}]+")
_JSON_SECRET = re.compile(
    r"(?i)(\"[\w.-]*(?:password|passwd|token|secret)[\w.-]*\"\s*:\s*\")(?:[^\"\\]|\\.)*\""
)

# Values in a connection string or URL that are passwords (ODBC `PWD=`, ADO `Password=`).
_CONN_VALUE = re.compile(r"(?i)(?:^|;)\s*(?:pwd|password)\s*=\s*(\{(?:[^}]|\}\})*\}|[^;]*)")
_URL_PASSWORD = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:([^@\s/]+)@")

# (words one of which the lowercased text must hold, pattern, replacement): a word test is a
# C substring search, so ordinary lines (a stock line on stdout) skip every regex.
_RULES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (("bearer",), _BEARER, rf"\1{REDACTED}"),
    (("authorization",), _AUTH_HEADER, rf"\1\2{REDACTED}"),
    (("://",), _URL_CREDENTIALS, rf"\1{REDACTED}@"),
    (("token", "passw", "pwd", "secret", "api"), _SECRET_ASSIGN, rf'\1"{REDACTED}"'),
    (("pwd", "password"), _CONN_PWD_BRACED, rf"\1{REDACTED}"),
    (("pwd", "password"), _CONN_PWD, rf"\1{REDACTED}"),
    (("password-4d",), _HEADER_PWD, rf"\1{REDACTED}"),
    (("passw", "token", "secret"), _JSON_SECRET, rf'\1{REDACTED}"'),
)

_WORDS = tuple(sorted({w for words, _p, _r in _RULES for w in words}))

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_ordered: tuple[str, ...] = ()  # the registered spellings, longest first


def _spellings(secret: str) -> set[str]:
    """The secret and the ways a server or our own messages may have escaped it."""
    forms = {secret, json.dumps(secret)[1:-1], quote(secret, safe=""), repr(secret)[1:-1]}
    return {f for f in forms if len(f) >= MIN_SECRET_LENGTH}


def register(secret: str | None) -> None:
    """Remember a secret this process holds, for every later `redact` (thread-safe)."""
    global _secrets, _ordered
    if not secret or len(secret) < MIN_SECRET_LENGTH:
        return
    forms = _spellings(secret)
    with _lock:
        if forms <= _secrets:
            return
        _secrets = _secrets | forms
        _ordered = tuple(sorted(_secrets, key=len, reverse=True))  # no half-replaced tail


def register_connection_string(text: str | None) -> None:
    """Register every password inside a connection string or URL (`PWD=…;`, `Password=…`,
    `user:pass@host`): the process holds it as soon as it holds the string."""
    if not text:
        return
    for match in _CONN_VALUE.finditer(text):
        value = match.group(1).strip()
        if value.startswith("{") and value.endswith("}"):
            value = value[1:-1].replace("}}", "}")
        register(value)
    for match in _URL_PASSWORD.finditer(text):
        register(match.group(1))


def clear() -> None:
    """Forget every registered secret (tests only: a process never un-knows a secret)."""
    global _secrets, _ordered
    with _lock:
        _secrets, _ordered = frozenset(), ()


def redact(text: str, extra: Iterable[str | None] = ()) -> str:
    """`text` without any registered secret, any of `extra`, nor any secret-looking value."""
    if not text:
        return text
    for form in _ordered:
        if form in text:
            text = text.replace(form, REDACTED)
    for secret in extra:
        if secret and len(secret) >= MIN_SECRET_LENGTH:
            for form in sorted(_spellings(secret), key=len, reverse=True):
                text = text.replace(form, REDACTED)
    low = text.lower()
    if not any(word in low for word in _WORDS):
        return text
    for words, pattern, replacement in _RULES:
        if any(word in low for word in words):
            text = pattern.sub(replacement, text)
    return text


def redact_data(value: Any, extra: Iterable[str | None] = ()) -> Any:
    """Every string inside a JSON-like value (dicts, lists) redacted; keys included."""
    extra = tuple(extra)
    if isinstance(value, str):
        return redact(value, extra)
    if isinstance(value, dict):
        return {redact_data(k, extra): redact_data(v, extra) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v, extra) for v in value]
    return value


# -- text from outside -----------------------------------------------------------------------

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def is_unsafe(char: str) -> bool:
    """A character that can forge or hide text in a log: controls (newline, ESC…), format
    characters (bidi overrides, zero-width), line/paragraph separators, unassigned."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def neutralise(text: str, *, keep: str = "") -> str:
    """Every unsafe character of `text` (but those in `keep`) written as a visible escape."""
    if all(c in keep or not is_unsafe(c) for c in text):
        return text
    return "".join(c if c in keep or not is_unsafe(c) else _escape(c) for c in text)


def quote_untrusted(text: object, limit: int = UNTRUSTED_LIMIT) -> str:
    """Text that came from the network, ready for a log line or a message: redacted, at most
    `limit` characters of it (the cut said), control and format characters escaped, quoted
    between single quotes (a quote or backslash inside escaped)."""
    raw = redact("" if text is None else str(text))
    cut = raw[:limit]
    body = neutralise(cut.replace("\\", "\\\\").replace("'", "\\'"))
    more = f"…(+{len(raw) - limit})" if len(raw) > limit else ""
    return f"'{body}'{more}"


# -- the CLI's own streams -------------------------------------------------------------------


class RedactingStream:
    """A text stream that redacts every write before passing it on (stdout, stderr of the CLI).
    Everything else (`reconfigure`, `fileno`, `isatty`, `encoding`…) is the wrapped stream's.
    Not an `io` class on purpose: its finaliser would flush (and complain about) the wrapped
    stream at garbage collection."""

    def __init__(self, wrapped: Any) -> None:
        self._wrapped = wrapped

    def write(self, text: str) -> int:
        self._wrapped.write(redact(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


@contextmanager
def redacted_stdio() -> Iterator[None]:
    """stdout and stderr redacted for the duration (the CLI's `main`); a missing stream (no
    console) stays missing."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None and not isinstance(sys.stdout, RedactingStream):
        sys.stdout = RedactingStream(sys.stdout)
    if sys.stderr is not None and not isinstance(sys.stderr, RedactingStream):
        sys.stderr = RedactingStream(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, RedactingStream):
                with suppress(OSError, ValueError):
                    stream.flush()
        sys.stdout, sys.stderr = saved
