"""The limits of the trust boundary: how much, how long and how deep any answer from the
network may be, before ShopSync stops reading it.

Why limits at all: hundreds of shop PCs run the same connector against one platform. A bug on
the platform's side, a proxy that misbehaves, an antivirus that rewrites HTTPS or an attacker
holding one shop's token must not fill a PC's memory, hold the sync lock for ever or crash the
connector. So every answer from the site, the platform, the 4D server or the update
repository is read through `shopsync.net.http.BoundedClient` with one `Limits` value:

- `max_bytes`: the answer's size AFTER decompression (a 1 MB gzip body inflating to 1 GB is
  stopped at `max_bytes`, never inflated whole);
- `deadline`: seconds for the whole exchange — connect, headers and body (a server sending one
  byte every 5 s resets a per-read timeout for ever; a deadline does not reset);
- `max_depth`: the deepest JSON nesting accepted (Python's parser recurses: 100,000 levels
  is a RecursionError, not a message).

Crossing any of them is `SiteContractBroken`: the exit code of an unreachable site (3), a
message in the shop's language, nothing sent after it, nothing unpublished. The figures are
part of the Site API contract (docs/site-api.md, "Limits of the connector").

Kept free of httpx: the CLI's parser and the status service import the vocabulary only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopsync.errors import SiteUnreachable

KiB = 1024
MiB = 1024 * KiB


class Breach(StrEnum):
    """Which limit an answer crossed (stable English codes: logs, --json, support)."""

    TOO_LARGE = "answer_too_large"
    TOO_SLOW = "answer_too_slow"
    TOO_DEEP = "answer_too_deep"
    TOO_MANY_PAGES = "too_many_pages"
    BAD_ENCODING = "unsupported_content_encoding"


@dataclass(frozen=True, slots=True)
class Limits:
    """What one kind of answer may be. Frozen: a preset cannot be loosened by a caller."""

    max_bytes: int
    deadline: float
    max_depth: int = 32

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or not self.deadline > 0 or self.max_depth <= 0:
            raise ValueError(f"limits must be positive: {self!r}")


# The presets, one per kind of answer. Sizes are ten to a hundred times what a healthy answer
# weighs (figures in docs/site-api.md), so a large shop never meets them and a broken one
# meets them early.
HEALTH = Limits(max_bytes=64 * KiB, deadline=20.0)
SETTINGS = Limits(max_bytes=64 * KiB, deadline=30.0)
HEARTBEAT = Limits(max_bytes=256 * KiB, deadline=20.0)  # support requests ride on it
ACK = Limits(max_bytes=16 * KiB, deadline=15.0)
REPORT = Limits(max_bytes=64 * KiB, deadline=30.0)  # connection report, listing requests
DIAGNOSTIC_ANSWER = Limits(max_bytes=64 * KiB, deadline=120.0)  # the upload is the slow part
PRODUCT = Limits(max_bytes=256 * KiB, deadline=30.0)
BATCH_ANSWER = Limits(max_bytes=8 * MiB, deadline=120.0)  # ≤ 500 verdicts, ~100 B each
# ≤ 1,000 products of a few hundred bytes each: ~0.5 MB in practice.
CATALOG_PAGE = Limits(max_bytes=32 * MiB, deadline=120.0)
FOURD_LOGIN = Limits(max_bytes=64 * KiB, deadline=30.0)
FOURD_PAGE = Limits(max_bytes=64 * MiB, deadline=120.0)  # 4D pages carry every attribute
# The update repository: TUF bounds each file by its signed length; this bounds every
# download (metadata without a known length included) in size and total time.
# An installer is ~50 MB; the repository's own target cap is 400 MB; half an hour covers a
# slow shop line (~250 KB/s). TUF checks exact lengths and hashes within this.
UPDATE_DOWNLOAD = Limits(max_bytes=400 * MiB, deadline=1800.0)

# A site that announces no catalogue size is still not followed past this many products.
MAX_CATALOG_PRODUCTS = 500_000  # the largest shops have ~200,000 references
# Past the announced size, pages a site may still add (products listed while we read).
PAGE_SLACK = 2


def page_cap(announced_total: int | None, page_limit: int) -> int:
    """How many pages of `page_limit` items a listing may take before ShopSync stops.

    Derived from the size the site announced (its `/health` `catalog_size`) when it did, else
    from `MAX_CATALOG_PRODUCTS`: a site naming a new cursor on every page stops here, not after
    thousands of requests.
    """
    total = MAX_CATALOG_PRODUCTS if announced_total is None else max(0, announced_total)
    return -(-total // page_limit) + PAGE_SLACK


class SiteContractBroken(SiteUnreachable):
    """An answer crossed a limit of the trust boundary: too large, too slow, too deep, or a
    listing that never ends. Exit 3 like an outage (changes stay pending, nothing is
    unpublished), never retried within a run: the same server would break the same way, and
    retrying would multiply the wait that the deadline bounds."""

    def __init__(self, message: str, breach: Breach, *, service: str = "") -> None:
        super().__init__(message)
        self.breach = breach
        self.service = service
