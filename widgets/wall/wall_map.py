"""The video wall's map: a QWebEngineView over console/maps/wall_page.py's page.

The page gets rows of numbers and status codes only (`marker_rows`), never a WallMarker or
any text. What it shows is kept here, so a reload (a renderer that crashed after days) gets
the latest markers and scale again; pulses asked while the page is not ready are dropped.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot, qWarning
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.maps.page import DEFAULT_TILES, TileProvider
from console.maps.wall_page import WallFeed, scale_script, wall_page
from console.wall.scene import WallMarker
from widgets.map_view import evaluate_page, open_local_page

log = logging.getLogger(__name__)

#: A crashed renderer's page is loaded again after this pause (a crash loop must not spin).
RELOAD_AFTER_MS = 2_000
#: The page takes what the feed holds (the same short script each time: V8 compiles it once).
PULL = "pahtWall.pull()"


class _Bridge(QObject):
    """The object the page sees as `bridge`: it takes the feed, says when it is ready and
    which pulses started."""

    loaded = Signal()
    pulsed = Signal(list)

    def __init__(self, feed: WallFeed, parent: QObject) -> None:
        super().__init__(parent)
        self.feed = feed

    @Slot(result=str)
    def take(self) -> str:
        return self.feed.take()

    @Slot()
    def pageReady(self) -> None:
        self.loaded.emit()

    @Slot(list)
    def pulseStarted(self, ids: list[Any]) -> None:
        self.pulsed.emit([int(i) for i in ids])


class _WallPage(QWebEnginePage):
    """A script error on the wall's page is a Qt warning (tests fail on those)."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            qWarning(f"wall map page: {message} ({source}:{line})")
        else:
            log.debug("wall map page: %s (%s:%d)", message, source, line)


class WallMap(QWebEngineView):
    """Today's reports as dots by status; new ones pulse, overdue ones are ringed."""

    ready = Signal()
    #: Ids whose pulse animation just started on the page.
    pulsed = Signal(list)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        tiles: TileProvider | None = DEFAULT_TILES,
        page_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._page_dir_owner: tempfile.TemporaryDirectory[str] | None = None
        if page_dir is None:
            self._page_dir_owner = tempfile.TemporaryDirectory(prefix="paht-wall-")
            page_dir = Path(self._page_dir_owner.name)
        self._is_ready = False
        self._markers: Sequence[WallMarker] = ()
        self._scale = 1.0
        self._closing = False

        page = _WallPage(self)
        self._guard = open_local_page(page, page_dir, tiles)
        self._feed = WallFeed()
        self._bridge = _Bridge(self._feed, self)
        self._bridge.loaded.connect(self._on_page_ready)
        self._bridge.pulsed.connect(self.pulsed)
        channel = QWebChannel(page)
        channel.registerObject("bridge", self._bridge)
        page.setWebChannel(channel)
        self.setPage(page)
        page.loadStarted.connect(self._on_load_started)
        page.renderProcessTerminated.connect(self._on_renderer_gone)
        self._page_url = QUrl.fromLocalFile(str(wall_page(page_dir, tiles=tiles)))
        self.load(self._page_url)

    def is_ready(self) -> bool:
        return self._is_ready

    def show_markers(self, markers: Sequence[WallMarker], *, fit: bool = False) -> None:
        """Replaces every dot; the view stays where it is unless `fit` (the whole city)."""
        self._markers = tuple(markers)
        if self._is_ready:
            self._feed.put_markers(self._markers, fit=fit)
            self._run(PULL)

    def pulse(self, ids: Sequence[int]) -> None:
        """Rings the dots of reports that just arrived; `pulsed` says when it started."""
        if self._is_ready and ids:
            self._feed.put_pulse(ids)
            self._run(PULL)

    def set_scale(self, scale: float) -> None:
        """Dot and type size: 1.0 for 1080 lines, 2.0 for 2160."""
        self._scale = float(scale)
        if self._is_ready:
            self._run(scale_script(self._scale))

    def fit_city(self) -> None:
        if self._is_ready:
            self._run("pahtWall.fitCity()")

    def shutdown(self) -> None:
        """Stops talking to the page (the window closes; no reload after that)."""
        self._closing = True
        self._is_ready = False

    def evaluate(self, expression: str, timeout_ms: int = 10_000) -> Any:
        """Runs a JS expression and waits for its value (JSON round trip; for tests and tools)."""
        return evaluate_page(self.page(), expression, timeout_ms)

    def _run(self, script: str) -> None:
        page = self.page()
        # A discarded page (its window closing) refuses scripts with a Qt warning.
        if page.lifecycleState() is not QWebEnginePage.LifecycleState.Discarded:
            page.runJavaScript(script, 0)

    def _on_load_started(self) -> None:
        self._is_ready = False
        self._feed.clear_pulses()
        self._feed.page_reset()

    def _on_page_ready(self) -> None:
        if self._closing:
            return
        self._is_ready = True
        self._run(scale_script(self._scale))
        self._feed.put_markers(self._markers)
        self._run(PULL)
        self.ready.emit()

    def _on_renderer_gone(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        self._is_ready = False
        if self._closing:
            return
        log.error("wall map renderer ended (%s, %d): reloading", status, code)
        QTimer.singleShot(RELOAD_AFTER_MS, self, lambda: self.load(self._page_url))
