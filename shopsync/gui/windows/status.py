"""The status window: the state and why, the last runs, pending changes, errors with their file
and line, progress during a run, changes per day, the next run, and the diagnostic export.

Where no system tray exists this window *is* the app, so closing it quits (see the controller).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopsync.gui import state as st
from shopsync.gui.dialogs import message
from shopsync.gui.hub import AppHub, IoContext
from shopsync.gui.icons import app_icon, state_icon
from shopsync.gui.locale import number_text, seconds_text
from shopsync.gui.qtcompat import emit
from shopsync.gui.uiload import child, load_form
from shopsync.gui.windows.chart import DailyChart
from shopsync.services.status import ConnectorStatus
from shopsync.vocab import ReasonCode


class StatusWindow(QWidget):
    """Shows `hub.last_status` and the run history; reloads its tables after each run."""

    open_brands = Signal()
    open_references = Signal()
    open_settings = Signal()
    open_held = Signal()
    closed = Signal()

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("ShopSync — Statut"))
        self.setWindowIcon(app_icon())
        self.resize(780, 680)
        self.form = load_form("status", self)
        f = self.form
        self.icon_label = child(f, QLabel, "iconLabel")
        self.headline = child(f, QLabel, "headlineLabel")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = child(f, QLabel, "detailLabel")
        self.signal_label = child(f, QLabel, "signalLabel")
        self.progress_bar = child(f, QProgressBar, "progressBar")
        self.progress_bar.setVisible(False)
        self.held_frame = child(f, QFrame, "heldFrame")
        self.held_label = child(f, QLabel, "heldLabel")
        self.next_run = child(f, QLabel, "nextRunLabel")
        self.pending = child(f, QLabel, "pendingLabel")
        self.last_read = child(f, QLabel, "lastReadLabel")
        self.runs = child(f, QTableWidget, "runsTable")
        self.errors = child(f, QListWidget, "errorsList")
        # A reason names a file, a line and a field: wrapped, never cut at the window's edge.
        self.errors.setWordWrap(True)
        self.errors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.errors.setResizeMode(QListView.ResizeMode.Adjust)
        self.sync_button = child(f, QPushButton, "syncButton")
        self.diag_button = child(f, QPushButton, "diagnosticButton")
        host = child(f, QWidget, "chartHost")
        self.chart = DailyChart(host)
        QVBoxLayout(host).addWidget(self.chart)
        host.layout().setContentsMargins(0, 0, 0, 0)

        headers = [
            self.tr("Heure"), self.tr("Déclencheur"), self.tr("Lus"), self.tr("Changements"),
            self.tr("Envoyés"), self.tr("En attente"), self.tr("Durée"), self.tr("Résultat"),
        ]
        self.runs.setColumnCount(len(headers))
        self.runs.setHorizontalHeaderLabels(headers)
        self.runs.verticalHeader().setVisible(False)
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.runs.horizontalHeader().setStretchLastSection(True)

        self.sync_button.clicked.connect(self._sync_now)
        self.diag_button.clicked.connect(self.export_diagnostic)
        child(f, QPushButton, "brandsButton").clicked.connect(self.open_brands)
        child(f, QPushButton, "referencesButton").clicked.connect(self.open_references)
        child(f, QPushButton, "settingsButton").clicked.connect(self.open_settings)
        child(f, QPushButton, "heldButton").clicked.connect(self.open_held)

        hub.status_changed.connect(self.show_status)
        hub.progress.connect(self.on_progress)
        hub.run_started.connect(self.on_run_started)
        hub.run_finished.connect(self.on_run_finished)
        hub.platform_changed.connect(self.show_platform)
        self._signal_clock = QTimer(self)  # "il y a 2 min" ages while the window is open
        self._signal_clock.timeout.connect(lambda: self.show_platform(self.hub.platform_state))
        self._signal_clock.start(30_000)
        # "Prochaine synchronisation : 05:07" must not stay once 05:07 has passed.
        self._next_clock = QTimer(self)
        self._next_clock.timeout.connect(self.show_next_run)
        self._next_clock.start(15_000)
        self.show_platform(hub.platform_state)
        self.loaded = False
        if hub.last_status:
            self.show_status(hub.last_status)
        self.reload_history()

    # -- data ------------------------------------------------------------------------------------

    def reload_history(self) -> None:
        def read(ctx: IoContext) -> dict[str, Any]:
            history = ctx.services.history
            return {"runs": history.recent(20), "per_day": history.changes_per_day(31)}

        self.hub.io(read, self._fill_history)

    def _fill_history(self, data: dict[str, Any]) -> None:
        runs = data["runs"]
        self.runs.setRowCount(len(runs))
        for row, run in enumerate(runs):
            start, end = run.get("started_at"), run.get("ended_at")
            duration = seconds_text(end - start) if start and end else ""
            values = [
                time.strftime("%d/%m %H:%M:%S", time.localtime(start)) if start else "",
                st.trigger_label(run.get("trigger")),
                number_text(run.get("read")),
                number_text(run.get("changes")),
                number_text(run.get("uploaded")),
                number_text(run.get("pending")),
                duration,
                st.outcome_label(run.get("status") or ""),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col in (2, 3, 4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 7 and run.get("message"):
                    item.setToolTip(run["message"])
                self.runs.setItem(row, col, item)
        self.chart.set_data(data["per_day"])
        self._fill_errors(runs[0]["errors"] if runs else [])
        self.loaded = True

    def _fill_errors(self, errors: list[str]) -> None:
        self.errors.clear()
        status = ConnectorStatus.from_mapping(self.hub.last_status)
        # The failure's own reason first: a failed sync never reads "Aucune erreur".
        for reason in status.reasons:
            if reason.code in FAILURES:
                self.errors.addItem(st.reason_text(reason))
        rejected = status.rejected
        for item in rejected:
            self.errors.addItem(
                self.tr("%1 : refusé par le site : %2")
                .replace("%1", item.get("reference", ""))
                .replace("%2", item.get("reason") or "")
            )
        for line in errors:
            self.errors.addItem(line)
        if self.errors.count() == 0:
            self.errors.addItem(self.tr("Aucune erreur dans la dernière synchronisation."))

    def show_status(self, status: dict[str, Any]) -> None:
        s = ConnectorStatus.from_mapping(status)
        view = st.view(s, running=self.hub.running, progress=self.hub.last_progress)
        self.icon_label.setPixmap(state_icon(view.icon).pixmap(48, 48))
        self.headline.setText(view.headline)
        self.detail.setText("\n".join(view.lines()))
        since = st.hhmm(s.pending_since)
        self.pending.setText(
            self.tr("%n changement(s) depuis %1", "", s.pending).replace("%1", since)
            if s.pending
            else self.tr("aucun")
        )
        self.show_next_run()
        last_read = s.last_read
        if last_read:
            self.last_read.setText(
                self.tr("%1 — %n article(s), lu à %2", "", int(last_read.get("items") or 0))
                .replace("%1", str(last_read.get("source") or ""))
                .replace("%2", st.hhmm(last_read.get("read_at")))
            )
        else:
            self.last_read.setText(self.tr("aucun"))
        self.held_frame.setVisible(bool(s.held))
        if s.held:
            self.held_label.setText(
                self.tr(
                    "%n produit(s) seraient dépubliés d'un coup : c'est plus que le seuil de "
                    "sécurité. Rien n'est dépublié sans votre accord.",
                    "",
                    len(s.held),
                )
            )
        self.sync_button.setEnabled(not self.hub.running)

    def show_next_run(self) -> None:
        """The next timed run as the scheduler has it now (asked again every 15 s and on show):
        never a time already past; "en cours" during a run, "bientôt" when it is due."""
        sched = self.hub.scheduler
        state = sched.state
        if self.hub.running:
            text = self.tr("en cours")
        elif state.paused:
            text = self.tr("en pause")
        elif state.blocked:  # the site refused the token: no automatic run until a new one
            text = self.tr("arrêtée jusqu'à un nouveau jeton")
        else:
            nxt = state.retry_at or sched.next_run_time()
            if not nxt:
                text = self.tr("non planifiée")
            elif nxt <= time.time() + 30:
                text = self.tr("bientôt")
            else:
                text = st.hhmm(nxt)
        self.next_run.setText(text)

    def show_platform(self, data: dict[str, Any]) -> None:
        """Whether the site sees ShopSync (its last heartbeat), and a support request in progress."""
        self.signal_label.setText(platform_text(data, time.time()))

    def on_run_started(self, _data: dict) -> None:
        self.progress_bar.setVisible(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(self.tr("Synchronisation…"))
        self.sync_button.setEnabled(False)
        self.next_run.setText(self.tr("en cours"))
        self.headline.setText(self.tr("Synchronisation en cours…"))
        self.icon_label.setPixmap(state_icon("sync").pixmap(48, 48))

    def on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress_bar.setVisible(True)
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(st.phase_label(phase) + (" %v/%m" if total else ""))

    def on_run_finished(self, _summary: object) -> None:
        # An indeterminate progress bar animates forever: hiding it is what keeps idle CPU at 0.
        self.progress_bar.setVisible(False)
        self.progress_bar.setRange(0, 1)
        self.sync_button.setEnabled(True)
        self.reload_history()
        self.show_next_run()

    def _sync_now(self) -> None:
        self.hub.sync_now()
        self.sync_button.setEnabled(False)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        if not self.hub.running:
            self.progress_bar.setVisible(False)
        self.show_next_run()
        self.hub.refresh_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        emit(self.closed)
        super().closeEvent(event)

    # -- diagnostic ------------------------------------------------------------------------------

    def export_diagnostic(self, path: str | None = None) -> None:
        """Ask where, then build the zip in the I/O thread (logs can be a few MB)."""
        if not path:
            default = str(Path.home() / f"shopsync-diagnostic-{time.strftime('%Y%m%d-%H%M')}.zip")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Exporter un diagnostic"), default, self.tr("Archive zip (*.zip)")
            )
            if not path:
                return
        self.diag_button.setEnabled(False)

        def build(ctx: IoContext) -> Path:
            from shopsync.diagnostics import export_diagnostic

            return export_diagnostic(ctx.settings, Path(path))

        def done(result: Path) -> None:
            self.diag_button.setEnabled(True)
            self.last_diagnostic = result
            message(
                self,
                self.tr("Diagnostic exporté"),
                self.tr("Le diagnostic est prêt : %1\nLe jeton et les mots de passe en ont été retirés.")
                .replace("%1", str(result)),
            )

        def failed(exc: BaseException) -> None:
            self.diag_button.setEnabled(True)
            message(
                self,
                self.tr("Diagnostic"),
                self.tr("Export impossible : %1").replace("%1", str(exc)),
                warning=True,
            )

        self.hub.io(build, done, failed)


# The reasons that say why the last sync failed (shown first in "Erreurs et refus").
FAILURES = frozenset({
    ReasonCode.FAILED, ReasonCode.EXPORT_UNREADABLE, ReasonCode.OFFLINE, ReasonCode.TOKEN_REFUSED,
    ReasonCode.DISK_REFUSES,
})  # fmt: skip


def platform_text(data: dict[str, Any], now: float) -> str:
    """"Le site a reçu le dernier signal il y a 2 min", and what the platform's support asked."""
    last = data.get("last_signal_at")
    if data.get("unsupported"):
        text = QCoreApplication.translate("StatusWindow", "Le site ne suit pas la présence de ShopSync (Site API v1.1).")
    elif last is None:
        text = ""
    else:
        minutes = max(0, int((now - float(last)) // 60))
        text = (
            QCoreApplication.translate("StatusWindow", "Le site a reçu le dernier signal à l'instant.")
            if minutes < 1
            else QCoreApplication.translate("StatusWindow", "Le site a reçu le dernier signal il y a %n min", "", minutes)
        )
    doing = data.get("doing")
    if doing:
        kinds = {
            "full_reconcile": QCoreApplication.translate("StatusWindow", "synchronisation complète"),
            "diagnostics": QCoreApplication.translate("StatusWindow", "envoi du diagnostic"),
            "pause": QCoreApplication.translate("StatusWindow", "pause"),
            "resume": QCoreApplication.translate("StatusWindow", "reprise"),
        }
        label = QCoreApplication.translate("StatusWindow", "Demande du support en cours : %1").replace(
            "%1", kinds.get(doing, doing)
        )
        text = f"{text}\n{label}".strip()
    return text
