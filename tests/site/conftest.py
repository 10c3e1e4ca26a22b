"""Fixtures for the site tests: a small jeweller's catalogue and a live sandbox on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from site_helpers import CATALOG_ROWS, TOKEN

from shopsync.site.sandbox.testing import running_sandbox, write_catalog


@pytest.fixture
def catalog_csv(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "catalogue.csv", CATALOG_ROWS)


@pytest.fixture
def sandbox(tmp_path: Path, catalog_csv: Path) -> Iterator[str]:
    """A sandbox seeded with CATALOG_ROWS, faults off; yields its base URL."""
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog_csv) as url:
        yield url
