"""Starting the GUI: embedded demo if needed, sign-in, the main window; or one screenshot.

Everything happens inside the one `app.exec()` a process may run (PITFALLS.md): the
launcher moves from step to step on signals, and the slow steps (starting the demo city,
signing in, opening the cache) run on the task runner.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import PySide6.QtWebEngineWidgets  # noqa: F401 - must be imported before the QApplication
from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.config import Settings
from console.connection import DEMO_PASSWORD, Connection, EmbeddedCentral, sign_in, start_embedded
from console.credentials import TokenStore
from console.domain.reference import Reference
from console.maps.page import TileProvider
from console.store import Cache, Outbox
from console.sync.engine import SyncEngine
from widgets.i18n import chosen_language, install_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.session import WorkSession, layout_settings, open_work, resume
from widgets.signin import SignInDialog
from widgets.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Longest wait for the first sync and the map before a screenshot is taken anyway.
SCREENSHOT_TIMEOUT_MS = 180_000
#: Time for the detail panel's photos and the map's highlight to paint.
SCREENSHOT_SETTLE_MS = 1500


def prepare_environment() -> None:
    """Chromium refuses to run as root without --no-sandbox."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def tiles_for(settings: Settings) -> TileProvider | None:
    if not settings.tiles_url:
        return None
    return TileProvider(settings.tiles_url, settings.tiles_attribution)


class Launcher(QObject):
    """Embedded demo -> sign-in -> store -> window (-> screenshot -> exit)."""

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
        self.tokens = TokenStore(settings.config_dir)
        self.embedded: EmbeddedCentral | None = None
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | None = None
        self.cache: Cache | None = None
        self.exit_code = 0
        self._shot_sync_done = False
        self._shot_markers = False
        self._shot_selected = False
        self._error_box: QMessageBox | None = None

    # -- steps -----------------------------------------------------------------------------

    def begin(self) -> None:
        if self.settings.server_url is None:
            self.runner.run(
                start_embedded, self.settings, on_done=self._embedded_ready, on_error=self._fatal
            )
        else:
            self._sign_in(self.settings.server_url)

    def _embedded_ready(self, embedded: EmbeddedCentral) -> None:
        self.embedded = embedded
        self._sign_in(embedded.base_url)

    def _sign_in(self, base_url: str) -> None:
        user = self.settings.user
        if self.demo and (self.screenshot is not None or user):
            self.runner.run(
                sign_in,
                base_url,
                user or "operator",
                DEMO_PASSWORD,
                on_done=self._signed_in,
                on_error=self._fatal,
            )
            return
        token = self.tokens.load(base_url, user) if user and not self.demo else None
        if token:
            self.runner.run(
                resume,
                base_url,
                token,
                self.settings.ca_bundle,
                on_done=self._signed_in,
                on_error=lambda _exc: self._ask(base_url),
            )
            return
        self._ask(base_url)

    def _ask(self, base_url: str) -> None:
        dialog = SignInDialog(
            base_url,
            self.runner,
            demo=self.demo,
            user=self.settings.user,
            ca_bundle=self.settings.ca_bundle,
        )
        dialog.accepted.connect(lambda: self._signed_in(dialog.connection))
        dialog.rejected.connect(lambda: self._quit(1))
        self.dialog = dialog
        dialog.show()

    def _signed_in(self, connection: Connection | None) -> None:
        if connection is None:
            self._quit(1)
            return
        warning = None
        if not self.demo:
            self.tokens.save(connection.base_url, connection.user, connection.token)
            if not self.tokens.secure:
                warning = self.tr(
                    "No system keyring on this computer: the sign-in token is kept in %1, "
                    "readable only by your user account."
                ).replace("%1", str(self.tokens.path))
        self.runner.run(
            open_work,
            self.settings,
            connection,
            on_done=lambda parts: self._open_window(connection, warning, *parts),
            on_error=self._fatal,
        )

    def _open_window(
        self,
        connection: Connection,
        warning: str | None,
        cache: Cache,
        outbox: Outbox,
        sla: Any,
        reference: Reference,
    ) -> None:
        self.cache = cache
        session = WorkSession(
            settings=self.settings,
            connection=connection,
            cache=cache,
            outbox=outbox,
            engine=SyncEngine(connection.client, cache, outbox),
            sla=sla,
            reference=reference,
            token_warning=warning,
            tiles=tiles_for(self.settings),
        )
        window = MainWindow(
            session,
            store=self.store,
            language=self.language,
            use_tray=False if self.screenshot is not None else None,
            restore=self.screenshot is None,
        )
        self.window = window
        window.closed.connect(lambda: self._quit(self.exit_code))
        if self.screenshot is not None:
            self._prepare_screenshot(window)
        window.show()
        window.start()

    # -- screenshot ------------------------------------------------------------------------

    def _prepare_screenshot(self, window: MainWindow) -> None:
        """Shows every report (a representative picture), waits for sync and map, selects one."""
        window.queue.set_view("all")
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
            self.window.close()
        self.runner.shutdown()
        if self.embedded is not None:
            self.embedded.stop()
        if self.cache is not None:
            self.cache.close()


def run_gui(settings: Settings, *, screenshot: Path | None = None, demo: bool = False) -> int:
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PAHT Console")
    app.setOrganizationName("IOC Huế")
    app.setQuitOnLastWindowClosed(False)
    store = layout_settings(settings.config_dir)
    language = chosen_language(settings, store)
    translators = install_translators(app, language)
    launcher = Launcher(app, settings, store, language, screenshot=screenshot, demo=demo)
    QTimer.singleShot(0, launcher.begin)
    code = app.exec()
    launcher.cleanup()
    remove_translators(app, translators)
    return int(code)
