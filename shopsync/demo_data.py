"""The demo's data: a home folder with the sample export and mapped brands, the sale it
simulates, and what it says about references. Shared by `shopsync demo` and the screenshots
(gui/screens.py), Qt-free, so that neither imports the other."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from shopsync.config import Settings, load_settings, update_config
from shopsync.paths import sample
from shopsync.rules import BrandMode

DEMO_TOKEN = "demo-token"
# ERP brand -> (site brand, mode). BIJOUX FANTAISIE is left unmapped on purpose.
DEMO_BRANDS = {
    "TISSOT": (None, BrandMode.STOCK),
    "PANDORA": (None, BrandMode.STOCK),
    "THOMAS SABO": (None, BrandMode.STOCK),
    "FESTINA": (None, BrandMode.STOCK),
    "LOTUS": (None, BrandMode.STOCK),
    "G-SHOCK": ("Casio", BrandMode.STOCK),
    "SEIKO": (None, BrandMode.STOCK),
    "ALLIANCES ATELIER": (None, BrandMode.STOCK),
    "NOMINATION": (None, BrandMode.PREORDER),
}
SOLD_REFERENCE = "T120.417.17.041.00"  # the Tissot Seastar the demo sells


def demo_site(data_dir: Path):  # noqa: ANN201 - a context manager yielding the site's URL
    """The demo's site: the sandbox with the sample catalogue, on a free port of 127.0.0.1 in a
    background thread, for the screenshots (`with demo_site(folder) as url:`). The one door of
    product code other than `shopsync demo`/`shopsync sandbox` to the sandbox
    (tests/test_layering.py)."""
    from shopsync.site.sandbox.server import serving_in_thread

    return serving_in_thread(Path(data_dir), token=DEMO_TOKEN, catalog=sample("catalog.csv"))


def demo_client_factory(url: str, token: str = DEMO_TOKEN) -> Callable[[], object]:
    """Site clients for the demo's sandbox with the demo's token, handed to the engine (the
    token never goes through the process environment, where a child process would inherit it)."""

    from shopsync.site.factory import Purpose, SiteTargets

    return SiteTargets(url, token=token).opener(Purpose.SYNC)


def prepare_home(home: Path, url: str) -> tuple[Settings, Path]:
    """A fresh demo home: the sample export copied in, settings for the demo, brands mapped."""
    from shopsync.services import Services

    home.mkdir(parents=True, exist_ok=True)
    for name in ("shopsync.db", "shopsync.db-wal", "shopsync.db-shm", "config.toml"):
        (home / name).unlink(missing_ok=True)
    export_dir = home / "export"
    export_dir.mkdir(exist_ok=True)
    export = export_dir / "stock.csv"
    shutil.copyfile(sample("export-bijou3.csv"), export)
    load_settings(home)  # writes the commented default config
    update_config(
        home,
        {
            "erp": {"path": str(export), "profile": "auto", "settle_seconds": 0},
            "site": {"url": url},
            "rules": {"hold_statuses": ["NW"], "preorder_statuses": ["CDE"]},
            "backorder": {"enabled": True, "restock_days": 10},
        },
    )
    settings = load_settings(home)
    with Services(settings) as svc:
        for brand, (site_brand, mode) in DEMO_BRANDS.items():
            svc.brands.set_mapping(brand, mode, site_brand)
    return settings, export


def _rows(export: Path) -> list[str]:
    return export.read_bytes().decode("cp1252").split("\r\n")


def _write(export: Path, rows: list[str]) -> None:
    """Replace the export at once, as an ERP writing a new file does."""
    tmp = export.with_suffix(".tmp")
    tmp.write_bytes("\r\n".join(rows).encode("cp1252"))
    os.replace(tmp, export)


def simulate_sale(export: Path, reference: str = SOLD_REFERENCE) -> None:
    """The ERP writes a new export where one piece of `reference` was sold."""
    lines = _rows(export)
    for i, line in enumerate(lines):
        fields = line.split(";")
        if fields and fields[0] == reference:
            fields[3] = str(max(0, int(fields[3]) - 1))
            lines[i] = ";".join(fields)
            break
    _write(export, lines)


def append_line(export: Path, line: str) -> None:
    rows = _rows(export)
    at = len(rows) - 1 if rows and rows[-1] == "" else len(rows)
    rows.insert(at, line)
    _write(export, rows)


def keep_only(export: Path, keep: Callable[[str], bool]) -> None:
    """The export cut down to its header and the lines `keep` accepts (a truncated export)."""
    rows = _rows(export)
    _write(export, rows[:1] + [r for r in rows[1:] if keep(r)])


def reference_notes(services) -> list[str]:  # noqa: ANN001 - shopsync.services.Services
    """ERP references written differently from the catalogue, to rewrite, or absent from it,
    in the shop's language (the demo's narration)."""
    from shopsync import matching
    from shopsync.formatting import percent
    from shopsync.i18n import arg, translate

    out = []
    for r in services.references.match_last_read():
        if r.status == matching.NORMALIZED and r.catalog_reference != r.reference:
            text = translate("Cli", "Écrite autrement que sur le site (connectée quand même) : %1 → %2")
            out.append(arg(text, r.reference, r.catalog_reference))
        elif r.status == matching.SUGGESTED and r.catalog_reference:
            text = translate("Cli", "Référence à réécrire : %1 → %2 (proposée, score %3)")
            out.append(arg(text, r.reference, r.catalog_reference, percent(r.score)))
        elif r.status == matching.UNMATCHED:
            text = translate("Cli", "Absente du catalogue du site : %1 (demande de référencement)")
            out.append(arg(text, r.reference))
    return out
