"""One counting of an export: what was read, what connects, what the site will show, and why
not. Every place that gives numbers about an export (the wizard, the readiness report, the sync
summary, `shopsync status`, the heartbeat, `/admin`, `shopsync demo`) shows this one value, so
that two places cannot count the same export differently.

API (agreed with the wizard; Qt-free, pure: no I/O):

    from shopsync.sync.counts import ExportCounts, NothingPublished, count_export, count_read
    count_read(read, catalogue, mappings=…, options=…, accepted=…, rejected=…) -> ExportCounts
        read: a ReadResult (`erp.read_export`); catalogue: {ref: CatalogProduct}, or None when
        the site's catalogue is not known yet (the wizard before its site step)
    count_export(lines, lines_read=…, lines_rejected=…, catalogue=…, …) -> ExportCounts
        the same from merged lines and the read's two line counts (a cached read)
    counts.as_dict() / ExportCounts.from_dict(d)   stable English keys (status --json, heartbeat)
    counts.sentences(translate) -> [str]            the numbers in the shop's words (texts.py),
        the last one saying why nothing will be published, if nothing will
    counts.nothing_published -> NothingPublished | None
    services: `Services.counts.last()` (the last run's counting, stored by the engine) and
    `Services.counts.of_export(path, profile, catalogue=None)` (a full read counted with the
    shop's decisions: the wizard's preview).

The identities (asserted when an ExportCounts is built, and by tests on several exports):

    lines_read = lines_kept + lines_rejected        data lines of the export (the header,
                                                    blank lines, footers, repeated headers are
                                                    not lines); a rejected line is not kept
    lines_kept = items + lines_merged               an item is a reference (and ring size);
                                                    a repeated line (one line per piece) is
                                                    merged into its item
    references = connected + to_rewrite + absent_from_catalogue
                                                    distinct ERP references (the sizes of one
                                                    reference count once); connected: a sync
                                                    uses it (exact, normalised, accepted alias,
                                                    previous spelling); to_rewrite: not
                                                    connected, a catalogue reference looks like
                                                    it (`match` says "suggested"); absent: no
                                                    catalogue reference looks like it
    connected = will_publish + held_by_brand + held_by_status
                                                    what the rules do with the connected
                                                    reference's catalogue product: shown,
                                                    kept off by its brand, kept off by its ERP
                                                    status
    held_by_brand = brand_undecided + brand_off     the brand is not decided yet (or the line
                                                    has none), or was set off the site

`products_published` counts the catalogue products the site will show (a pre-order brand's
products without ERP lines included; several ERP references on one product count once). When it
is 0, `nothing_published` says why, in this order: no readable item, catalogue unknown, empty
catalogue, nothing connected, then what holds the connected references back.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from shopsync import rules

if TYPE_CHECKING:
    from shopsync.matching import CatalogIndex, MatchResult
    from shopsync.model import CatalogProduct, ReadResult, StockLine

Translate = Callable[..., str]  # (context, text, disambiguation=None, n=-1) -> text


class NothingPublished(enum.StrEnum):
    """Why the site will show nothing from this export (stable English: `--json`, heartbeat)."""

    NO_ITEM = "no_item"  # the export has no readable item
    CATALOGUE_UNKNOWN = "catalogue_unknown"  # the site's catalogue was not read yet
    EMPTY_CATALOGUE = "empty_catalogue"  # the site's catalogue lists no product
    NOTHING_CONNECTED = "nothing_connected"  # no ERP reference connects to the catalogue
    BRANDS_UNDECIDED = "brands_undecided"  # every connected reference's brand is undecided
    BRANDS_OFF = "brands_off"  # every connected reference's brand is off the site
    BRANDS_UNDECIDED_OR_OFF = "brands_undecided_or_off"
    HELD_BY_STATUS = "held_by_status"  # every connected reference is held by its ERP status
    HELD_BY_BRAND_OR_STATUS = "held_by_brand_or_status"


@dataclass(frozen=True, slots=True)
class ExportCounts:
    """One export counted against the catalogue and the shop's choices (see the module doc for
    each number and the identities, checked at construction)."""

    lines_read: int
    lines_rejected: int
    lines_merged: int
    items: int
    references: int
    connected: int
    to_rewrite: int
    absent_from_catalogue: int
    will_publish: int
    brand_undecided: int
    brand_off: int
    held_by_status: int
    written_the_old_way: int  # connected through a spelling the platform used before a rename
    brands_to_decide: int  # ERP brands not decided yet
    catalogue_products: int
    products_published: int
    nothing_published: NothingPublished | None = None

    def __post_init__(self) -> None:
        broken = [name for name, holds in self.identities().items() if not holds]
        if broken:
            raise ValueError(f"export counts do not add up ({', '.join(broken)}): {self!r}")

    @property
    def lines_kept(self) -> int:
        return self.lines_read - self.lines_rejected

    @property
    def held_by_brand(self) -> int:
        return self.brand_undecided + self.brand_off

    def identities(self) -> dict[str, bool]:
        """Each identity of the module doc, by name, and whether it holds."""
        numbers = [getattr(self, f.name) for f in fields(self) if f.name != "nothing_published"]
        return {
            "lines_read = lines_kept + lines_rejected": self.lines_read
            == self.lines_kept + self.lines_rejected,
            "lines_kept = items + lines_merged": self.lines_kept == self.items + self.lines_merged,
            "references = connected + to_rewrite + absent_from_catalogue": self.references
            == self.connected + self.to_rewrite + self.absent_from_catalogue,
            "connected = will_publish + held_by_brand + held_by_status": self.connected
            == self.will_publish + self.held_by_brand + self.held_by_status,
            "references <= items": self.references <= self.items,
            "no negative count": min(numbers) >= 0,
        }

    def as_dict(self) -> dict[str, Any]:
        """Stable English keys (`status --json`, the heartbeat's `counts`, the runs' summary);
        the two derived numbers are written out so that a reader need not add them up."""
        data = asdict(self)
        data["nothing_published"] = (
            None if self.nothing_published is None else str(self.nothing_published)
        )
        data["lines_kept"] = self.lines_kept
        data["held_by_brand"] = self.held_by_brand
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ExportCounts | None:
        """Back from `as_dict()`; None when `data` is missing or does not add up (an older or
        damaged value is not shown rather than shown wrong)."""
        if not data:
            return None
        try:
            values = {f.name: int(data[f.name]) for f in fields(cls) if f.name != "nothing_published"}
            reason = data.get("nothing_published")
            return cls(**values, nothing_published=NothingPublished(reason) if reason else None)
        except (KeyError, TypeError, ValueError):
            return None

    def sentences(self, translate: Translate | None = None, *, why: bool = True) -> list[str]:
        """The counting in the shop's words (texts.py, context "State"): what was read, what
        connects, what the site will show; then why nothing will be published, if nothing
        will. `translate` is the caller's (Qt's in the GUI, shopsync.i18n's elsewhere)."""
        from shopsync import texts
        from shopsync.i18n import arg

        if translate is None:
            from shopsync.i18n import translate
        tr = translate

        def line(key: str, *values: object) -> str:
            return arg(tr("State", texts.COUNTS[key]), *values)

        out = [
            line("read", self.lines_read, self.lines_rejected, self.lines_merged, self.references)
        ]
        if self.nothing_published not in (
            NothingPublished.NO_ITEM, NothingPublished.CATALOGUE_UNKNOWN,
        ):  # fmt: skip
            out.append(
                line("matched", self.connected, self.to_rewrite, self.absent_from_catalogue)
            )
            out.append(
                line(
                    "published", self.will_publish, self.held_by_brand, self.brand_undecided,
                    self.brand_off, self.held_by_status,
                )
            )  # fmt: skip
        reason = self.why_nothing(tr) if why else None
        if reason:
            out.append(reason)
        return out

    def why_nothing(self, translate: Translate | None = None) -> str | None:
        """"Rien ne sera publié : …" in the shop's words, or None when something will be."""
        if self.nothing_published is None:
            return None
        from shopsync import texts

        if translate is None:
            from shopsync.i18n import translate
        return translate("State", texts.NOTHING_PUBLISHED[self.nothing_published])


