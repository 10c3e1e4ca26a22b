"""What unsaved brand choices would do to the site, before the shop saves them.

The brands window asks "34 produits seront publiés, 2 dépubliés" before a click changes the web
store: the same rules the engine runs, over the last ERP read and the cached catalogue, with the
window's choices laid over the saved mappings, compared with what the site was last promised.
Qt-free and read-only, so it runs in a worker thread and in tests without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlite_utils

from shopsync import rules
from shopsync.config import Settings
from shopsync.rules import BrandMapping, fold_brand
from shopsync.store import aliases as alias_store
from shopsync.store import brands as brand_store
from shopsync.store import catalog as catalog_store
from shopsync.store import delivery, erp_cache


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
    """Desired site states with `choices` applied, against what the site was promised."""
    from shopsync import matching
    from shopsync.engine import state_key

    lines = erp_cache.load_lines(db)
    catalog = catalog_store.load_catalog(db)
    result = MappingPreview()
    if not lines or not catalog:
        return result
    accepted, rejected = alias_store.accepted(db), alias_store.rejected(db)
    connections = matching.connect({ln.reference for ln in lines}, catalog, accepted, rejected)
    mappings = merged_mappings(brand_store.load_mappings(db), choices)
    desired = rules.desired_states(
        lines, catalog, connections, mappings, rules.RuleOptions.from_settings(settings)
    )
    # TODO(engine): the publish / update / unpublish split below repeats the engine's diff
    # (engine.py `_diff`); use the engine's pure plan function once it is on main.
    promised = delivery.promised(db)
    for ref, state in sorted(desired.states.items()):
        before = promised.get(ref)
        was_published = bool(before and before.published)
        if state.published and not was_published:
            result.publish.append(ref)
        elif not state.published and was_published:
            result.unpublish.append(ref)
        elif state.published and before is not None and before.key != state_key(state):
            result.update.append(ref)
    return result
