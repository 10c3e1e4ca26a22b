"""The settings' site page (wizard and settings window): the kind of site, its address and
credentials, tested off the UI thread before anything is kept; and the sentences that say what
a site check found. Split from pages.py, which holds the other pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from shopsync.config import Settings
from shopsync.gui.windows.settings.pages import SettingsPage


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


def site_check_text(check: Any, url: str) -> str:
    """A `SiteCheck` in the shop's words (`shopsync check --site`'s sentences). A refused
    secret that could not be WooCommerce's key pair adds how the pair is written."""
    from shopsync import texts
    from shopsync.config import woocommerce_credentials_refused

    key = str(check.problem) if check.problem else "ok"
    detail = QLocale().toString(len(check.catalogue)) if check.ok else check.detail
    text = QCoreApplication.translate("State", texts.SITE_CHECK[key])
    said = text.replace("%1", url).replace("%2", str(detail))
    if check.detail and check.detail == woocommerce_credentials_refused():
        said += "\n" + check.detail[:1].upper() + check.detail[1:] + "."
    return said


class SitePage(SettingsPage):
    """Which kind of site, its address and its credentials (a Site API token, or WooCommerce's
    key pair "ck_…:cs_…", one keyring secret per URL either way). "Tester la connexion" (and
    the wizard's "Suivant") asks the site, off the UI thread, whether it answers and takes
    them (`services.site.test_site`); the field says where the stored secret comes from
    (keyring, environment) only when it really is there."""

    def __init__(self, hub: Any = None, parent: QWidget | None = None) -> None:
        from shopsync.services.site import kinds

        super().__init__(parent)
        self.hub = hub  # AppHub: the connection test runs in its I/O thread
        self.title = self.tr("Site")
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in kinds():
            self.kind.addItem(self.kind_label(kind), str(kind))
        form.addRow(self.tr("Type de site :"), self.kind)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        form.addRow(self.tr("Adresse du site :"), self.url)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_label = QLabel()
        form.addRow(self.token_label, self.token)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow(self.note)
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
        self.loaded_kind = ""  # the kind config.toml had: written back only when it changes
        self.url.editingFinished.connect(self.refresh_token_origin)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def kind_label(self, kind: str) -> str:
        """A kind of site in the shop's words (`[site] kind` in config.toml)."""
        from shopsync.sync.port import TargetKind

        if kind == TargetKind.WOOCOMMERCE:
            return self.tr("WooCommerce")
        return self.tr("Site de la plateforme (API ShopSync)")

    def is_woocommerce(self) -> bool:
        from shopsync.sync.port import TargetKind

        return self.kind.currentData() == TargetKind.WOOCOMMERCE

    def _kind_changed(self) -> None:
        """The credentials field's words follow the kind; an earlier answer no longer holds."""
        if self.is_woocommerce():
            self.token_label.setText(self.tr("Clé WooCommerce (ck_…:cs_…) :"))
            self.note.setText(self.tr(
                "La clé et le secret se créent dans WooCommerce, Réglages › Avancé › API REST "
                "(droits lecture/écriture) ; collez-les sous la forme ck_…:cs_…. Ils ne sont "
                "jamais écrits dans un fichier."
            ))
        else:
            self.token_label.setText(self.tr("Jeton d'accès :"))
            self.note.setText(
                self.tr("Le jeton vous est donné par la plateforme. Il n'est jamais écrit dans un fichier.")
            )
        self.check_result.clear()
        self._show_placeholder()

    def load(self, settings: Settings) -> None:
        self.loaded_kind = str(settings.site.kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(self.loaded_kind)))
        self.url.setText(settings.site.url)
        self.refresh_token_origin()

    def changes(self) -> dict[str, dict[str, Any]]:
        from shopsync.sync.port import TargetKind

        url = self.url.text().strip()
        if not url:
            return {}
        kind = str(self.kind.currentData())
        if kind == self.loaded_kind == TargetKind.SHOPSYNC:
            return {"site": {"url": url}}  # a Site API shop's config.toml stays as it was
        return {"site": {"kind": kind, "url": url}}

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
        self.origin = origin
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        """Where the stored secret comes from, or what to paste for this kind of site."""
        from shopsync.services.settings import TokenOrigin

        origin = self.origin
        self.token.setPlaceholderText({
            TokenOrigin.KEYRING: self.tr("(inchangé — gardé dans le trousseau du système)"),
            TokenOrigin.ENVIRONMENT: self.tr(
                "(donné par la variable d'environnement SHOPSYNC_SITE_TOKEN)"
            ),
            TokenOrigin.KEYRING_UNREADABLE: self.tr("(trousseau du système illisible)"),
        }.get(origin, self.tr("collez la clé et le secret : ck_…:cs_…") if self.is_woocommerce()
              else self.tr("collez le jeton donné par la plateforme")))  # fmt: skip

    def test_connection(self) -> None:
        """The first-connection check (`services.site.test_site`), in the I/O thread."""
        self.check(keep=False)

    def check(self, *, keep: bool, on_done: Callable[[bool], None] | None = None) -> None:
        """Ask the site (I/O thread) whether it answers and takes the token; with `keep`, a typed
        token it accepted is then kept in the OS keyring at once (the wizard's site step: the
        token first, config.toml only at "Terminer"). `on_done(passed)` in the UI thread."""
        finish = on_done or (lambda _ok: None)
        url, typed = self.url.text().strip(), self.token.text().strip()
        kind = str(self.kind.currentData())
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
            from shopsync.config import KeyringUnavailable, site_token
            from shopsync.services.site import test_site

            try:  # nothing typed: the secret kept for this URL, as every later sync will
                token = typed or site_token(url)
            except KeyringUnavailable:
                return None, None  # told in our words below, not as a bad address
            check = test_site(kind, url, token)
            kept = None
            if keep and check.ok and typed:
                try:
                    ctx.services.config.keep_site_token(url, typed)
                    kept = True
                except KeyringUnavailable:
                    kept = False
            return check, kept

        def done(result: tuple[Any, bool | None]) -> None:
            from shopsync.services.settings import TokenOrigin

            check, kept = result
            self.test_button.setEnabled(True)
            if check is None:
                self.check_result.setText(keyring_unreadable())
                finish(False)
                return
            lines = [site_check_text(check, url)]
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
