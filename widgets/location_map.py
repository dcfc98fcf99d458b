"""A small local map for the detail panel, drawn with QPainter (no network, no web view).

It shows where the pin sits relative to its ward's centre and the nearest other wards,
with a scale bar: enough to judge "is this where the report says it is".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.domain.model import Ward

#: Huế's extent (DOMAIN.md); a pin outside it is suspicious, not fatal.
CITY_BOX = (15.99, 107.01, 16.75, 108.22)
METRES_PER_DEGREE_LAT = 110_540.0
METRES_PER_DEGREE_LON = 111_320.0
MIN_HALF_SPAN_M = 600.0
SCALE_STEPS_M = (50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000)

LAND = QColor("#eef2e6")
GRID = QColor("#d6dccb")
WARD_DOT = QColor("#8a8f80")
HOME_WARD = QColor("#1f5fa8")
PIN = QColor("#c62828")
INK = QColor("#2b2b2b")


def inside_city(lat: float, lon: float) -> bool:
    south, west, north, east = CITY_BOX
    return south <= lat <= north and west <= lon <= east


class LocationMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(240, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._pin: tuple[float, float] | None = None
        self._ward: Ward | None = None
        self._others: tuple[Ward, ...] = ()

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def set_place(
        self, lat: float | None, lon: float | None, ward: Ward | None, others: Sequence[Ward] = ()
    ) -> None:
        self._pin = (lat, lon) if lat is not None and lon is not None else None
        self._ward = ward
        self._others = tuple(w for w in others if ward is None or w.code != ward.code)
        self.update()

    def has_pin(self) -> bool:
        return self._pin is not None

    def _centre_and_span(self) -> tuple[tuple[float, float], float] | None:
        points = [p for p in (self._pin, self._ward and (self._ward.lat, self._ward.lon)) if p]
        if not points:
            return None
        lat0 = sum(p[0] for p in points) / len(points)
        lon0 = sum(p[1] for p in points) / len(points)
        half = MIN_HALF_SPAN_M
        for lat, lon in points:
            dx, dy = _metres(lat0, lon0, lat, lon)
            half = max(half, 1.4 * math.hypot(dx, dy))
        return (lat0, lon0), half

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(area, LAND)
        painter.setPen(QPen(GRID, 1))
        painter.drawRect(area)
        frame = self._centre_and_span()
        if frame is None:
            painter.setPen(INK)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No location given"))
            return
        (lat0, lon0), half = frame
        scale = min(area.width(), area.height()) / (2 * half)  # pixels per metre
        centre = area.center()

        def at(lat: float, lon: float) -> QPointF:
            dx, dy = _metres(lat0, lon0, lat, lon)
            return QPointF(centre.x() + dx * scale, centre.y() - dy * scale)

        self._draw_grid(painter, area, scale)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for ward in self._others:
            point = at(ward.lat, ward.lon)
            if area.contains(point):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(WARD_DOT)
                painter.drawEllipse(point, 2.5, 2.5)
                painter.setPen(WARD_DOT)
                painter.drawText(point + QPointF(5, 4), ward.name)
        if self._ward is not None:
            point = at(self._ward.lat, self._ward.lon)
            painter.setPen(QPen(HOME_WARD, 2))
            painter.setBrush(QColor(HOME_WARD.red(), HOME_WARD.green(), HOME_WARD.blue(), 40))
            painter.drawEllipse(point, 7, 7)
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(point + QPointF(10, 4), self._ward.name)
            painter.setFont(small)
        if self._pin is not None:
            self._draw_pin(painter, at(*self._pin))
        self._draw_scale(painter, area, scale)
        painter.setPen(INK)
        painter.drawText(area.adjusted(0, 4, -8, 0), Qt.AlignmentFlag.AlignRight, "B ↑")

    @staticmethod
    def _draw_grid(painter: QPainter, area: QRectF, scale: float) -> None:
        step = _scale_step(area.width() / scale / 4) * scale
        painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
        x = area.center().x() % step
        while x < area.right():
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            x += step
        y = area.center().y() % step
        while y < area.bottom():
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            y += step

    @staticmethod
    def _draw_pin(painter: QPainter, tip: QPointF) -> None:
        path = QPainterPath()
        path.moveTo(tip)
        path.cubicTo(tip + QPointF(-10, -12), tip + QPointF(-9, -26), tip + QPointF(0, -26))
        path.cubicTo(tip + QPointF(9, -26), tip + QPointF(10, -12), tip)
        painter.setPen(QPen(QColor("#7f1010"), 1.2))
        painter.setBrush(PIN)
        painter.drawPath(path)
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(tip + QPointF(0, -18), 3.5, 3.5)

    @staticmethod
    def _draw_scale(painter: QPainter, area: QRectF, scale: float) -> None:
        metres = _scale_step(area.width() / scale / 4)
        length = metres * scale
        left = QPointF(area.left() + 10, area.bottom() - 10)
        right = left + QPointF(length, 0)
        painter.setPen(QPen(INK, 2))
        painter.drawLine(left, right)
        painter.drawLine(left, left + QPointF(0, -4))
        painter.drawLine(right, right + QPointF(0, -4))
        label = f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"
        painter.drawText(left + QPointF(0, -7), label)


def _metres(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """East and north offsets in metres (equirectangular: exact enough at city scale)."""
    dx = (lon - lon0) * METRES_PER_DEGREE_LON * math.cos(math.radians(lat0))
    dy = (lat - lat0) * METRES_PER_DEGREE_LAT
    return dx, dy


def _scale_step(at_most: float) -> int:
    return max((s for s in SCALE_STEPS_M if s <= at_most), default=SCALE_STEPS_M[0])
