"""TUF's downloads through the connector's one door to the network (`shopsync.net.http`).

Why not ngclient's default urllib3 fetcher: it checks TLS against Python's own CA bundle only.
A shop PC behind an antivirus that scans HTTPS, or a company proxy, trusts the CA that re-signs
its traffic only in the Windows store, so an update check could never get through where the
site client does. Through `BoundedClient` the update repository gets the same rules as the
site: the OS trust store, plain http only on loopback, the system's proxies, no redirects, and
every download bounded in time (`limits.UPDATE_DOWNLOAD`: a total deadline, not only a gap
timeout) and size (TUF checks each file's exact length and hashes on top). TUF still verifies
every byte it receives; this only decides how bytes are fetched.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from tuf.api import exceptions
from tuf.ngclient import FetcherInterface

from shopsync.errors import ConfigError, SiteUnreachable
from shopsync.net import limits
from shopsync.net.http import BoundedClient
from shopsync.net.limits import Breach, SiteContractBroken

CHUNK_BYTES = 256 * 1024


class TrustStoreFetcher(FetcherInterface):
    """GET through a bounded client per repository origin; errors as TUF's own."""

    def __init__(
        self,
        *,
        socket_timeout: float,
        user_agent: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._timeout = socket_timeout
        self._user_agent = user_agent
        self._transport = transport
        self._clients: dict[str, BoundedClient] = {}

    def _client(self, url: str) -> BoundedClient:
        origin = str(httpx.URL(url).copy_with(path="/", query=None, fragment=None))
        client = self._clients.get(origin)
        if client is None:
            client = self._clients[origin] = BoundedClient(
                origin,
                what="update",
                transport=self._transport,
                read_timeout=self._timeout,
                connect_timeout=min(self._timeout, 10.0),
                headers={"User-Agent": self._user_agent},
            )
        return client

    def _fetch(self, url: str) -> Iterator[bytes]:
        try:
            status, chunks = self._client(url).stream(url, limits.UPDATE_DOWNLOAD)
        except ConfigError as exc:
            raise exceptions.DownloadError(f"{url}: {exc}") from exc
        except SiteUnreachable as exc:
            raise _tuf_error(url, exc) from exc
        if status >= 300:  # redirects are not followed: a mirror says where
            raise exceptions.DownloadHTTPError(f"HTTP status {status}", status)
        return self._chunks(url, chunks)

    @staticmethod
    def _chunks(url: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
        try:
            yield from chunks
        except SiteUnreachable as exc:  # cut mid-way: never taken as a complete download
            raise _tuf_error(url, exc) from exc

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()


def _tuf_error(url: str, exc: SiteUnreachable) -> exceptions.DownloadError:
    if isinstance(exc, SiteContractBroken):
        if exc.breach is Breach.TOO_SLOW:
            return exceptions.SlowRetrievalError(f"{url}: {exc}")
        if exc.breach is Breach.TOO_LARGE:
            return exceptions.DownloadLengthMismatchError(f"{url}: {exc}")
    return exceptions.DownloadError(f"{url}: {exc}")
