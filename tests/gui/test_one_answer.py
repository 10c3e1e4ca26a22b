"""One service, one answer: the brands window and `shopsync brands list` show the same rows, and
a decision taken on either side reads the same on the other."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _cli(home, *args: str) -> subprocess.CompletedProcess:  # noqa: ANN001
    return subprocess.run(
        [sys.executable, "-m", "shopsync", *args, "--home", str(home)],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, LANG="fr_FR.UTF-8"),
    )


def _cli_rows(home) -> list[dict]:  # noqa: ANN001
    out = _cli(home, "brands", "list", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["brands"]  # one JSON document


def _window_rows(qtbot, make_hub, wait_io, settings) -> list[dict]:  # noqa: ANN001
    from shopsync.gui.windows.brands import BrandsWindow

    hub = make_hub(settings)
    window = BrandsWindow(hub)
    qtbot.addWidget(window)
    wait_io(hub)
    assert window.loaded
    return [
        {
            "brand": row.erp_brand,
            "products": row.products,
            "site_brand": window.table.cellWidget(r, 3).currentText() or row.erp_brand,
            "mode": window.table.cellWidget(r, 4).currentData(),
            "decided": row.decided,
        }
        for r, row in enumerate(window.rows)
    ]


def test_cli_and_window_show_the_same_brand_rows(qtbot, make_hub, wait_io, demo_home):
    """The site brand too: the CLI used to print the ERP's "TISSOT" where the window showed
    the catalogue's "Tissot"."""
    keys = ("brand", "products", "site_brand", "mode", "decided")
    cli = [{k: r[k] for k in keys} for r in _cli_rows(demo_home.home)]
    window = _window_rows(qtbot, make_hub, wait_io, demo_home)
    assert cli == window
    assert next(r for r in cli if r["brand"] == "G-SHOCK")["site_brand"] == "Casio"
    assert next(r for r in cli if r["brand"] == "TISSOT")["site_brand"] == "Tissot"
    assert cli[0] == {**cli[0], "brand": "BIJOUX FANTAISIE", "mode": "unmapped", "decided": False}


def test_a_site_brand_spelt_as_the_erp_brand_is_the_same_name_on_both_sides(
    qtbot, make_hub, wait_io, demo_home
):
    """Only the window used to fold "tissot" into "the same name": the CLI stored it as a
    separate site brand. Now both go through the brand service."""
    out = _cli(demo_home.home, "brands", "map", "TISSOT", "--mode", "preorder", "--site-brand", "tissot")
    assert out.returncode == 0, out.stderr
    from shopsync.services import Services

    with Services(demo_home) as svc:
        row = next(r for r in svc.brands.table().rows if r.erp_brand == "TISSOT")
    assert row.mode == "preorder"
    assert row.site_brand == "Tissot"  # the catalogue's spelling, not the typed "tissot"
    window = _window_rows(qtbot, make_hub, wait_io, demo_home)
    assert next(r for r in window if r["brand"] == "TISSOT")["site_brand"] == "Tissot"
