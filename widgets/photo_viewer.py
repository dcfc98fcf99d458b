"""Report photos: clickable thumbnails and a window that shows one photo large.

Decoding and scaling happen off the GUI thread (`decode_photo`, QImage is thread-safe);
only the finished thumbnail becomes a QPixmap here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

THUMB_SIZE = QSize(120, 90)


class PhotoError(ValueError):
    """The bytes received are not a picture Qt can read."""


@dataclass(frozen=True)
class Photo:
    full: QImage
    thumb: QImage


def decode_photo(data: bytes) -> Photo:
    """Decode `data` and make its thumbnail (runs in a worker thread)."""
    image = QImage()
    if not image.loadFromData(data):
        raise PhotoError("Tệp nhận được không phải là ảnh đọc được")
    thumb = image.scaled(
        THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return Photo(full=image, thumb=thumb)


class Thumbnail(QLabel):
    """One photo slot: a placeholder until the picture arrives, then a click enlarges it."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFixedSize(THUMB_SIZE + QSize(6, 6))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setText(self.tr("Loading…"))
        self.setToolTip(
            QtGui.Qt.convertFromPlainText(caption, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
        )
        self.caption = caption
        self.photo: Photo | None = None

    def set_photo(self, photo: Photo) -> None:
        self.photo = photo
        self.setPixmap(QPixmap.fromImage(photo.thumb))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_failed(self, reason: str) -> None:
        self.setText(self.tr("No photo"))
        self.setToolTip(
            QtGui.Qt.convertFromPlainText(
                f"{self.caption}\n{reason}".strip(), QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal
            )
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.photo is not None:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class PhotoViewer(QDialog):
    """One photo, as large as the window allows (never upscaled past its own size)."""

    def __init__(self, image: QImage, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption or self.tr("Photo"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._pixmap = QPixmap.fromImage(image)
        self.picture = QLabel(self)
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.caption = QLabel(caption, self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setVisible(bool(caption))
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self.resize(min(image.width() + 40, 1200), min(image.height() + 80, 900))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        target = self.picture.size().boundedTo(self._pixmap.size())
        self.picture.setPixmap(
            self._pixmap.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
