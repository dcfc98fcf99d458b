"""The map dock's contents: a placeholder until the store opens, then the live map.

The map is Qt WebEngine (Chromium): importing, creating and showing it would cost the
window's start about 80 ms, for a map that has nothing to show before the store is open.
Markers follow the queue's visible rows, made on a worker (console.maps.queue_markers).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.domain.model import utcnow
from console.maps.markers import MarkerUpdates
from console.maps.page import TileProvider
from console.maps.queue_markers import MarkerCache, QueueMarker
from console.store.queue_clock import QueueClock
from console.store.records import QueueRow
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from widgets.map_view import MapView


class MapPane(QWidget):
    """Holds the MapView once `open` made it; heat-map and fit requests wait for it."""

    #: A marker was clicked (report id).
    markerClicked = Signal(int)

    def __init__(self, clock: QueueClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updates = MarkerUpdates()
        self.markers = MarkerCache(clock, self._updates)
        self._runner = TaskRunner(self, max_threads=1)
        self._generation = 0
        self._view: MapView | None = None
        self._heat = False
        self._pulse: list[int] = []
        self._waiting = QLabel(self.tr("Opening the map…"), self)
        self._waiting.setTextFormat(Qt.TextFormat.PlainText)
        self._waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._waiting)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._waiting.setText(self.tr("Opening the map…"))
        super().changeEvent(event)

    def open(self, tiles: TileProvider | None, page_dir: Path) -> MapView:
        from widgets.map_view import MapView

        if self._view is None:
            view = MapView(self, tiles=tiles, page_dir=page_dir, updates=self._updates)
            view.markerClicked.connect(self.markerClicked)
            if self._heat:
                view.set_heatmap(True)
            self._waiting.hide()
            self._layout.addWidget(view)
            self._view = view
        return self._view

    @property
    def view(self) -> MapView:
        if self._view is None:
            raise RuntimeError("the map opens with the store")
        return self._view

    def show_rows(self, rows: Sequence[QueueRow]) -> None:
        """The markers of these rows, replacing those of any earlier rows still being made."""
        self._generation += 1
        generation = self._generation
        self._runner.run(
            self.markers.markers,
            rows,
            utcnow(),
            on_done=lambda markers: self._show(generation, markers),
        )

    def _show(self, generation: int, markers: list[QueueMarker]) -> None:
        if generation == self._generation and self._view is not None:
            self._view.set_markers(markers)
            if self._pulse:
                self._view.pulse(self._pulse)
                self._pulse = []

    def pulse(self, report_ids: Sequence[int]) -> None:
        """Reports that just arrived pulse once their markers are on the map."""
        self._pulse = [*self._pulse, *report_ids]

    def select(self, report_id: int) -> None:
        if self._view is not None:
            self._view.select(report_id)

    def set_heatmap(self, on: bool) -> None:
        self._heat = bool(on)
        if self._view is not None:
            self._view.set_heatmap(self._heat)

    def fit_all(self) -> None:
        if self._view is not None:
            self._view.fit_all()

    def shutdown(self) -> None:
        self._runner.shutdown()
        if self._view is not None:
            self._view.shutdown()
