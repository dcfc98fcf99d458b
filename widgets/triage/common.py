"""Pieces the triage dialogs share: time and duration wording, unit groups, a small place map.

The place map is drawn with QPainter around a fixed centre (the citizen's pin), so a click
means the same spot whatever else is drawn: good for correcting a pin and for showing
duplicate candidates without a web view inside a dialog.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QTableView, QWidget

from console.domain.hue_time import time_text
from console.domain.model import Report, Unit

METRES_PER_DEGREE_LAT = 110_540.0
METRES_PER_DEGREE_LON = 111_320.0
NUDGE_M = 10.0

#: Unit kinds in the order the assignment dialog lists them.
UNIT_KINDS = ("department", "ward_committee", "company", "central_agency")


def tr(text: str) -> str:
    return QCoreApplication.translate("Triage", text)


def unit_kind_label(kind: str) -> str:
    labels = {
        "department": tr("Departments"),
        "ward_committee": tr("Ward and commune committees"),
        "company": tr("Public-service companies"),
        "central_agency": tr("Central agencies"),
    }
    return labels.get(kind, kind)


def group_units(units: Sequence[Unit]) -> list[tuple[str, list[Unit]]]:
    """Active units by kind (known kinds first), each group sorted by name."""
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.active:
            groups.setdefault(unit.kind, []).append(unit)
    order = [k for k in UNIT_KINDS if k in groups] + sorted(set(groups) - set(UNIT_KINDS))
    return [(kind, sorted(groups[kind], key=lambda u: u.name)) for kind in order]


def local_text(moment: datetime | None) -> str:
    """A time as Huế reads it: "14:30 05/01/2026"."""
    return time_text(moment, "—")


def duration_text(span: timedelta, day_length: timedelta | None = None) -> str:
    """A working-time span in days (of `day_length`) and hours: "7 working days", "3 h 30 min"."""
    minutes = max(0, round(span.total_seconds() / 60))
    parts: list[str] = []
    if day_length is not None and day_length > timedelta(0):
        day_minutes = round(day_length.total_seconds() / 60)
        days, minutes = divmod(minutes, day_minutes)
        if days:
            parts.append(tr("%1 working days").replace("%1", str(days)))
    hours, minutes = divmod(minutes, 60)
    if hours:
        parts.append(tr("%1 h").replace("%1", str(hours)))
    if minutes or not parts:
        parts.append(tr("%1 min").replace("%1", str(minutes)))
    return " ".join(parts)


def report_line(report: Report) -> str:
    return f"{report.code} — {report.title}"


@dataclass(frozen=True, slots=True)
class MapPoint:
    lat: float
    lon: float
    label: str
    colour: str = "#1f5fa8"


class PlaceMap(QWidget):
    """A local map centred on one place; with `editable`, a click or the arrow keys move a pin.

    Emits `pinMoved(lat, lon)` whenever the pin moves.
    """

    pinMoved = Signal(float, float)

    def __init__(
        self,
        lat: float,
        lon: float,
        half_span_m: float = 400.0,
        *,
        editable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.centre = (lat, lon)
        self.half_span_m = half_span_m
        self.editable = editable
        self.points: list[MapPoint] = []
        self.highlighted: int | None = None
        self.pin: tuple[float, float] | None = (lat, lon) if editable else None
        if editable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    def set_points(self, points: Sequence[MapPoint]) -> None:
        self.points = list(points)
        self.update()

    def highlight(self, index: int | None) -> None:
        self.highlighted = index
        self.update()

    def set_pin(self, lat: float, lon: float) -> None:
        self.pin = (lat, lon)
        self.update()
        self.pinMoved.emit(lat, lon)

    # -- geometry ----------------------------------------------------------------------------

    def _scale(self) -> float:
        area = QRectF(self.rect())
        return min(area.width(), area.height()) / (2 * self.half_span_m)

    def to_point(self, lat: float, lon: float) -> QPointF:
        lat0, lon0 = self.centre
        dx = (lon - lon0) * METRES_PER_DEGREE_LON * math.cos(math.radians(lat0))
        dy = (lat - lat0) * METRES_PER_DEGREE_LAT
        centre, scale = QRectF(self.rect()).center(), self._scale()
        return QPointF(centre.x() + dx * scale, centre.y() - dy * scale)

    def to_place(self, point: QPointF) -> tuple[float, float]:
        lat0, lon0 = self.centre
        centre, scale = QRectF(self.rect()).center(), self._scale()
        dx, dy = (point.x() - centre.x()) / scale, (centre.y() - point.y()) / scale
        lat = lat0 + dy / METRES_PER_DEGREE_LAT
        lon = lon0 + dx / (METRES_PER_DEGREE_LON * math.cos(math.radians(lat0)))
        return round(lat, 6), round(lon, 6)

    # -- input -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.editable and event.button() == Qt.MouseButton.LeftButton:
            self.set_pin(*self.to_place(event.position()))
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        step = steps.get(Qt.Key(event.key()))
        if not self.editable or self.pin is None or step is None:
            super().keyPressEvent(event)
            return
        metres = NUDGE_M * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        lat, lon = self.pin
        lat += step[0] * metres / METRES_PER_DEGREE_LAT
        lon += step[1] * metres / (METRES_PER_DEGREE_LON * math.cos(math.radians(lat)))
        self.set_pin(round(lat, 6), round(lon, 6))

    # -- drawing -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(area, QColor("#eef2e6"))
        painter.setPen(QPen(QColor("#b9c2ad"), 2 if self.hasFocus() else 1))
        painter.drawRect(area)
        self._draw_scale(painter, area)
        origin = self.to_point(*self.centre)
        painter.setPen(QPen(QColor("#555555"), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(origin, 5, 5)
        for index, point in enumerate(self.points):
            at = self.to_point(point.lat, point.lon)
            radius = 8.0 if index == self.highlighted else 5.5
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(point.colour))
            painter.drawEllipse(at, radius, radius)
            painter.setPen(QColor("#202020"))
            painter.drawText(at + QPointF(radius + 3, 4), point.label)
        if self.pin is not None:
            tip = self.to_point(*self.pin)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor("#c62828"))
            painter.drawEllipse(tip + QPointF(0, -12), 7, 7)
            painter.setPen(QPen(QColor("#c62828"), 2))
            painter.drawLine(tip, tip + QPointF(0, -6))

    def _draw_scale(self, painter: QPainter, area: QRectF) -> None:
        metres = 100 if self.half_span_m <= 600 else 500
        length = metres * self._scale()
        left = QPointF(area.left() + 10, area.bottom() - 10)
        painter.setPen(QPen(QColor("#2b2b2b"), 2))
        painter.drawLine(left, left + QPointF(length, 0))
        painter.drawText(left + QPointF(0, -6), f"{metres} m")


def select_next_row(table: QTableView) -> None:
    """Make the row under the current one current (the host's `select_next` for a table)."""
    model = table.model()
    current = table.currentIndex()
    row = current.row() + 1 if current.isValid() else 0
    if model is None or row >= model.rowCount():
        return
    table.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
