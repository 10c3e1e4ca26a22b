"""The first connection, checked as the platform's team checks it before turning one on:
the site answers, it accepts the token, its catalogue has products; then, against that catalogue,
the connection report at a glance (references read, connected, to rewrite, brands to decide).

Data only: `shopsync check --site` and the first-run wizard put it in the shop's words.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopsync.errors import (
    ConfigError,
    ShopSyncError,
    SiteAuthError,
    SiteRejected,
    SiteUnreachable,
)
from shopsync.model import CatalogProduct

if TYPE_CHECKING:
    from shopsync.sync.counts import ExportCounts


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


def first_connection(
    url: str, token: str | None, erp_path: str, profile: str, home: Path
) -> tuple[SiteCheck, ExportCounts | None, str | None]:
    """The wizard's last step, before anything is saved: the site check, then this export
    counted against the site's catalogue with no decision taken yet (the one counting,
    sync/counts.py: its `references`, `connected`, `to_rewrite`, `brands_to_decide`,
    `written_the_old_way` are the connection report's, and `why_nothing()` says that with
    every brand undecided nothing will be published). The third item says why the export
    could not be read, if it could not."""
    from shopsync.report.sources import read_erp
    from shopsync.sync.counts import count_read

    check = check_site(url, token)
    if not check.ok or check.catalogue is None:
        return check, None, None
    try:
        read = read_erp(erp_path, profile, home)
    except ShopSyncError as exc:
        return check, None, str(exc)
    return check, count_read(read, check.catalogue), None
