"""Settings and the first-run wizard: the same pages in tabs or in wizard steps.

Every page reads a `Settings` and returns the `config.toml` keys it changed; the hub writes them
with tomlkit (the shop's comments stay) in the I/O thread and reloads the scheduler. The site
token goes to the OS keyring, never to the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from shopsync.config import Settings, SiteSettings
from shopsync.gui.dialogs import message
from shopsync.gui.hub import AppHub, IoContext
from shopsync.gui.icons import app_icon
from shopsync.gui.qtcompat import emit
from shopsync.gui.uiload import child, load_form
from shopsync.vocab import KeyringService

PROFILES = ("auto", "bijou3", "cestia", "m3soft", "4d-text", "4d-rest", "odbc")
CANONICAL_FIELDS = ("reference", "brand", "designation", "quantity", "price", "size", "ean", "status")


def save_tuned_profile(home: Path, name: str, columns: dict[str, str | None]) -> Path:
    """HOME/profiles/<name>.toml: a copy of the preset (its comments kept) with the columns the
    shop corrected in the preview. A shop's profile wins over the preset of the same name."""
    import tomlkit

    from shopsync.erp.profiles import PRESET_DIR

    target = home / "profiles" / f"{name}.toml"
    source = target if target.exists() else PRESET_DIR / f"{name}.toml"
    doc = tomlkit.parse(source.read_text(encoding="utf-8")) if source.exists() else tomlkit.document()
    table = tomlkit.table()
    for field_name, header in columns.items():
        table[field_name] = [header] if header else False
    doc["columns"] = table
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return target


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class SettingsPage(QWidget):
    """One group of settings."""

    title = ""

    def load(self, settings: Settings) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def changes(self) -> dict[str, dict[str, Any]]:  # pragma: no cover - overridden
        raise NotImplementedError


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
            "reference": self.tr("Référence"), "brand": self.tr("Marque"),
            "designation": self.tr("Désignation"), "quantity": self.tr("Quantité"),
            "price": self.tr("Prix TTC"), "size": self.tr("Taille (TLD)"),
            "ean": self.tr("Code EAN"), "status": self.tr("Statut"),
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
        self.preview_button.clicked.connect(self.run_preview)

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
        remote = key in ("odbc", "4d-rest")
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

    def run_preview(self) -> None:
        source = self.source.text().strip()
        if not source:
            self.preview_status.setText(self.tr("Indiquez d'abord l'export."))
            return
        profile = self.profile.currentData()
        self.preview_status.setText(self.tr("Lecture…"))
        self.preview_button.setEnabled(False)

        def read(ctx: IoContext):
            from shopsync import erp

            return erp.preview(source, profile=profile, rows=20, home=ctx.settings.home)

        self.hub.io(read, self._show_preview, self._preview_failed)

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.preview_status.setText(self.tr("Lecture impossible : %1").replace("%1", str(exc)))

    def _show_preview(self, preview: Any) -> None:
        self.preview_button.setEnabled(True)
        self.preview_data = preview
        headers = list(preview.headers)
        rows = list(preview.rows)
        self.detected = dict(preview.mapping)
        self.preview_status.setText(
            self.tr("%n ligne(s) lue(s)", "", len(rows))
            + f" — {preview.encoding}, « {preview.delimiter or ''} »"
        )
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


