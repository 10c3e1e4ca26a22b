"""The walking skeleton, end to end over loopback: export file → SQLite → changes → sandbox."""

from __future__ import annotations

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("T137.407.11.041.00", "TISSOT", "PRX", "1", "375,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
    ("590702HV-16", "PANDORA", "BRACELET MOMENTS", "3", "69,00", "", ""),
    ("ZZ-UNKNOWN", "TISSOT", "PAS AU CATALOGUE", "1", "10,00", "", ""),
]


def test_first_sync_publishes_then_one_sale_uploads_one_item(shop, site):
    shop.write(ROWS)
    code, first = shop.cli_json("sync", "--once")
    assert code == 0, first
    assert first["status"] == "ok" and first["uploaded"] == 4 and first["pending"] == 0
    for key in ("status", "read", "changes", "uploaded", "pending", "held"):
        assert key in first
    p = site.product("F20560/1")
    assert p["published"] is True and p["quantity"] == 1 and p["price"] == "1290.00"
    assert p["availability"] == "in_stock"
    assert site.product("T120.417.17.041.00")["quantity"] == 2
    assert site.product("ALL OR 3MM")["published"] is False  # catalogue, not in the ERP

    sold = [r if r[0] != "F20560/1" else (*r[:3], "0", *r[4:]) for r in ROWS]
    shop.write(sold)
    code, second = shop.cli_json("sync", "--once")
    assert code == 0 and second["uploaded"] == 1 and second["changes"] == 1
    p = site.product("F20560/1")
    assert p["quantity"] == 0 and p["availability"] == "out_of_stock" and p["published"] is True

    code, third = shop.cli_json("sync", "--once")
    assert code == 0 and third["uploaded"] == 0 and third["status"] == "unchanged"


def test_human_summary_and_exit_code_without_json(shop):
    shop.write(ROWS)
    out = shop.cli("sync", "--once")
    assert out.returncode == 0
    assert out.stdout.strip().splitlines()[-1].startswith("Synchronisation terminée")
    assert "Traceback" not in out.stderr


def test_empty_export_changes_nothing_and_exits_2(shop, site):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    shop.export.write_bytes(b"")
    code, out = shop.cli_json("sync", "--once")
    assert code == 2 and out["status"] == "input_error"
    assert site.product("T120.417.17.041.00")["published"] is True


def test_header_only_export_changes_nothing(shop, site):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    shop.write([])
    summary = shop.sync()
    assert summary.exit_code == 2 and summary.uploaded == 0
    assert site.product("590702HV-16")["published"] is True


def test_unreachable_site_keeps_changes_pending_then_delivers(shop, site, tmp_path):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    shop.configure(site={"url": "http://127.0.0.1:9"})  # nothing listens there
    shop.write([r if r[0] != "590702HV-16" else (*r[:3], "1", *r[4:]) for r in ROWS])
    code, out = shop.cli_json("sync", "--once")
    assert code == 3 and out["status"] == "offline" and out["pending"] == 1
    assert site.product("590702HV-16")["quantity"] == 3
    shop.configure(site={"url": site.url})
    code, out = shop.cli_json("sync", "--once")
    assert code == 0 and out["pending"] == 0 and out["uploaded"] == 1
    assert site.product("590702HV-16")["quantity"] == 1


def test_status_reports_the_last_run(shop):
    shop.write(ROWS)
    shop.sync()
    code, status = shop.cli_json("status")
    assert code == 0 and status["state"] in ("up_to_date", "attention")
    assert status["last_run"]["uploaded"] == 4 and status["pending"] == 0


def test_the_token_never_reaches_the_log_files(shop):
    from shop_fixtures import TOKEN

    shop.write(ROWS)
    assert shop.cli("sync", "--once", "--verbose").returncode == 0
    shop.configure(site={"url": "http://127.0.0.1:9"})
    assert shop.cli("sync", "--once", "--verbose", "--full").returncode == 3
    logs = list((shop.home / "logs").glob("shopsync.log*"))
    text = "".join(p.read_text(encoding="utf-8") for p in logs)
    assert "run " in text  # the runs were logged: the check is meaningful
    assert TOKEN not in text
    assert TOKEN not in (shop.home / "config.toml").read_text(encoding="utf-8")


def test_nothing_to_send_still_notices_an_outage_and_a_refused_token(shop, monkeypatch):
    shop.write(ROWS)
    assert shop.sync().status == "ok"
    assert shop.sync().status == "unchanged"
    shop.configure(site={"url": "http://127.0.0.1:9"})
    out = shop.sync()
    assert out.status == "offline" and out.exit_code == 3
    shop.configure(site={"url": shop.original_url})
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", "not-the-token")
    out = shop.sync()
    assert out.status == "token_refused" and out.exit_code == 2
