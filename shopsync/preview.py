"""What unsaved brand choices would do to the site, before the shop saves them.

The brands window asks "34 produits seront publiés, 2 dépubliés" before a click changes the web
store: the same rules the engine runs, over the last ERP read and the cached catalogue, with the
window's choices laid over the saved mappings, compared with what the site was last promised.
Qt-free and read-only, so it runs in a worker thread and in tests without a display.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlite_utils

from shopsync.config import Settings
from shopsync.rules import BrandMapping, fold_brand
from shopsync.store import catalog as catalog_store
from shopsync.store import erp_cache


@dataclass(slots=True)
class MappingPreview:
    """The effect of a set of brand choices on the site (references per kind)."""

    publish: list[str] = field(default_factory=list)
    unpublish: list[str] = field(default_factory=list)
    update: list[str] = field(default_factory=list)

    def human(self) -> str:
        """French, for the shop (the GUI translates its own wording from the counts)."""
        return (
            f"{len(self.publish)} produits seront publiés, {len(self.unpublish)} dépubliés"
            + (f", {len(self.update)} mis à jour" if self.update else "")
        )


def merged_mappings(
    saved: Mapping[str, BrandMapping], choices: Mapping[str, tuple[str, str | None]]
) -> dict[str, BrandMapping]:
    """The saved mappings with the window's choices (ERP brand -> (mode, site brand)) on top."""
    merged = dict(saved)
    for erp_brand, (mode, site_brand) in choices.items():
        merged[fold_brand(erp_brand)] = BrandMapping(erp_brand, site_brand or None, mode, True)
    return merged


def preview_mappings(
    db: sqlite_utils.Database,
    settings: Settings,
    choices: Mapping[str, tuple[str, str | None]],
) -> MappingPreview:
    """The engine's own plan (sync/plan.py) for the last read with `choices` applied, against
    what the site was promised; nothing is written. Unpublishing the guard would hold counts as
    unpublished: it happens once a person confirms."""
    from shopsync.matching import CatalogIndex
    from shopsync.sync.plan import Planner, PromisedCache, load_inputs

    lines = erp_cache.load_lines(db)
    catalog = catalog_store.load_catalog(db)
    if not lines or not catalog:
        return MappingPreview()
    inputs = load_inputs(db, settings, lines, catalog, CatalogIndex(catalog), PromisedCache())
    inputs = dataclasses.replace(inputs, mappings=merged_mappings(inputs.mappings, choices))
    plan = Planner().plan(inputs, remember=False)
    return MappingPreview(
        publish=sorted(plan.by_kind["publish"]),
        unpublish=sorted(plan.by_kind["unpublish"] + plan.by_kind["held"]),
        update=sorted(plan.by_kind["update"]),
    )
