"""Starting the GUI: the process (environment, Qt, translations, `widgets.runtime`), then
the `widgets.launcher.Launcher`, whose steps run once the event loop does.

A returning user's window shows first, from what this computer remembers (who signed in
last, the rules, the reference data); the store opens and the server checks the saved token
behind it, side by side. Without an answer from the server the window shows the cache
read-only until the server confirms the role.

This module is the window's start path: what it imports before the window shows is kept
light (tests/widgets/test_start.py lists the libraries it must leave for later).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from console.config import Settings
from console.logging_setup import logs_in
from widgets import qt_messages, runtime
from widgets.i18n import chosen_language, install_translators
from widgets.launcher import Launcher
from widgets.session import layout_settings

#: Qt logging rules for categories whose messages only describe a working setup; the user's
#: own QT_LOGGING_RULES come after them and win.
QUIET_LOGGING_RULES = (
    # Qt WebEngine's summary of its GL context (some versions print it at info level).
    "qt.webenginecontext.info=false",
)


def prepare_environment() -> None:
    """Chromium flags and Qt logging rules, set before the QApplication exists.

    Chromium refuses to run as root without --no-sandbox. Its own processes write their
    LOG(ERROR) lines straight to stderr (no dbus on the machine, a GPU command buffer it
    retries), past Qt's message handler: --log-level=3 keeps only fatal ones. Offscreen there
    is no GPU to use, and --disable-gpu spares the Vulkan and GBM attempts and their warnings.
    A flag the user set (or one of its kind) is left as it is; ours are appended.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    given = {flag.split("=", 1)[0] for flag in flags}
    wanted: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in given:
        wanted.append("--no-sandbox")
    if not given & {"--log-level", "--enable-logging", "--v", "--vmodule"}:
        wanted.append("--log-level=3")
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if platform in {"offscreen", "minimal"} and not given & {
        "--disable-gpu",
        "--enable-gpu",
        "--use-gl",
        "--use-angle",
    }:
        wanted.append("--disable-gpu")
    if wanted:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, *wanted])
    rules = [rule for rule in os.environ.get("QT_LOGGING_RULES", "").split(";") if rule]
    ours = [rule for rule in QUIET_LOGGING_RULES if rule not in rules]
    if ours:
        os.environ["QT_LOGGING_RULES"] = ";".join([*ours, *rules])


def application() -> QApplication:
    """The one QApplication, made with what Chromium and Qt WebEngine need before it."""
    prepare_environment()
    qt_messages.install()  # before the QApplication: its own start warns too
    app = QApplication.instance()
    if app is None:
        # Qt WebEngine (the map) needs OpenGL contexts shared from before the application.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PAHT Console")
    app.setOrganizationName("IOC Huế")
    app.setQuitOnLastWindowClosed(False)
    return app


def start_gui(
    settings: Settings, *, screenshot: Path | None = None, demo: bool = False
) -> tuple[QApplication, Launcher]:
    """The application and its launcher, whose first step runs once the event loop does."""
    app = application()
    store = layout_settings(settings.config_dir)
    language = chosen_language(settings, store)
    install_translators(app, language)
    launcher = Launcher(
        app, settings, store, language, runtime.apply(app), screenshot=screenshot, demo=demo
    )
    QTimer.singleShot(0, launcher.begin)
    return app, launcher


def run_gui(settings: Settings, *, screenshot: Path | None = None, demo: bool = False) -> int:
    with logs_in(settings.log_dir):
        app, launcher = start_gui(settings, screenshot=screenshot, demo=demo)
        code = app.exec()
        launcher.cleanup()
    return int(code)
