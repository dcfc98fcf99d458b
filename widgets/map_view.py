"""The live map of the main window: a Leaflet page in a QWebEngineView, fed with markers.

Calls made before the page and its QWebChannel are ready are kept and replayed; a reload
(for instance after a renderer crash) gets the latest markers and heat state again.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.maps.markers import MarkerRow, MarkerUpdates
from console.maps.page import DEFAULT_TILES, HUE_CENTRE, TileProvider, build_map_page

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """The object the page sees as `bridge`; only its slots are callable from JS."""

    clicked = Signal(int)
    loaded = Signal()
    shown = Signal(int)

    @Slot(int)
    def markerClicked(self, report_id: int) -> None:
        self.clicked.emit(report_id)

    @Slot()
    def pageReady(self) -> None:
        self.loaded.emit()

    @Slot(int)
    def markersShown(self, count: int) -> None:
        self.shown.emit(count)


class _MapPage(QWebEnginePage):
    """Sends the page's console errors to the log, where a broken map can be diagnosed."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (%s:%d)", message, source, line)
        else:
            log.debug("map page: %s (%s:%d)", message, source, line)


class MapView(QWebEngineView):
    """Shows reports as coloured, clustered markers; clicking one emits its report id."""

    ready = Signal()
    markerClicked = Signal(int)
    #: The map finished showing a marker update (the number of markers it now holds).
    markersUpdated = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        tiles: TileProvider | None = DEFAULT_TILES,
        center: tuple[float, float] = HUE_CENTRE,
        zoom: int = 12,
        page_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._page_dir_owner: tempfile.TemporaryDirectory[str] | None = None
        if page_dir is None:
            self._page_dir_owner = tempfile.TemporaryDirectory(prefix="paht-map-")
            page_dir = Path(self._page_dir_owner.name)
        self._is_ready = False
        self._rows: list[MarkerRow] | None = None
        self._updates = MarkerUpdates()
        self._heat = False
        self._pending: list[str] = []

        page = _MapPage(self)
        # The page is a local file that needs both local scripts and remote tiles. Set both:
        # switching remote access on alone turned local file access off (Qt 6.12).
        settings = page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        self._bridge = _Bridge(self)
        self._bridge.clicked.connect(self.markerClicked)
        self._bridge.loaded.connect(self._on_page_ready)
        self._bridge.shown.connect(self.markersUpdated)
        channel = QWebChannel(page)
        channel.registerObject("bridge", self._bridge)
        page.setWebChannel(channel)
        self.setPage(page)
        page.loadStarted.connect(self._on_load_started)
        page.loadFinished.connect(self._on_load_finished)

        path = build_map_page(page_dir, tiles=tiles, center=center, zoom=zoom)
        self.load(QUrl.fromLocalFile(str(path)))

    def is_ready(self) -> bool:
        return self._is_ready

    def set_markers(self, rows: Sequence[MarkerRow]) -> None:
        """Replaces the markers in place: no reload, zoom and position stay where they are."""
        self._rows = list(rows)
        if self._is_ready:
            self._run_set_markers()

    def select(self, report_id: int) -> None:
        """Pans to the report's marker (opening its cluster) and rings it."""
        self._call(f"paht.highlight({int(report_id)})")

    def set_heatmap(self, on: bool) -> None:
        self._heat = bool(on)
        if self._is_ready:
            self._run(f"paht.setHeat({json.dumps(self._heat)})")

    def fit_all(self) -> None:
        self._call("paht.fitAll()")

    def evaluate(self, expression: str, timeout_ms: int = 10_000) -> Any:
        """Runs a JS expression and waits for its value (JSON round trip; for tests and tools)."""
        result: list[Any] = []
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)

        def done(value: Any) -> None:
            result.append(value)
            loop.quit()

        self.page().runJavaScript(f"JSON.stringify(({expression}))", 0, done)
        if not result:
            timer.start(timeout_ms)
            loop.exec()
            timer.stop()
        if not result:
            raise TimeoutError(f"Trang bản đồ không trả lời sau {timeout_ms} ms: {expression}")
        text = result[0]
        return json.loads(text) if isinstance(text, str) and text else None

    def marker_count(self) -> int:
        """How many markers the map holds now (0 while the page is still loading)."""
        value = self.evaluate("window.paht ? paht.count() : 0")
        return int(value or 0)

    def _call(self, script: str) -> None:
        if self._is_ready:
            self._run(script)
        else:
            self._pending.append(script)

    def _run(self, script: str) -> None:
        self.page().runJavaScript(script, 0)

    def _run_set_markers(self) -> None:
        if self._rows is not None:
            self._run(f"paht.setMarkers({self._updates.encode(self._rows)})")

    def _on_load_started(self) -> None:
        self._is_ready = False

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            log.warning("map page failed to load: %s", self.url().toString())

    def _on_page_ready(self) -> None:
        self._is_ready = True
        self._updates.reset()
        self._run_set_markers()
        if self._heat:
            self._run("paht.setHeat(true)")
        pending, self._pending = self._pending, []
        for script in pending:
            self._run(script)
        self.ready.emit()
