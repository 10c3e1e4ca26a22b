"""Text that came from the network, made safe to write down: the one function is
`shopsync.redaction.quote_untrusted` (redacted, shortened, control and format characters
escaped, quoted); re-exported here for the network boundary's callers.

A site, a proxy or an attacker chooses these bytes: request ids, error messages, a redirect's
Location. Written raw to the log they could forge log lines (a newline), repaint a terminal
(ANSI escapes), reorder what support reads (bidi controls) or carry a secret back.
"""

from __future__ import annotations

from shopsync.redaction import UNTRUSTED_LIMIT as DEFAULT_LIMIT
from shopsync.redaction import quote_untrusted

__all__ = ["DEFAULT_LIMIT", "quote_untrusted"]
