"""The UI language: English in the source, Vietnamese by default through Qt's translators.

The operator's choice is kept in the window's QSettings and applied at the next start;
PAHT_LANGUAGE (or the settings file) gives the default for a machine.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from console.config import Settings
from console.paths import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
LANGUAGES = ("vi", "en")
LANGUAGE_KEY = "ui/language"


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
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    if language == "en":
        return []
    installed: list[QTranslator] = []
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
