"""The settings pages other than the ERP's: the site, the schedule, the publishing rules and
the general preferences. Each reads a `Settings` and returns the `config.toml` keys it sets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from shopsync.config import Settings
from shopsync.rules import BrandMode


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



def keyring_refusal(button: str) -> str:
    """What to do when the OS keyring cannot keep the site token: in the shop's words, without
    the keyring's exception (that goes to the log). `button`: the one to click again."""
    return QCoreApplication.translate(
        "SitePage",
        "Le trousseau du système ne peut pas garder le jeton : rien n'a été enregistré. "
        "Déverrouillez le trousseau de votre session (ou installez-en un, par exemple "
        "GNOME Keyring ou KWallet), puis cliquez de nouveau sur « %1 ». Sur un poste sans "
        "session (ShopSync en service), donnez le jeton par la variable d'environnement "
        "SHOPSYNC_SITE_TOKEN.",
    ).replace("%1", button)


def keyring_unreadable() -> str:
    """No token typed and the OS keyring cannot be read: what to do, in the shop's words."""
    return QCoreApplication.translate(
        "SitePage",
        "Le trousseau du système est illisible : le jeton de ce site ne peut pas y être lu. "
        "Saisissez le jeton donné par la plateforme, ou donnez-le par la variable "
        "d'environnement SHOPSYNC_SITE_TOKEN.",
    )


def problem_text(exc: BaseException) -> str:
    """An error for a person: a refused keyring in our words, a ShopSync error's own message
    (already in the shop's language), never an exception class name."""
    from shopsync.config import KeyringUnavailable
    from shopsync.errors import ShopSyncError

    if isinstance(exc, KeyringUnavailable):  # the settings window's save
        return keyring_refusal(QCoreApplication.translate("SitePage", "Enregistrer"))
    if isinstance(exc, ShopSyncError | OSError):
        return str(exc)
    return QCoreApplication.translate(
        "SitePage", "Une erreur inattendue s'est produite ; le détail est dans le journal."
    )


class SitePage(SettingsPage):
    """The site's address and token. "Tester la connexion" (and the wizard's "Suivant") asks
    the site, off the UI thread, whether it answers and takes the token; the token field says
    where the stored token comes from (keyring, environment) only when it really is there."""

    def __init__(self, hub: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub  # AppHub: the connection test runs in its I/O thread
        self.title = self.tr("Site")
        form = QFormLayout(self)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        form.addRow(self.tr("Adresse du site :"), self.url)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Jeton d'accès :"), self.token)
        note = QLabel(self.tr("Le jeton vous est donné par la plateforme. Il n'est jamais écrit dans un fichier."))
        note.setWordWrap(True)
        form.addRow(note)
        self.test_button = QPushButton(self.tr("Tester la connexion"))
        self.test_button.clicked.connect(self.test_connection)
        form.addRow(self.test_button)
        # On a row of its own, the page's whole width: a long answer wraps instead of being cut.
        self.check_result = QLabel()
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_result.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.check_result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.check_result)
        self.origin: str | None = None  # services.settings.TokenOrigin, once asked
        self.url.editingFinished.connect(self.refresh_token_origin)

    def load(self, settings: Settings) -> None:
        self.url.setText(settings.site.url)
        self.refresh_token_origin()

    def changes(self) -> dict[str, dict[str, Any]]:
        url = self.url.text().strip()
        return {"site": {"url": url}} if url else {}

    def refresh_token_origin(self) -> None:
        """Ask (I/O thread) where this URL's token comes from; the field then says so."""
        if self.hub is None:
            return
        url = self.url.text().strip()
        self.hub.io(
            lambda ctx: ctx.services.config.token_origin(url),
            lambda origin: self._show_origin(url, origin),
        )

    def _show_origin(self, url: str, origin: str) -> None:
        if url != self.url.text().strip():
            return  # the address changed meanwhile: a newer answer is on its way
        from shopsync.services.settings import TokenOrigin

        self.origin = origin
        self.token.setPlaceholderText({
            TokenOrigin.KEYRING: self.tr("(inchangé — gardé dans le trousseau du système)"),
            TokenOrigin.ENVIRONMENT: self.tr(
                "(donné par la variable d'environnement SHOPSYNC_SITE_TOKEN)"
            ),
            TokenOrigin.KEYRING_UNREADABLE: self.tr("(trousseau du système illisible)"),
        }.get(origin, self.tr("collez le jeton donné par la plateforme")))  # fmt: skip

    def test_connection(self) -> None:
        """The first-connection check (as `shopsync check --site`), in the I/O thread."""
        self.check(keep=False)

    def check(self, *, keep: bool, on_done: Callable[[bool], None] | None = None) -> None:
        """Ask the site (I/O thread) whether it answers and takes the token; with `keep`, a typed
        token it accepted is then kept in the OS keyring at once (the wizard's site step: the
        token first, config.toml only at "Terminer"). `on_done(passed)` in the UI thread."""
        finish = on_done or (lambda _ok: None)
        url, typed = self.url.text().strip(), self.token.text().strip()
        if self.hub is None:
            finish(False)
            return
        if not url:
            self.check_result.setText(self.tr("Indiquez l'adresse du site donnée par la plateforme."))
            finish(False)
            return
        self.test_button.setEnabled(False)
        self.check_result.setText(self.tr("Test en cours…"))

        def work(ctx: Any) -> tuple[Any, bool | None]:
            from shopsync.agent.first_connection import check_site
            from shopsync.config import KeyringUnavailable, site_token

            try:
                token = typed or site_token(url)
            except KeyringUnavailable:
                return None, None  # told in our words below, not as a bad address
            check = check_site(url, token)
            kept = None
            if keep and check.ok and typed:
                try:
                    ctx.services.config.keep_site_token(url, typed)
                    kept = True
                except KeyringUnavailable:
                    kept = False
            return check, kept

        def done(result: tuple[Any, bool | None]) -> None:
            from shopsync import texts
            from shopsync.services.settings import TokenOrigin

            check, kept = result
            self.test_button.setEnabled(True)
            if check is None:
                self.check_result.setText(keyring_unreadable())
                finish(False)
                return
            key = str(check.problem) if check.problem else "ok"
            detail = QLocale().toString(len(check.catalogue)) if check.ok else check.detail
            text = QCoreApplication.translate("State", texts.SITE_CHECK[key])
            lines = [text.replace("%1", url).replace("%2", str(detail))]
            passed = check.ok
            if kept is False:
                passed = False
                lines.append(keyring_refusal(self.tr("Suivant")))  # the wizard's site step
            elif kept:
                self.token.clear()  # kept: the field now says where it is
                self._show_origin(url, TokenOrigin.KEYRING)
                lines.append(self.tr("Le jeton est gardé dans le trousseau du système."))
            self.check_result.setText("\n\n".join(lines))
            finish(passed)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.check_result.setText(problem_text(exc))
            finish(False)

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


