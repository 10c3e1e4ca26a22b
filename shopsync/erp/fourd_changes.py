"""4D REST sources read by their changes: the global stamp and `__DeletedRecords`, or a gate.

With "Enable data change tracking" on (4D 20 R3+ / 21), every tracked entity carries
`__GlobalStamp`, the datastore's stamp when it was last added or changed; each list answer
carries the current global stamp (`"__GlobalStamp": G` beside `__COUNT`); a deletion adds an
entity to `__DeletedRecords` (`__PrimaryKey`, `__Stamp`, `__TableName`, `__TableNumber`). After
a change the global stamp is incremented, so everything changed after an answer carrying G has
a stamp ≥ G. One poll is one request when nothing changed:

    GET /rest/Article?$filter="__GlobalStamp>:1"&$params='[G-1]'&$orderby="__GlobalStamp ASC"
        &$attributes=...&$top=500

`__DeletedRecords` is asked only when the global stamp moved inside the window read. A global
stamp lower than the one kept means the ERP's database was restored: one full read. After a
delta, the server's count is compared with the cached view's: a difference (deletions purged
from `__DeletedRecords`, a gap) means one full read.

Without change tracking (older 4D, `changes` unset), the gate is `$compute=$all` on the
quantity and price attributes (count, sum, min, max): one or two small answers per poll; when
they move, the whole data class is read.

All requests go through `fourd_rest`'s one session per server and user (one licence).
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import quote

from shopsync.erp import fourd_rest, messages
from shopsync.erp.changes import CachedView, ChangeMode, Cursor, Delta, FullReadNeeded, Snapshot
from shopsync.erp.profiles import Profile
from shopsync.erp.values import cell_text
from shopsync.errors import InputError

log = logging.getLogger("shopsync.erp")
STAMP = "__GlobalStamp"
DELETED = "__DeletedRecords"


class FourDTracker:
    """One 4D data class, read whole or by its changes."""

    def __init__(self, source: str | None, profile: Profile, mode: ChangeMode) -> None:
        self.profile = profile
        self.spec = profile.source
        self.mode = mode
        self.base = fourd_rest.server_base(source, profile)
        self.path = quote(self.spec.data_class)
        self.label = f"{self.base}/rest/{self.path}"
        self.source_id = json.dumps(
            ["4d-rest", self.base, self.spec.data_class, list(self.spec.attributes),
             self.spec.filter, str(mode)]
        )
        self.requests = 0

    # -- the wire ------------------------------------------------------------------------------

    def _get(self, path: str, params: dict[str, str]) -> dict:
        self.requests += 1
        return fourd_rest.get_json(self.base, self.profile, path, params)

    def _base_params(self) -> dict[str, str]:
        params = {"$top": str(self.spec.page_size)}
        if self.spec.attributes:
            params["$attributes"] = ",".join(self.spec.attributes)
        return params

    def _pages(self, params: dict[str, str]) -> tuple[list[dict[str, Any]], dict]:
        """Every entity of a selection, page by page; returns them and the first answer."""
        entities: list[dict[str, Any]] = []
        first: dict | None = None
        seen_heads: set[Any] = set()
        for page in range(fourd_rest.MAX_PAGES):
            params["$skip"] = str(page * self.spec.page_size)
            body = self._get(self.path, params)
            first = first if first is not None else body
            batch = [e for e in body.get("__ENTITIES", []) if isinstance(e, dict)]
            if not batch:
                break
            head = batch[0].get("__KEY")
            if head in seen_heads:
                raise InputError(messages.skip_ignored(self.label))
            seen_heads.add(head)
            entities.extend(batch)
            total = body.get("__COUNT")
            if (isinstance(total, int) and len(entities) >= total) or len(batch) < self.spec.page_size:
                break
        return entities, first or {}

    def _stamp_of(self, body: dict) -> int:
        value = body.get(STAMP)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(messages.no_stamp(self.label, STAMP))
        return int(value)

    def _filter(self, extra: str) -> str:
        own = self.spec.filter.strip()
        return f"({own}) AND {extra}" if own else extra

    # -- full read ------------------------------------------------------------------------------

    def full(self) -> Snapshot:
        self.requests = 0
        cursor = Cursor(self.mode)
        params = self._base_params()
        if self.spec.filter:
            params["$filter"] = self.spec.filter
        if self.mode == ChangeMode.GATE and self.spec.attributes:
            # before the rows: a change made while they are read moves the next gate
            cursor.state["gate"] = self._gate(list(self.spec.attributes))
        entities, first = self._pages(params)
        flat = [(e.get("__KEY"), fourd_rest._flatten(e)) for e in entities]
        headers = list(self.spec.attributes) or list(dict.fromkeys(k for _, e in flat for k in e))
        if self.mode == ChangeMode.STAMP:
            stamp = self._stamp_of(first)  # the stamp when the first page was read
            cursor.state["stamp"] = stamp
            cursor.remember(stamp)
        rows = {str(key): [cell_text(e.get(h)) for h in headers] for key, e in flat if key is not None}
        if self.mode == ChangeMode.GATE and "gate" not in cursor.state:
            cursor.state["gate"] = self._gate(headers)
        return Snapshot(self.label, headers, rows, cursor, self.requests)

    # -- changes --------------------------------------------------------------------------------

    def changes(self, cursor: Cursor, headers: list[str], view: CachedView) -> Delta:
        self.requests = 0
        if self.mode == ChangeMode.GATE:
            return self._gate_changes(cursor, headers)
        return self._stamp_changes(cursor, headers, view)

    def _stamp_changes(self, cursor: Cursor, headers: list[str], view: CachedView) -> Delta:
        kept = int(cursor.state["stamp"])
        seen = cursor.since(self.spec.changes_overlap)
        since = kept if seen is None else int(seen)
        params = self._base_params()
        params["$filter"] = _quoted(self._filter(f"{STAMP}>:1"))
        params["$params"] = f"'[{since - 1}]'"
        params["$orderby"] = _quoted(f"{STAMP} ASC")
        entities, first = self._pages(params)
        stamp = self._stamp_of(first)
        if stamp < kept:
            raise FullReadNeeded(
                f"{self.label}: the 4D global stamp went back from {kept} to {stamp} "
                "(the ERP's database was restored?)"
            )
        next_cursor = Cursor(self.mode, {"stamp": stamp}, [list(p) for p in cursor.history])
        next_cursor.remember(stamp)
        changed = {
            str(e["__KEY"]): [cell_text(flat.get(h)) for h in headers]
            for e in entities
            if e.get("__KEY") is not None
            for flat in (fourd_rest._flatten(e),)
        }
        delta = Delta(next_cursor, changed, transferred=len(entities))
        if since < stamp:  # something was stamped in the window: deletions, filtered-out rows
            delta.deleted = self._deleted_since(since) - set(changed)
            if self.spec.filter:
                delta.deleted |= self._left_the_filter(since, headers) - set(changed)
        if stamp != kept or delta.deleted or (delta.changed and set(delta.changed) - view.keys()):
            # the datastore moved since the last poll, or rows came or went: same count?
            self._check_count(view, delta)
        delta.requests = self.requests
        return delta

    def _deleted_since(self, since: int) -> set[str]:
        params = {
            "$filter": _quoted("__Stamp>:1 AND __TableName=:2"),
            "$params": "'" + json.dumps([since - 1, self.spec.data_class]) + "'",
            "$attributes": "__PrimaryKey,__Stamp",
            "$top": str(self.spec.page_size),
        }
        try:
            entities, _ = self._pages_of(DELETED, params)
        except InputError as exc:
            raise InputError(messages.deletions_unreadable(exc, DELETED)) from None
        return {str(e["__PrimaryKey"]) for e in entities if e.get("__PrimaryKey") is not None}

    def _pages_of(self, path: str, params: dict[str, str]) -> tuple[list[dict[str, Any]], dict]:
        own, self.path = self.path, quote(path)
        try:
            return self._pages(params)
        finally:
            self.path = own

    def _left_the_filter(self, since: int, headers: list[str]) -> set[str]:
        """Entities changed in the window but no longer matching the profile's filter (a piece
        sold out under `stock>0`): they leave the view as if deleted."""
        params = {
            "$filter": _quoted(f"{STAMP}>:1"),
            "$params": f"'[{since - 1}]'",
            "$attributes": headers[0] if headers else "",
            "$top": str(self.spec.page_size),
        }
        entities, _ = self._pages(params)
        return {str(e["__KEY"]) for e in entities if e.get("__KEY") is not None}

    def _check_count(self, view: CachedView, delta: Delta) -> None:
        """After a delta, the server's count and the view's must agree; else a gap."""
        params = {"$top": "1"}
        if self.spec.attributes:
            params["$attributes"] = self.spec.attributes[0]
        if self.spec.filter:
            params["$filter"] = self.spec.filter
        body = self._get(self.path, params)
        total = body.get("__COUNT")
        if not isinstance(total, int):
            return
        keys = view.keys()
        after = len((keys | set(delta.changed)) - delta.deleted)
        if after != total:
            raise FullReadNeeded(
                f"{self.label}: {after} entities in the cached view after the changes, {total} "
                "on the 4D server (a gap: deletions no longer in __DeletedRecords?)"
            )

    # -- the gate (no change tracking) ------------------------------------------------------------

    def _gate(self, headers: list[str]) -> list[Any] | None:
        """Count and sums of the stock attributes, computed by 4D ($compute=$all); None when
        the server cannot compute them (then every poll reads the data class whole, as before
        change tracking: a missing gate never stops syncing)."""
        try:
            return self._gate_figures(headers)
        except InputError as exc:
            log.info("%s: no gate (%s): each poll reads the data class", self.label, exc)
            return None

    def _gate_figures(self, headers: list[str]) -> list[Any]:
        from shopsync.erp.table import locate_header

        figures: list[Any] = []
        try:
            _, columns = locate_header(self.label, [headers], self.profile)
        except InputError:
            columns = None
        names = [columns.header_of(f) for f in ("quantity", "price")] if columns else []
        for name in [n for n in names if n and "." not in n]:
            params = {"$compute": "$all"}
            if self.spec.filter:
                params["$filter"] = self.spec.filter
            body = self._get(f"{self.path}/{quote(name)}/", params)
            figures.append(body.get(name, body))
        if not figures:  # nothing to sum: the count alone
            params = {"$top": "1"}
            if self.spec.filter:
                params["$filter"] = self.spec.filter
            figures.append(self._get(self.path, params).get("__COUNT"))
        return json.loads(json.dumps(figures, default=str))

    def _gate_changes(self, cursor: Cursor, headers: list[str]) -> Delta:
        figures = self._gate(headers)
        if figures is not None and figures == cursor.state.get("gate"):
            return Delta(cursor, requests=self.requests)
        log.info("%s: the gate moved (count or stock sums): reading the data class", self.label)
        asked = self.requests
        whole = self.full()
        return Delta(whole.cursor, whole=whole, requests=asked + whole.requests)


def _quoted(text: str) -> str:
    """`$filter` and `$orderby` values as 4D's documentation writes them: in double quotes."""
    return f'"{text}"'