class SitePage(SettingsPage):
    def __init__(self, hub: AppHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.title = self.tr("Site")
        form = QFormLayout(self)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        form.addRow(self.tr("Adresse du site :"), self.url)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("(inchangé — gardé dans le trousseau du système)"))
        form.addRow(self.tr("Jeton d'accès :"), self.token)
        note = QLabel(self.tr("Le jeton vous est donné par la plateforme. Il n'est jamais écrit dans un fichier."))
        note.setWordWrap(True)
        form.addRow(note)
        self.test_button = QPushButton(self.tr("Tester la connexion"))
        self.test_button.clicked.connect(self.test_connection)
        self.check_result = QLabel()
        self.check_result.setWordWrap(True)
        form.addRow(self.test_button, self.check_result)

    def load(self, settings: Settings) -> None:
        self.url.setText(settings.site.url)

    def changes(self) -> dict[str, dict[str, Any]]:
        url = self.url.text().strip()
        return {"site": {"url": url}} if url else {}

    def test_connection(self) -> None:
        """The first-connection check (as `shopsync check --site`), in the I/O thread."""
        if self.hub is None:
            return
        from shopsync.agent.first_connection import check_site
        from shopsync.config import site_token

        url, typed = self.url.text().strip(), self.token.text().strip()
        self.test_button.setEnabled(False)
        self.check_result.setText(self.tr("Test en cours…"))

        def work(_ctx: IoContext):  # noqa: ANN202
            return check_site(url, typed or site_token(url))

        def done(check) -> None:  # noqa: ANN001 - agent.first_connection.SiteCheck
            from shopsync import texts

            self.test_button.setEnabled(True)
            key = str(check.problem) if check.problem else "ok"
            detail = len(check.catalogue) if check.ok else check.detail
            text = QCoreApplication.translate("State", texts.SITE_CHECK[key])
            self.check_result.setText(text.replace("%1", url).replace("%2", str(detail)))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.check_result.setText(str(exc))

        self.hub.io(work, done, failed)


class SchedulePage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Planification")
        form = QFormLayout(self)
        self.interval = QSpinBox()
        self.interval.setRange(1, 1440)
        self.interval.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Synchroniser toutes les :"), self.interval)
        self.nightly_on = QCheckBox(self.tr("Vérification complète chaque nuit à"))
        self.nightly = QTimeEdit()
        self.nightly.setDisplayFormat("HH:mm")
        row = QHBoxLayout()
        row.addWidget(self.nightly_on)
        row.addWidget(self.nightly)
        row.addStretch(1)
        form.addRow(row)
        self.watch = QCheckBox(self.tr("Synchroniser dès qu'un nouvel export arrive"))
        form.addRow(self.watch)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(["Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich",
                                "America/Martinique", "Indian/Reunion", "Pacific/Noumea"])
        form.addRow(self.tr("Fuseau horaire :"), self.timezone)

    def load(self, settings: Settings) -> None:
        sched = settings.schedule
        self.interval.setValue(int(round(sched.interval_minutes)))
        at = QTime.fromString(sched.nightly, "HH:mm")
        self.nightly_on.setChecked(at.isValid())
        self.nightly.setTime(at if at.isValid() else QTime(3, 0))
        self.watch.setChecked(sched.watch)
        self.timezone.setCurrentText(sched.timezone)

    def changes(self) -> dict[str, dict[str, Any]]:
        return {
            "schedule": {
                "interval_minutes": float(self.interval.value()),
                "nightly": self.nightly.time().toString("HH:mm") if self.nightly_on.isChecked() else "",
                "watch": self.watch.isChecked(),
                "timezone": self.timezone.currentText().strip() or "Europe/Paris",
            }
        }


class RulesPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Règles")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.new_brands = QComboBox()
        for key, label in (("unmapped", self.tr("Hors site jusqu'à décision")), ("stock", self.tr("En stock")),
                           ("preorder", self.tr("Pré-commande")), ("off", self.tr("Hors site"))):
            self.new_brands.addItem(label, key)
        form.addRow(self.tr("Nouvelle marque :"), self.new_brands)
        self.hold = QLineEdit()
        self.hold.setPlaceholderText(self.tr("ex. NW, RETENU"))
        form.addRow(self.tr("Statuts ERP qui retiennent un produit :"), self.hold)
        self.preorder = QLineEdit()
        self.preorder.setPlaceholderText(self.tr("ex. CDE"))
        form.addRow(self.tr("Statuts ERP en pré-commande :"), self.preorder)
        layout.addLayout(form)
        self.backorder = QGroupBox(self.tr("Continuer à vendre les produits épuisés (tout le site)"))
        self.backorder.setCheckable(True)
        bform = QFormLayout(self.backorder)
        self.restock_days = QSpinBox()
        self.restock_days.setRange(1, 365)
        self.restock_days.setSuffix(self.tr(" jours"))
        bform.addRow(self.tr("Délai de réapprovisionnement :"), self.restock_days)
        self.message = QLineEdit()
        bform.addRow(self.tr("Message affiché :"), self.message)
        layout.addWidget(self.backorder)
        guard = QGroupBox(self.tr("Sécurité : demander avant de dépublier beaucoup de produits"))
        gform = QFormLayout(guard)
        self.min_count = QSpinBox()
        self.min_count.setRange(0, 100000)
        gform.addRow(self.tr("Au-delà de (produits) :"), self.min_count)
        self.max_share = QDoubleSpinBox()
        self.max_share.setRange(0, 100)
        self.max_share.setSuffix(" %")
        gform.addRow(self.tr("ou de (part du site publié) :"), self.max_share)
        layout.addWidget(guard)
        layout.addStretch(1)

    def load(self, settings: Settings) -> None:
        r, b, g = settings.rules, settings.backorder, settings.guard
        self.new_brands.setCurrentIndex(max(0, self.new_brands.findData(r.new_brands)))
        self.hold.setText(", ".join(r.hold_statuses))
        self.preorder.setText(", ".join(r.preorder_statuses))
        self.backorder.setChecked(b.enabled)
        self.restock_days.setValue(int(b.restock_days))
        self.message.setText(b.message)
        self.min_count.setValue(int(g.min_unpublish_count))
        self.max_share.setValue(float(g.max_unpublish_share) * 100)

    def changes(self) -> dict[str, dict[str, Any]]:
        return {
            "rules": {
                "new_brands": self.new_brands.currentData(),
                "hold_statuses": _split(self.hold.text()),
                "preorder_statuses": _split(self.preorder.text()),
            },
            "backorder": {
                "enabled": self.backorder.isChecked(),
                "restock_days": int(self.restock_days.value()),
                "message": self.message.text(),
            },
            "guard": {
                "min_unpublish_count": int(self.min_count.value()),
                "max_unpublish_share": round(self.max_share.value() / 100, 4),
            },
        }


class GeneralPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Général")
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem(self.tr("Comme le système"), "auto")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Langue :"), self.language)
        self.autostart = QCheckBox(self.tr("Démarrer ShopSync avec la session"))
        form.addRow(self.autostart)
        self.autostart_initial = False

    def load(self, settings: Settings) -> None:
        from shopsync import autostart

        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui.language)))
        try:
            self.autostart_initial = autostart.is_enabled()
        except OSError:
            self.autostart_initial = False
        self.autostart.setChecked(self.autostart_initial)

    def changes(self) -> dict[str, dict[str, Any]]:
        return {"ui": {"language": self.language.currentData()}}


def _merge(target: dict[str, dict[str, Any]], more: dict[str, dict[str, Any]]) -> None:
    for section, values in more.items():
        target.setdefault(section, {}).update(values)


