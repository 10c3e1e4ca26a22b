"""`shopsync screenshots DIR`: the tray menu and every window, filled with demo data, to PNG.

Runs offscreen against the sandbox site and the demo sample (the same data as `shopsync demo`),
so the README and the shop's guide always show the current UI. Nothing here is used by the app.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)
TYPO_LINE = "T137.407.17.041.00;TISSOT;PRX 40MM ACIER (réf. mal saisie);1;375,00;;;"


def render(out_dir: Path, *, language: str = "fr", work_dir: Path | None = None) -> list[Path]:
    """Build a demo home against a private sandbox, then save one PNG per view."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopsync.demo_data import (
        append_line,
        demo_client_factory,
        demo_site,
        prepare_home,
        simulate_sale,
    )
    from shopsync.engine import SyncEngine
    from shopsync.sync.vocab import Trigger

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shopsync-shots-") as tmp:
        root = Path(work_dir or tmp)
        with demo_site(root / "site") as url:
            clients = demo_client_factory(url)
            settings, export = prepare_home(root / "home", url)
            append_line(export, TYPO_LINE)
            engine = SyncEngine(settings, client_factory=clients)
            try:
                engine.run_once(Trigger.DEMO)
                simulate_sale(export, "T120.417.17.041.00")
                engine.run_once(Trigger.INTERVAL)
                append_line(export, "T999.999;TISSOT;LIGNE CASSEE;beaucoup;10,00;;;")
                engine.run_once(Trigger.WATCH)
            finally:
                engine.close()
            return _render_windows(settings.home, out_dir, language, export, clients)


def _render_windows(
    home: Path, out_dir: Path, language: str, export: Path, clients: Callable[[], object]
) -> list[Path]:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from shopsync.config import TOKEN_ENV, load_settings, update_config
    from shopsync.demo_data import DEMO_TOKEN, keep_only
    from shopsync.engine import SyncEngine
    from shopsync.gui import i18n
    from shopsync.gui.controller import AppController
    from shopsync.gui.hub import AppHub
    from shopsync.gui.icons import STATES, state_icon
    from shopsync.sync.vocab import Trigger

    app = QApplication.instance() or QApplication(["shopsync-screenshots"])
    # The windows' own site checks (settings, wizard) take the demo site's token headless-style
    # (this machine may have no keyring); the token field then says where it comes from.
    saved_env = os.environ.get(TOKEN_ENV)
    os.environ[TOKEN_ENV] = DEMO_TOKEN
    i18n.install(language)
    settings = load_settings(home)

    def engines(settings, observer):  # noqa: ANN001, ANN202 - the demo site's token, explicitly
        return SyncEngine(settings, observer=observer, client_factory=clients)

    hub = AppHub(settings, engine_factory=engines)  # timed jobs: "Prochaine synchronisation"
    hub.start(run_now=False)
    controller = AppController(hub, use_tray=False)
    saved: list[Path] = []

    def settle(seconds: float = 0.3) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
            if hub.io_idle() and not hub.running:
                break
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(widget, name: str) -> None:  # noqa: ANN001
        settle()
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    try:
        settle()
        status = controller.show_status()
        shoot(status, "status")

        tray = controller.tray
        tray.rebuild_menu()
        tray.menu.popup(QPoint(0, 0))
        shoot(tray.menu, "tray-menu")
        tray.menu.hide()

        strip = QImage(5 * 72, 72, QImage.Format.Format_ARGB32)
        strip.fill(QColor("white"))
        painter = QPainter(strip)
        for i, state in enumerate(STATES):
            painter.drawPixmap(i * 72 + 4, 4, state_icon(state).pixmap(64, 64))
        painter.end()
        icons = out_dir / "tray-icons.png"
        strip.save(str(icons))
        saved.append(icons)

        brands = controller.show_brands()
        settle()
        brands.set_choice("BIJOUX FANTAISIE", "preorder")
        brands.set_choice("LOTUS", "off")
        settle(0.6)
        shoot(brands, "brands")

        refs = controller.show_references()
        settle()
        if refs.rows:
            refs.table.selectRow(0)
        shoot(refs, "references")

        settings_window = controller.show_settings()
        settings_window.erp_page.run_preview()
        shoot(settings_window, "settings-erp")
        settings_window.tabs.setCurrentIndex(1)
        settings_window.site_page.test_connection()
        shoot(settings_window, "settings-site")
        for index, name in ((2, "settings-schedule"), (3, "settings-rules"), (4, "settings-general")):
            settings_window.tabs.setCurrentIndex(index)
            shoot(settings_window, name)
        settings_window.close()

        _walk_wizard(controller, shoot, settle)

        # Qt's own file dialog, in French too (gui/i18n.py fills what qtbase_fr lacks).
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(controller.windows["status"], "Exporter un diagnostic", str(home))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.resize(760, 480)
        dialog.show()
        shoot(dialog, "file-dialog")
        dialog.hide()

        # A held unpublishing: the export suddenly lacks most products.
        update_config(settings.home, {"guard": {"min_unpublish_count": 2, "max_unpublish_share": 0.01}})
        keep_only(export, lambda row: not row.startswith("T"))
        engine = SyncEngine(load_settings(settings.home), client_factory=clients)
        try:
            engine.run_once(Trigger.WATCH)
        finally:
            engine.close()
        hub.refresh_status()
        settle()
        held = controller.show_held()
        shoot(held, "held")
        controller.windows["status"].reload_history()
        shoot(controller.windows["status"], "status-held")

        # A failed sync: the ERP wrote a broken export (its reason on screen, not in a tooltip).
        export.write_bytes(b"")  # the ERP crashed while writing it
        engine = SyncEngine(load_settings(settings.home), client_factory=clients)
        try:
            engine.run_once(Trigger.WATCH)
        finally:
            engine.close()
        hub.refresh_status()
        settle()
        controller.windows["status"].reload_history()
        shoot(controller.windows["status"], "status-failed")
        tray.rebuild_menu()
        tray.menu.popup(QPoint(0, 0))
        shoot(tray.menu, "tray-menu-failed")
        tray.menu.hide()
    finally:
        for window in controller.windows.values():
            window.hide()
        hub.shutdown()
        if saved_env is None:
            os.environ.pop(TOKEN_ENV, None)
        else:
            os.environ[TOKEN_ENV] = saved_env
    return saved


