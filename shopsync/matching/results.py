"""What `match` says about an ERP reference: its status, and the candidates offered.

The statuses and the JSONL object are the `match` command's CLI contract (`to_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXACT = "exact"
NORMALIZED = "normalized"
SUGGESTED = "suggested"
UNMATCHED = "unmatched"
STATUSES = (EXACT, NORMALIZED, SUGGESTED, UNMATCHED)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A catalogue reference offered for an ERP reference, with its score in 0..1."""

    reference: str
    brand: str
    score: float


@dataclass(slots=True)
class MatchResult:
    """What `match` says about one distinct ERP reference.

    `catalog_reference` is the connected reference (exact, normalized) or the best candidate
    (suggested), None when unmatched. `alias` is True when the shop's accepted alias made the
    connection; the status is then `normalized` (connected, though written differently).
    """

    reference: str
    brand: str | None
    status: str
    catalog_reference: str | None
    score: float
    candidates: list[Candidate] = field(default_factory=list)
    alias: bool = False
    renamed: bool = False  # connected through a spelling the platform used before a rename

    @property
    def connected(self) -> bool:
        """True when a sync uses this match (exact, normalized or accepted alias)."""
        return self.status in (EXACT, NORMALIZED)

    def to_dict(self) -> dict:
        """The JSONL object of the CLI contract (plus `alias`)."""
        return {
            "reference": self.reference,
            "brand": self.brand,
            "status": self.status,
            "catalog_reference": self.catalog_reference,
            "score": round(self.score, 4),
            "candidates": [
                {"reference": c.reference, "brand": c.brand, "score": round(c.score, 4)}
                for c in self.candidates
            ],
            "alias": self.alias,
            "renamed": self.renamed,
        }
