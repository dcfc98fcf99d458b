"""`paht-console --screenshot FILE`: one representative picture of the window, then exit.

Every report shown: it waits for the first sync and the map's markers, selects the first
row, shows the whole city on the map and saves the window once the details have painted.
Whatever happens (a store that never opens, a window that fails to attach), the picture is
taken and the program ends within SCREENSHOT_TIMEOUT_MS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from widgets.main_window import MainWindow

#: Longest wait for the first sync and the map before a screenshot is taken anyway.
SCREENSHOT_TIMEOUT_MS = 180_000
#: Time for the detail panel's photos and the map's highlight to paint.
SCREENSHOT_SETTLE_MS = 1500
#: Time for the map to redraw the whole city.
FIT_SETTLE_MS = 800
#: Exit codes: the picture was taken before sync and map were ready; it could not be saved.
TIMED_OUT, NOT_SAVED = 3, 4


class Screenshot(QObject):
    """Takes the picture of `window` once it is attached, then calls `done(exit code)`."""

    def __init__(self, path: Path, window: MainWindow, done: Callable[[int], None]) -> None:
        super().__init__(window)
        self.path = path
        self._window = window
        self._done = done
        self._synced = False
        self._markers = False
        self._selected = False
        self._taken = False
        window.queue.set_view("all")
        window.opened.connect(self._prepare)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self, self._timeout)

    def _prepare(self) -> None:
        window = self._window
        window.sync.finished.connect(self._sync_finished)
        window.map.markersUpdated.connect(self._markers_shown)
        window.detailShown.connect(lambda _id: self._detail_shown())

    def _sync_finished(self, *_args: Any) -> None:
        self._synced = True
        self._maybe_select()

    def _markers_shown(self, count: int) -> None:
        self._markers = count > 0
        self._maybe_select()

    def _maybe_select(self) -> None:
        window = self._window
        if self._selected or not (self._synced and self._markers):
            return
        if window.visible_rows:
            self._selected = True
            window.queue.select_report(window.visible_rows[0].id)

    def _detail_shown(self) -> None:
        """Once the selection has painted (on the map it zooms onto its report), the whole
        city, then the picture."""
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, self, self._whole_city)

    def _whole_city(self) -> None:
        self._window.map.fit_all()
        QTimer.singleShot(FIT_SETTLE_MS, self, lambda: self._take(0))

    def _timeout(self) -> None:
        if not self._taken:
            print("Hết thời gian chờ đồng bộ và bản đồ; vẫn chụp màn hình.", file=sys.stderr)
            self._take(TIMED_OUT)

    def _take(self, code: int) -> None:
        if self._taken:
            return
        self._taken = True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._window.grab().save(str(self.path)):
            print(f"Không lưu được ảnh chụp {self.path}", file=sys.stderr)
            code = NOT_SAVED
        self._done(code)
