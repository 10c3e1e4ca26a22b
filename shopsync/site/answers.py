"""Reading a Site API answer and carrying the token: the small pieces the site client's retry
loop relies on, kept apart from it (shopsync/site/client.py).

Everything here treats what came back as untrusted: the error text is quoted and stripped of
control characters before it reaches a log line or a message.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

from shopsync.net import limits
from shopsync.net.http import Answer
from shopsync.net.untrusted import quote_untrusted


class BearerAuth(httpx.Auth):
    """Adds the token to each request; its repr never shows it."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(<hidden>)"


def server_message(response: Answer) -> str:
    """The contract's `{"error": {"code", "message"}}`, or the start of whatever came back —
    quoted and stripped of control characters: it came from the network and goes to the log."""
    try:
        error = response.json().get("error", {})
        if isinstance(error, dict) and error.get("code"):
            return quote_untrusted(f"{error['code']}: {error.get('message', '')}", 300)
    except (ValueError, AttributeError, limits.SiteContractBroken):
        pass
    return quote_untrusted(response.text(200).strip() or response.reason_phrase, 200)


def is_unknown_reference(response: Answer) -> bool:
    """A 404 that means "no such reference", not "wrong URL" (a wrong base URL must not look
    like an empty catalogue)."""
    try:
        return response.json()["error"]["code"] == "unknown_reference"
    except (ValueError, KeyError, TypeError, limits.SiteContractBroken):
        return False
