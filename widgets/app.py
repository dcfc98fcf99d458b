"""Starting the GUI: embedded demo if needed, sign-in, the main window; or one screenshot.

Everything happens inside the one `app.exec()` a process may run (PITFALLS.md): the
launcher moves from step to step on signals, and the slow steps (starting the demo city,
signing in, opening the cache) run on the task runner.

A returning user's window shows first, from what this computer remembers (who signed in
last, the rules, the reference data); the store opens and the server checks the saved token
behind it, side by side. Without an answer from the server the window works from the cache.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.config import Settings
from console.connection import (
    DEMO_OPERATOR,
    DEMO_PASSWORD,
    Connection,
    EmbeddedCentral,
    sign_in,
    sign_in_with_known_password,
    start_embedded,
)
from widgets import qt_messages
from widgets.collector import GuiThreadCollector
from widgets.i18n import (
    chosen_language,
    install_translators,
    installed_translators,
    remove_translators,
)
from widgets.main_window import MainWindow
from widgets.opening import keep_token, open_store, restore_connection, session_for
from widgets.session import (
    Workplace,
    layout_settings,
    remember_identity,
    remembered_identity,
    workplace_for,
)
from widgets.signin import SignInDialog
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox

log = logging.getLogger(__name__)

#: Longest wait for the first sync and the map before a screenshot is taken anyway.
SCREENSHOT_TIMEOUT_MS = 180_000
#: Time for the detail panel's photos and the map's highlight to paint.
SCREENSHOT_SETTLE_MS = 1500


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


class Launcher(QObject):
    """Sign-in (or a remembered one) -> window -> store and connection -> attached window."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        store: QSettings,
        language: str,
        *,
        screenshot: Path | None,
        demo: bool,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.store = store
        self.language = language
        self.screenshot = screenshot
        self.demo = demo or settings.server_url is None
        self.runner = TaskRunner(self)
        self.embedded: EmbeddedCentral | None = None
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | None = None
        self.exit_code = 0
        self._local: tuple[Cache, Outbox] | None = None
        self._opening_store = False
        self._connection: Connection | None = None
        self._shot_sync_done = False
        self._shot_markers = False
        self._shot_selected = False
        self._error_box: QMessageBox | None = None
        self.collector: GuiThreadCollector | None = None

    # -- steps -----------------------------------------------------------------------------

    def begin(self) -> None:
        server = self.settings.server_url
        if server is None:
            self.runner.run(
                start_embedded, self.settings, on_done=self._embedded_ready, on_error=self._fatal
            )
            return
        known = None if self.demo else remembered_identity(self.store, server, self.settings.user)
        if known is None:
            self._sign_in(server)
            return
        user, role = known
        self._show_window(workplace_for(self.settings, server, user, role))
        self.runner.run(
            restore_connection,
            self.settings,
            self._place(),
            on_done=self._restored,
            on_error=lambda _exc: self._ask(server),
        )

    def _embedded_ready(self, embedded: EmbeddedCentral) -> None:
        self.embedded = embedded
        self._sign_in(embedded.base_url)

    def _sign_in(self, base_url: str) -> None:
        """The demo signs in as its operator (or --user); a real server with the password the
        command line would use (PAHT_PASSWORD, the keyring); the dialog otherwise."""
        user = self.settings.user
        if self.demo:
            self.runner.run(
                sign_in,
                base_url,
                user or DEMO_OPERATOR,
                DEMO_PASSWORD,
                on_done=self._signed_in,
                on_error=self._fatal,
            )
            return
        if not user:
            self._ask(base_url)
            return
        self.runner.run(
            partial(sign_in_with_known_password, ca_bundle=self.settings.ca_bundle),
            base_url,
            user,
            on_done=lambda found: self._signed_in(found) if found else self._ask(base_url),
            on_error=lambda exc: self._ask(base_url, exc),
        )

    def _ask(self, base_url: str, failure: BaseException | None = None) -> None:
        dialog = SignInDialog(
            base_url,
            self.runner,
            demo=self.demo,
            user=self.settings.user,
            ca_bundle=self.settings.ca_bundle,
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self._signed_in(dialog.connection))
        dialog.rejected.connect(lambda: self._quit(1))
        self.dialog = dialog
        if failure is not None:
            dialog.show_failure(failure)
        dialog.show()

    def _restored(self, connection: Connection | None) -> None:
        """The saved token was refused (or is gone): sign in again over the open window."""
        if connection is None:
            self._sign_in(self._place().base_url)
        else:
            self._connected(connection)

    def _signed_in(self, connection: Connection | None) -> None:
        if connection is None:
            self._quit(1)
            return
        if self.demo:
            self._connected(connection)
            return
        remember_identity(self.store, connection.base_url, connection.user, connection.role)
        self.runner.run(
            keep_token,
            self.settings,
            connection,
            on_done=lambda file: self._connected(connection, file),
            on_error=self._fatal,
        )

    def _connected(self, connection: Connection, token_file: Path | None = None) -> None:
        """A window for this user and role (the open one when it matches), then the store."""
        self._connection = connection
        window = self.window
        if window is None or (window.place.user, window.role) != (
            connection.user,
            connection.role,
        ):
            warning = None
            if token_file is not None:
                warning = self.tr(
                    "No system keyring on this computer: the sign-in token is kept in %1, "
                    "readable only by your user account."
                ).replace("%1", str(token_file))
            self._show_window(
                workplace_for(
                    self.settings,
                    connection.base_url,
                    connection.user,
                    connection.role,
                    token_warning=warning,
                )
            )
        self._attach_when_ready()

    def _place(self) -> Workplace:
        assert self.window is not None
        return self.window.place

    def _show_window(self, place: Workplace) -> None:
        """Shows the window at once; the store opens behind it (once per run)."""
        if self.window is not None:
            old, self.window = self.window, None
            old.closed.disconnect()
            old.close()
            old.deleteLater()
        window = MainWindow(
            place,
            store=self.store,
            language=self.language,
            use_tray=False if self.screenshot is not None else None,
            restore=self.screenshot is None,
        )
        self.window = window
        window.closed.connect(lambda: self._quit(self.exit_code))
        if self.screenshot is not None:
            window.queue.set_view("all")
            window.opened.connect(lambda: self._prepare_screenshot(window))
        window.show()
        window.start()
        if self._local is None and not self._opening_store:
            self._opening_store = True
            self.runner.run(
                open_store, self.settings, on_done=self._store_open, on_error=self._fatal
            )

    def _store_open(self, local: tuple[Cache, Outbox]) -> None:
        self._local = local
        self._attach_when_ready()

    def _attach_when_ready(self) -> None:
        window, connection, local = self.window, self._connection, self._local
        if window is None or connection is None or local is None or window.is_open():
            return
        window.attach(session_for(self.settings, connection, local, window.place))

    # -- screenshot ------------------------------------------------------------------------

    def _prepare_screenshot(self, window: MainWindow) -> None:
        """Every report shown (a representative picture): waits for sync and map, selects one."""
        window.sync.finished.connect(self._shot_synced)
        window.map.markersUpdated.connect(self._shot_markers_shown)
        window.detailShown.connect(lambda _id: self._shot_detail_shown())
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self._shot_timeout)

    def _shot_synced(self, *_args: Any) -> None:
        self._shot_sync_done = True
        self._shot_maybe_select()

    def _shot_markers_shown(self, count: int) -> None:
        self._shot_markers = count > 0
        self._shot_maybe_select()

    def _shot_maybe_select(self) -> None:
        window = self.window
        if (
            window is None
            or self._shot_selected
            or not (self._shot_sync_done and self._shot_markers)
        ):
            return
        if window.visible_rows:
            self._shot_selected = True
            window.queue.select_report(window.visible_rows[0].id)

    def _shot_detail_shown(self) -> None:
        """The whole city on the map (selecting zoomed onto one report), then the picture."""
        if self.window is not None:
            self.window.map.fit_all()
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, self._take_shot)

    def _shot_timeout(self) -> None:
        if self.window is not None and self.exit_code == 0:
            print("Hết thời gian chờ đồng bộ và bản đồ; vẫn chụp màn hình.", file=sys.stderr)
            self.exit_code = 3
            self._take_shot()

    def _take_shot(self) -> None:
        if self.window is None or self.screenshot is None:
            return
        path = self.screenshot
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(path)):
            print(f"Không lưu được ảnh chụp {path}", file=sys.stderr)
            self.exit_code = 4
        self.screenshot = None
        self._quit(self.exit_code)

    # -- ending ----------------------------------------------------------------------------

    def _fatal(self, exc: BaseException) -> None:
        reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        text = self.tr("PAHT Console cannot start: %1").replace("%1", reason)
        print(text, file=sys.stderr)
        if self.screenshot is not None:
            self._quit(2)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("PAHT Console"), text)
        box.finished.connect(lambda _r: self._quit(2))
        box.open()
        self._error_box = box

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.app.exit(code)

    def cleanup(self) -> None:
        """After the event loop: close the window (saves layout, stops workers), then the rest."""
        if self.window is not None:
            self.window.closed.disconnect()  # the loop has ended: nothing more to quit
            self.window.close()
        self.runner.shutdown()
        if self.embedded is not None:
            self.embedded.stop()
        if self._local is not None:
            for part in self._local:
                part.close()
        remove_translators(self.app, installed_translators())
        if self.collector is not None:
            self.collector.stop()


def start_gui(
    settings: Settings, *, screenshot: Path | None = None, demo: bool = False
) -> tuple[QApplication, Launcher]:
    """The application and its launcher, whose first step runs once the event loop does."""
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
    store = layout_settings(settings.config_dir)
    language = chosen_language(settings, store)
    launcher = Launcher(app, settings, store, language, screenshot=screenshot, demo=demo)
    install_translators(app, language)
    launcher.collector = GuiThreadCollector(launcher)
    QTimer.singleShot(0, launcher.begin)
    return app, launcher


def run_gui(settings: Settings, *, screenshot: Path | None = None, demo: bool = False) -> int:
    app, launcher = start_gui(settings, screenshot=screenshot, demo=demo)
    code = app.exec()
    launcher.cleanup()
    return int(code)
