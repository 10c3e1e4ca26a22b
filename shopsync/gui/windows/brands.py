"""The brands window: every ERP brand, its product and matched counts, the site brand it goes to
and its mode; undecided brands first; the effect of unsaved choices previewed before saving.

A brand the shop does not want on its site is simply left off (the seed's rule 9), so the
default for a new brand is "À décider", which publishes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from shopsync.gui.qtcompat import emit
from shopsync.gui.uiload import child, load_form
from shopsync.rules import BrandMode
from shopsync.services.brands import MODES, BrandRow, BrandTable
from shopsync.sync.vocab import Trigger
from shopsync.texts import BRAND_MODES


def load_brand_rows(ctx: IoContext) -> BrandTable:
    """I/O thread: the rows `shopsync brands list` prints too, and the catalogue's brands."""
    return ctx.services.brands.table()


class BrandsWindow(QWidget):
    saved = Signal()

    COLS = 5

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("ShopSync — Marques"))
        self.setWindowIcon(app_icon())
        self.resize(860, 580)
        self.form = load_form("brands", self)
        self.table = child(self.form, QTableWidget, "brandsTable")
        self.search = child(self.form, QLineEdit, "searchEdit")
        self.preview_label = child(self.form, QLabel, "previewLabel")
        self.save_button = child(self.form, QPushButton, "saveButton")
        self.revert_button = child(self.form, QPushButton, "revertButton")
        self.mode_names = {
            key: QCoreApplication.translate("State", label) for key, label in BRAND_MODES.items()
        }
        self.table.setColumnCount(self.COLS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Marque ERP"), self.tr("Produits"), self.tr("Reliés au catalogue"),
             self.tr("Marque du site"), self.tr("Mode")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.rows: list[BrandRow] = []
        self.site_brands: list[str] = []
        self.choices: dict[str, tuple[str, str | None]] = {}
        self.preview_result: Any = None
        self._preview_generation = 0
        self._preview_timer = QTimer(self, singleShot=True, interval=300)
        self._preview_timer.timeout.connect(self._run_preview)
        self.search.textChanged.connect(self._filter)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.loaded = False
        self._update_buttons()
        self.reload()

    # -- load ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loaded = False
        self.choices.clear()
        self.preview_label.setText(self.tr("Chargement des marques…"))
        self.hub.io(load_brand_rows, self._fill, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.preview_label.setText(self.tr("Lecture impossible : %1").replace("%1", str(exc)))

    def _fill(self, table: BrandTable) -> None:
        self.rows = table.rows
        self.site_brands = table.site_brands
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            name = QTableWidgetItem(row.erp_brand)
            if not row.decided:
                name.setForeground(QBrush(QColor("#b35c00")))
                name.setToolTip(self.tr("Nouvelle marque : à décider"))
            self.table.setItem(r, 0, name)
            for col, value in ((1, row.products), (2, row.matched)):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                self.table.setItem(r, col, item)
            site = QComboBox()
            site.setEditable(True)
            site.addItem("")
            site.addItems(self.site_brands)
            site.setCurrentText(row.site_brand or "")
            site.lineEdit().setPlaceholderText(self.tr("(même nom)"))
            site.currentTextChanged.connect(lambda _t, i=r: self._changed(i))
            self.table.setCellWidget(r, 3, site)
            mode = QComboBox()
            for key in MODES:
                mode.addItem(self.mode_names[key], key)
            mode.setCurrentIndex(MODES.index(row.mode if row.mode in MODES else BrandMode.UNMAPPED))
            mode.currentIndexChanged.connect(lambda _i, i=r: self._changed(i))
            self.table.setCellWidget(r, 4, mode)
        undecided = sum(1 for row in self.rows if not row.decided)
        self.preview_label.setText(
            self.tr("%n marque(s) à décider.", "", undecided) if undecided else self.tr("Toutes les marques sont décidées.")
        )
        self._filter(self.search.text())
        self.loaded = True
        self._update_buttons()

    # -- editing ---------------------------------------------------------------------------------

    def set_choice(self, erp_brand: str, mode: str, site_brand: str | None = None) -> None:
        """Programmatic edit (tests, screenshots): the same path as a person's."""
        for r, row in enumerate(self.rows):
            if row.erp_brand == erp_brand:
                mode_box: QComboBox = self.table.cellWidget(r, 4)
                if site_brand is not None:
                    self.table.cellWidget(r, 3).setCurrentText(site_brand)
                mode_box.setCurrentIndex(MODES.index(mode))
                return
        raise KeyError(erp_brand)

    def _changed(self, r: int) -> None:
        row = self.rows[r]
        mode = self.table.cellWidget(r, 4).currentData()
        site = self.table.cellWidget(r, 3).currentText().strip() or None
        if mode == row.mode and (site or None) == (row.site_brand or None):
            self.choices.pop(row.erp_brand, None)
        elif mode == BrandMode.UNMAPPED:
            self.choices.pop(row.erp_brand, None)  # "undecided" is not a choice to save
        else:
            self.choices[row.erp_brand] = (mode, site)
        self._update_buttons()
        self._preview_timer.start()

    def _update_buttons(self) -> None:
        dirty = bool(self.choices)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for r, row in enumerate(self.rows):
            site = self.table.cellWidget(r, 3)
            hay = f"{row.erp_brand} {site.currentText() if site else ''}".casefold()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    # -- preview ---------------------------------------------------------------------------------

    def _run_preview(self) -> None:
        self._preview_generation += 1
        generation = self._preview_generation
        choices = dict(self.choices)
        if not choices:
            self.preview_result = None
            self.preview_label.setText(self.tr("Aucune modification."))
            return
        self.preview_label.setText(self.tr("Calcul de l'effet…"))

        def compute(ctx: IoContext):
            return generation, ctx.services.brands.preview(choices)

        self.hub.io(compute, self._show_preview, self._failed)

    def _show_preview(self, result) -> None:  # noqa: ANN001
        generation, preview = result
        if generation != self._preview_generation:
            return  # a newer edit is being computed
        self.preview_result = preview
        text = (
            self.tr("%n produit(s) seront publiés", "", len(preview.publish))
            + ", "
            + self.tr("%n dépublié(s)", "", len(preview.unpublish))
        )
        if preview.update:
            text += ", " + self.tr("%n mis à jour", "", len(preview.update))
        self.preview_label.setText(text + self.tr(" à l'enregistrement."))
        self.preview_label.setToolTip("\n".join(preview.publish[:20] + preview.unpublish[:20]))

    # -- save ------------------------------------------------------------------------------------

    def save(self) -> None:
        choices = dict(self.choices)
        if not choices:
            return
        self.save_button.setEnabled(False)

        def write(ctx: IoContext) -> int:
            return ctx.services.brands.save(choices)

        def done(count: int) -> None:
            emit(self.saved)
            self.hub.sync_now(trigger=Trigger.BRANDS)
            self.hub.refresh_status()
            self.reload()
            self.preview_label.setText(self.tr("%n marque(s) enregistrée(s).", "", count))

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            message(self, self.tr("Marques"), self.tr("Enregistrement impossible : %1").replace("%1", str(exc)), warning=True)

        self.hub.io(write, done, failed)
