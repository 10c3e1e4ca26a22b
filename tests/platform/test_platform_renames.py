"""The platform renames 50 catalogue references (listing their previous spellings) while the
shop's ERP keeps writing the old ones: nothing is unpublished, nothing goes to the listing team,
the products keep their state on the site, and the connection report lists the 50 under
"written the old way" (half written exactly as before, half only equal once normalized)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from shop_fixtures import TOKEN, Shop

from shopsync.agent import report as reports
from shopsync.site.client import SiteClient
from shopsync.site.sandbox.testing import applied_counts, running_sandbox, write_catalog
from shopsync.store.db import open_db

COUNT, RENAMED = 60, 50


def old_ref(i: int) -> str:
    return f"REF-{i:03d}"


def erp_ref(i: int) -> str:
    """How the shop's ERP writes it: half as the catalogue did, half only alike once folded."""
    return old_ref(i) if i % 2 else f"ref.{i:03d}"


def new_ref(i: int) -> str:
    return f"T{i:03d}.100.NEW" if i < RENAMED else old_ref(i)


def catalogue(renamed: bool) -> list[dict]:
    rows = []
    for i in range(COUNT):
        row = {"reference": old_ref(i), "brand": "Tissot", "title": f"Montre {i}"}
        if renamed and i < RENAMED:
            row = {**row, "reference": new_ref(i), "previous_references": [old_ref(i)]}
        rows.append(row)
    return rows


def site_states(url: str) -> dict[str, tuple]:
    with SiteClient(url, TOKEN) as site:
        return {
            p["reference"]: (p["published"], p["availability"], p["quantity"], p["price"], p["version"])
            for p in site.products()
        }


def test_renamed_references_keep_their_products(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    data = tmp_path / "site"
    rows = [(erp_ref(i), "TISSOT", f"MONTRE {i}", str(1 + i % 4), "250,00", "", "") for i in range(COUNT)]

    with running_sandbox(data, token=TOKEN, catalog=write_catalog(tmp_path / "v1.csv", catalogue(False))) as url:
        shop = Shop(tmp_path / "home", url)
        shop.write(rows)
        first = shop.sync()
        assert first.exit_code == 0 and first.uploaded == COUNT
        before = site_states(url)
    applied_before = applied_counts(data)

    renamed_csv = write_catalog(tmp_path / "v2.csv", catalogue(True))
    with running_sandbox(data, token=TOKEN, catalog=renamed_csv) as url:
        shop.configure(site={"url": url})
        after_rename = site_states(url)
        # The platform's rename moved each product with its state (the sandbox does it as a
        # platform would): same states, new references.
        assert after_rename == {new_ref(i): before[old_ref(i)] for i in range(COUNT)}

        run = shop.sync(full=True)  # the nightly reconcile fetches the renamed catalogue
        assert run.exit_code == 0, run.message
        assert (run.changes, run.uploaded, run.held) == (0, 0, 0)
        assert site_states(url) == after_rename  # states unchanged, versions too
        with SiteClient(url, TOKEN) as site:
            assert site.products(published=False) == []  # 0 unpublished
        listing = httpx.get(f"{url}/api/v1/listing-requests", headers={"Authorization": f"Bearer {TOKEN}"})
        assert listing.json()["items"] == []  # 0 listing requests
        assert applied_counts(data) == applied_before  # nothing sent again

        # A sale of a renamed product still reaches it, under its new reference.
        rows[3] = (erp_ref(3), "TISSOT", "MONTRE 3", "0", "250,00", "", "")
        shop.write(rows)
        assert shop.sync().uploaded == 1
        assert site_states(url)[new_ref(3)][2] == 0

    db = open_db(shop.home / "shopsync.db")
    try:
        report = reports.build_from_store(db)
    finally:
        db.conn.close()
    assert report["counts"]["written_the_old_way"] == RENAMED
    assert report["counts"]["connected"] == COUNT and report["counts"]["to_rewrite"] == 0
    assert sorted((r["reference"], r["catalog_reference"]) for r in report["written_the_old_way"]) == sorted(
        (erp_ref(i), new_ref(i)) for i in range(RENAMED)
    )
