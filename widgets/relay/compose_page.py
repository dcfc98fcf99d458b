"""The compose tab: published results, channels, photo review, the preview per channel, Send.

A view only: RelayDialog fills it and reacts to its signals. Photos start unreviewed (not
sent); ticking "Reviewed: send this photo" after checking its red boxes lets it go.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.relay import Channel, Draft
from console.store.records import QueueRow
from widgets.briefing.photo_review import PhotoCanvas, ReviewPhoto

ID_ROLE = Qt.ItemDataRole.UserRole
THUMB = 160


class ComposePage(QWidget):
    #: Anything the draft depends on changed: the preview must be composed again.
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.results = QListWidget()
        self.results.setObjectName("relay_results")
        self.results.setWordWrap(True)
        self.channels = QListWidget()
        self.channels.setObjectName("relay_channels")
        self.channels.setMaximumHeight(140)
        self.photo_list = QListWidget()
        self.photo_list.setMaximumWidth(260)
        self.canvas = PhotoCanvas()
        self.canvas.setMinimumSize(420, 280)
        self.reviewed = QCheckBox(self.tr("Reviewed: send this photo, blurred as marked"))
        self.reviewed.setEnabled(False)
        self.notice = QLabel(
            self.tr(
                "Red areas will be blurred. Drag to add an area, right-click to remove one. "
                "A photo nobody reviewed is not sent."
            )
        )
        self.notice.setWordWrap(True)
        self.previews = QTabWidget()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("relay_send")
        self.send_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("relay_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.photos: list[ReviewPhoto] = []
        self.ticked: set[int] = set()

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Published results")))
        left.addWidget(self.results, 1)
        left.addWidget(QLabel(self.tr("Channels")))
        left.addWidget(self.channels)
        photos = QGroupBox(self.tr("Photos"))
        row = QHBoxLayout()
        row.addWidget(self.photo_list)
        row.addWidget(self.canvas, 1)
        inner = QVBoxLayout(photos)
        inner.addWidget(self.notice)
        inner.addLayout(row, 1)
        inner.addWidget(self.reviewed)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(photos)
        right.addWidget(self.previews)
        right.setSizes([400, 400])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.send_button)
        top = QHBoxLayout()
        box = QWidget()
        box.setLayout(left)
        box.setMaximumWidth(380)
        top.addWidget(box)
        top.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)

        self.photo_list.currentRowChanged.connect(self._show_photo)
        self.reviewed.toggled.connect(self._review_toggled)
        self.canvas.boxesChanged.connect(self._boxes_changed)
        self.channels.itemChanged.connect(lambda _item: self.changed.emit())

    # -- filling --------------------------------------------------------------------------

    def show_results(self, rows: list[QueueRow]) -> None:
        """The published results, again after each sync: the one chosen stays chosen (and its
        draft kept) while it is still published."""
        chosen = self.chosen_report()
        self.results.blockSignals(True)
        self.results.clear()
        for n, row in enumerate(rows):
            item = QListWidgetItem(f"{row.code} · {row.title}")
            item.setData(ID_ROLE, row.id)
            self.results.addItem(item)
            if row.id == chosen:
                self.results.setCurrentRow(n)
        self.results.blockSignals(False)
        if chosen is not None and self.chosen_report() is None:
            self.results.currentRowChanged.emit(-1)
        if not rows:
            self.status.setText(self.tr("No published result in this computer's data yet."))

    def show_channels(self, channels: list[Channel]) -> None:
        self.channels.blockSignals(True)
        self.channels.clear()
        for channel in channels:
            photos = self.tr("photos") if channel.photos else self.tr("text only")
            item = QListWidgetItem(f"{channel.name} ({photos})")
            item.setData(ID_ROLE, channel.id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not channel.enabled:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.channels.addItem(item)
        self.channels.blockSignals(False)

    def show_photos(self, photos: list[ReviewPhoto], problems: list[str]) -> None:
        self.photos, self.ticked = photos, set()
        self.photo_list.clear()
        for photo in photos:
            self.photo_list.addItem(QListWidgetItem(self._label(photo)))
        self.canvas.set_photo(None)
        self.reviewed.setEnabled(False)
        if photos:
            self.photo_list.setCurrentRow(0)
        if problems:
            self.status.setText(self.tr("Could not load: {0}").format("; ".join(problems)))

    def chosen_report(self) -> int | None:
        item = self.results.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def chosen_channels(self) -> list[str]:
        return [
            str(self.channels.item(i).data(ID_ROLE))
            for i in range(self.channels.count())
            if self.channels.item(i).checkState() == Qt.CheckState.Checked
        ]

    def reviewed_photos(self) -> list[ReviewPhoto]:
        return [p for i, p in enumerate(self.photos) if i in self.ticked]

    # -- preview --------------------------------------------------------------------------

    def clear_preview(self) -> None:
        self.previews.clear()
        self.send_button.setEnabled(False)

    def show_preview(self, draft: Draft) -> None:
        self.previews.clear()
        for channel in draft.channels:
            tab = QWidget()
            text = QPlainTextEdit(draft.texts[channel.id])
            text.setReadOnly(True)
            strip = QWidget()
            column = QVBoxLayout(strip)
            column.setContentsMargins(0, 0, 0, 0)
            sent = draft.photos_for(channel)
            for photo in sent:
                thumb = QLabel()
                thumb.setTextFormat(Qt.TextFormat.PlainText)
                thumb.setPixmap(
                    QPixmap.fromImage(QImage.fromData(photo.jpeg)).scaled(
                        THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio
                    )
                )
                thumb.setToolTip(photo.caption)
                column.addWidget(thumb)
            column.addStretch(1)
            count = QLabel(
                self.tr("{0} characters of at most {1}; {2} photos").format(
                    len(draft.texts[channel.id]), channel.max_text, len(sent)
                )
            )
            count.setTextFormat(Qt.TextFormat.PlainText)
            body = QHBoxLayout()
            body.addWidget(text, 1)
            if sent:
                # Beside the text, not under it: the text keeps the tab's whole height.
                thumbs = QScrollArea()
                thumbs.setWidget(strip)
                thumbs.setWidgetResizable(True)
                thumbs.setFrameShape(QFrame.Shape.NoFrame)
                thumbs.setFixedWidth(THUMB + 24)
                body.addWidget(thumbs)
            layout = QVBoxLayout(tab)
            layout.addLayout(body, 1)
            layout.addWidget(count)
            self.previews.addTab(tab, channel.name)

    # -- photo review ---------------------------------------------------------------------

    def _label(self, photo: ReviewPhoto) -> str:
        index = self.photos.index(photo)
        state = self.tr("reviewed") if index in self.ticked else self.tr("not reviewed")
        return self.tr("{0} · {1} blurred areas · {2}").format(photo.label, len(photo.boxes), state)

    def _show_photo(self, row: int) -> None:
        photo = self.photos[row] if 0 <= row < len(self.photos) else None
        self.canvas.set_photo(photo)
        self.reviewed.blockSignals(True)
        self.reviewed.setChecked(row in self.ticked)
        self.reviewed.setEnabled(photo is not None)
        self.reviewed.blockSignals(False)

    def _refresh_label(self, row: int) -> None:
        if 0 <= row < len(self.photos):
            self.photo_list.item(row).setText(self._label(self.photos[row]))

    def _review_toggled(self, checked: bool) -> None:
        row = self.photo_list.currentRow()
        if row < 0:
            return
        if checked:
            self.ticked.add(row)
        else:
            self.ticked.discard(row)
        self._refresh_label(row)
        self.changed.emit()

    def _boxes_changed(self) -> None:
        self._refresh_label(self.photo_list.currentRow())
        self.changed.emit()
