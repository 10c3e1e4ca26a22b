"""TUF's downloads over httpx, verified against the operating system's trust store.

Why not ngclient's default urllib3 fetcher: it checks TLS against Python's own CA bundle only.
A shop PC behind an antivirus that scans HTTPS, or a company proxy, trusts the CA that re-signs
its traffic only in the Windows store, so an update check could never get through where the
site client (shopsync/site/transport.py, `system_trust_context`) does. TUF still verifies every
byte it receives (signatures, lengths, hashes); this only decides which servers we talk to.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from tuf.api import exceptions
from tuf.ngclient import FetcherInterface

CHUNK_BYTES = 256 * 1024


class TrustStoreFetcher(FetcherInterface):
    """GET with the OS trust store, no redirects, a gap timeout; errors as TUF's own."""

    def __init__(
        self,
        *,
        socket_timeout: float,
        user_agent: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        from shopsync.site.transport import system_trust_context

        self._client = httpx.Client(
            timeout=httpx.Timeout(socket_timeout),
            headers={"User-Agent": user_agent},
            verify=system_trust_context(),
            follow_redirects=False,
            transport=transport,
        )

    def _fetch(self, url: str) -> Iterator[bytes]:
        try:
            response = self._client.send(self._client.build_request("GET", url), stream=True)
        except httpx.TimeoutException as exc:
            raise exceptions.SlowRetrievalError from exc
        except httpx.HTTPError as exc:
            raise exceptions.DownloadError(f"{url}: {exc}") from exc
        if response.status_code >= 300:  # redirects are not followed: a mirror says where
            response.close()
            raise exceptions.DownloadHTTPError(
                f"HTTP status {response.status_code}", response.status_code
            )
        return self._chunks(response)

    @staticmethod
    def _chunks(response: httpx.Response) -> Iterator[bytes]:
        try:
            yield from response.iter_bytes(CHUNK_BYTES)
        except httpx.TimeoutException as exc:
            raise exceptions.SlowRetrievalError from exc
        except httpx.HTTPError as exc:  # cut mid-way: never taken as a complete download
            raise exceptions.DownloadError(str(exc)) from exc
        finally:
            response.close()

    def close(self) -> None:
        self._client.close()
