"""The one site-client factory: every caller that talks to the shop's site gets its target here.

Why one: the engine, the platform link, the first-connection check, the readiness report and
the demo each built their own client, with five retry policies and three ways of saying "no
token". Here, once:
- which target speaks to the site (`[site] kind`: our Site API, or WooCommerce), through the
  delivery port `shopsync.sync.port.DeliveryTarget`;
- the credentials (`shopsync.config.site_token`: the environment, else the OS keyring) and the
  one no-token refusal (`ConfigError`, in the shop's language);
- the retry and timeout policy of each purpose (`Purpose`): a sync retries with backoff; a
  heartbeat never retries in place (the next one is fresher); a first-connection check tries
  twice so that the shop waits seconds, not minutes;
- the connection rules and the limits of the trust boundary, which every target inherits from
  `shopsync.net.http.BoundedClient`.

`tests/test_layering.py` checks that no other module constructs a target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from shopsync.errors import ConfigError
from shopsync.sync.port import DeliveryTarget, TargetKind

if TYPE_CHECKING:
    import httpx

    from shopsync.config import Settings


class Purpose(StrEnum):
    """Why a target is opened; each has its own retry and timeout policy."""

    SYNC = "sync"
    HEARTBEAT = "heartbeat"
    FIRST_CONNECTION = "first_connection"
    REPORT = "report"
    CONFORMANCE = "conformance"


@dataclass(frozen=True, slots=True)
class Policy:
    retries: int
    connect_timeout: float
    read_timeout: float


POLICIES: dict[Purpose, Policy] = {
    Purpose.SYNC: Policy(retries=4, connect_timeout=5.0, read_timeout=30.0),
    # One attempt: a heartbeat is never retried in place, the next one is fresher.
    Purpose.HEARTBEAT: Policy(retries=0, connect_timeout=5.0, read_timeout=15.0),
    # A person waits on the wizard's page: one retry, short timeouts.
    Purpose.FIRST_CONNECTION: Policy(retries=1, connect_timeout=5.0, read_timeout=20.0),
    Purpose.REPORT: Policy(retries=2, connect_timeout=5.0, read_timeout=30.0),
    Purpose.CONFORMANCE: Policy(retries=2, connect_timeout=5.0, read_timeout=30.0),
}


def site_kind(value: object) -> TargetKind:
    """`[site] kind` as a TargetKind; a ConfigError naming the choices otherwise."""
    try:
        return TargetKind(str(value or TargetKind.SHOPSYNC).strip().lower())
    except ValueError:
        choices = ", ".join(repr(str(k)) for k in TargetKind)
        raise ConfigError(f"[site] kind = {value!r}: expected one of {choices}") from None


class SiteTargets:
    """Opens targets for one site address. `token`: given by the caller (the demo's sandbox,
    the wizard testing what the shop typed) instead of read from the environment/keyring."""

    def __init__(
        self,
        url: str,
        *,
        kind: TargetKind | str = TargetKind.SHOPSYNC,
        token: str | None = None,
        options: dict[str, Any] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.url = url
        self.kind = site_kind(kind)
        self._token = token
        self._options = dict(options or {})
        self._transport = transport
        self._sleep = sleep

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        url: str | None = None,
        kind: TargetKind | str | None = None,
        **kw: Any,
    ) -> SiteTargets:
        """Targets for the configured site; `url`/`kind` override it (`shopsync conformance
        --site`), the shop's rules (brand attribute, backorder rule) still apply."""
        site = settings.site
        options = {
            "brand_attribute": getattr(site, "brand_attribute", "") or "",
            # WooCommerce keeps the site-wide backorder rule on its products: the target
            # needs it even on runs that do not PUT the settings (they did not change).
            "backorder": settings.backorder.wire(),
        }
        return cls(
            url or site.url,
            kind=kind or getattr(site, "kind", TargetKind.SHOPSYNC),
            options=options,
            **kw,
        )

    def token(self) -> str | None:
        """The credentials for this site: given, else the environment, else the keyring."""
        if self._token:
            from shopsync import redaction

            redaction.register(self._token)  # a typed or handed token is a secret held too
            return self._token
        from shopsync.config import site_token

        return site_token(self.url)

    def open(self, purpose: Purpose = Purpose.SYNC, *, require_token: bool = True) -> DeliveryTarget:
        """A target for `purpose`. No credentials → ConfigError (the one no-token message),
        unless `require_token` is False (the first-connection check tests reachability
        before it asks for a token)."""
        token = self.token()
        if not token and require_token:
            from shopsync.sync import messages

            raise ConfigError(messages.no_token())
        policy = POLICIES[purpose]
        extra: dict[str, Any] = {}
        if self._transport is not None:
            extra["transport"] = self._transport
        if self._sleep is not None:
            extra["sleep"] = self._sleep
        if self.kind is TargetKind.WOOCOMMERCE:
            from shopsync.site.woocommerce import open_target

            return open_target(
                self.url,
                token,
                retries=policy.retries,
                connect_timeout=policy.connect_timeout,
                read_timeout=policy.read_timeout,
                options=self._options,
                **extra,
            )
        from shopsync.site.client import SiteClient

        return SiteClient(
            self.url,
            token,
            retries=policy.retries,
            connect_timeout=policy.connect_timeout,
            read_timeout=policy.read_timeout,
            **extra,
        )

    def opener(self, purpose: Purpose = Purpose.SYNC) -> Callable[[], DeliveryTarget]:
        """`open` for one purpose, as a no-argument factory (what the engine and link take)."""
        return lambda: self.open(purpose)
