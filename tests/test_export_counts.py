"""One counting of an export (shopsync/sync/counts.py): the numbers add up on several real
exports (the sample, a cp1252 Bijou3-like export with one line per piece, one with rejected
lines, one where every brand is undecided), and every place that shows them — the sync's
summary, `shopsync status --json`, the readiness report, the heartbeat a real sandbox received,
`shopsync demo` — shows the same numbers; and when nothing will be published, each says why."""

from __future__ import annotations

import json
import subprocess
import sys
from html import escape
from pathlib import Path

import httpx
import pytest
from shop_fixtures import CATALOG, TOKEN, Shop, write_catalog_rows, write_export

from shopsync import erp
from shopsync.catalog_csv import read_catalog_csv
from shopsync.paths import sample
from shopsync.rules import BrandMapping, BrandMode, RuleOptions, fold_brand
from shopsync.sync.counts import ExportCounts, NothingPublished, count_read

# One line per piece, as Bijou3-like software writes them: the repeated lines merge.
MERGES = [
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "1", "69,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO", "1", "120,00", "", ""),
    ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "1", "490,00", "52", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "1", "69,00", "", ""),
    ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "1", "490,00", "54", ""),
    ("ALL OR 3MM", "ALLIANCES", "ALLIANCE", "1", "490,00", "52", ""),
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("ZZ-404", "INCONNUE", "BAGUE", "1", "10,00", "", ""),  # absent from the catalogue
    ("F2O560/1", "FESTINA", "CHRONO TYPO", "1", "120,00", "", ""),  # to rewrite (O for 0)
]
# Lines a shop's export really has: a quantity that is not one, no reference, a line cut short.
REJECTS_RAW = (
    "Référence;Marque;Désignation;Qté;Prix TTC;TLD;Statut\r\n"
    "T120.417.17.041.00;TISSOT;SEASTAR;abc;895,00;;\r\n"
    ";TISSOT;SANS REFERENCE;1;10,00;;\r\n"
    "F20560/1;FESTINA\r\n"
    "590702HV-16;PANDORA;MOMENTS;2;69,00;;\r\n"
    "T137.407.11.041.00;TISSOT;PRX;1;375,00;;NW\r\n"
)
# Ten brands, one product each, in the catalogue and in the export: none decided yet.
TEN_BRANDS = ["CASIO", "FESTINA", "LOTUS", "PANDORA", "SEIKO", "SWAROVSKI", "THOMAS SABO",
              "TISSOT", "CITIZEN", "FOSSIL"]  # fmt: skip
TEN_CATALOG = [
    {"reference": f"{b[:3]}-{i:03d}", "brand": b.title(), "title": f"{b.title()} {i}"}
    for i, b in enumerate(TEN_BRANDS)
]
TEN_ROWS = [
    (p["reference"], brand, p["title"].upper(), "1", "100,00", "", "")
    for p, brand in zip(TEN_CATALOG, TEN_BRANDS, strict=True)
]
STOCK_FOR_ALL = RuleOptions(new_brands=BrandMode.STOCK, hold_statuses=frozenset({"nw"}))


def _catalogue(tmp_path: Path, rows: list[dict]) -> dict:
    return read_catalog_csv(write_catalog_rows(tmp_path / "catalog.csv", rows))


def _assert_adds_up(counts: ExportCounts) -> None:
    assert all(counts.identities().values()), counts.identities()
    # spelled out, so that a reader sees what "adds up" means
    assert counts.lines_read == counts.lines_kept + counts.lines_rejected
    assert counts.lines_kept == counts.items + counts.lines_merged
    assert counts.references == counts.connected + counts.to_rewrite + counts.absent_from_catalogue
    assert counts.connected == counts.will_publish + counts.held_by_brand + counts.held_by_status


