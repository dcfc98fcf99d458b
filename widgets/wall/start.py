"""`paht-console wall`: the video wall as its own program, full screen on a chosen screen.

The window shows at once ("Connecting…"); sign-in and store open behind it. Nothing that
fails opens a dialog: the reason stays in the header's small line and the start is tried
again, so a wall computer that boots before the server comes up by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication

from console.config import Settings
from console.logging_setup import logs_in
from widgets import runtime
from widgets.i18n import chosen_language, install_translators
from widgets.runtime import Runtime
from widgets.session import layout_settings, tiles_for
from widgets.sync_worker import SyncController
from widgets.tasks import TaskRunner
from widgets.wall.controller import WallController
from widgets.wall.look import WallLook
from widgets.wall.opening import WallSession, open_wall
from widgets.wall.wall_map import WallMap
from widgets.wall.window import WallWindow

translate = QCoreApplication.translate
RETRY_MS = 30_000
SCREENSHOT_TIMEOUT_MS = 120_000
#: Time for the map's tiles and first pulses to paint before the picture.
SCREENSHOT_SETTLE_MS = 2500
TIMED_OUT, NOT_SAVED = 3, 4


def wall_controller(window: WallWindow, session: WallSession, settings: Settings) -> WallController:
    """The wall's own sync (live when the server offers it) feeding `window`."""
    sync = SyncController(
        session.engine,
        session.cache,
        session.outbox,
        settings.sync_interval_s,
        live=settings.live_updates,
    )
    return WallController(window, session.state, sync, relogin=session.renew_sign_in)


class WallLauncher(QObject):
    def __init__(
        self,
        app: QApplication,
        runtime: Runtime,
        settings: Settings,
        password: str | None,
        *,
        press: bool,
        spotlight: int | None,
        screen: int | None,
        size: QSize | None,
        screenshot: Path | None,
    ) -> None:
        super().__init__()
        self.app = app
        self.runtime = runtime
        self.settings = settings
        self.password = password
        self.press = press
        self.spotlight = spotlight
        self.screen = screen
        self.size = size
        self.screenshot = screenshot
        self.runner = TaskRunner(self, max_threads=1)
        self.window: WallWindow | None = None
        self.session: WallSession | None = None
        self.controller: WallController | None = None
        self.exit_code = 0
        self._map_ready = False
        self._scene_shown = False
        self._taken = False

    def begin(self) -> None:
        screens = self.app.screens()
        target = self.app.primaryScreen()
        if self.screen is not None and self.screen < len(screens):
            target = screens[self.screen]
        elif self.screen is not None:
            print(
                f"Không có màn hình số {self.screen} (máy có {len(screens)}): dùng màn hình chính.",
                file=sys.stderr,
            )
        height = self.size.height() if self.size is not None else target.geometry().height()
        look = WallLook.for_height(height)
        wall_map = WallMap(tiles=tiles_for(self.settings))
        wall_map.ready.connect(self._map_loaded)
        window = WallWindow(look, wall_map, press=self.press)
        self.window = window
        if self.size is not None:
            window.resize(self.size)
            window.show()
        else:
            window.setGeometry(target.geometry())
            window.showFullScreen()
        self.app.setQuitOnLastWindowClosed(True)
        if self.screenshot is not None:
            QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self, lambda: self._take(TIMED_OUT))
        self._open()

    def _open(self) -> None:
        self.runner.run(
            open_wall,
            self.settings,
            self.password,
            self.press,
            self.spotlight,
            on_done=self._opened,
            on_error=self._not_opened,
        )

    def _opened(self, session: WallSession) -> None:
        assert self.window is not None
        self.session = session
        controller = wall_controller(self.window, session, self.settings)
        controller.shown.connect(self._scene)
        self.controller = controller
        controller.start()

    def _not_opened(self, exc: BaseException) -> None:
        assert self.window is not None
        reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        self.window.set_link(
            translate("WallLauncher", "Not connected: %1; trying again").replace("%1", reason),
            ok=False,
        )
        if self.screenshot is not None:
            print(f"Màn hình tường chưa kết nối: {reason}", file=sys.stderr)
            self._take(TIMED_OUT)
            return
        QTimer.singleShot(RETRY_MS, self, self._open)

    def _map_loaded(self) -> None:
        self._map_ready = True
        self._maybe_shoot()

    def _scene(self, *_shown: object) -> None:
        # The window and its first scene stay: later collections need not walk them (a full
        # one took 41 ms on the GUI thread, `python -m benchmarks wall`).
        self.runtime.freeze_long_lived()
        self._scene_shown = True
        self._maybe_shoot()

    def _maybe_shoot(self) -> None:
        if self.screenshot is not None and self._map_ready and self._scene_shown:
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, self, lambda: self._take(0))

    def _take(self, code: int) -> None:
        if self._taken or self.window is None or self.screenshot is None:
            return
        self._taken = True
        self.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(self.screenshot)):
            print(f"Không lưu được ảnh chụp {self.screenshot}", file=sys.stderr)
            code = NOT_SAVED
        self.exit_code = code
        self.app.exit(code)

    def cleanup(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        self.runner.shutdown()
        if self.window is not None:
            self.window.close()
        if self.session is not None:
            self.session.close()


def run_wall(
    settings: Settings,
    *,
    password: str | None,
    press: bool = False,
    spotlight: int | None = None,
    screen: int | None = None,
    size: tuple[int, int] | None = None,
    screenshot: Path | None = None,
) -> int:
    from widgets.app import application

    with logs_in(settings.log_dir):
        app = application()
        install_translators(app, chosen_language(settings, layout_settings(settings.config_dir)))
        applied = runtime.apply(app)
        launcher = WallLauncher(
            app,
            applied,
            settings,
            password,
            press=press,
            spotlight=spotlight,
            screen=screen,
            size=QSize(*size) if size is not None else None,
            screenshot=screenshot,
        )
        QTimer.singleShot(0, launcher.begin)
        code = app.exec()
        launcher.cleanup()
        applied.restore()
    return launcher.exit_code or int(code)
