"""Shared fixtures: a real sandbox site on 127.0.0.1 and a shop home folder pointed at it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

TOKEN = "test-token-7f3a"
EXPORT_HEADER = ("Référence", "Marque", "Désignation", "Qté", "Prix TTC", "TLD", "Statut")

CATALOG = [
    {"reference": "T120.417.17.041.00", "brand": "Tissot", "title": "Seastar"},
    {"reference": "T137.407.11.041.00", "brand": "Tissot", "title": "PRX"},
    {"reference": "F20560/1", "brand": "Festina", "title": "Chrono"},
    {"reference": "590702HV-16", "brand": "Pandora", "title": "Moments"},
    {"reference": "ALL OR 3MM", "brand": "Alliances", "title": "Alliance", "sizes": ["52", "54"]},
    {"reference": "NOM-1", "brand": "Nomination", "title": "Maillon"},
]


@dataclass
class Site:
    url: str
    data: Path
    token: str = TOKEN

    def product(self, reference: str) -> dict:
        r = httpx.get(
            f"{self.url}/api/v1/products/{quote(reference, safe='')}",
            headers={"Authorization": f"Bearer {self.token}"},
        )
        r.raise_for_status()
        return r.json()

    def settings(self) -> dict:
        r = httpx.get(f"{self.url}/api/v1/shop/settings", headers={"Authorization": f"Bearer {self.token}"})
        r.raise_for_status()
        return r.json()


def write_catalog_rows(path: Path, rows: list[dict]) -> Path:
    from shopsync.site.sandbox.testing import write_catalog

    return write_catalog(path, rows)


@pytest.fixture
def catalog_csv(tmp_path: Path) -> Path:
    return write_catalog_rows(tmp_path / "catalog.csv", CATALOG)


@pytest.fixture
def site(tmp_path: Path, catalog_csv: Path):
    from shopsync.site.sandbox.testing import running_sandbox

    data = tmp_path / "site"
    with running_sandbox(data, token=TOKEN, catalog=catalog_csv) as url:
        yield Site(url, data)


def write_export(path: Path, rows: list[tuple], *, encoding: str = "cp1252") -> Path:
    """An ERP export as Bijou3-like software writes it: `;`, CRLF, cp1252, French decimals."""
    lines = [";".join(EXPORT_HEADER)] + [";".join(str(c) for c in row) for row in rows]
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    os.replace(tmp, path)
    return path


class Shop:
    """A shop PC: a home folder whose config points at the export and the site."""

    def __init__(self, home: Path, url: str) -> None:
        from shopsync.config import load_settings, update_config

        self.home = home
        self.original_url = url
        self.export = home / "export" / "stock.csv"
        self.export.parent.mkdir(parents=True, exist_ok=True)
        load_settings(home)
        update_config(
            home,
            {
                "erp": {"path": str(self.export), "settle_seconds": 0},
                "site": {"url": url},
                "rules": {"new_brands": "stock"},
            },
        )

    def configure(self, **sections: dict) -> None:
        from shopsync.config import update_config

        update_config(self.home, sections)

    def write(self, rows: list[tuple], **kw) -> None:
        write_export(self.export, rows, **kw)

    def engine(self, **kw):
        from shopsync.config import load_settings
        from shopsync.engine import SyncEngine

        return SyncEngine(load_settings(self.home), **kw)

    def sync(self, **kw):
        engine = self.engine()
        try:
            return engine.run_once("test", **kw)
        finally:
            engine.close()

    def cli(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """The real `shopsync` process, as a person or a script runs it."""
        full_env = {**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "shopsync", *args, "--home", str(self.home)],
            capture_output=True, text=True, env=full_env, timeout=120,
        )

    def cli_json(self, *args: str) -> tuple[int, dict]:
        out = self.cli(*args, "--json")
        last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "{}"
        return out.returncode, json.loads(last)


@pytest.fixture
def shop(tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch) -> Shop:
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    return Shop(tmp_path / "home", site.url)