def test_the_sample_export_counted_before_and_after_the_shops_decisions():
    read = erp.read_export(sample("export-bijou3.csv"))
    catalogue = read_catalog_csv(sample("catalog.csv"))
    fresh = count_read(read, catalogue)
    _assert_adds_up(fresh)
    # 21 data lines, 3 of them ring sizes of references seen on another line: 17 references.
    assert (fresh.lines_read, fresh.lines_rejected, fresh.items, fresh.references) == (21, 0, 21, 17)
    assert (fresh.connected, fresh.to_rewrite, fresh.absent_from_catalogue) == (14, 1, 2)
    # Nothing decided: every connected reference waits for its brand, and it is said why.
    assert (fresh.will_publish, fresh.brand_undecided, fresh.brands_to_decide) == (0, 14, 10)
    assert fresh.nothing_published is NothingPublished.BRANDS_UNDECIDED
    assert "toutes les marques sont à décider" in fresh.why_nothing()

    from shopsync.demo_data import DEMO_BRANDS

    mappings = {fold_brand(b): BrandMapping(b, site, mode) for b, (site, mode) in DEMO_BRANDS.items()}
    decided = count_read(
        read, catalogue, mappings=mappings,
        options=RuleOptions(hold_statuses=frozenset({"nw"}), preorder_statuses=frozenset({"cde"})),
    )  # fmt: skip
    _assert_adds_up(decided)
    # Le Locle (status NW) is held; everything else connected is shown; BIJOUX FANTAISIE is
    # the one brand left to decide, but it has nothing in the catalogue.
    assert (decided.will_publish, decided.held_by_status, decided.held_by_brand) == (13, 1, 0)
    assert decided.brands_to_decide == 1 and decided.nothing_published is None
    assert decided.why_nothing() is None


def test_a_bijou3_export_with_one_line_per_piece(tmp_path: Path):
    export = write_export(tmp_path / "stock.csv", MERGES)  # cp1252, `;`, CRLF
    assert "é".encode("cp1252") in export.read_bytes()
    counts = count_read(erp.read_export(export), _catalogue(tmp_path, CATALOG), options=STOCK_FOR_ALL)
    _assert_adds_up(counts)
    # 11 lines: F20560/1 ×3, 590702HV-16 ×2, ALL OR 3MM in 52 (×2) and 54 — 4 merged lines.
    assert (counts.lines_read, counts.lines_rejected, counts.lines_merged) == (11, 0, 4)
    assert (counts.items, counts.references) == (7, 6)
    assert (counts.connected, counts.to_rewrite, counts.absent_from_catalogue) == (4, 1, 1)
    assert (counts.will_publish, counts.held_by_brand, counts.held_by_status) == (4, 0, 0)


def test_an_export_with_rejected_lines(tmp_path: Path):
    export = tmp_path / "stock.csv"
    export.write_bytes(REJECTS_RAW.encode("cp1252"))
    counts = count_read(erp.read_export(export), _catalogue(tmp_path, CATALOG), options=STOCK_FOR_ALL)
    _assert_adds_up(counts)
    assert (counts.lines_read, counts.lines_rejected, counts.lines_kept) == (5, 3, 2)
    assert (counts.references, counts.connected, counts.will_publish, counts.held_by_status) == (2, 2, 1, 1)


def test_every_brand_undecided_then_each_reason_nothing_is_published(tmp_path: Path):
    export = write_export(tmp_path / "stock.csv", TEN_ROWS)
    read = erp.read_export(export)
    catalogue = _catalogue(tmp_path, TEN_CATALOG)
    undecided = count_read(read, catalogue)
    _assert_adds_up(undecided)
    assert (undecided.connected, undecided.brand_undecided, undecided.brands_to_decide) == (10, 10, 10)
    assert undecided.nothing_published is NothingPublished.BRANDS_UNDECIDED

    off = {fold_brand(b): BrandMapping(b, None, BrandMode.OFF) for b in TEN_BRANDS}
    assert count_read(read, catalogue, mappings=off).nothing_published is NothingPublished.BRANDS_OFF
    held = RuleOptions(new_brands=BrandMode.STOCK, hold_statuses=frozenset({"nw"}))
    rows = [row[:-1] + ("NW",) for row in TEN_ROWS]
    all_held = count_read(erp.read_export(write_export(tmp_path / "held.csv", rows)), catalogue, options=held)
    assert all_held.nothing_published is NothingPublished.HELD_BY_STATUS and all_held.held_by_status == 10
    assert count_read(read, {}).nothing_published is NothingPublished.EMPTY_CATALOGUE
    assert count_read(read, None).nothing_published is NothingPublished.CATALOGUE_UNKNOWN
    elsewhere = _catalogue(tmp_path, CATALOG)
    assert count_read(read, elsewhere).nothing_published is NothingPublished.NOTHING_CONNECTED


