"""Language: French is the UI's source language (an untranslated string still speaks to the
shop); English comes from resources/translations/shopsync_en.qm. "auto" follows the system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shopsync.paths import resources_dir

LANGUAGES = ("auto", "fr", "en")
_installed: list[QTranslator] = []
_current: str | None = None


def resolve(language: str) -> str:
    """"auto" -> the system's language when we have it, else French (the shop's language)."""
    if language in ("fr", "en"):
        return language
    system = QLocale.system().name().split("_")[0]
    return system if system in ("fr", "en") else "fr"


def translations_dir():
    return resources_dir() / "translations"


def install(language: str) -> str:
    """Install ShopSync's and Qt's own translators for `language`; returns the code used."""
    global _current
    app = QCoreApplication.instance()
    code = resolve(language)
    if code == _current and _installed:
        return code  # nothing to change: no LanguageChange storm through every widget
    _current = code
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    gaps = _QtGaps(code, app)  # installed first: asked last, only for what the others miss
    app.installTranslator(gaps)
    _installed.append(gaps)
    ours = QTranslator(app)
    if ours.load(f"shopsync_{code}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    # Qt's own strings (standard buttons, file dialogs). The wheel's qt_xx.qm meta-catalogue
    # does not load on its own in PySide6 6.12, so load qtbase_xx.qm directly.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qtbase_{code}", f"qt_{code}"):
        qt = QTranslator(app)
        if qt.load(name, qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    QLocale.setDefault(QLocale(QLocale.Language.French if code == "fr" else QLocale.Language.English))
    # The Qt-free core's sentences (run summaries, messages stored for the status window) in
    # the same language as the windows.
    from shopsync import i18n as core_i18n

    core_i18n.set_language(code)
    return code


# Qt's own strings that its French catalogue (qtbase_fr.qm, PySide6 6.12) lacks: the file
# dialog's labels carry an accelerator ("&Look in:") that the catalogue only has without.
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "fr": {
        ("QFileDialog", "&Look in:"): "&Regarder dans\u00a0:",
        ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
        # The file list's "Type" column (Qt 6 moved these to QAbstractFileIconProvider).
        ("QAbstractFileIconProvider", "Folder"): "Dossier",
        ("QAbstractFileIconProvider", "Drive"): "Disque",
        ("QAbstractFileIconProvider", "Directory"): "Dossier",
        ("QAbstractFileIconProvider", "File"): "Fichier",
    },
}


class _QtGaps(QTranslator):
    """Fills QT_GAPS for `code`; answers nothing else (None, a null QString, lets Qt go on to
    the next translator; an empty string would blank every text)."""

    def __init__(self, code: str, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._table = QT_GAPS.get(code, {})

    def translate(self, context, source, disambiguation=None, n=-1) -> str | None:  # noqa: ANN001, ARG002
        return self._table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._table


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject (module-level helpers)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
