"""Every update test gets its own repository, keys and home folder (never the developer's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import run_release


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SHOPSYNC_HOME", str(home))
    monkeypatch.delenv("SHOPSYNC_UPDATE_BUNDLE", raising=False)
    return home


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    return tmp_path / "keys"


@pytest.fixture
def repo(tmp_path: Path, keys: Path) -> Path:
    """A fresh repository made by `shopsync-release init` (keys generated in tmp)."""
    folder = tmp_path / "repo"
    run_release("init", folder, "--keys", keys)
    return folder


class Agent:
    """A shop PC's home folder whose [update] section points at a repository."""

    def __init__(self, home: Path, repo: Path) -> None:
        from shopsync.config import load_settings, update_config

        self.home = home
        load_settings(home)
        update_config(home, {"update": {"root": str(repo / "metadata" / "1.root.json")}})

    def point_at(self, url: str) -> None:
        from shopsync.config import update_config

        update_config(self.home, {"update": {"url": url}})

    def settings(self):
        from shopsync.config import load_settings

        return load_settings(self.home)

    def check(self, **kw):
        from shopsync.update import service

        return service.check(self.settings(), **kw)

    def download(self, **kw):
        from shopsync.update import service

        return service.download(self.settings(), **kw)[0]

    def apply(self, **kw):
        from shopsync.update import service

        return service.apply(self.settings(), **kw)


@pytest.fixture
def agent(_isolated_home: Path, repo: Path) -> Agent:
    return Agent(_isolated_home, repo)