def test_counts_that_do_not_add_up_are_refused():
    good = count_read(erp.read_export(sample("export-bijou3.csv")), read_catalog_csv(sample("catalog.csv")))
    data = good.as_dict()
    assert ExportCounts.from_dict(data) == good
    with pytest.raises(ValueError, match="do not add up"):
        ExportCounts(**{**{k: v for k, v in data.items() if k not in ("lines_kept", "held_by_brand")},
                        "nothing_published": good.nothing_published, "connected": 99})
    assert ExportCounts.from_dict({**data, "will_publish": 1}) is None  # a damaged stored value


def test_the_readiness_report_gives_a_brand_its_catalogue_products_under_another_name(tmp_path):
    """The ERP calls Casio's watches "G-SHOCK": the row that connects them counts them."""
    from shopsync.matching import CatalogIndex
    from shopsync.report import readiness

    read = erp.read_export(sample("export-bijou3.csv"))
    catalogue = read_catalog_csv(sample("catalog.csv"))
    items = [(line.reference, line.brand) for line in read.lines]
    results = CatalogIndex(catalogue).match(items)
    report = readiness.build(items, catalogue, results)
    # The report's own totals are the counting's (made from the same matches, or not).
    for counts in (count_read(read, catalogue, matches=results), count_read(read, catalogue)):
        t = report.total
        assert (t.items, t.connected, t.to_rewrite, t.not_in_catalog) == (
            counts.references, counts.connected, counts.to_rewrite, counts.absent_from_catalogue)
    gshock = next(r for r in report.rows if r.brand == "G-SHOCK")
    assert (gshock.connected, gshock.catalog_products, gshock.would_unpublish) == (1, 2, 1)
    for row in report.rows:
        assert not (row.connected and row.catalog_products == 0), row
    assert report.total.catalog_products == sum(r.catalog_products for r in report.rows)


# --- every place shows the same numbers ----------------------------------------------------------


def _cli(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "shopsync", *args, "--home", str(home)],
        capture_output=True, text=True, timeout=180,
        env={**os.environ, "SHOPSYNC_SITE_TOKEN": TOKEN, **(env or {})},
    )  # fmt: skip


def _status_counts(home: Path) -> ExportCounts:
    out = _cli(home, "status", "--json")
    assert out.returncode == 0, out.stderr
    counts = ExportCounts.from_dict(json.loads(out.stdout)["counts"])
    assert counts is not None
    return counts


def _agent_view(url: str) -> dict:
    answer = httpx.get(f"{url}/api/v1/agent", headers={"Authorization": f"Bearer {TOKEN}"})
    answer.raise_for_status()
    return answer.json()


def _admin(url: str) -> str:
    answer = httpx.get(f"{url}/admin", auth=("platform", TOKEN))
    answer.raise_for_status()
    return answer.text


def _send_heartbeat(home: Path) -> None:
    from shopsync.agent.link import PlatformLink
    from shopsync.config import load_settings

    class Host:
        def full_reconcile(self) -> bool:
            return True

        def pause(self) -> None: ...

        def resume(self) -> None: ...

        def is_paused(self) -> bool:
            return False

        def next_run_at(self) -> float | None:
            return None

    import time

    assert PlatformLink(load_settings(home), Host()).tick(time.time(), force=True)


