"""The tray icon: the engine's state at a glance, a menu rebuilt each time it opens, and
notifications only for what needs a person.

The tray knows the hub (the state it shows) but not who opens windows: its menu asks through
signals (`open_requested("brands")`, `quit_requested`), which the controller connects."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from shopsync.gui import state as st
from shopsync.gui.hub import AppHub
from shopsync.gui.icons import state_icon
from shopsync.gui.qtcompat import emit
from shopsync.rules import fold_brand
from shopsync.services.status import ConnectorStatus, Reason
from shopsync.vocab import ReasonCode

MENU_TEXT_WIDTH = 460  # pixels: the widest line of the state in the tray's menu


class Tray(QObject):
    open_requested = Signal(str)  # "status" | "held" | "brands" | "references" | "settings"
    quit_requested = Signal()

    def __init__(self, hub: AppHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        # Shown even before a system tray exists (the controller decides): balloons then wait
        # until the icon is really in a tray.
        self.wanted = False
        self.icon = QSystemTrayIcon(state_icon("offline"), self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.actions: dict[str, QAction] = {}
        self.notified: set[str] = set()
        self.current: st.View | None = None
        self.messages: list[tuple[str, str]] = []  # what was notified (tests, support)
        hub.status_changed.connect(lambda _s: self.refresh())
        hub.busy_changed.connect(lambda _b: self.refresh())
        hub.progress.connect(lambda *_a: self.refresh(notify=False))
        hub.scheduler_changed.connect(lambda _d: self.refresh(notify=False))
        self.update_note: str | None = None
        # The update round is the scheduler's "update" job (scheduling/jobs.py), as in service
        # mode: the tray only shows what it decided.
        hub.update_action.connect(self.show_update)
        self.rebuild_menu()
        self.refresh()

    def show_update(self, action: str) -> None:
        if str(action) == "apply":  # installed at the quiet hour: the new version starts once
            emit(self.quit_requested)  # this one has exited
            return
        notes = {
            "notify": self.tr("Mise à jour disponible"),
            "wait_for_exit": self.tr("Mise à jour installée à la prochaine fermeture"),
        }
        note = notes.get(str(action))
        if note and note != self.update_note:
            self.messages.append(("ShopSync", note))
            if self.can_notify():
                self.icon.showMessage("ShopSync", note, state_icon("ok"), 10000)
        self.update_note = note

    def show_note(self, note: str) -> None:
        """An update's outcome told at start: a balloon once, and a line in the menu."""
        self.update_note = note
        self.messages.append(("ShopSync", note))
        if self.can_notify():
            self.icon.showMessage("ShopSync", note, state_icon("ok"), 10000)

    def show(self) -> None:
        self.wanted = True
        self.icon.show()

    def _open(self, window: str) -> None:
        emit(self.open_requested, window)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._open("status")

    def rebuild_menu(self) -> None:
        """Rebuilt on aboutToShow so that labels (state, Pause/Reprendre) are never stale."""
        menu = self.menu
        menu.clear()
        self.actions.clear()
        view = self.current or st.view(self.hub.last_status, running=self.hub.running)
        head = menu.addAction(state_icon(view.icon), view.headline)
        head.setEnabled(False)
        metrics = menu.fontMetrics()
        for line in "\n".join(view.lines()).splitlines()[:3]:
            # A long reason (a file, a line, a field) is cut in the menu, whole in its tooltip
            # and in the status window.
            short = metrics.elidedText(line, Qt.TextElideMode.ElideRight, MENU_TEXT_WIDTH)
            action = menu.addAction(short)
            action.setToolTip(line)
            action.setEnabled(False)
        if self.update_note:
            menu.addAction(self.update_note).setEnabled(False)
        menu.addSeparator()

        def add(key: str, text: str, slot, enabled: bool = True) -> QAction:  # noqa: ANN001
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(enabled)
            self.actions[key] = action
            return action

        add("sync", self.tr("Synchroniser maintenant"), lambda: self.hub.sync_now(),
            not self.hub.running and not self.hub.setting_up)
        if ConnectorStatus.from_mapping(self.hub.last_status).held:
            add("held", self.tr("Dépublication retenue…"), lambda: self._open("held"))
        add("status", self.tr("Statut"), lambda: self._open("status"))
        add("brands", self.tr("Marques"), lambda: self._open("brands"))
        add("references", self.tr("Références"), lambda: self._open("references"))
        add("settings", self.tr("Paramètres"), lambda: self._open("settings"))
        menu.addSeparator()
        if self.hub.paused:
            add("pause", self.tr("Reprendre"), lambda: self.hub.set_paused(False))
        else:
            add("pause", self.tr("Pause"), lambda: self.hub.set_paused(True))
        add("quit", self.tr("Quitter"), lambda: emit(self.quit_requested))

    def refresh(self, notify: bool = True) -> None:
        view = st.view(self.hub.last_status or {}, running=self.hub.running, progress=self.hub.last_progress)
        if self.hub.paused and not self.hub.running:
            view.icon = "paused"
        self.current = view
        self.icon.setIcon(state_icon(view.icon))
        self.icon.setToolTip(view.tooltip())
        if notify:
            self._notify()

    def _notify(self) -> None:
        """One balloon per new reason a person must act on (not for syncs or outages), with the
        reason's own sentence. A brand is announced once for good (hub.announced_brands, kept
        by services.notices): not again after a restart, nor when another brand appears."""
        status = ConnectorStatus.from_mapping(self.hub.last_status)
        keys = {r.key for r in status.attention}
        if not self.hub.running and not status.run_under_way:
            # A reason that went away may notify again later; but not one that only looks gone
            # because a sync is under way (the status then shows the run, not its outcome).
            self.notified &= keys
        texts: list[str] = []
        new_keys: set[str] = set()
        new_brands: list[str] = []
        for reason in status.attention:
            if reason.code == ReasonCode.BRANDS_UNDECIDED:
                fresh = [b for b in reason.names if fold_brand(b) not in self.hub.announced_brands]
                if fresh:
                    new_brands = fresh
                    texts.append(st.reason_text(Reason(reason.code, count=len(fresh), names=fresh)))
            elif reason.key not in self.notified:
                new_keys.add(reason.key)
                texts.append(st.reason_text(reason))
        if not texts:
            return
        if self.wanted and not self.can_notify():
            return  # no tray yet (login, the panel still starting): tell it once the icon is there
        self.notified |= new_keys
        if new_brands:
            self.hub.remember_announced(new_brands)
        title = self.tr("ShopSync : à vérifier")
        text = "\n".join(texts)
        self.messages.append((title, text))
        if self.can_notify():
            self.icon.showMessage(title, text, state_icon("attention"), 15000)

    def can_notify(self) -> bool:
        """A balloon needs our icon in a real tray (the icon is shown before one exists)."""
        return (
            self.icon.isVisible()
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )
