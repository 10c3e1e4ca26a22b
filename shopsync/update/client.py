"""The agent's TUF client: which release is newest for this agent, and its verified download.

Everything that makes an update trustworthy is python-tuf's ngclient (root chain and rotation,
signature thresholds, expiry, rollback and freeze protection, snapshot/targets consistency,
length and hashes of each download). This module only chooses among the targets TUF trusts:
this platform, this channel, a version above the running one, inside the staged rollout, not
over the size limit. Errors come out as `UpdateRefused` (exit 2) or `UpdateUnreachable`
(exit 3) with a sentence a person can read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, Targets
from tuf.ngclient import FetcherInterface, Updater, UpdaterConfig

from shopsync import __version__
from shopsync.update.errors import UpdateNotFound, UpdateRefused, UpdateUnreachable
from shopsync.update.fetcher import TrustStoreFetcher
from shopsync.update.naming import Platform, Release, parse_version, release_of
from shopsync.update.rollout import offered
from shopsync.update.settings import UpdateChannel

log = logging.getLogger(__name__)

MAX_TARGET_BYTES = 400 * 1024 * 1024  # a bundle is ~150 MB; anything far above is refused
SOCKET_TIMEOUT = 20  # seconds before the first byte and between bytes


def check_repository_url(url: str) -> str:
    """The repository URL, refused unless https (plain http only on this machine): the one
    rule of the network boundary (`shopsync.net.http.check_url`), as an update refusal."""
    from shopsync.errors import ConfigError
    from shopsync.net.http import check_url

    try:
        check_url(url, "update")
    except ConfigError as exc:
        raise UpdateRefused(str(exc)) from None
    return url.strip().rstrip("/")


def _refusal(exc: Exception) -> UpdateRefused:
    """A sentence for each of TUF's refusals (the detail from TUF follows it)."""
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        what = (
            "the repository's signed metadata has expired (a frozen or unmaintained "
            "repository): nothing will be installed until it is signed again"
        )
    elif isinstance(exc, tuf_errors.UnsignedMetadataError):
        what = "metadata not signed by the trusted keys"
    elif isinstance(exc, tuf_errors.BadVersionNumberError):
        what = "metadata versions do not match what was signed (rollback or mix-and-match)"
    elif isinstance(exc, tuf_errors.LengthOrHashMismatchError):
        what = "the file's length or hash differs from the signed one"
    elif isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        what = "the server sent more bytes than were signed (endless or oversized file)"
    else:
        what = "the update repository's metadata is invalid"
    return UpdateRefused(f"update refused: {what} ({exc})")


class UpdateClient:
    """One check (and possibly one download) against one repository. Not thread-safe."""

    def __init__(
        self,
        url: str,
        metadata_dir: Path,
        trusted_root: bytes,
        *,
        max_target_bytes: int = MAX_TARGET_BYTES,
        socket_timeout: int = SOCKET_TIMEOUT,
        fetcher: FetcherInterface | None = None,
    ) -> None:
        self.url = check_repository_url(url)
        self.metadata_dir = Path(metadata_dir)
        self.max_target_bytes = max_target_bytes
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        user_agent = f"ShopSync/{__version__}"
        try:
            self._updater = Updater(
                str(self.metadata_dir),
                f"{self.url}/metadata/",
                target_base_url=f"{self.url}/targets/",
                fetcher=fetcher
                or TrustStoreFetcher(socket_timeout=socket_timeout, user_agent=user_agent),
                config=UpdaterConfig(app_user_agent=user_agent),
                bootstrap=trusted_root,
            )
        except (tuf_errors.RepositoryError, ValueError) as exc:
            raise UpdateRefused(f"the trusted root metadata is not valid: {exc}") from exc
        self._refreshed = False

    def _guard(self, action, *args):
        """Run one ngclient call, turning its errors into the two kinds the CLI knows."""
        try:
            return action(*args)
        except tuf_errors.DownloadHTTPError as exc:
            if exc.status_code == 404:
                raise UpdateNotFound(
                    f"update repository {self.url}: not found (HTTP 404): no update is "
                    "published at this address"
                ) from exc
            raise UpdateUnreachable(
                f"update repository {self.url}: HTTP {exc.status_code}"
            ) from exc
        except tuf_errors.SlowRetrievalError as exc:
            raise UpdateUnreachable(f"update repository {self.url}: too slow ({exc})") from exc
        except (tuf_errors.RepositoryError, tuf_errors.DownloadLengthMismatchError) as exc:
            raise _refusal(exc) from exc
        except tuf_errors.DownloadError as exc:
            raise UpdateUnreachable(f"update repository {self.url} unreachable: {exc}") from exc
        except OSError as exc:  # a socket error, or the update folder full or read-only
            raise UpdateUnreachable(f"update not possible now ({exc}); retried later") from exc

    def refresh(self) -> None:
        if not self._refreshed:
            self._guard(self._updater.refresh)
            self._refreshed = True

    def releases(self, platform: Platform) -> list[Release]:
        """Every release for `platform` in the targets metadata TUF just verified."""
        self.refresh()
        # ngclient writes targets.json to the metadata folder only once verified (signature,
        # version, expiry, snapshot's meta); it has no public listing call, so read it back.
        targets = Metadata[Targets].from_file(str(self.metadata_dir / "targets.json")).signed
        found = []
        for path, info in targets.targets.items():
            release = release_of(path, info.length, info.unrecognized_fields.get("custom"))
            if release is not None and release.platform == platform:
                found.append(release)
        return found

    def latest(
        self,
        current: str,
        channel: UpdateChannel,
        platform: Platform,
        agent_id: str,
    ) -> Release | None:
        """The newest release above `current` this agent is offered, or None (up to date).

        Never a lower version ("a rollback is a new, higher version"); a beta agent takes
        stable releases too; a release over the size limit is a refusal, not a silence.
        """
        channels = {UpdateChannel.STABLE} | {UpdateChannel(channel)}
        floor = parse_version(current)
        candidates = [
            r
            for r in self.releases(platform)
            if r.channel in channels and r.key > floor and offered(agent_id, r.version, r.rollout)
        ]
        if not candidates:
            return None
        best = max(candidates, key=lambda r: r.key)
        if best.length > self.max_target_bytes:
            raise UpdateRefused(
                f"update refused: {best.path} is {best.length} bytes, over the "
                f"{self.max_target_bytes}-byte limit"
            )
        return best

    def download(self, release: Release, folder: Path) -> Path:
        """The release's file in `folder`, verified by TUF (length and hashes as signed)."""
        if release.length > self.max_target_bytes:
            raise UpdateRefused(
                f"update refused: {release.path} is {release.length} bytes, over the "
                f"{self.max_target_bytes}-byte limit"
            )
        info = self._guard(self._updater.get_targetinfo, release.path)
        if info is None:
            raise UpdateRefused(f"update refused: {release.path} is not a signed target")
        folder.mkdir(parents=True, exist_ok=True)
        destination = folder / release.path.rsplit("/", 1)[-1]
        cached = self._updater.find_cached_target(info, str(destination))
        if cached:
            return Path(cached)
        partial = destination.with_name(destination.name + ".part")
        try:
            self._guard(self._updater.download_target, info, str(partial))
            partial.replace(destination)
        finally:
            partial.unlink(missing_ok=True)
        log.info("update %s downloaded and verified: %s", release.version, destination)
        return destination
