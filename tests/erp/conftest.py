"""Every ERP test runs against an empty home folder of its own, never the developer's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("shopsync-home")
    monkeypatch.setenv("SHOPSYNC_HOME", str(home))
    for name in ("SHOPSYNC_ODBC_PASSWORD", "SHOPSYNC_4D_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return home
