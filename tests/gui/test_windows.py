"""Each window over a real engine on a temporary store, synced to the sandbox site."""

from __future__ import annotations

import csv
import time
import zipfile

from shopsync.config import load_settings, update_config
from shopsync.store import brands as brand_store
from shopsync.store.db import open_db


def test_status_window_shows_runs_chart_and_runs_a_sync(qtbot, make_hub, wait_io, demo_home):
    from shopsync.gui.windows.status import StatusWindow

    hub = make_hub(demo_home)
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    window.show()
    wait_io(hub)
    assert window.runs.rowCount() == 1
    assert window.runs.item(0, 7).text() == "terminée"
    assert sum(v for _, v in window.chart.values) > 0
    # BIJOUX FANTAISIE is left unmapped by the demo: the state asks for a decision.
    assert window.headline.text() == "À vérifier"
    assert "marque" in window.detail.text()
    assert window.next_run.text()  # "non planifiée" here (no timed jobs in tests)

    # Seen when the run starts (after the window's own slot): an unchanged run can end within
    # milliseconds, and the bar is hidden again before a poll would see it.
    shown: list[bool] = []
    hub.run_started.connect(lambda _data: shown.append(window.progress_bar.isVisible()))
    with qtbot.waitSignal(hub.run_finished, timeout=20000) as finished:
        window.sync_button.click()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0] is True
    assert finished.args[0].status in ("ok", "unchanged")
    wait_io(hub)
    assert not window.progress_bar.isVisible()  # an animated bar left visible costs idle CPU
    assert window.runs.rowCount() == 2
    assert window.runs.item(0, 1).text() == "manuelle"


def test_errors_show_file_and_line(qtbot, make_hub, wait_io, demo_home):
    from shopsync.gui.windows.status import StatusWindow

    export = demo_home.home / "export" / "stock.csv"
    data = export.read_bytes().decode("cp1252").split("\r\n")
    at = len(data) - 1 if data[-1] == "" else len(data)
    data.insert(at, "T999;TISSOT;CASSE;beaucoup;12,00;;;")
    export.write_bytes("\r\n".join(data).encode("cp1252"))
    where = f"stock.csv:{at + 1}"
    hub = make_hub(demo_home)
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    with qtbot.waitSignal(hub.run_finished, timeout=20000):
        hub.sync_now()
    wait_io(hub)
    lines = [window.errors.item(i).text() for i in range(window.errors.count())]
    assert any(f"{where} : quantité : « beaucoup » n'est pas un nombre entier" in line
               for line in lines), lines


def test_diagnostic_zip_has_no_secret(qtbot, make_hub, wait_io, demo_home, tmp_path):
    from shopsync.gui.windows.status import StatusWindow

    log = demo_home.log_dir / "shopsync.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("a", encoding="utf-8") as fh:
        fh.write("DEBUG header Authorization: Bearer gui-test-token\n")
        fh.write("odbc DSN=Bijou3;UID=boutique;PWD=secret123\n")
    hub = make_hub(demo_home)
    window = StatusWindow(hub)
    qtbot.addWidget(window)
    target = tmp_path / "diag.zip"
    window.export_diagnostic(str(target))
    qtbot.waitUntil(target.exists, timeout=10000)
    wait_io(hub)
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        assert {"config.toml", "runs.json", "status.json", "versions.json"} <= names
        assert any(n.startswith("logs/") for n in names)
        text = "".join(zf.read(n).decode("utf-8", "replace") for n in names)
    assert "gui-test-token" not in text
    assert "secret123" not in text
    assert "stock.csv" in text  # the settings are there


