"""A held unpublishing: the guard stopped a run that would take many products off the site at
once (an export cut short, a wrong file). Show exactly what would go, and let a person confirm
or keep them online."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from shopsync.gui.dialogs import message
from shopsync.gui.hub import AppHub, IoContext
from shopsync.gui.icons import app_icon
from shopsync.gui.qtcompat import emit
from shopsync.gui.uiload import child, load_form


def load_held(ctx: IoContext) -> list[dict[str, Any]]:
    """I/O thread: the products waiting for a yes (reference, brand, title)."""
    return [asdict(item) for item in ctx.services.held.items()]


class HeldWindow(QWidget):
    decided = Signal(str)  # "confirm" | "keep"

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("ShopSync — Dépublication retenue"))
        self.setWindowIcon(app_icon())
        self.resize(600, 440)
        self.form = load_form("held", self)
        self.explain = child(self.form, QLabel, "explainLabel")
        self.table = child(self.form, QTableWidget, "heldTable")
        self.confirm_button = child(self.form, QPushButton, "confirmButton")
        self.keep_button = child(self.form, QPushButton, "keepButton")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([self.tr("Référence"), self.tr("Marque"), self.tr("Produit")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.confirm_button.clicked.connect(self.confirm)
        self.keep_button.clicked.connect(self.keep)
        self.items: list[dict[str, Any]] = []
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self.hub.io(load_held, self._fill)

    def _fill(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.explain.setText(
            self.tr(
                "La dernière synchronisation retirerait %n produit(s) du site d'un coup. C'est plus "
                "que le seuil de sécurité : cela arrive quand l'export de l'ERP est incomplet. "
                "Vérifiez la liste, puis confirmez ou gardez-les en ligne.",
                "",
                len(items),
            )
        )
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            for c, key in enumerate(("reference", "brand", "title")):
                self.table.setItem(r, c, QTableWidgetItem(item[key]))
        self.confirm_button.setEnabled(bool(items))
        self.loaded = True

    def confirm(self) -> None:
        self.confirm_button.setEnabled(False)

        def done(_count: int) -> None:
            emit(self.decided, "confirm")
            self.close()

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            message(
                self,
                self.tr("Dépublication retenue"),
                self.tr("Confirmation impossible : %1").replace("%1", str(exc)),
                warning=True,
            )

        self.hub.confirm_held(done, failed)

    def keep(self) -> None:
        """Nothing is unpublished; the products stay held (and online) until the export says
        otherwise or a person confirms later."""
        emit(self.decided, "keep")
        self.close()
