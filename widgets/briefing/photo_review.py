"""Photo review: every photo the pack will carry, with the boxes that will be blurred.

Detected faces and plates come in as boxes; the staff drag a rectangle with the left button
to add one, and right-click inside a box to remove it. What is shown here is the staff's
own screen: the photo is not blurred yet (the boxes say where it will be). Plate detection
misses small and slanted plates (`python -m benchmarks redaction`), hence the standing notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from console.exports.briefing.redaction import Box
from widgets.briefing.host import BriefingHost


@dataclass
class ReviewPhoto:
    report_id: int
    n: int
    label: str
    image: QImage
    detected: list[Box]
    boxes: list[Box] = field(default_factory=list)


class PhotoCanvas(QWidget):
    """Shows one photo scaled to fit, its boxes in red; edits them with the mouse."""

    boxesChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.photo: ReviewPhoto | None = None
        self._drag: tuple[QPoint, QPoint] | None = None
        self.setMinimumSize(640, 420)
        self.setMouseTracking(False)

    def set_photo(self, photo: ReviewPhoto | None) -> None:
        self.photo = photo
        self._drag = None
        self.update()

    def image_rect(self) -> QRectF:
        """Where the photo is drawn in the widget (scaled to fit, centred)."""
        if self.photo is None:
            return QRectF()
        size = self.photo.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def to_image(self, point: QPointF) -> QPointF:
        area = self.image_rect()
        assert self.photo is not None
        scale = self.photo.image.width() / area.width()
        return QPointF((point.x() - area.x()) * scale, (point.y() - area.y()) * scale)

    def to_widget(self, box: Box) -> QRectF:
        area = self.image_rect()
        assert self.photo is not None
        scale = area.width() / self.photo.image.width()
        x, y, w, h = box
        return QRectF(area.x() + x * scale, area.y() + y * scale, w * scale, h * scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(40, 40, 40))
        if self.photo is None:
            return
        painter.drawImage(self.image_rect(), self.photo.image)
        painter.setPen(QPen(QColor(230, 30, 30), 3))
        painter.setBrush(QColor(230, 30, 30, 60))
        for box in self.photo.boxes:
            painter.drawRect(self.to_widget(box))
        if self._drag is not None:
            painter.setPen(QPen(QColor(255, 200, 0), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRect(*self._drag).normalized())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.photo is None:
            return
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.RightButton:
            for box in reversed(self.photo.boxes):
                if self.to_widget(box).contains(event.position()):
                    self.photo.boxes.remove(box)
                    self.boxesChanged.emit()
                    self.update()
                    return
        elif event.button() == Qt.MouseButton.LeftButton:
            self._drag = (point, point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], event.position().toPoint())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or self.photo is None:
            return
        start, _ = self._drag
        self._drag = None
        a = self.to_image(QPointF(start))
        b = self.to_image(event.position())
        width, height = self.photo.image.width(), self.photo.image.height()
        left, right = sorted((max(0.0, min(a.x(), b.x())), min(width, max(a.x(), b.x()))))
        top, bottom = sorted((max(0.0, min(a.y(), b.y())), min(height, max(a.y(), b.y()))))
        if right - left >= 4 and bottom - top >= 4:
            self.photo.boxes.append((int(left), int(top), int(right - left), int(bottom - top)))
            self.boxesChanged.emit()
        self.update()


class PhotoReviewPage(QWizardPage):
    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Review photos"))
        self.setSubTitle(
            self.tr(
                "Red areas will be blurred. Drag with the left button to add an area; "
                "right-click an area to remove it."
            )
        )
        self.list = QListWidget()
        self.list.setMaximumWidth(300)
        self.canvas = PhotoCanvas()
        self.notice = QLabel(
            self.tr(
                "Licence plates may not be detected automatically: check every photo and "
                "mark them by hand."
            )
        )
        self.notice.setWordWrap(True)
        self.status = QLabel(self.tr("Loading photos..."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.list.currentRowChanged.connect(self._show)
        self.canvas.boxesChanged.connect(self._refresh_label)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.canvas, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        self.photos: list[ReviewPhoto] = []
        self._loaded = False

    def initializePage(self) -> None:
        self._loaded = False
        self.photos = []
        self.list.clear()
        self.canvas.set_photo(None)
        self.completeChanged.emit()
        self.owner.load_photos()

    def show_photos(self, photos: list[ReviewPhoto], problems: list[str]) -> None:
        self.photos = photos
        for photo in photos:
            self.list.addItem(QListWidgetItem(self._label(photo)))
        if photos:
            self.list.setCurrentRow(0)
        text = self.tr("{0} photos; {1} areas detected automatically").format(
            len(photos), sum(len(p.detected) for p in photos)
        )
        if problems:
            text += " · " + self.tr("could not load: {0}").format("; ".join(problems))
        self.status.setText(text)
        self._loaded = True
        self.completeChanged.emit()

    def _label(self, photo: ReviewPhoto) -> str:
        return self.tr("{0} · {1} blurred areas").format(photo.label, len(photo.boxes))

    def _show(self, row: int) -> None:
        self.canvas.set_photo(self.photos[row] if 0 <= row < len(self.photos) else None)

    def _refresh_label(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.photos):
            self.list.item(row).setText(self._label(self.photos[row]))

    def overrides(self) -> dict[tuple[int, int], list[Box]]:
        """The reviewed boxes of every photo shown: what the export blurs."""
        return {(p.report_id, p.n): list(p.boxes) for p in self.photos}

    def isComplete(self) -> bool:
        return self._loaded