@pytest.mark.parametrize("rows", [MERGES, TEN_ROWS[:3] + MERGES[:4]], ids=["merges", "mixed"])
def test_sync_status_report_and_heartbeat_show_the_same_counts(shop: Shop, site, tmp_path, rows):
    shop.write(rows)
    sync = _cli(shop.home, "sync", "--once")
    assert sync.returncode == 0, sync.stdout + sync.stderr
    counts = _status_counts(shop.home)
    _assert_adds_up(counts)
    assert counts.lines_read == len(rows)
    # the run's own line says the lines read
    assert f"lus {counts.lines_read}," in sync.stdout + sync.stderr

    # The readiness report, against the same catalogue, with the same decisions.
    report = tmp_path / "report.html"
    catalog = write_catalog_rows(tmp_path / "catalog-copy.csv", CATALOG)
    check = _cli(shop.home, "check", "--catalog", str(catalog), "--output", str(report))
    # `check` says its verdict in its exit code: 0 ready, 4 to fix (references to rewrite)
    ready = "Verdict : prêt" in check.stdout + check.stderr
    assert check.returncode == (0 if ready else 4), check.stderr
    html = report.read_text(encoding="utf-8")
    for sentence in counts.sentences(why=False):
        assert escape(sentence) in html, sentence
    summary = _cli(shop.home, "check", "--catalog", str(catalog))
    for sentence in counts.sentences():
        assert sentence in summary.stdout.splitlines(), (sentence, summary.stdout)

    # The heartbeat, as the sandbox received it.
    _send_heartbeat(shop.home)
    received = _agent_view(site.url)["heartbeat"]["counts"]
    assert ExportCounts.from_dict(received) == counts
    assert received["counted_at"]
    admin = _admin(site.url)
    assert f"<th>Lignes lues</th><td>{counts.lines_read}</td>" in admin
    assert f"<th>Références distinctes</th><td>{counts.references}</td>" in admin
    assert f"<th>Connectées publiées</th><td>{counts.will_publish}</td>" in admin


def test_the_demo_says_the_numbers_status_and_the_report_say(tmp_path: Path):
    home = tmp_path / "demo"
    demo = _cli(home, "demo", "--once", "--headless", "--port", "0")
    assert demo.returncode == 0, demo.stdout + demo.stderr
    counts = _status_counts(home)
    printed = [line.strip() for line in demo.stdout.splitlines()]
    for sentence in counts.sentences():
        assert sentence in printed, (sentence, demo.stdout)
    assert "Export : 21 ligne(s) lue(s), 0 refusée(s)" in demo.stdout
    assert "17 référence(s) distincte(s)" in demo.stdout
    report = _cli(home, "check", "--catalog", str(sample("catalog.csv")))
    for sentence in counts.sentences():
        assert sentence in report.stdout.splitlines(), (sentence, report.stdout)
    english = _cli(home, "status", env={"LANG": "C"})
    assert "Export: 21 line(s) read" in english.stdout, english.stdout


# --- the platform's health from the one classification -----------------------------------------