def count_read(
    read: ReadResult,
    catalogue: Mapping[str, CatalogProduct] | None,
    **choices: Any,
) -> ExportCounts:
    """`count_export` for a fresh read (`erp.read_export`'s result)."""
    return count_export(
        read.lines,
        lines_read=read.raw_lines,
        lines_rejected=len(read.rejected),
        catalogue=catalogue,
        **choices,
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused meanwhile (as the plan step does): counting makes
    10^5 short-lived tuples without cycles, and each collection would walk the engine's
    whole heap (the catalogue, its index, the cached read) for nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def count_export(
    lines: Sequence[StockLine],
    *,
    lines_read: int,
    lines_rejected: int,
    catalogue: Mapping[str, CatalogProduct] | None,
    mappings: Mapping[str, rules.BrandMapping] | None = None,
    options: rules.RuleOptions | None = None,
    accepted: Mapping[str, str] | None = None,
    rejected: Collection[tuple[str, str]] = frozenset(),
    index: CatalogIndex | None = None,
    matches: Sequence[MatchResult] | None = None,
    desired: rules.Desired | None = None,
    suggested: int | None = None,
) -> ExportCounts:
    """Count one export (merged `lines`, with the read's two line counts) against `catalogue`
    and the shop's brand choices (`mappings`, `options`) and alias decisions.

    What a caller already has, it passes, so that nothing is worked out twice and every
    number comes from the very computation the caller acts on: `desired` (the engine's plan,
    `rules.desired_states` over these lines), `matches` (`CatalogIndex.match` over these lines'
    references: the readiness report), `suggested` (how many unconnected references have a
    suggestion, when the caller knows it: the engine's cache), `index` (the catalogue's).
    """
    with _collector_paused():
        return _count(
            lines, lines_read, lines_rejected, catalogue, mappings, options, accepted, rejected,
            index, matches, desired, suggested,
        )  # fmt: skip


def _count(
    lines: Sequence[StockLine],
    lines_read: int,
    lines_rejected: int,
    catalogue: Mapping[str, CatalogProduct] | None,
    mappings: Mapping[str, rules.BrandMapping] | None,
    options: rules.RuleOptions | None,
    accepted: Mapping[str, str] | None,
    rejected: Collection[tuple[str, str]],
    index: CatalogIndex | None,
    matches: Sequence[MatchResult] | None,
    desired: rules.Desired | None,
    suggested: int | None,
) -> ExportCounts:
    """`count_export`'s work, with the collector paused around it."""
    options = options or rules.RuleOptions()
    mappings = mappings or {}
    accepted = dict(accepted or {})
    rejected = set(rejected)
    items = len(lines)
    brand_of: dict[str, str | None] = {}
    for line in lines:
        if line.reference not in brand_of or (not brand_of[line.reference] and line.brand):
            brand_of[line.reference] = line.brand
    references = len(brand_of)
    # Legacy or partial sources that did not count their lines: never fewer than what they gave.
    lines_read = max(lines_read, items + lines_rejected)
    erp_brands = sorted({b for b in brand_of.values() if b})
    full, _ = rules.resolve_brands(erp_brands, mappings, options.new_brands)
    to_decide = {
        rules.fold_brand(b) for b in erp_brands if not full[rules.fold_brand(b)].decided
    }
    base = dict(
        lines_read=lines_read,
        lines_rejected=lines_rejected,
        lines_merged=lines_read - lines_rejected - items,
        items=items,
        references=references,
        brands_to_decide=len(to_decide),
    )
    if not catalogue:
        reason = (
            NothingPublished.NO_ITEM if not references
            else NothingPublished.CATALOGUE_UNKNOWN if catalogue is None
            else NothingPublished.EMPTY_CATALOGUE
        )  # fmt: skip
        return ExportCounts(
            **base, connected=0, to_rewrite=0, absent_from_catalogue=references, will_publish=0,
            brand_undecided=0, brand_off=0, held_by_status=0, written_the_old_way=0,
            catalogue_products=0, products_published=0, nothing_published=reason,
        )  # fmt: skip

    if desired is None:
        if index is None:
            from shopsync.matching import CatalogIndex

            index = CatalogIndex(catalogue)
        connections = index.connect(list(brand_of), accepted, rejected)
        desired = rules.desired_states(lines, catalogue, connections, mappings, options)
    # Each connected reference, and the catalogue product whose fate it shares.
    target_of = {line.reference: ref for ref, group in desired.groups.items() for line in group}
    fate: dict[str, int] = dict.fromkeys(("publish", "undecided", "off", "status"), 0)
    for target in target_of.values():
        if desired.states[target].published:
            fate["publish"] += 1
        else:
            why = desired.reasons.get(target)
            fate["off" if why == rules.Unpublished.BRAND_OFF
                 else "status" if why == rules.Unpublished.STATUS else "undecided"] += 1
    connected = len(target_of)

    renamed = 0
    if matches is not None:
        suggested = sum(
            1 for m in matches if m.status == "suggested" and m.reference not in target_of
        )
        renamed = sum(1 for m in matches if m.renamed and m.reference in target_of)
    elif connected:
        if index is None:
            from shopsync.matching import CatalogIndex

            index = CatalogIndex(catalogue)
        renamed = sum(
            1 for ref, target in target_of.items()
            if ref.strip() != target.strip() and ref not in accepted
            and index.renamed_from(ref, target)
        )  # fmt: skip
    if suggested is None:
        if index is None:
            from shopsync.matching import CatalogIndex

            index = CatalogIndex(catalogue)
        results = index.match(list(brand_of.items()), accepted, rejected)
        suggested = sum(
            1 for m in results if m.status == "suggested" and m.reference not in target_of
        )
    products_published = sum(1 for state in desired.states.values() if state.published)
    return ExportCounts(
        **base,
        connected=connected,
        to_rewrite=suggested,
        absent_from_catalogue=references - connected - suggested,
        will_publish=fate["publish"],
        brand_undecided=fate["undecided"],
        brand_off=fate["off"],
        held_by_status=fate["status"],
        written_the_old_way=renamed,
        catalogue_products=len(catalogue),
        products_published=products_published,
        nothing_published=_why_nothing(references, connected, products_published, fate),
    )


def _why_nothing(
    references: int, connected: int, published: int, fate: Mapping[str, int]
) -> NothingPublished | None:
    if not references:
        return NothingPublished.NO_ITEM
    if published:
        return None
    if not connected:
        return NothingPublished.NOTHING_CONNECTED
    by_brand = fate["undecided"] + fate["off"]
    if not fate["status"]:
        if not fate["off"]:
            return NothingPublished.BRANDS_UNDECIDED
        if not fate["undecided"]:
            return NothingPublished.BRANDS_OFF
        return NothingPublished.BRANDS_UNDECIDED_OR_OFF
    return NothingPublished.HELD_BY_STATUS if not by_brand else NothingPublished.HELD_BY_BRAND_OR_STATUS


def suggestion_key(
    lines: Sequence[StockLine],
    catalog_hash: str | None,
    accepted: Mapping[str, str],
    rejected: Collection[tuple[str, str]],
) -> str:
    """What `to_rewrite` depends on, hashed: the export's distinct references and brands (not
    its quantities: a sale changes none of them), the catalogue and the alias decisions. The
    engine remembers the costly suggestion count under it (store/counts.py)."""
    import hashlib

    digest = hashlib.sha256()
    with _collector_paused():
        pairs = sorted({(line.reference, line.brand or "") for line in lines})
    digest.update("\x1e".join(f"{ref}\x1f{brand}" for ref, brand in pairs).encode("utf-8", "surrogatepass"))
    digest.update(repr((catalog_hash, sorted(accepted.items()), sorted(rejected))).encode())
    return digest.hexdigest()
