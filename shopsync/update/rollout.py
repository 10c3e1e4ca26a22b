"""Staged rollout: which agents a release at P % is offered to.

An agent's bucket for a release is a stable hash of its agent id and the release's version,
0..99; the release is offered when the bucket is below P. Raising P only adds agents (nobody
offered at 10 % loses it at 50 %), and salting with the version means the first 10 % are not
the same shops for every release.
"""

from __future__ import annotations

import hashlib


def bucket(agent_id: str, version: str) -> int:
    digest = hashlib.sha256(f"{agent_id}/{version}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100


def offered(agent_id: str, version: str, rollout_percent: int) -> bool:
    return bucket(agent_id, version) < rollout_percent
