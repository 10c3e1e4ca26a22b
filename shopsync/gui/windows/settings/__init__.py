"""Settings and the first-run wizard: the same pages in tabs or in wizard steps.

Every page reads a `Settings` and returns the `config.toml` keys it changed; the hub writes them
through the settings service (tomlkit: the shop's comments stay) in the I/O thread and reloads
the scheduler. The site token and the ERP password go to the OS keyring, never to the file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QTabWidget,
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
from shopsync.gui.windows.settings.erp_page import CANONICAL_FIELDS, PROFILES, ErpPage
from shopsync.gui.windows.settings.pages import (
    GeneralPage,
    RulesPage,
    SchedulePage,
    SettingsPage,
    SitePage,
)

__all__ = [
    "CANONICAL_FIELDS",
    "PROFILES",
    "ErpPage",
    "FirstRunWizard",
    "GeneralPage",
    "RulesPage",
    "SchedulePage",
    "SettingsPage",
    "SettingsWindow",
    "SitePage",
]


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
            def work(ctx: IoContext) -> None:
                if tuned is not None:
                    ctx.services.config.save_tuned_profile(*tuned)
                if erp_secret:
                    ctx.services.config.store_erp_password(erp_source, erp_secret)
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


class _ReadyStep(QWizardPage):
    """The last step: the check the platform makes before turning a connection on — the site
    answers and takes the token, and this export against its catalogue at a glance — run in
    the I/O thread with the settings typed so far (nothing is saved yet)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Avant la première synchronisation"))
        self.setSubTitle(self.tr("Ce que le site et l'export disent de la connexion."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        QVBoxLayout(self).addWidget(self.summary)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        from shopsync.agent.first_connection import first_connection
        from shopsync.config import site_token

        wizard = self.wizard_
        changes = wizard.collect()
        url = changes.get("site", {}).get("url", wizard.hub.settings.site.url)
        erp = changes.get("erp", {})
        typed = wizard.site_page.token.text().strip()
        home = wizard.hub.settings.home
        self.summary.setText(self.tr("Vérification en cours…"))

        def work(_ctx: object):  # noqa: ANN202 - (SiteCheck, ReportCounts | None, str | None)
            return first_connection(
                url, typed or site_token(url), erp.get("path", ""), erp.get("profile", "auto"), home
            )

        def done(result: tuple) -> None:
            from shopsync import texts

            check, counts, problem = result
            key = str(check.problem) if check.problem else "ok"
            detail = len(check.catalogue) if check.ok else check.detail
            lines = [
                QCoreApplication.translate("State", texts.SITE_CHECK[key])
                .replace("%1", url)
                .replace("%2", str(detail))
            ]
            if problem:
                lines.append(problem)
            if counts is not None:
                lines += [
                    "• " + QCoreApplication.translate("State", text).replace("%1", str(getattr(counts, k)))
                    for k, text in texts.CONNECTION_REPORT.items()
                    if k != "written_the_old_way" or counts.written_the_old_way
                ]
            self.summary.setText("\n".join(lines))

        def failed(exc: BaseException) -> None:
            self.summary.setText(str(exc))

        wizard.hub.io(work, done, failed)


class FirstRunWizard(QWizard, _Pages):
    """Asks only what a person must decide, in order: where the stock is, which site, when."""

    finished_setup = Signal(object)

    def __init__(self, hub: AppHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("Bienvenue dans ShopSync"))
        self.setWindowIcon(app_icon())
        # The native window first: on Windows, QWizard creates an Aero back arrow (a 32x32
        # button at the top left) whatever the style, and hides it for a non-Aero style only
        # when it can reach the native window; without one, the grey arrow stayed over the
        # first letter of every page title (seen under Wine, issue 22).
        self.winId()
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
        self.ready_page = _ReadyStep(self)
        self.addPage(self.ready_page)

    def accept(self) -> None:
        def done(settings: Settings) -> None:
            emit(self.finished_setup, settings)
            QWizard.accept(self)

        def failed(exc: BaseException) -> None:
            message(self, self.tr("Paramètres"), self.tr("Enregistrement impossible : %1").replace("%1", str(exc)), warning=True)

        self._save(self.hub, done, failed)

