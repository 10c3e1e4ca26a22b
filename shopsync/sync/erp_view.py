"""The cached ERP view of a database source, in memory: its rows by key and the stock lines
they make, so that a delta costs what it changes.

A delta (changed rows, deleted keys) touches a few references. Only the rows of those
references go through the builder again (the same road as a full read: `erp.view`), since
lines merge only within one reference; the other lines stay as they are. What moved (new or
different lines) and what is gone are handed to the store, which writes only those
(`erp_cache.save_view`). A 20,000-row view takes a delta in milliseconds instead of a rebuild
and a reload of every row.

The engine keeps one `ViewCache` (like its other caches): valid while the store's view is the
one it mirrors (same content hash, source and headers); otherwise it is rebuilt from the
store's rows once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shopsync.model import Problem, StockLine

if TYPE_CHECKING:
    from shopsync.erp.profiles import Profile

LineKey = tuple[str, str]  # (reference, size or "")
Rows = dict[str, tuple[int, list[str]]]  # key -> (stable row number, cells)


def line_key(line: StockLine) -> LineKey:
    return line.reference, line.size or ""


@dataclass(slots=True)
class ViewChange:
    """What one delta or whole read did to the view."""

    moved: list[StockLine] = field(default_factory=list)  # new or different lines
    gone: list[LineKey] = field(default_factory=list)
    rows: Rows = field(default_factory=dict)  # rows to write (new or different), numbered
    deleted: set[str] = field(default_factory=set)  # row keys to delete

    @property
    def lines_moved(self) -> int:
        return len(self.moved) + len(self.gone)


class ErpView:
    """Rows by key, the lines they make, and where each reference's rows are."""

    def __init__(self, label: str, headers: list[str], profile: Profile) -> None:
        from shopsync.erp.table import locate_header

        self.label = label
        self.headers = headers
        self.profile = profile
        _, columns = locate_header(label, [headers], profile)
        self._ref_at = columns.index["reference"]
        self.rows: Rows = {}
        self.lines: dict[LineKey, StockLine] = {}
        self.by_ref: dict[str, set[str]] = {}
        self.problems: dict[int | None, list[Problem]] = {}
        self.raw_lines = 0
        self.content_hash: str | None = None
        self.source_id = ""

    # -- building ---------------------------------------------------------------------------

    def _ref(self, cells: list[str]) -> str:
        return cells[self._ref_at].strip() if self._ref_at < len(cells) else ""

    def _build(self, keys: Iterable[str]) -> tuple[list[StockLine], list[Problem], int]:
        """The builder over these rows (in row-number order): the one road."""
        from shopsync.erp.view import lines_from_rows

        numbered = sorted(((self.rows[k][1], self.rows[k][0]) for k in keys), key=_number)
        if not numbered:
            return [], [], 0
        result = lines_from_rows(self.label, self.headers, numbered, self.profile)
        return result.lines, [*result.rejected, *result.warnings], result.raw_lines

    def fill(self, rows: Rows) -> None:
        """All rows at once (a whole read, or the store's rows when the process starts)."""
        self.rows = dict(rows)
        self.by_ref = {}
        for key, (_, cells) in self.rows.items():
            self.by_ref.setdefault(self._ref(cells), set()).add(key)
        lines, problems, self.raw_lines = self._build(self.rows)
        self.lines = {line_key(ln): ln for ln in lines}
        self.problems = {}
        for problem in problems:
            self.problems.setdefault(problem.line, []).append(problem)

    # -- a delta ----------------------------------------------------------------------------

    def apply(self, changed: dict[str, list[str]], deleted: set[str]) -> ViewChange:
        """Changed rows (new keys numbered after the last) and deleted keys into the view."""
        change = ViewChange(deleted={k for k in deleted if k in self.rows})
        affected: set[str] = set()
        for key in change.deleted:
            number, cells = self.rows.pop(key)
            ref = self._ref(cells)
            affected.add(ref)
            self.by_ref.get(ref, set()).discard(key)
            self.problems.pop(number, None)
        top = max((n for n, _ in self.rows.values()), default=0)
        for key, cells in changed.items():
            old = self.rows.get(key)
            if old is not None and old[1] == cells:
                continue  # read twice (the overlap window): the same row
            if old is not None:
                affected.add(self._ref(old[1]))
                self.by_ref.get(self._ref(old[1]), set()).discard(key)
                number = old[0]
            else:
                top += 1
                number = top
            self.rows[key] = (number, cells)
            change.rows[key] = (number, cells)
            ref = self._ref(cells)
            affected.add(ref)
            self.by_ref.setdefault(ref, set()).add(key)
        if not affected:
            return change
        keys = [k for ref in affected for k in self.by_ref.get(ref, ())]
        for key in keys:
            self.problems.pop(self.rows[key][0], None)
        before = {k: ln for k, ln in self.lines.items() if k[0] in affected}
        lines, problems, _ = self._build(keys)
        after = {line_key(ln): ln for ln in lines}
        for problem in problems:
            if problem.line is not None:
                self.problems.setdefault(problem.line, []).append(problem)
        change.gone = [k for k in before if k not in after]
        change.moved = [ln for k, ln in after.items() if before.get(k) != ln]
        for k in change.gone:
            del self.lines[k]
        self.lines.update(after)
        self.raw_lines = len(self.rows)
        return change

    # -- what the trackers ask (erp.changes.CachedView) --------------------------------------

    def count(self) -> int:
        return len(self.rows)

    def keys(self) -> set[str]:
        return set(self.rows)

    # -- what the run and the store see -----------------------------------------------------

    def stock_lines(self) -> list[StockLine]:
        return list(self.lines.values())

    def problem_list(self) -> list[Problem]:
        located = [p for n, ps in self.problems.items() if n is not None for p in ps]
        return [*self.problems.get(None, []), *sorted(located, key=lambda p: p.line or 0)]

    def rejected(self) -> int:
        return sum(1 for ps in self.problems.values() for p in ps if p.severity == "error")

    def next_hash(self, change: ViewChange) -> str:
        """A new content hash when lines moved: the previous one chained with what moved
        (the fingerprint only needs "this view is not the one a plan went out from")."""
        digest = hashlib.sha256((self.content_hash or "").encode())
        digest.update(repr(sorted(change.moved)).encode())
        digest.update(repr(sorted(change.gone)).encode())
        return digest.hexdigest()


def _number(pair: tuple[list[str], int]) -> int:
    return pair[1]


class ViewCache:
    """The engine's one mirror of the cached view (declared with its other caches)."""

    def __init__(self) -> None:
        self.view: ErpView | None = None

    def valid_for(self, source_id: str, headers: list[str], content_hash: str | None) -> ErpView | None:
        view = self.view
        if view is None or view.source_id != source_id or view.headers != headers:
            return None
        if view.content_hash != content_hash:
            return None
        return view
