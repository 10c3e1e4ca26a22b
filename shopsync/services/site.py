"""The site step of the first-run wizard and of the settings window: which kind of site,
its address, its credentials — tested before anything is saved.

`[site] kind` chooses the target (`shopsync.sync.port.TargetKind`): "shopsync" (a site that
speaks ShopSync's Site API, with a bearer token) or "woocommerce" (WooCommerce REST v3, with
the consumer key and secret WooCommerce gives in Réglages › Avancé › API REST, kept in the
keyring as one secret "ck_…:cs_…"). Saving goes through `SettingsService.apply`
(`{"site": {"kind": …, "url": …}}`, `token=credentials`), like the token today.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shopsync.agent.first_connection import SiteCheck, SiteProblem, check_site
from shopsync.errors import ConfigError
from shopsync.sync.port import TargetKind

__all__ = ["SiteCheck", "SiteProblem", "kinds", "test_site"]


def kinds() -> list[TargetKind]:
    """The kinds of site the wizard offers, in its order (the default first)."""
    return [TargetKind.SHOPSYNC, TargetKind.WOOCOMMERCE]


def test_site(
    kind: str,
    url: str,
    credentials: str | None,
    *,
    client_factory: Callable[..., Any] | None = None,
) -> SiteCheck:
    """Reachable, credentials accepted, catalogue read: the first problem, or the catalogue.
    Blocking (network): the GUI calls it off the UI thread. Credentials that cannot be
    WooCommerce's key pair are refused before anything is sent, with the sentence that says
    how they are written. No credentials typed: NO_TOKEN, without asking the keyring."""
    try:
        target_kind = TargetKind(str(kind))
    except ValueError:
        return SiteCheck(url, SiteProblem.BAD_ADDRESS, f"[site] kind = {kind!r}")
    if not credentials:
        # What the shop typed is tested, never what a keyring may hold from an earlier site.
        return SiteCheck(url, SiteProblem.NO_TOKEN)
    if target_kind is TargetKind.WOOCOMMERCE:
        from shopsync.site.woocommerce.http import split_credentials

        try:
            split_credentials(credentials)
        except ConfigError as exc:
            return SiteCheck(url, SiteProblem.TOKEN_REFUSED, str(exc))
    return check_site(url, credentials, kind=target_kind, client_factory=client_factory)


test_site.__test__ = False  # type: ignore[attr-defined]  # pytest: not a test