class _Pages:
    """The pages and the one save path shared by the settings window and the wizard."""

    def _make_pages(self, hub: AppHub) -> None:
        self.erp_page = ErpPage(hub)
        self.site_page = SitePage(hub)
        self.schedule_page = SchedulePage()
        self.rules_page = RulesPage()
        self.general_page = GeneralPage()
        self.pages: list[SettingsPage] = [
            self.erp_page, self.site_page, self.schedule_page, self.rules_page, self.general_page,
        ]
        for page in self.pages:
            page.load(hub.settings)

    def collect(self) -> dict[str, dict[str, Any]]:
        changes: dict[str, dict[str, Any]] = {}
        for page in self.pages:
            _merge(changes, page.changes())
        return changes

    def _save(self, hub: AppHub, on_done, on_error) -> None:  # noqa: ANN001
        changes = self.collect()
        token = self.site_page.token.text().strip() or None
        erp_secret = self.erp_page.erp_secret()
        erp_source = changes["erp"]["path"]
        tuned = self.erp_page.tuned_profile()
        autostart_wanted = self.general_page.autostart.isChecked()
        autostart_changed = autostart_wanted != self.general_page.autostart_initial
        language = changes["ui"]["language"]
        home = hub.settings.home

        def side_effects(settings: Settings) -> None:
            # Keyring and autostart are I/O too: done in the I/O thread, after the file.
            def work(_ctx: IoContext) -> None:
                if tuned is not None:
                    save_tuned_profile(home, *tuned)
                if erp_secret:
                    import keyring

                    keyring.set_password(KeyringService.ERP, erp_source, erp_secret)
                if autostart_changed:
                    from shopsync import autostart

                    autostart.set_enabled(autostart_wanted, home=home)

            def finished(_r: None) -> None:
                from shopsync.gui import i18n

                i18n.install(language)
                on_done(settings)

            hub.io(work, finished, on_error)

        hub.apply_settings(changes, token=token, on_done=side_effects, on_error=on_error)


class SettingsWindow(QWidget, _Pages):
    saved = Signal(object)

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("ShopSync — Paramètres"))
        self.setWindowIcon(app_icon())
        self.resize(780, 620)
        self.form = load_form("settings", self)
        self.tabs = child(self.form, QTabWidget, "tabs")
        self.message = child(self.form, QLabel, "messageLabel")
        self.buttons = child(self.form, QDialogButtonBox, "buttonBox")
        self._make_pages(hub)
        for page in self.pages:
            self.tabs.addTab(page, page.title)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Enregistrement…"))

        def done(settings: Settings) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(self.tr("Paramètres enregistrés."))
            emit(self.saved, settings)

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(self.tr("Enregistrement impossible : %1").replace("%1", str(exc)))

        self._save(self.hub, done, failed)


class _WizardStep(QWizardPage):
    def __init__(self, title: str, subtitle: str, body: QWidget) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        QVBoxLayout(self).addWidget(body)


class FirstRunWizard(QWizard, _Pages):
    """Asks only what a person must decide, in order: where the stock is, which site, when."""

    finished_setup = Signal(object)

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("Bienvenue dans ShopSync"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(760, 600)
        self._make_pages(hub)
        intro = QLabel(
            self.tr(
                "ShopSync garde le stock du site à jour avec celui de votre logiciel de caisse (ERP).\n\n"
                "Quatre étapes : l'export de l'ERP, le site, la planification et les règles. "
                "Tout se modifie ensuite dans les paramètres."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.addPage(_WizardStep(self.tr("Bienvenue"), "", intro))
        self.addPage(_WizardStep(self.tr("Le stock de la boutique"),
                                 self.tr("Choisissez l'export de votre ERP et vérifiez les colonnes."), self.erp_page))
        self.addPage(_WizardStep(self.tr("Le site"), self.tr("L'adresse du site et le jeton donné par la plateforme."),
                                 self.site_page))
        if self.site_page.url.text() == SiteSettings().url:
            self.site_page.url.clear()  # the sandbox's address is no shop's: ask for the real one
        self.addPage(_WizardStep(self.tr("Quand synchroniser"), "", self.schedule_page))
        self.addPage(_WizardStep(self.tr("Règles de publication"), "", self.rules_page))
        self.addPage(_WizardStep(self.tr("Préférences"), "", self.general_page))

    def accept(self) -> None:
        def done(settings: Settings) -> None:
            emit(self.finished_setup, settings)
            QWizard.accept(self)

        def failed(exc: BaseException) -> None:
            message(self, self.tr("Paramètres"), self.tr("Enregistrement impossible : %1").replace("%1", str(exc)), warning=True)

        self._save(self.hub, done, failed)