def test_ten_brands_undecided_reads_to_be_checked_on_admin_not_ok(tmp_path: Path, monkeypatch):
    from shopsync.site.sandbox.testing import running_sandbox

    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", TOKEN)
    catalog = write_catalog_rows(tmp_path / "ten.csv", TEN_CATALOG)
    with running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog) as url:
        shop = Shop(tmp_path / "home", url)
        shop.configure(rules={"new_brands": "unmapped"})
        shop.write(TEN_ROWS)
        sync = _cli(shop.home, "sync", "--once")
        assert sync.returncode == 0, sync.stdout + sync.stderr
        assert "Rien ne sera publié : toutes les marques sont à décider" in sync.stdout + sync.stderr

        status = json.loads(_cli(shop.home, "status", "--json").stdout)
        assert (status["state"], status["reasons"][0]["code"]) == ("attention", "brands_undecided")
        assert status["counts"]["nothing_published"] == "brands_undecided"
        human = _cli(shop.home, "status").stdout
        assert "État : à vérifier" in human and "10 nouvelles marques à décider" in human
        assert human.count("Rien ne sera publié") == 1, human

        _send_heartbeat(shop.home)
        view = _agent_view(url)
        beat = view["heartbeat"]
        assert (beat["state"], beat["reason"]["code"]) == ("attention", "brands_undecided")
        assert beat["reason"]["message"].startswith("10 nouvelles marques à décider (")
        assert view["health"] == "needs_attention" and view["health_reason"] == beat["reason"]["message"]
        admin = _admin(url)
        assert "data-health='needs_attention'" in admin and "data-health='ok'" not in admin
        assert ">À vérifier<" in admin
        assert escape(beat["reason"]["message"]) in admin
        assert "Rien ne sera publié : toutes les marques sont à décider." in admin

        # The shop decides: the tray reads "À jour", and so does the platform.
        for brand in TEN_BRANDS:
            assert _cli(shop.home, "brands", "map", brand, "--mode", "stock").returncode == 0
        assert _cli(shop.home, "sync", "--once").returncode == 0
        assert json.loads(_cli(shop.home, "status", "--json").stdout)["state"] == "up_to_date"
        _send_heartbeat(shop.home)
        view = _agent_view(url)
        assert view["health"] == "ok" and view["health_reason"] is None
        assert view["heartbeat"]["counts"]["will_publish"] == 10
        assert "data-health='ok'" in _admin(url)


def test_the_suggestions_are_worked_out_again_only_when_the_references_change(shop: Shop, monkeypatch):
    """A sale changes no reference: the run reuses the suggestion count (remembered in the
    store, so a `sync --once` process reuses it too); a new reference makes it count again."""
    from shopsync.matching import CatalogIndex

    calls: list[int] = []
    real = CatalogIndex.match

    def spy(self, items, *args, **kwargs):  # the real matching, counted
        items = list(items)
        calls.append(len(items))
        return real(self, items, *args, **kwargs)

    monkeypatch.setattr(CatalogIndex, "match", spy)
    shop.write(MERGES)
    first = shop.sync()
    assert first.exit_code == 0 and calls == [6]
    sold = [MERGES[0][:3] + ("0",) + MERGES[0][4:], *MERGES[1:]]
    shop.write(sold)
    second = shop.sync()
    assert calls == [6], "a sale must not make the suggestions again"
    assert second.counts == first.counts  # a piece sold: the same lines, references, fates
    shop.write([*sold, ("NEW-1", "FESTINA", "NOUVELLE", "1", "99,00", "", "")])
    third = shop.sync()
    assert calls == [6, 7] and third.counts["references"] == 7
    assert third.counts["absent_from_catalogue"] == first.counts["absent_from_catalogue"] + 1


def test_the_wizard_preview_counts_a_whole_export_with_the_shops_decisions(tmp_path: Path):
    """`Services.counts.of_export`: the wizard's preview counts the whole export (not the 20
    rows it shows), before the site is known, then against the catalogue its site step read."""
    from shopsync.config import load_settings
    from shopsync.services import Services

    with Services(load_settings(tmp_path / "home")) as svc:
        assert svc.counts.last() is None  # no run yet
        before = svc.counts.of_export(sample("export-bijou3.csv"))
        after = svc.counts.of_export(sample("export-bijou3.csv"), catalogue=read_catalog_csv(sample("catalog.csv")))
    assert (before.lines_read, before.references) == (21, 17)
    assert before.nothing_published is NothingPublished.CATALOGUE_UNKNOWN
    assert before.sentences()[-1] == "Rien ne sera publié tant que le catalogue du site n'a pas été lu."
    assert len(before.sentences()) == 2  # no catalogue: no claim about what connects
    assert (after.connected, after.nothing_published) == (14, NothingPublished.BRANDS_UNDECIDED)
