"""The live map of the main window: a Leaflet page in a QWebEngineView, fed with markers.

Calls made before the page and its QWebChannel are ready are kept and replayed; a reload
(for instance after a renderer crash) gets the latest markers and heat state again.
Markers are encoded on a worker thread (200,000 of them take more than a second), one set
at a time, the newest set winning; the page itself is built once and kept in its folder.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.maps.access import PageAccess, page_access
from console.maps.markers import Marker, MarkerUpdates
from console.maps.page import (
    DEFAULT_TILES,
    HUE_CENTRE,
    TileProvider,
    build_cached_map_page,
    cached_map_page,
)
from console.store.queue_memory import release_free_memory
from widgets.map_texts import set_texts_script
from widgets.map_tile_note import TileNote
from widgets.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Payloads longer than this (characters, all parts of one change) leave enough freed memory
#: behind to hand back to the system once the page applied them (a million ids: 5.3 MB).
TRIM_ABOVE = 1_000_000


class _Bridge(QObject):
    """The object the page sees as `bridge`; only its slots are callable from JS."""

    clicked = Signal(int)
    loaded = Signal()
    shown = Signal(int)
    applied = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        #: Marker payloads the page has yet to take, in order.
        self.parts: deque[str] = deque()
        self.title_of: Callable[[int], str] = lambda _report_id: ""

    @Slot(int)
    def markerClicked(self, report_id: int) -> None:
        self.clicked.emit(report_id)

    @Slot()
    def pageReady(self) -> None:
        self.loaded.emit()

    @Slot(int)
    def markersShown(self, count: int) -> None:
        self.shown.emit(count)

    @Slot(result=str)
    def nextPart(self) -> str:
        """The next marker payload ('' when none is left). Data the page takes as a string
        is garbage once read; sent as a script's literal it stayed in the renderer (V8 keeps
        compiled scripts): 1,000,000 markers held 500 MB of its heap."""
        return self.parts.popleft() if self.parts else ""

    @Slot(float, result=str)
    def reportTitle(self, report_id: float) -> str:
        """A shown report's title (the page keeps none: a million took 120 MB)."""
        return self.title_of(int(report_id))

    @Slot()
    def partsApplied(self) -> None:
        self.applied.emit()


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


class PageRequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request of the page that its PageAccess does not allow."""

    def __init__(self, access: PageAccess, parent: QObject) -> None:
        super().__init__(parent)
        self._access = access

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl().toString()
        if not self._access.allows(url):
            log.info("map page: blocked a request to %s", url)
            info.block(True)


def open_local_page(
    page: QWebEnginePage, page_dir: Path, tiles: TileProvider | None
) -> PageRequestGuard:
    """Lets a map page in `page_dir` load its own scripts and the tiles, and nothing else.

    A local page needs both settings (measured, Qt 6.11: with file access off Leaflet never
    loads, with remote access off no tile does; and remote on alone turned file access off).
    What they would open beyond that, the returned guard closes: it drops every request
    outside the page's own folders and the tile server (console.maps.access)."""
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
    guard = PageRequestGuard(page_access(page_dir, tiles), page)
    page.setUrlRequestInterceptor(guard)
    return guard


