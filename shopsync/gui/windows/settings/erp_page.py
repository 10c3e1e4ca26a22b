"""The ERP page: where the stock comes from, with a preview of the first rows and the detected
columns (editable: a corrected column is saved as the shop's own copy of the profile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopsync.config import Settings
from shopsync.erp.fields import FIELDS, Field
from shopsync.gui.hub import AppHub, IoContext
from shopsync.gui.windows.settings.pages import SettingsPage

PROFILES = ("auto", "bijou3", "cestia", "m3soft", "4d-text", "4d-rest", "odbc")
REMOTE_PROFILES = frozenset({"odbc", "4d-rest"})  # a server, not a file: read with a password
# The reader's canonical fields, in its order (one definition: shopsync/erp/fields.py).
CANONICAL_FIELDS = FIELDS


class ErpPage(SettingsPage):
    """Where the stock comes from, with a preview of the first rows and the detected columns."""

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.title = self.tr("ERP")
        self.profile_names = {
            "auto": self.tr("Détection automatique"),
            "bijou3": "Bijou3",
            "cestia": "Cestia",
            "m3soft": "M3Soft",
            "4d-text": self.tr("4D (export texte)"),
            "4d-rest": self.tr("4D (serveur REST)"),
            "odbc": self.tr("Base ODBC"),
        }
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.profile = QComboBox()
        for key in PROFILES:
            self.profile.addItem(self.profile_names[key], key)
        form.addRow(self.tr("Logiciel (préréglage) :"), self.profile)
        row = QHBoxLayout()
        self.source = QLineEdit()
        self.file_button = QPushButton(self.tr("Fichier…"))
        self.folder_button = QPushButton(self.tr("Dossier…"))
        row.addWidget(self.source, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.folder_button)
        self.source_label = QLabel(self.tr("Export :"))
        form.addRow(self.source_label, row)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("(inchangé — gardé dans le trousseau du système)"))
        self.secret_label = QLabel(self.tr("Mot de passe :"))
        form.addRow(self.secret_label, self.secret)
        self.settle = QDoubleSpinBox()
        self.settle.setRange(0, 600)
        self.settle.setSuffix(" s")
        form.addRow(self.tr("Fichier stable depuis :"), self.settle)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        prev_row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Aperçu des premières lignes"))
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        prev_row.addWidget(self.preview_button)
        prev_row.addWidget(self.preview_status, 1)
        layout.addLayout(prev_row)
        self.mapping_box = QGroupBox(self.tr("Colonnes détectées (modifiables)"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_combos: dict[str, QComboBox] = {}
        self.field_names = {
            Field.REFERENCE: self.tr("Référence"), Field.BRAND: self.tr("Marque"),
            Field.DESIGNATION: self.tr("Désignation"), Field.QUANTITY: self.tr("Quantité"),
            Field.PRICE: self.tr("Prix TTC"), Field.SIZE: self.tr("Taille (TLD)"),
            Field.EAN: self.tr("Code EAN"), Field.STATUS: self.tr("Statut"),
        }
        for name in CANONICAL_FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_edited)
            self.mapping_combos[name] = combo
            self.mapping_form.addRow(self.field_names[name], combo)
        self.mapping_box.setVisible(False)
        layout.addWidget(self.mapping_box)
        self.preview_table = QTableWidget()
        self.preview_table.setVisible(False)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.preview_table, 1)
        self._filler = QWidget()  # keeps the fields at the top until a preview fills the page
        layout.addWidget(self._filler, 1)
        self.detected: dict[str, str] = {}
        self.mapping_dirty = False
        self._filling = False
        self.preview_data: Any = None
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.file_button.clicked.connect(self._pick_file)
        self.folder_button.clicked.connect(self._pick_folder)
        self.preview_button.clicked.connect(lambda: self.run_preview())

    def load(self, settings: Settings) -> None:
        erp = settings.erp
        index = self.profile.findData(erp.profile)
        if index < 0:  # a custom .toml profile
            self.profile.addItem(erp.profile, erp.profile)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)
        self.source.setText(erp.path)
        self.settle.setValue(float(erp.settle_seconds))
        self._profile_changed()

    def _profile_changed(self) -> None:
        key = self.profile.currentData()
        remote = key in REMOTE_PROFILES
        self.file_button.setVisible(not remote)
        self.folder_button.setVisible(not remote)
        self.secret.setVisible(remote)
        self.secret_label.setVisible(remote)
        if key == "odbc":
            self.source_label.setText(self.tr("Connexion ODBC :"))
            self.hint.setText(self.tr("Par exemple DSN=Bijou3 ; le mot de passe reste dans le trousseau du système."))
        elif key == "4d-rest":
            self.source_label.setText(self.tr("Serveur 4D :"))
            self.hint.setText(self.tr("L'adresse du serveur REST de 4D, par exemple http://serveur:8080/rest."))
        else:
            self.source_label.setText(self.tr("Export :"))
            self.hint.setText(
                self.tr("Le fichier que l'ERP écrit, un dossier, ou un motif (C:/Export/stock_*.csv) : "
                        "le fichier complet le plus récent est lu.")
            )

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Export de l'ERP"), self.source.text(),
            self.tr("Exports (*.csv *.txt *.xlsx *.xls *.dbf);;Tous les fichiers (*)"),
        )
        if path:
            self.source.setText(path)

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Dossier des exports"), self.source.text())
        if path:
            self.source.setText(path)

    def check(self, on_done: Callable[[bool], None]) -> None:
        """The wizard's "Suivant": an export is named and really read (the preview, off the UI
        thread) with at least one line of stock. A remote source (ODBC, 4D REST) needs the
        password typed here: it is read at the first sync, so it is only required to be named."""
        source = self.source.text().strip()
        if not source:
            self.preview_status.setText(
                self.tr("Indiquez l'export de l'ERP : le fichier, le dossier ou le motif que l'ERP écrit.")
            )
            on_done(False)
            return
        if self.profile.currentData() in REMOTE_PROFILES:
            on_done(True)
            return
        self.run_preview(on_done=on_done)

    def run_preview(self, on_done: Callable[[bool], None] | None = None) -> None:
        finish = on_done or (lambda _ok: None)
        source = self.source.text().strip()
        if not source:
            self.preview_status.setText(self.tr("Indiquez d'abord l'export."))
            finish(False)
            return
        profile = self.profile.currentData()
        self.preview_status.setText(self.tr("Lecture…"))
        self.preview_button.setEnabled(False)

        def read(ctx: IoContext):  # noqa: ANN202 - (ErpPreview, ExportCounts | None)
            from shopsync import erp
            from shopsync.errors import ShopSyncError

            preview = erp.preview(source, profile=profile, rows=20, home=ctx.settings.home)
            counts = None
            if preview.rows and profile not in REMOTE_PROFILES:
                try:  # the one counting, as `shopsync status` and the report say it
                    counts = ctx.services.counts.of_export(source, profile)
                except ShopSyncError:
                    counts = None  # the preview read it: the first sync will say what is wrong
            return preview, counts

        def shown(result: tuple[Any, Any]) -> None:
            preview, counts = result
            self._show_preview(preview, counts)
            if not preview.rows:
                self.preview_status.setText(
                    self.tr("L'export %1 ne contient aucune ligne de stock : choisissez l'export complet.")
                    .replace("%1", source)
                )
            finish(bool(preview.rows))

        def failed(exc: BaseException) -> None:
            self._preview_failed(exc)
            finish(False)

        self.hub.io(read, shown, failed)

    def _preview_failed(self, exc: BaseException) -> None:
        from shopsync.gui.windows.settings.site_page import problem_text

        self.preview_button.setEnabled(True)
        self.preview_status.setText(self.tr("Lecture impossible : %1").replace("%1", problem_text(exc)))

    def preview_summary(self, preview: Any, counts: Any = None) -> str:
        """The preview's line, then the whole export counted (`Services.counts.of_export`,
        sync/counts.py's `sentences()`): the same numbers as `shopsync status` and the report.
        Why nothing will be published is said on the wizard's last page, not here."""
        from PySide6.QtCore import QCoreApplication

        lines = [
            self.tr("Aperçu : %n première(s) ligne(s)", "", len(preview.rows))
            + f" — {preview.encoding}, « {preview.delimiter or ''} »"
        ]
        if counts is not None:
            lines += counts.sentences(QCoreApplication.translate, why=False)
        return "\n".join(lines)

    def _show_preview(self, preview: Any, counts: Any = None) -> None:
        self.preview_button.setEnabled(True)
        self.preview_data = preview
        headers = list(preview.headers)
        rows = list(preview.rows)
        self.detected = dict(preview.mapping)
        self.preview_status.setText(self.preview_summary(preview, counts))
        self.preview_table.setVisible(True)
        self._filler.setVisible(False)
        self.preview_table.setColumnCount(len(headers))
        self.preview_table.setHorizontalHeaderLabels(headers)
        self.preview_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = row if isinstance(row, list | tuple) else [row.get(h, "") for h in headers]
            for c, value in enumerate(values):
                self.preview_table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self._filling = True
        for name, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(self.tr("(aucune)"), None)
            for h in headers:
                combo.addItem(h, h)
            current = self.detected.get(name)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        self._filling = False
        self.mapping_dirty = False
        self.mapping_box.setVisible(True)

    def _mapping_edited(self) -> None:
        if not self._filling:
            self.mapping_dirty = True

    def column_mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.mapping_combos.items() if combo.currentData()}

    def changes(self) -> dict[str, dict[str, Any]]:
        erp: dict[str, Any] = {
            "path": self.source.text().strip(),
            "profile": self.profile.currentData(),
            "settle_seconds": float(self.settle.value()),
        }
        return {"erp": erp}

    def tuned_profile(self) -> tuple[str, dict[str, str | None]] | None:
        """(profile name, columns) when the shop corrected a detected column, else None."""
        name = self.profile.currentData()
        if not self.mapping_dirty or name not in PROFILES:
            return None
        return name, {f: combo.currentData() for f, combo in self.mapping_combos.items()}

    def erp_secret(self) -> str | None:
        return self.secret.text() or None


