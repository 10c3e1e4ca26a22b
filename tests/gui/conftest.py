"""GUI fixtures: real engines on temporary homes, the sandbox site, the hub without timed jobs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKEN = "gui-test-token"


def _sandbox_available() -> bool:
    try:
        from shopsync.site.sandbox import testing  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture
def sandbox_url(tmp_path_factory):
    """A fresh sandbox site per test (a site that already shows the demo products would make
    the first sync upload nothing)."""
    if not _sandbox_available():
        pytest.skip("shopsync.site.sandbox.testing is not available in this checkout")
    from shopsync.paths import sample
    from shopsync.site.sandbox.testing import running_sandbox

    old = os.environ.get("SHOPSYNC_SITE_TOKEN")
    os.environ["SHOPSYNC_SITE_TOKEN"] = TOKEN
    try:
        with running_sandbox(
            tmp_path_factory.mktemp("sandbox"), token=TOKEN, catalog=sample("catalog.csv")
        ) as url:
            yield url
    finally:
        if old is None:
            os.environ.pop("SHOPSYNC_SITE_TOKEN", None)
        else:
            os.environ["SHOPSYNC_SITE_TOKEN"] = old


@pytest.fixture
def demo_home(tmp_path, sandbox_url):
    """A demo home (sample export, mapped brands) synced once to the sandbox."""
    from shopsync.demo_data import prepare_home
    from shopsync.engine import SyncEngine

    settings, export = prepare_home(tmp_path / "home", sandbox_url)
    engine = SyncEngine(settings)
    try:
        summary = engine.run_once("demo")
    finally:
        engine.close()
    assert summary.status in ("ok", "unchanged", "held"), summary.human()
    return settings


@pytest.fixture
def make_hub(qtbot):
    """Hubs over real engines; no timed jobs (tests ask for runs), shut down after the test."""
    from shopsync.gui.hub import AppHub

    hubs = []

    def make(settings, **kw):
        hub = AppHub(settings, timed_jobs=False, **kw)
        hub.start(run_now=False)
        hubs.append(hub)
        return hub

    yield make
    from shopsync.gui import dialogs

    dialogs.close_all()
    for hub in hubs:
        hub.shutdown()


def _wait_io(qtbot, hub, timeout: float = 10.0) -> None:
    """Until the hub's I/O thread is idle and its results were delivered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        qtbot.wait(20)
        if hub.io_idle():
            qtbot.wait(20)
            if hub.io_idle():
                return
    raise AssertionError("the hub's I/O thread did not go idle")


@pytest.fixture
def empty_home(tmp_path) -> Path:
    from shopsync.config import load_settings

    return load_settings(tmp_path / "empty").home


@pytest.fixture
def wait_io(qtbot):
    return lambda hub, timeout=10.0: _wait_io(qtbot, hub, timeout)


def _install_keyring(backend):
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    return lambda: keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    """A real keyring backend living in memory (this machine has no OS keyring)."""
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):  # noqa: ANN001, ANN201
            return self.store.get((service, username))

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201
            self.store[(service, username)] = password

        def delete_password(self, service, username):  # noqa: ANN001, ANN201
            self.store.pop((service, username), None)

    memory = Memory()
    restore = _install_keyring(memory)
    yield memory
    restore()


@pytest.fixture
def refusing_keyring():
    """A keyring that answers reads (nothing stored) and refuses every write, as a locked
    Secret Service does: `set_password` raises the keyring's own error."""
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordSetError

    class Refusing(KeyringBackend):
        priority = 1
        attempts = 0

        def get_password(self, service, username):  # noqa: ANN001, ANN201, ARG002
            return None

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201, ARG002
            type(self).attempts += 1
            raise PasswordSetError("Failed to unlock the collection!")

        def delete_password(self, service, username):  # noqa: ANN001, ANN201, ARG002
            raise PasswordSetError("locked")

    backend = Refusing()
    restore = _install_keyring(backend)
    yield backend
    restore()


@pytest.fixture
def no_env_token(sandbox_url):
    """The sandbox is running but SHOPSYNC_SITE_TOKEN is not set: the token must be typed."""
    saved = os.environ.pop("SHOPSYNC_SITE_TOKEN", None)
    yield sandbox_url
    if saved is not None:
        os.environ["SHOPSYNC_SITE_TOKEN"] = saved