def evaluate_page(page: QWebEnginePage, expression: str, timeout_ms: int = 10_000) -> Any:
    """A JS expression's value on `page`, waited for in a local event loop (a JSON round
    trip; for tests and tools, never on a path the operator waits on)."""
    result: list[Any] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def done(value: Any) -> None:
        result.append(value)
        loop.quit()

    _run_js(page, f"JSON.stringify(({expression}))", done)
    if not result:
        timer.start(timeout_ms)
        loop.exec()
        timer.stop()
    if not result:
        raise TimeoutError(f"Trang bản đồ không trả lời sau {timeout_ms} ms: {expression}")
    text = result[0]
    return json.loads(text) if isinstance(text, str) and text else None


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
        updates: MarkerUpdates | None = None,
    ) -> None:
        """`updates`: what the page holds, shared with whoever makes the markers."""
        super().__init__(parent)
        self._page_dir_owner: tempfile.TemporaryDirectory[str] | None = None
        if page_dir is None:
            self._page_dir_owner = tempfile.TemporaryDirectory(prefix="paht-map-")
            page_dir = Path(self._page_dir_owner.name)
        self._is_ready = False
        self._rows: Sequence[Marker] | None = None
        #: What the page holds; touched only by the encoding task (one at a time).
        self._updates = updates if updates is not None else MarkerUpdates()
        self._encoder = TaskRunner(self, max_threads=1)
        self._encoding = False
        #: Markers set while an encoding ran: encode again when it ends.
        self._stale = False
        #: Page loads so far, and the load `_updates` describes.
        self._page_load = 0
        self._updates_load = 0
        self._heat = False
        #: Payloads were handed to the page, which has not applied them all yet.
        self._handed = False
        #: Whether they were large (TRIM_ABOVE).
        self._big = False
        #: Calls kept until the page is ready and holds the latest markers, in order.
        self._pending: list[str] = []

        page = _MapPage(self)
        self._guard = open_local_page(page, page_dir, tiles)
        self._bridge = _Bridge(self)
        self._bridge.clicked.connect(self.markerClicked)
        self._bridge.loaded.connect(self._on_page_ready)
        self._bridge.shown.connect(self.markersUpdated)
        self._bridge.applied.connect(self._applied)
        self._bridge.title_of = self._updates.title
        self.tile_note = TileNote(self, self.ready)
        channel = QWebChannel(page)
        channel.registerObject("bridge", self._bridge)
        page.setWebChannel(channel)
        self.setPage(page)
        page.loadStarted.connect(self._on_load_started)
        page.loadFinished.connect(self._on_load_finished)

        path, built = cached_map_page(page_dir, tiles=tiles, center=center, zoom=zoom)
        if built:
            self.load(QUrl.fromLocalFile(str(path)))
        else:
            self._encoder.run(
                partial(build_cached_map_page, page_dir, tiles=tiles, center=center, zoom=zoom),
                on_done=lambda built_path: self.load(QUrl.fromLocalFile(str(built_path))),
                on_error=lambda exc: log.error("map page not built: %s", exc),
            )

    def is_ready(self) -> bool:
        return self._is_ready

    def set_markers(self, rows: Sequence[Marker]) -> None:
        """Replaces the markers in place: no reload, zoom and position stay where they are.
        `rows` is kept as given (a million markers: no copy), so it must not change."""
        self._rows = rows
        if self._is_ready:
            self._encode()

    def shutdown(self) -> None:
        """Waits for a running encoding or page build (nothing outlives the view)."""
        self._encoder.shutdown()

    def select(self, report_id: int) -> None:
        """Pans to the report's marker (opening its cluster) and rings it."""
        self._call(f"paht.highlight({int(report_id)})")

    def pulse(self, report_ids: Sequence[int]) -> None:
        """Rings the markers of reports that just arrived for a few seconds."""
        self._call(f"paht.pulse({json.dumps([int(i) for i in report_ids])})")

    def set_heatmap(self, on: bool) -> None:
        self._heat = bool(on)
        if self._is_ready:
            self._call(f"paht.setHeat({json.dumps(self._heat)})")

    def fit_all(self) -> None:
        self._call("paht.fitAll()")

    def evaluate(self, expression: str, timeout_ms: int = 10_000) -> Any:
        """Runs a JS expression and waits for its value (JSON round trip; for tests and tools)."""
        return evaluate_page(self.page(), expression, timeout_ms)

    def marker_count(self) -> int:
        """How many markers the map holds now (0 while the page is still loading)."""
        value = self.evaluate("window.paht ? paht.count() : 0")
        return int(value or 0)

    def _call(self, script: str) -> None:
        if self._is_ready and not self._encoding:
            self._run(script)
        else:
            self._pending.append(script)

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for script in pending:
            self._run(script)

    def _run(self, script: str) -> None:
        _run_js(self.page(), script)

    def _encode(self) -> None:
        """Encodes the latest markers on the worker; the page gets them when it is done, and
        the calls made meanwhile after them."""
        if self._rows is None:
            self._flush()
            return
        if self._encoding:
            self._stale = True
            return
        self._encoding = True
        self._stale = False
        load = self._page_load
        fresh_page = self._updates_load != load
        self._updates_load = load
        self._encoder.run(
            _marker_payloads,
            self._updates,
            self._rows,
            fresh_page,
            on_done=lambda payloads: self._encoded(load, payloads),
            on_error=self._encode_failed,
        )

    def _encoded(self, load: int, payloads: list[str]) -> None:
        """Hands the payloads to the page, which pulls them one by one (`paht.pull`) and
        says when it applied the last (`_applied`); the calls made meanwhile wait for that."""
        if load != self._page_load or not self._is_ready:
            self._encoding = False
            self._encoded_all(load)
            return
        self._bridge.parts.extend(payloads)
        self._handed = True
        self._big = sum(map(len, payloads)) > TRIM_ABOVE
        self._run("paht.pull()")

    def _applied(self) -> None:
        if not self._handed or self._bridge.parts:
            return
        self._handed = False
        self._encoding = False
        if self._big:
            # Megabytes of payloads were just dropped: give the memory back, off this thread.
            QTimer.singleShot(0, self, partial(self._encoder.run, release_free_memory))
        self._encoded_all(self._page_load)

    def _encoded_all(self, load: int) -> None:
        if (self._stale or load != self._page_load) and self._is_ready:
            self._encode()
        elif self._is_ready:
            self._flush()

    def _encode_failed(self, exc: BaseException) -> None:
        self._encoding = False
        # What the page holds is unknown now: the next set is sent whole.
        self._updates_load = -1
        log.error("map markers not encoded: %s", exc, exc_info=exc)
        self._encoded_all(self._page_load)

    def _on_load_started(self) -> None:
        self._is_ready = False
        self._page_load += 1
        if self._handed:
            # The new page will never apply these: it gets the latest markers whole.
            self._bridge.parts.clear()
            self._handed = False
            self._encoding = False

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            log.warning("map page failed to load: %s", self.url().toString())

    def changeEvent(self, event: QEvent) -> None:
        """The legend, heat button and popups speak the console's language at once."""
        if event.type() == QEvent.Type.LanguageChange and self._is_ready:
            self._call(set_texts_script())
        super().changeEvent(event)

    def _on_page_ready(self) -> None:
        self._is_ready = True
        if self._heat:
            self._pending.insert(0, "paht.setHeat(true)")
        self._pending.insert(0, set_texts_script())
        self._encode()
        self.ready.emit()


def _run_js(page: QWebEnginePage, script: str, *callback: Any) -> None:
    """A discarded page (its window closing) refuses scripts with a Qt warning; it loads
    afresh, texts and markers included, if it is ever shown again."""
    if page.lifecycleState() is QWebEnginePage.LifecycleState.Discarded:
        return
    page.runJavaScript(script, 0, *callback)


def _marker_payloads(updates: MarkerUpdates, rows: Sequence[Marker], fresh_page: bool) -> list[str]:
    """The `paht.setMarkers` payloads that bring the page from what it holds to `rows`."""
    if fresh_page:
        updates.reset()
    return updates.encode_parts(rows)