def _walk_wizard(controller, shoot, settle) -> None:  # noqa: ANN001
    """Every step of the first-run wizard, each checked as a shop goes through it: a refused
    token first (told on the page), then the demo's token from the environment."""
    from shopsync.demo_data import DEMO_TOKEN

    wizard = controller.show_wizard()
    wizard.resize(780, 720)

    def advance() -> None:
        page = wizard.currentPage()
        wizard.next()
        deadline = time.monotonic() + 20
        while wizard.currentPage() is page and time.monotonic() < deadline:
            settle(0.1)

    try:
        wizard.restart()
        wizard.site_page.refresh_token_origin()
        shoot(wizard, "wizard-1-welcome")
        advance()
        wizard.erp_page.run_preview()
        shoot(wizard, "wizard-2-erp")
        advance()
        site = wizard.site_page
        site.token.setText("jeton-errone")
        wizard.next()  # refused: the step says so and stays
        deadline = time.monotonic() + 20
        while wizard.currentPage().checking and time.monotonic() < deadline:
            settle(0.1)
        shoot(wizard, "wizard-3-site-refused")
        site.token.setText(DEMO_TOKEN)  # the right token; a PC without a keyring cannot keep it
        wizard.next()
        deadline = time.monotonic() + 20
        while wizard.currentPage().checking and time.monotonic() < deadline:
            settle(0.1)
        if wizard.currentPage() is not wizard.steps[1]:
            wizard.back()  # this PC's keyring kept it: the page as the shop saw it before
        shoot(wizard, "wizard-3-site-keyring")
        site.token.clear()
        site.refresh_token_origin()
        site.check_result.clear()
        shoot(wizard, "wizard-3-site")
        advance()
        for name in ("wizard-4-schedule", "wizard-5-rules", "wizard-6-preferences"):
            shoot(wizard, name)
            advance()
        deadline = time.monotonic() + 30
        while not wizard.ready_page.isComplete() and time.monotonic() < deadline:
            settle(0.1)
        shoot(wizard, "wizard-7-ready")
    finally:
        wizard.reject()  # closed as the shop closes it: the runs it held may start again
