"""The aliases table, on a real SQLite store."""

from __future__ import annotations

import pytest

from shopsync.store import aliases, open_db
from shopsync.store.aliases import AliasError


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "shopsync.db")
    yield database
    database.conn.close()


def test_accept_reject_list(db) -> None:
    aliases.accept(db, " TIS-T120.417.17.041.00 ", "T120.417.17.041.00")
    aliases.reject(db, "F205601", "F20560/1")
    assert aliases.accepted(db) == {"TIS-T120.417.17.041.00": "T120.417.17.041.00"}
    assert aliases.rejected(db) == {("F205601", "F20560/1")}
    rows = aliases.list_all(db)
    assert [(r["erp_reference"], r["decision"], r["stale"]) for r in rows] == [
        ("F205601", "rejected", False),
        ("TIS-T120.417.17.041.00", "accepted", False),
    ]
    assert all(isinstance(r["decided_at"], float) for r in rows)


def test_accepting_another_target_replaces_the_alias(db) -> None:
    aliases.accept(db, "590702HV", "590702HV-16")
    aliases.accept(db, "590702HV", "590702HV-17")
    assert aliases.accepted(db) == {"590702HV": "590702HV-17"}
    assert len(aliases.list_all(db)) == 1


def test_a_later_decision_overturns_an_earlier_one(db) -> None:
    aliases.reject(db, "A1", "A-1")
    aliases.accept(db, "A1", "A-1")
    assert aliases.accepted(db) == {"A1": "A-1"} and aliases.rejected(db) == set()
    aliases.reject(db, "A1", "A-1")
    assert aliases.accepted(db) == {} and aliases.rejected(db) == {("A1", "A-1")}


def test_empty_references_are_refused(db) -> None:
    with pytest.raises(AliasError):
        aliases.accept(db, "  ", "X")
    with pytest.raises(AliasError):
        aliases.reject(db, "X", "")


def test_recheck_flags_vanished_targets_once_and_unflags_returning_ones(db) -> None:
    aliases.accept(db, "A1", "A-1")
    aliases.accept(db, "B1", "B-1")
    aliases.reject(db, "C1", "C-1")
    newly = aliases.recheck(db, {"A-1", "Z-9"})
    assert sorted((a["erp_reference"], a["decision"]) for a in newly) == [
        ("B1", "accepted"),
        ("C1", "rejected"),
    ]
    assert aliases.recheck(db, {"A-1", "Z-9"}) == []  # reported once
    stale = {r["erp_reference"]: r["stale"] for r in aliases.list_all(db)}
    assert stale == {"A1": False, "B1": True, "C1": True}
    aliases.recheck(db, {"A-1", "B-1", "C-1"})
    assert not any(r["stale"] for r in aliases.list_all(db))
    # An empty catalogue is a failed fetch, not a catalogue without products.
    assert aliases.recheck(db, set()) == []
    assert not any(r["stale"] for r in aliases.list_all(db))


def test_decisions_survive_reopening(tmp_path) -> None:
    first = open_db(tmp_path / "s.db")
    aliases.accept(first, "A1", "A-1")
    first.conn.close()
    again = open_db(tmp_path / "s.db")
    try:
        assert aliases.accepted(again) == {"A1": "A-1"}
    finally:
        again.conn.close()
