"""The settings pages other than the ERP's: the site, the schedule, the publishing rules and
the general preferences. Each reads a `Settings` and returns the `config.toml` keys it sets."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from shopsync.config import Settings
from shopsync.rules import BrandMode
from shopsync.sync.vocab import WebOrdersUntil


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def shown_message(template: str, days: int) -> str:
    """The backorder message as the customers read it: "{days}" filled in."""
    return template.replace("{days}", str(days))


def message_template(text: str, days: int) -> str:
    """Back to config.toml's template: the first standalone `days` becomes "{days}" again (the
    site fills it in from restock_days); a message without the number stays as typed."""
    if "{days}" in text:
        return text
    return re.sub(rf"(?<!\d){days}(?!\d)", "{days}", text, count=1)


class SettingsPage(QWidget):
    """One group of settings."""

    title = ""

    def load(self, settings: Settings) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def changes(self) -> dict[str, dict[str, Any]]:  # pragma: no cover - overridden
        raise NotImplementedError



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
        for key, label in (
            (BrandMode.UNMAPPED, self.tr("Hors site jusqu'à décision")),
            (BrandMode.STOCK, self.tr("En stock")),
            (BrandMode.PREORDER, self.tr("Pré-commande")),
            (BrandMode.OFF, self.tr("Hors site")),
        ):
            self.new_brands.addItem(label, key)
        form.addRow(self.tr("Nouvelle marque :"), self.new_brands)
        self.hold = QLineEdit()
        self.hold.setPlaceholderText(self.tr("ex. NW, RETENU"))
        form.addRow(self.tr("Statuts ERP qui retiennent un produit :"), self.hold)
        self.preorder = QLineEdit()
        self.preorder.setPlaceholderText(self.tr("ex. CDE"))
        form.addRow(self.tr("Statuts ERP en pré-commande :"), self.preorder)
        # How long a web sale stays off the ERP's quantity (shopsync/sync/web_orders.py).
        self.web_orders = QComboBox()
        self.web_orders.addItem(
            self.tr("jusqu'à leur clôture sur le site (recommandé)"), WebOrdersUntil.CLOSED
        )
        self.web_orders.addItem(
            self.tr("jusqu'au prochain export de l'ERP (l'ERP importe lui-même les commandes web)"),
            WebOrdersUntil.EXPORT,
        )
        form.addRow(self.tr("Commandes web retirées du stock :"), self.web_orders)
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
        days_note = QLabel(self.tr("Le nombre de jours du message suit le délai ci-dessus."))
        days_note.setWordWrap(True)
        bform.addRow(days_note)
        self._days_shown = int(self.restock_days.value())
        self.restock_days.valueChanged.connect(self._days_changed)
        layout.addWidget(self.backorder)
        guard = QGroupBox(self.tr("Sécurité : demander avant de dépublier beaucoup de produits"))
        gform = QFormLayout(guard)
        self.min_count = QSpinBox()
        self.min_count.setRange(0, 100000)
        gform.addRow(self.tr("Au-delà de (produits) :"), self.min_count)
        self.max_share = QDoubleSpinBox()
        self.max_share.setRange(0.01, 100)  # a share in (0, 1]: settings_schema.Share
        self.max_share.setSuffix(" %")
        gform.addRow(self.tr("ou de (part du site publié) :"), self.max_share)
        layout.addWidget(guard)
        layout.addStretch(1)

    def load(self, settings: Settings) -> None:
        r, b, g = settings.rules, settings.backorder, settings.guard
        self.new_brands.setCurrentIndex(max(0, self.new_brands.findData(r.new_brands)))
        self.hold.setText(", ".join(r.hold_statuses))
        self.preorder.setText(", ".join(r.preorder_statuses))
        found = self.web_orders.findData(settings.site.web_orders_until)
        self.web_orders.setCurrentIndex(max(0, found))
        self.backorder.setChecked(b.enabled)
        self.restock_days.setValue(int(b.restock_days))
        self._days_shown = int(b.restock_days)
        # The site fills "{days}" in; the shop reads the sentence as its customers will.
        self.message.setText(shown_message(b.message, self._days_shown))
        self.min_count.setValue(int(g.min_unpublish_count))
        self.max_share.setValue(float(g.max_unpublish_share) * 100)

    def _days_changed(self, days: int) -> None:
        """The delay changed: the number in the message follows."""
        self.message.setText(message_template(self.message.text(), self._days_shown).replace("{days}", str(days)))
        self._days_shown = days

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
                "message": message_template(self.message.text(), int(self.restock_days.value())),
            },
            "guard": {
                "min_unpublish_count": int(self.min_count.value()),
                "max_unpublish_share": round(self.max_share.value() / 100, 4),
            },
            "site": {"web_orders_until": str(self.web_orders.currentData())},
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


