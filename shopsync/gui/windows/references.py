"""The references window: ERP references the catalogue does not know, with suggested catalogue
references; accept one (an alias: the ERP need not be rewritten) or reject it; export the list of
references to rewrite for the shop or its CSM (CSV or XLSX).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from shopsync.gui.dialogs import message
from shopsync.gui.hub import AppHub, IoContext
from shopsync.gui.icons import app_icon
from shopsync.gui.locale import percent_text
from shopsync.gui.qtcompat import emit
from shopsync.gui.uiload import child, load_form
from shopsync.services.references import RefRow, write_rewrite_list
from shopsync.sync.vocab import Trigger

__all__ = ["RefRow", "ReferencesWindow", "load_reference_rows", "write_rewrite_list"]


def load_reference_rows(ctx: IoContext) -> list[RefRow]:
    """I/O thread: unmatched and suggested ERP references with their candidates."""
    return ctx.services.references.to_connect()


class ReferencesWindow(QWidget):
    changed = Signal()

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("ShopSync — Références"))
        self.setWindowIcon(app_icon())
        self.resize(940, 580)
        self.form = load_form("references", self)
        self.table = child(self.form, QTableWidget, "referencesTable")
        self.search = child(self.form, QLineEdit, "searchEdit")
        self.suggested_only = child(self.form, QCheckBox, "suggestedOnlyCheck")
        self.summary = child(self.form, QLabel, "summaryLabel")
        self.accept_button = child(self.form, QPushButton, "acceptButton")
        self.reject_button = child(self.form, QPushButton, "rejectButton")
        self.export_button = child(self.form, QPushButton, "exportButton")
        headers = [self.tr("Référence ERP"), self.tr("Marque"), self.tr("Désignation"),
                   self.tr("Statut"), self.tr("Référence du catalogue proposée")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rows: list[RefRow] = []
        self.loaded = False
        self.search.textChanged.connect(self._filter)
        self.suggested_only.toggled.connect(lambda _on: self._filter(self.search.text()))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.export_button.clicked.connect(lambda: self.export())
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self.summary.setText(self.tr("Recherche des références…"))
        self.hub.io(load_reference_rows, self._fill, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("Lecture impossible : %1").replace("%1", str(exc)))
        self.loaded = True

    def _fill(self, rows: list[RefRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            status = self.tr("Suggestion") if row.status == "suggested" else self.tr("Introuvable")
            for col, text in enumerate((row.reference, row.brand or "", row.designation, status)):
                item = QTableWidgetItem(text)
                if not row.wanted:
                    item.setToolTip(self.tr("Marque hors site : sans effet tant qu'elle n'est pas publiée"))
                self.table.setItem(r, col, item)
            box = QComboBox()
            for ref, score in row.candidates:
                box.addItem(f"{ref}  ({percent_text(score)})", ref)
            if not row.candidates:
                box.addItem(self.tr("aucune"), None)
                box.setEnabled(False)
            self.table.setCellWidget(r, 4, box)
        suggested = sum(1 for r in rows if r.status == "suggested")
        self.summary.setText(
            self.tr("%n référence(s) à relier", "", len(rows))
            + " — "
            + self.tr("%n avec suggestion", "", suggested)
        )
        self._filter(self.search.text())
        self.loaded = True
        self._update_buttons()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        only = self.suggested_only.isChecked()
        for r, row in enumerate(self.rows):
            hay = f"{row.reference} {row.brand or ''} {row.designation}".casefold()
            hide = (bool(needle) and needle not in hay) or (only and row.status != "suggested")
            self.table.setRowHidden(r, hide)

    def _selected(self) -> tuple[RefRow, str | None] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        r = rows[0].row()
        box: QComboBox = self.table.cellWidget(r, 4)
        return self.rows[r], (box.currentData() if box else None)

    def _update_buttons(self) -> None:
        sel = self._selected()
        has_candidate = bool(sel and sel[1])
        self.accept_button.setEnabled(has_candidate)
        self.reject_button.setEnabled(has_candidate)
        self.export_button.setEnabled(bool(self.rows))

    def select(self, reference: str) -> None:
        for r, row in enumerate(self.rows):
            if row.reference == reference:
                self.table.selectRow(r)
                return
        raise KeyError(reference)

    def accept_selected(self) -> None:
        self._decide("accept")

    def reject_selected(self) -> None:
        self._decide("reject")

    def _decide(self, decision: str) -> None:
        sel = self._selected()
        if sel is None or not sel[1]:
            return
        row, target = sel

        def write(ctx: IoContext) -> None:
            refs = ctx.services.references
            if decision == "accept":
                refs.accept(row.reference, target)
            else:
                refs.reject(row.reference, target)

        def done(_result: None) -> None:
            emit(self.changed)
            if decision == "accept":
                self.hub.sync_now(trigger=Trigger.REFERENCES)
            self.reload()

        self.hub.io(write, done, self._failed)

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Exporter les références à réécrire"),
                str(Path.home() / "references-a-reecrire.xlsx"),
                self.tr("Classeur Excel (*.xlsx);;CSV (*.csv)"),
            )
            if not path:
                return
        rows = list(self.rows)
        self.hub.io(
            lambda _ctx: write_rewrite_list(rows, Path(path)),
            lambda p: message(self, self.tr("Export"), self.tr("Fichier écrit : %1").replace("%1", str(p))),
            lambda exc: message(self, self.tr("Export"), str(exc), warning=True),
        )
