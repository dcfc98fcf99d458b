"""The video wall's one window: map on the left, figures and turning panels on the right,
what just happened along the bottom. It only lays out WallScenes (console.wall)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from console.wall.scene import WallMarker, WallScene
from widgets.wall.figures_view import FiguresView
from widgets.wall.header import WallHeader
from widgets.wall.look import BACKGROUND, WallLook
from widgets.wall.panel_view import PanelTurns
from widgets.wall.ticker_view import TickerView

translate = QCoreApplication.translate
#: The one way off the wall from its keyboard (nobody stands at it; an accidental key does
#: nothing).
QUIT_KEYS = QKeySequence("Ctrl+Shift+Q")


class WallMapView(Protocol):
    """What the window needs of its map (widgets.wall.wall_map.WallMap)."""

    def show_markers(self, markers: Sequence[WallMarker]) -> None: ...
    def pulse(self, ids: Sequence[int]) -> None: ...
    def set_scale(self, scale: float) -> None: ...


class WallWindow(QWidget):
    closed = Signal()

    def __init__(self, look: WallLook, map_view: QWidget, *, press: bool = False) -> None:
        super().__init__()
        self.look = look
        self.press = press
        self.setWindowTitle(translate("WallWindow", "PAHT video wall"))
        self.setObjectName("wallWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"#wallWindow {{ background: {BACKGROUND}; }}")
        self.map = map_view
        self._map: WallMapView = map_view  # type: ignore[assignment]
        self._map.set_scale(look.scale)
        self.header = WallHeader(look, press=press)
        self.figures = FiguresView(look)
        self.panels = PanelTurns(look)
        self.ticker = TickerView(look)
        # Header, figures and ticker keep their height; the map and the panels take the rest.
        for fixed in (self.header, self.figures, self.ticker):
            fixed.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        gap = look.px(16)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(gap, look.px(10), gap, gap)
        outer.setSpacing(look.px(12))
        outer.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(gap)
        body.addWidget(self.map, 60)
        column = QVBoxLayout()
        column.setSpacing(gap)
        column.addWidget(self.figures, 0)
        column.addWidget(self.panels, 1)
        body.addLayout(column, 40)
        outer.addLayout(body, 1)
        outer.addWidget(self.ticker)
        self.scene: WallScene | None = None

    def show_scene(self, scene: WallScene, pulse_ids: Sequence[int] = ()) -> None:
        self.scene = scene
        self._map.show_markers(scene.markers)
        shown = {marker.id for marker in scene.markers}
        pulsing = [report_id for report_id in pulse_ids if report_id in shown]
        if pulsing:
            self._map.pulse(pulsing)
        self.figures.show_figures(scene.today, scene.week, scene.overdue_by_unit)
        self.panels.show_scene(scene)
        self.ticker.show_lines(scene.ticker)

    def set_link(self, text: str, *, ok: bool) -> None:
        self.header.set_link(text, ok=ok)

    def shown_texts(self) -> list[str]:
        """Every text the wall shows now (what a camera could film)."""
        parts = (self.header, self.figures, self.panels, self.ticker)
        return [text for part in parts for text in part.shown_texts() if text]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == QUIT_KEYS:
            self.close()
            return
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        shutdown = getattr(self.map, "shutdown", None)
        if shutdown is not None:
            shutdown()
        self.closed.emit()
        super().closeEvent(event)
