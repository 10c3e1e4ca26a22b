"""Settings and the first-run wizard: the same pages in tabs or in wizard steps.

Every page reads a `Settings` and returns the `config.toml` keys it changed; the hub writes them
through the settings service (tomlkit: the shop's comments stay) in the I/O thread and reloads
the scheduler. The site token and the ERP password go to the OS keyring, never to the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
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
)
from shopsync.gui.windows.settings.site_page import SitePage, problem_text, site_check_text

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
        """The token first (a keyring that refuses stops here, config.toml untouched), then
        config.toml through the settings service, which reloads the running scheduler and
        engine (hub.apply_settings), then the ERP password, a tuned profile, autostart."""
        changes = self.collect()
        token = self.site_page.token.text().strip() or None
        url = changes.get("site", {}).get("url") or hub.settings.site.url
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

        def keep_token(ctx: IoContext) -> None:
            if token:
                ctx.services.config.keep_site_token(url, token)

        hub.io(
            keep_token,
            lambda _r: hub.apply_settings(changes, on_done=side_effects, on_error=on_error),
            on_error,
        )


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
            self.message.setText(self.tr("Enregistrement impossible : %1").replace("%1", problem_text(exc)))

        self._save(self.hub, done, failed)


class _WizardStep(QWizardPage):
    """A settings page as a wizard step. With `check`, "Suivant" first asks it (off the UI
    thread) and moves on only when it passed for what is typed now."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        body: QWidget,
        *,
        check: Callable[[Callable[[bool], None]], None] | None = None,
        typed: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        QVBoxLayout(self).addWidget(body)
        self._check = check
        self._typed = typed or (lambda: None)
        self._passed_for: object = _NOTHING
        self.checking = False

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self._check is None or self._passed_for == self._typed():
            return True
        if self.checking:
            return False
        self.checking = True
        wizard = self.wizard()
        wizard.button(QWizard.WizardButton.NextButton).setEnabled(False)

        def done(passed: bool) -> None:
            self.checking = False
            wizard.button(QWizard.WizardButton.NextButton).setEnabled(True)
            if passed:
                self._passed_for = self._typed()  # what passed (a kept token clears its field)
                if wizard.currentPage() is self:
                    wizard.next()

        self._check(done)
        return False


_NOTHING = object()


class _ReadyStep(QWizardPage):
    """The last step: the check the platform makes before turning a connection on — the site
    answers and takes the token, and this export against its catalogue at a glance — run in
    the I/O thread with the settings typed so far (nothing is saved yet). "Terminer" waits for
    it and for a site that accepted the token."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Avant la première synchronisation"))
        self.setSubTitle(self.tr("Ce que le site et l'export disent de la connexion."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        QVBoxLayout(self).addWidget(self.summary)
        self.passed = False

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.passed

    def _set_passed(self, passed: bool) -> None:
        self.passed = passed
        emit(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        from shopsync.agent.first_connection import first_connection
        from shopsync.config import KeyringUnavailable, site_token

        wizard = self.wizard_
        changes = wizard.collect()
        url = changes.get("site", {}).get("url", wizard.hub.settings.site.url)
        erp = changes.get("erp", {})
        typed = wizard.site_page.token.text().strip()
        kind = str(wizard.site_page.kind.currentData())
        home = wizard.hub.settings.home
        self._set_passed(False)
        self.summary.setText(self.tr("Vérification en cours…"))

        def work(_ctx: object):  # noqa: ANN202 - (SiteCheck, ReportCounts | None, str | None)
            try:
                token = typed or site_token(url)
            except KeyringUnavailable:
                token = None
            return first_connection(
                url, token, erp.get("path", ""), erp.get("profile", "auto"), home, kind=kind
            )

        def done(result: tuple) -> None:
            from shopsync import texts

            check, counts, problem = result
            lines = [site_check_text(check, url)]
            if problem:
                lines.append(problem)
            if counts is not None:
                lines += [
                    "• " + QCoreApplication.translate("State", text).replace(
                        "%1", QLocale().toString(int(getattr(counts, k)))
                    )
                    for k, text in texts.CONNECTION_REPORT.items()
                    if k != "written_the_old_way" or counts.written_the_old_way
                ]
                why = counts.why_nothing(QCoreApplication.translate)
                if why:  # e.g. every brand still to decide: said before "Terminer"
                    lines.append(why)
            self.summary.setText("\n".join(lines))
            self._set_passed(check.ok and not problem)

        def failed(exc: BaseException) -> None:
            self.summary.setText(problem_text(exc))
            self._set_passed(False)

        wizard.hub.io(work, done, failed)


class FirstRunWizard(QWizard, _Pages):
    """Asks only what a person must decide, in order: where the stock is, which site, when.
    Each step is checked before "Suivant"; the token is kept at the site step; config.toml is
    written only at "Terminer", and the running app uses it at once (hub.apply_settings)."""

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
        self.resize(780, 720)
        self._make_pages(hub)
        erp, site = self.erp_page, self.site_page
        # (title, subtitle, page, what the welcome calls it, check, what the check passed for)
        steps = [
            (self.tr("Le stock de la boutique"),
             self.tr("Choisissez l'export de votre ERP et vérifiez les colonnes."), erp,
             self.tr("l'export de l'ERP"), erp.check,
             lambda: (erp.source.text().strip(), erp.profile.currentData())),
            (self.tr("Le site"),
             self.tr("Le type de site, son adresse et le jeton (ou la clé WooCommerce) qui l'ouvre."),
             site, self.tr("le site"), lambda done: site.check(keep=True, on_done=done),
             lambda: (site.kind.currentData(), site.url.text().strip(), site.token.text().strip())),
            (self.tr("Quand synchroniser"), "", self.schedule_page, self.tr("la planification"),
             None, None),
            (self.tr("Règles de publication"), "", self.rules_page, self.tr("les règles"), None, None),
            (self.tr("Préférences"), "", self.general_page, self.tr("les préférences"), None, None),
        ]  # fmt: skip
        names = QLocale().createSeparatedList([name for _t, _s, _p, name, _c, _k in steps])
        intro = QLabel(
            self.tr("ShopSync garde le stock du site à jour avec celui de votre logiciel de caisse (ERP).")
            + "\n\n"
            + self.tr("%n étape(s) : %1, puis une vérification avant la première synchronisation. "
                      "Tout se modifie ensuite dans les paramètres.", "", len(steps)).replace("%1", names)
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.intro = intro
        self.addPage(_WizardStep(self.tr("Bienvenue"), "", intro))
        self.steps: list[_WizardStep] = []
        for title, subtitle, page, _name, check, typed in steps:
            step = _WizardStep(title, subtitle, page, check=check, typed=typed)
            self.steps.append(step)
            self.addPage(step)
        if self.site_page.url.text() == SiteSettings().url:
            self.site_page.url.clear()  # the sandbox's address is no shop's: ask for the real one
            self.site_page.refresh_token_origin()
        self.ready_page = _ReadyStep(self)
        self.addPage(self.ready_page)

    def accept(self) -> None:
        """"Terminer": config.toml written (the token is already kept), the scheduler and the
        engine reloaded with it; on a refusal, nothing is closed and the reason is shown."""
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)

        def done(settings: Settings) -> None:
            finish.setEnabled(True)
            emit(self.finished_setup, settings)
            QWizard.accept(self)

        def failed(exc: BaseException) -> None:
            finish.setEnabled(True)
            message(
                self,
                self.tr("Paramètres"),
                self.tr("Enregistrement impossible : %1").replace("%1", problem_text(exc)),
                warning=True,
            )

        self._save(self.hub, done, failed)
