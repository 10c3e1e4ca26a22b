"""The cached ERP view of a database source takes a delta by rebuilding only the references it
touches (issue 20). Whatever the deltas, its lines must be exactly what a whole rebuild of the
same rows gives: merges of repeated references, sizes, rejected rows and line numbers included."""

from __future__ import annotations

import random

from shopsync.erp import load_profile
from shopsync.sync.erp_view import ErpView

HEADERS = ["reference", "marque", "libelle", "stock", "prixTTC", "taille"]


def _row(rng: random.Random) -> list[str]:
    ref = f"R-{rng.randrange(40):03d}"  # few references: many rows merge
    size = rng.choice(["", "", "52", "54", "T56"])
    stock = rng.choice(["0", "1", "2", "3", "-1", "2,5", ""])  # -1 clamps, 2,5 is rejected
    price = rng.choice(["100", "120,50", "99.9", "abc", ""])
    return [ref, rng.choice(["Fred", "Tissot"]), f"Bague {ref}", stock, price, size]


def _whole(view: ErpView) -> ErpView:
    again = ErpView(view.label, view.headers, view.profile)
    again.fill(view.rows)
    return again


def test_a_view_fed_deltas_equals_the_whole_rebuild_of_its_rows() -> None:
    rng = random.Random(20)
    profile = load_profile("4d-rest")
    view = ErpView("4d:test", HEADERS, profile)
    view.fill({str(k): (k, _row(rng)) for k in range(1, 301)})
    next_key = 301
    for step in range(60):
        keys = list(view.rows)
        changed = {k: _row(rng) for k in rng.sample(keys, rng.randrange(0, 6))}
        for _ in range(rng.randrange(0, 3)):
            changed[str(next_key)] = _row(rng)
            next_key += 1
        deleted = set(rng.sample(keys, rng.randrange(0, 4))) - set(changed)
        before = dict(view.lines)
        change = view.apply(changed, deleted)
        whole = _whole(view)
        assert view.lines == whole.lines, f"step {step}"
        assert sorted(map(str, view.problem_list())) == sorted(map(str, whole.problem_list()))
        moved = {(ln.reference, ln.size or "") for ln in change.moved}
        assert moved == {k for k, ln in view.lines.items() if before.get(k) != ln}
        assert set(change.gone) == set(before) - set(view.lines)


def test_rows_read_twice_change_nothing() -> None:
    rng = random.Random(3)
    view = ErpView("4d:test", HEADERS, load_profile("4d-rest"))
    view.fill({str(k): (k, _row(rng)) for k in range(1, 51)})
    again = {k: list(cells) for k, (_, cells) in list(view.rows.items())[:10]}
    change = view.apply(again, set())
    assert (change.moved, change.gone, change.rows) == ([], [], {})
