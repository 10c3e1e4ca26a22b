"""The first connection, checked as the platform's team checks it before turning one on:
the site answers, it accepts the token, its catalogue has products; then, against that catalogue,
the connection report at a glance (references read, connected, to rewrite, brands to decide).

Data only: `shopsync check --site` and the first-run wizard put it in the shop's words.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shopsync.agent import report as reports
from shopsync.errors import (
    ConfigError,
    ShopSyncError,
    SiteAuthError,
    SiteRejected,
    SiteUnreachable,
)
from shopsync.matching import CatalogIndex
from shopsync.model import CatalogProduct, StockLine
from shopsync.rules import fold_brand


class SiteProblem(enum.StrEnum):
    BAD_ADDRESS = "bad_address"  # not an https:// address (or http:// off this machine)
    UNREACHABLE = "unreachable"  # no answer, or not the Site API's answer
    NOT_A_SITE = "not_a_site"  # answers, but not with the Site API (404 on /api/v1/health)
    NO_TOKEN = "no_token"
    TOKEN_REFUSED = "token_refused"


@dataclass(slots=True)
class SiteCheck:
    url: str
    problem: SiteProblem | None = None
    detail: str = ""
    catalogue: dict[str, CatalogProduct] | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def check_site(
    url: str,
    token: str | None,
    *,
    kind: str = "shopsync",
    client_factory: Callable[..., Any] | None = None,
) -> SiteCheck:
    """Reachable, token accepted, catalogue fetched: the first problem found, or the catalogue.

    `client_factory(url, token)`: a test's stand-in for the site factory."""
    try:
        if client_factory is not None:
            client = client_factory(url, token)
        else:
            from shopsync.site.factory import Purpose, SiteTargets

            client = SiteTargets(url, kind=kind, token=token).open(
                Purpose.FIRST_CONNECTION, require_token=False
            )
    except ConfigError as exc:
        return SiteCheck(url, SiteProblem.BAD_ADDRESS, str(exc))
    with client:
        try:
            health = client.health()
            if not token:
                return SiteCheck(url, SiteProblem.NO_TOKEN)
            if health.get("authenticated") is False:
                return SiteCheck(url, SiteProblem.TOKEN_REFUSED)
            catalogue = {p.reference: p for p in client.catalog()}
        except SiteAuthError as exc:
            return SiteCheck(url, SiteProblem.TOKEN_REFUSED, str(exc))
        except SiteRejected as exc:
            return SiteCheck(url, SiteProblem.NOT_A_SITE, str(exc))
        except (SiteUnreachable, ConfigError) as exc:
            return SiteCheck(url, SiteProblem.UNREACHABLE, str(exc))
    return SiteCheck(url, catalogue=catalogue)


def connection_counts(
    lines: Iterable[StockLine],
    catalogue: dict[str, CatalogProduct],
    accepted: dict[str, str],
    rejected: set[tuple[str, str]],
    decided_brands: Iterable[str],
) -> reports.ReportCounts:
    """The connection report's counts for an ERP read against a catalogue. Brands to decide:
    the ERP's brands the shop has not decided yet (compared folded, as the brands table is)."""
    decided_keys = {fold_brand(b) for b in decided_brands}
    items = [(line.reference, line.brand) for line in lines]
    results = CatalogIndex(catalogue).match(items, accepted, rejected, limit=1)
    undecided: dict[str, str] = {}
    for _, brand in items:
        if brand and fold_brand(brand) not in decided_keys:
            undecided.setdefault(fold_brand(brand), brand)
    return reports.counts_of(reports.build(results, accepted, sorted(undecided.values())))


def first_connection(
    url: str, token: str | None, erp_path: str, profile: str, home: Path
) -> tuple[SiteCheck, reports.ReportCounts | None, str | None]:
    """The wizard's last step, before anything is saved: the site check, then the report of
    this export against the site's catalogue (no decision taken yet). The third item says
    why the export could not be read, if it could not."""
    from shopsync.report.sources import read_erp

    check = check_site(url, token)
    if not check.ok or check.catalogue is None:
        return check, None, None
    try:
        read = read_erp(erp_path, profile, home)
    except ShopSyncError as exc:
        return check, None, str(exc)
    return check, connection_counts(read.lines, check.catalogue, {}, set(), []), None
