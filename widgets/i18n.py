"""The UI language: English in the source, Vietnamese by default through Qt's translators.

The operator's choice is kept in the window's QSettings and applied at once (`apply_language`
swaps the translators, Qt sends every window a LanguageChange event and each widget
retranslates itself); PAHT_LANGUAGE (or the settings file) gives the default for a machine.
Data labels (statuses, categories, units...) come from the domain in `current_language()`.
"""

from __future__ import annotations

import os
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from console.config import Settings
from console.paths import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
LANGUAGES = ("vi", "en")
LANGUAGE_KEY = "ui/language"


class _Installed:
    """The application's language and the translators that make it (one per process)."""

    language = "vi"
    translators: ClassVar[list[QTranslator]] = []


def current_language() -> str:
    """ "vi" or "en": the language data labels are shown in."""
    return _Installed.language


def installed_translators() -> list[QTranslator]:
    """Those of the language now in use (after a switch, not those of the start)."""
    return list(_Installed.translators)


def apply_language(app: QCoreApplication, language: str) -> None:
    """Switches the whole application to `language` now: every open window retranslates."""
    before = list(_Installed.translators)
    remove_translators(app, before)
    installed = install_translators(app, language)
    if not before and not installed:
        # No translator came or went, so Qt sends nothing: the data labels change all the same.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


def chosen_language(settings: Settings, store: QSettings) -> str:
    """The environment wins, then the operator's saved choice, then the settings file."""
    forced = os.environ.get("PAHT_LANGUAGE")
    if forced in LANGUAGES:
        return forced
    saved = store.value(LANGUAGE_KEY)
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    return settings.language if settings.language in LANGUAGES else "vi"


def save_language(store: QSettings, language: str) -> None:
    store.setValue(LANGUAGE_KEY, language)
    store.sync()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs ours and Qt's own (standard buttons); the caller keeps the list alive."""
    _Installed.language = language if language in LANGUAGES else "vi"
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    installed: list[QTranslator] = []
    _Installed.translators = installed
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"paht_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    # Qt ships no Vietnamese qtbase; ours covers the standard buttons and edit menus.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir) or qtbase.load(
        f"qtbase_{language}", str(I18N_DIR)
    ):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    _Installed.translators = [t for t in _Installed.translators if t not in translators]