def test_brands_window_unmapped_first_preview_then_save(qtbot, make_hub, wait_io, demo_home):
    from shopsync.gui.windows.brands import BrandsWindow

    hub = make_hub(demo_home)
    window = BrandsWindow(hub)
    qtbot.addWidget(window)
    window.show()
    wait_io(hub)
    assert window.rows[0].erp_brand == "BIJOUX FANTAISIE" and not window.rows[0].decided
    assert window.table.cellWidget(0, 4).currentData() == "unmapped"
    tissot = next(r for r in window.rows if r.erp_brand == "TISSOT")
    assert tissot.products >= 1 and tissot.matched >= 1
    assert not window.save_button.isEnabled()

    window.search.setText("tiss")
    visible = [window.rows[r].erp_brand for r in range(len(window.rows)) if not window.table.isRowHidden(r)]
    assert visible == ["TISSOT"]
    window.search.clear()

    window.set_choice("TISSOT", "off")
    assert window.save_button.isEnabled()
    qtbot.waitUntil(lambda: window.preview_result is not None, timeout=10000)
    preview = window.preview_result
    assert preview.unpublish and not preview.publish
    assert "dépublié" in window.preview_label.text()

    window.set_choice("TISSOT", "stock")  # back to the saved choice: nothing to save
    assert not window.save_button.isEnabled()
    window.set_choice("BIJOUX FANTAISIE", "preorder")
    window.save()
    wait_io(hub)
    db = open_db(demo_home.db_path)
    try:
        saved = brand_store.load_mappings(db)
    finally:
        db.conn.close()
    assert saved["bijoux fantaisie"].mode == "preorder" and saved["bijoux fantaisie"].decided


