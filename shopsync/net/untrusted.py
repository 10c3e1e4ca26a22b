"""Text that came from the network, made safe to write down.

A site, a proxy or an attacker chooses these bytes: request ids, error messages, a redirect's
Location. Written raw to the log they could forge log lines (a newline), repaint a terminal
(ANSI escapes) or reorder what support reads (bidi controls). So every such text is shortened,
stripped of control and format characters and quoted before it reaches a log line or a message.
"""

from __future__ import annotations

import unicodedata

DEFAULT_LIMIT = 200


def strip_controls(text: str) -> str:
    """`text` without control (Cc) and format (Cf: bidi overrides, zero-width…) characters;
    each becomes one `?` so that their presence stays visible."""
    return "".join(
        "?" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text
    )


def quote_untrusted(value: object, limit: int = DEFAULT_LIMIT) -> str:
    """`value` as a short, quoted, printable string: `'abc…'` (repr quoting, so a quote inside
    stays escaped). Never raises."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(strip_controls(text))
