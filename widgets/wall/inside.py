"""The video wall opened from an operator's console (View menu), over the window's own cache
and sync: on the last screen, full screen, when the computer drives a second one."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStatusBar

from console.domain.model import Role
from console.wall.spotlight import Reviewed
from widgets.session import WorkSession
from widgets.sync_worker import SyncController
from widgets.wall.controller import WallController
from widgets.wall.look import WallLook
from widgets.wall.wall_map import WallMap
from widgets.wall.window import WallWindow

translate = QCoreApplication.translate
STATUS_MS = 8000


class WallHost(Protocol):
    """What the wall needs of the operator's window (widgets.main_window.MainWindow)."""

    wall: WallWindow | None

    @property
    def status(self) -> QStatusBar: ...
    @property
    def session(self) -> WorkSession: ...
    @property
    def sync(self) -> SyncController: ...
    def is_open(self) -> bool: ...


#: A case to put in the spotlight: its report id and the blur boxes reviewed for its photos.
Focus = tuple[int, Reviewed]
#: With one screen the wall is a window this share of it, beside the console.
ONE_SCREEN_SHARE = 0.8


def show_wall(main: WallHost, focus: Focus | None = None) -> None:
    """The open wall brought forward, or a new one as `main.wall`. Media officers, and a case
    chosen in the briefing wizard (`focus`: its id and reviewed blur boxes), get the press mode."""
    current = main.wall
    if current is not None and (focus is None or current.press):
        controller = current.findChild(WallController)
        if focus is not None and controller is not None:
            controller.focus_on(*focus)
        current.raise_()
        current.activateWindow()
        return
    if current is not None:
        current.close()
    if not main.is_open():
        main.status.showMessage(
            translate("WallInside", "The video wall opens once the cache is open"), STATUS_MS
        )
        return
    from console.wall.state import WallState

    session = main.session
    screens = QGuiApplication.screens()
    target = screens[-1]
    geometry = target.availableGeometry()
    press = session.connection.role is Role.MEDIA or focus is not None
    look = WallLook.for_height(
        geometry.height() if len(screens) > 1 else round(geometry.height() * ONE_SCREEN_SHARE)
    )
    window = WallWindow(look, WallMap(tiles=session.tiles), press=press)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.closed.connect(lambda: setattr(main, "wall", None))
    state = WallState(session.cache, press=press, fetch_media=session.detail_engine.client.media)
    if focus is not None:
        state.put_in_focus(*focus)
    controller = WallController(window, state, main.sync, own_sync=False)
    if len(screens) > 1:
        window.setGeometry(target.geometry())
        window.showFullScreen()
    else:
        window.resize(round(geometry.width() * ONE_SCREEN_SHARE), look.px(1080))
        window.show()
    main.wall = window
    controller.start()
