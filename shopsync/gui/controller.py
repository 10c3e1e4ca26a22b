"""Which windows exist and when: one instance of each, created on first use, shown on request.
Where there is no system tray, the status window is the app (closing it quits).

The tray is asked for even when no tray exists yet: at login the app often starts before the
panel, and Qt embeds a shown QSystemTrayIcon as soon as a tray appears. So "is there a tray"
is asked when it matters (closing the status window), not once at start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from shopsync.gui.hub import AppHub
from shopsync.gui.tray import Tray

# Windows whose tables are read again each time they are shown (window names, not states).
RELOADED_ON_SHOW = frozenset({"brands", "references", "held"})


def tray_can_appear() -> bool:
    """A tray is there, or may come later: X11 (XEmbed) trays can start after us. Elsewhere
    without one (offscreen, a bare Wayland) showing the icon only makes Qt print warnings."""
    return QSystemTrayIcon.isSystemTrayAvailable() or QGuiApplication.platformName() == "xcb"


class AppController(QObject):
    def __init__(self, hub: AppHub, *, use_tray: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.windows: dict[str, QWidget] = {}
        # The tray object always exists (its menu is the app's menu). use_tray=False (tests,
        # screenshots, --no-tray) never shows it; otherwise it is shown even before a system
        # tray exists, so that Qt embeds it when the panel starts after us.
        self.tray = Tray(hub)
        self.tray.open_requested.connect(self.open_window)
        self.tray.quit_requested.connect(self.quit)
        self.tray_wanted = use_tray is not False and tray_can_appear()
        if self.tray_wanted:
            self.tray.show()

    def open_window(self, key: str) -> QWidget:
        """Show one of the app's windows by name (the tray's menu asks this way)."""
        show = {
            "status": self.show_status,
            "held": self.show_held,
            "brands": self.show_brands,
            "references": self.show_references,
            "settings": self.show_settings,
        }[key]
        return show()

    @property
    def has_tray(self) -> bool:
        """A system tray shows our icon now (it may come, go and come back while we run)."""
        return self.tray_wanted and QSystemTrayIcon.isSystemTrayAvailable()

    def _show(self, key: str, factory) -> QWidget:  # noqa: ANN001
        window = self.windows.get(key)
        if window is None:
            window = factory()
            self.windows[key] = window
        else:
            reload = getattr(window, "reload", None)
            if reload is not None and key in RELOADED_ON_SHOW:
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
            w.finished.connect(lambda _result: self.hub.hold_for_setup(False))
            return w

        self.hub.hold_for_setup(True)  # no run reads the settings being replaced
        return self._show("wizard", make)

    def _setup_done(self, _settings: object) -> None:
        """The wizard saved: the first sync can run now (it was not started without settings)."""
        self.hub.hold_for_setup(False)
        self.hub.sync_now()
        self.show_status()

    def quit(self) -> None:
        for window in self.windows.values():
            window.hide()
        self.tray.icon.hide()
        QApplication.quit()