def test_references_window_accept_reject_export(qtbot, make_hub, wait_io, demo_home, tmp_path):
    from shopsync.gui.windows.references import ReferencesWindow
    from shopsync.store import aliases

    typo = "T137.407.17.041.00"  # a PRX written with a wrong digit in the ERP
    export = demo_home.home / "export" / "stock.csv"
    data = export.read_bytes().decode("cp1252").split("\r\n")
    at = len(data) - 1 if data[-1] == "" else len(data)
    data.insert(at, f"{typo};TISSOT;PRX 40MM ACIER;1;375,00;;;")
    export.write_bytes("\r\n".join(data).encode("cp1252"))
    hub = make_hub(demo_home)
    with qtbot.waitSignal(hub.run_finished, timeout=20000):
        hub.sync_now()
    window = ReferencesWindow(hub)
    qtbot.addWidget(window)
    window.show()
    wait_io(hub)
    row = next(r for r in window.rows if r.reference == typo)
    assert row.status == "suggested" and len(row.candidates) >= 2
    first, second = row.candidates[0][0], row.candidates[1][0]
    window.select(typo)
    assert window.reject_button.isEnabled()
    window.reject_selected()
    wait_io(hub)
    row = next(r for r in window.rows if r.reference == typo)
    assert first not in [c for c, _ in row.candidates]
    window.select(typo)
    window.accept_selected()
    wait_io(hub)
    db = open_db(demo_home.db_path)
    try:
        assert aliases.accepted(db).get(typo) == second
        assert (typo, first) in aliases.rejected(db)
    finally:
        db.conn.close()
    assert typo not in {r.reference for r in window.rows}

    for name in ("refs.csv", "refs.xlsx"):
        window.export(str(tmp_path / name))
        wait_io(hub)
        assert (tmp_path / name).stat().st_size > 0
    with (tmp_path / "refs.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][0] == "reference_erp" and len(rows) == len(window.rows) + 1


def test_settings_window_writes_config_keeping_comments(qtbot, make_hub, wait_io, demo_home):
    from shopsync.gui.windows.settings import SettingsWindow

    hub = make_hub(demo_home)
    window = SettingsWindow(hub)
    qtbot.addWidget(window)
    window.show()
    assert window.erp_page.source.text().endswith("stock.csv")
    window.schedule_page.interval.setValue(12)
    window.rules_page.hold.setText("NW, RETENU")
    window.rules_page.restock_days.setValue(21)
    window.rules_page.max_share.setValue(30)
    url_before = load_settings(demo_home.home).site.url
    web_orders = window.rules_page.web_orders
    assert web_orders.currentData() == "closed"  # the default: until the order is closed
    web_orders.setCurrentIndex(web_orders.findData("export"))
    with qtbot.waitSignal(window.saved, timeout=10000):
        window.save()
    text = demo_home.config_path.read_text(encoding="utf-8")
    assert "# A file is read only once its size and date" in text  # comments kept
    settings = load_settings(demo_home.home)
    assert settings.schedule.interval_minutes == 12
    assert settings.rules.hold_statuses == ["NW", "RETENU"]
    assert settings.backorder.restock_days == 21
    assert settings.guard.max_unpublish_share == 0.3
    assert settings.site.web_orders_until == "export"
    assert settings.site.url == url_before  # the rules page's [site] key left the address alone
    assert hub.scheduler.settings.schedule.interval_minutes == 12  # the scheduler reloaded

    # The ERP preview shows the detected columns, editable.
    window.erp_page.run_preview()
    wait_io(hub)
    assert window.erp_page.preview_table.rowCount() > 0
    assert window.erp_page.column_mapping().get("reference")

    # Correcting a column saves a tuned copy of the profile in the home folder.
    status_box = window.erp_page.mapping_combos["status"]
    status_box.setCurrentIndex(0)  # "(aucune)": this export has no usable status
    with qtbot.waitSignal(window.saved, timeout=10000):
        window.save()
    from shopsync import erp

    tuned = demo_home.home / "profiles" / f"{settings.erp.profile}.toml"
    assert tuned.exists()
    profile = erp.load_profile(settings.erp.profile, home=demo_home.home)
    assert profile.path == tuned  # the shop's copy wins over the preset of the same name
    assert profile.columns["status"] is None  # read back as "no status column"
    assert "status = false" in tuned.read_text(encoding="utf-8")


def test_first_run_wizard_writes_config(qtbot, make_hub, wait_io, empty_home, tmp_path, sandbox_url):
    """Each step is checked before it moves on (issue 19): the export pattern must match a
    readable export and the site must take the token; then "Terminer" writes config.toml."""
    import shutil

    from shopsync.gui.app import needs_setup
    from shopsync.gui.windows.settings import FirstRunWizard
    from shopsync.paths import sample

    settings = load_settings(empty_home)
    assert needs_setup(settings)
    shutil.copyfile(sample("export-bijou3.csv"), tmp_path / "stock_1.csv")
    hub = make_hub(settings)
    wizard = FirstRunWizard(hub)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.erp_page.source.setText(str(tmp_path / "stock_*.csv"))
    wizard.erp_page.profile.setCurrentIndex(wizard.erp_page.profile.findData("bijou3"))
    wizard.site_page.url.setText(sandbox_url)  # its token comes from SHOPSYNC_SITE_TOKEN
    last = wizard.pageIds()[-1]
    while wizard.currentId() != last:
        before = wizard.currentId()
        wizard.next()
        qtbot.waitUntil(lambda before=before: wizard.currentId() != before, timeout=20000)
    qtbot.waitUntil(wizard.ready_page.isComplete, timeout=20000)
    with qtbot.waitSignal(wizard.finished_setup, timeout=10000):
        wizard.accept()
    settings = load_settings(empty_home)
    assert not needs_setup(settings)
    assert settings.erp.profile == "bijou3" and settings.site.url == sandbox_url


def test_held_unpublishing_shows_what_and_confirms(qtbot, make_hub, wait_io, demo_home):
    from shopsync.gui.windows.held import HeldWindow

    update_config(demo_home.home, {"guard": {"min_unpublish_count": 1, "max_unpublish_share": 0.01}})
    settings = load_settings(demo_home.home)
    export = settings.home / "export" / "stock.csv"
    lines = export.read_bytes().decode("cp1252").split("\r\n")
    export.write_bytes("\r\n".join(lines[:1] + [ln for ln in lines[1:] if not ln.startswith("T")]).encode("cp1252"))
    hub = make_hub(settings)
    with qtbot.waitSignal(hub.run_finished, timeout=20000) as run:
        hub.sync_now()
    assert run.args[0].status == "held"
    wait_io(hub)
    assert hub.last_status["held"]
    window = HeldWindow(hub)
    qtbot.addWidget(window)
    window.show()
    wait_io(hub)
    assert window.table.rowCount() == len(hub.last_status["held"])
    assert window.items[0]["brand"]
    with qtbot.waitSignal(hub.run_finished, timeout=20000) as second:
        window.confirm()
    assert second.args[0].status == "ok"
    assert second.args[0].uploaded >= window.table.rowCount()
    wait_io(hub)
    assert hub.last_status["held"] == []


def test_tray_menu_actions(qtbot, make_hub, wait_io, demo_home, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from shopsync.gui.controller import AppController
    from shopsync.gui.qtcompat import emit

    hub = make_hub(demo_home)
    controller = AppController(hub, use_tray=False)
    wait_io(hub)
    tray = controller.tray
    emit(tray.menu.aboutToShow)
    assert list(tray.actions) == ["sync", "status", "brands", "references", "settings", "pause", "quit"]
    assert tray.current.icon == "attention"  # BIJOUX FANTAISIE to decide
    assert tray.messages and "marque" in tray.messages[0][1]
    for key in ("status", "brands", "references", "settings"):
        tray.actions[key].trigger()
        qtbot.addWidget(controller.windows[key])
        assert controller.windows[key].isVisible()
    tray.actions["pause"].trigger()
    assert hub.paused
    emit(tray.menu.aboutToShow)
    assert tray.actions["pause"].text() == "Reprendre"
    qtbot.waitUntil(lambda: tray.current.icon == "paused", timeout=5000)
    with qtbot.waitSignal(hub.run_finished, timeout=20000):
        tray.actions["pause"].trigger()  # resuming syncs at once
    with qtbot.waitSignal(hub.run_finished, timeout=20000):
        emit(tray.menu.aboutToShow)
        tray.actions["sync"].trigger()
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    tray.actions["quit"].trigger()
    assert quits == [1]
    assert len(tray.messages) == 1  # no new balloon for ordinary syncs


def test_event_loop_stays_responsive_during_a_slow_sync(qtbot, make_hub, demo_home):
    """A sync that spends ~1.5 s in the worker must not freeze the UI thread."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from shopsync.engine import SyncEngine

    def slow_engine(settings, observer):
        def slow(event, data):
            observer(event, data)
            if event == "progress":
                time.sleep(0.35)  # blocking work in the worker thread

        return SyncEngine(settings, observer=slow)

    hub = make_hub(demo_home, engine_factory=slow_engine)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    start = time.monotonic()
    with qtbot.waitSignal(hub.run_finished, timeout=30000):
        hub.sync_now(full=True)
    duration = time.monotonic() - start
    timer.stop()
    assert duration > 1.0  # the sync really was slow
    worst = max(gaps)
    print(f"\nUI latency during a {duration:.1f} s sync: max {worst} ms, ticks {len(gaps)}")
    assert worst < 250, gaps


def test_a_failed_confirm_is_reported_as_a_failure(qtbot, make_hub, empty_home):
    """A confirmation that could not be written is not "0 confirmed": the window hears why."""
    import sqlite3

    from shopsync.store.db import open_db

    settings = load_settings(empty_home)
    open_db(settings.db_path).conn.close()  # the schema exists...
    conn = sqlite3.connect(settings.db_path)
    conn.execute("DROP TABLE held")  # ...and then the database is damaged
    conn.close()
    hub = make_hub(settings)
    done, failed = [], []
    hub.confirm_held(done.append, failed.append)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=10000)
    assert done == []
    assert isinstance(failed[0], sqlite3.OperationalError) and "held" in str(failed[0])
