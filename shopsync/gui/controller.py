"""Which windows exist and when: one instance of each, created on first use, shown on request.
Where there is no system tray, the status window is the app (closing it quits)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from shopsync.gui.hub import AppHub


class AppController(QObject):
    def __init__(self, hub: AppHub, *, use_tray: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.windows: dict[str, QWidget] = {}
        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        from shopsync.gui.tray import Tray

        # The tray object always exists (its menu is the app's menu); it is shown only where a
        # system tray is.
        self.tray = Tray(hub, self)
        self.has_tray = use_tray
        if use_tray:
            self.tray.show()

    def _show(self, key: str, factory) -> QWidget:  # noqa: ANN001
        window = self.windows.get(key)
        if window is None:
            window = factory()
            self.windows[key] = window
        else:
            reload = getattr(window, "reload", None)
            if reload is not None and key in ("brands", "references", "held"):
                reload()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_status(self) -> QWidget:
        from shopsync.gui.windows.status import StatusWindow

        def make() -> QWidget:
            w = StatusWindow(self.hub)
            w.open_brands.connect(self.show_brands)
            w.open_references.connect(self.show_references)
            w.open_settings.connect(self.show_settings)
            w.open_held.connect(self.show_held)
            w.closed.connect(self._status_closed)
            return w

        return self._show("status", make)

    def _status_closed(self) -> None:
        if not self.has_tray:
            self.quit()

    def show_brands(self) -> QWidget:
        from shopsync.gui.windows.brands import BrandsWindow

        return self._show("brands", lambda: BrandsWindow(self.hub))

    def show_references(self) -> QWidget:
        from shopsync.gui.windows.references import ReferencesWindow

        return self._show("references", lambda: ReferencesWindow(self.hub))

    def show_settings(self) -> QWidget:
        from shopsync.gui.windows.settings import SettingsWindow

        window = self.windows.get("settings")
        if window is not None and not window.isVisible():
            window.deleteLater()  # fresh pages from the current settings
            del self.windows["settings"]
        return self._show("settings", lambda: SettingsWindow(self.hub))

    def show_held(self) -> QWidget:
        from shopsync.gui.windows.held import HeldWindow

        return self._show("held", lambda: HeldWindow(self.hub))

    def show_wizard(self) -> QWidget:
        from shopsync.gui.windows.settings import FirstRunWizard

        def make() -> QWidget:
            w = FirstRunWizard(self.hub)
            w.finished_setup.connect(self._setup_done)
            return w

        return self._show("wizard", make)

    def _setup_done(self, _settings: object) -> None:
        """The wizard saved: the first sync can run now (it was not started without settings)."""
        self.hub.sync_now()
        self.show_status()

    def quit(self) -> None:
        for window in self.windows.values():
            window.hide()
        self.tray.icon.hide()
        QApplication.quit()
