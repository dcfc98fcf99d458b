"""The right column's lower half: panels that take turns (by ward, by category, the units
that improved most), and in press mode the period's story and the case in the spotlight."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.wall.scene import Panel, Spotlight, WallScene
from widgets.wall.bars import BarRows
from widgets.wall.look import ACCENT, MUTED, PANEL, TEXT, WallLook

translate = QCoreApplication.translate
TURN_MS = 15_000
STORY_KEY = "story"
#: Every text is one line, cut to fit (a wrapped label would make the panel ask for its
#: height, and a full screen has none to give). The spotlight shows its last steps and photos
#: this tall.
STEPS = 3
STEP_CHARS = 72
TITLE_CHARS = 52
NOTE_CHARS = 80
PHOTO_HEIGHT = 150
SPOTLIGHT_KEY = "spotlight"


def _title_label(look: WallLook) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {ACCENT}; font-size: {look.px(28)}px; font-weight: bold;")
    return label


def _cut(text: str, room: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


class PanelPage(QWidget):
    """One panel: a title, its bars and the rule it follows."""

    def __init__(self, look: WallLook) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.px(8))
        self.title = _title_label(look)
        self.bars = BarRows(look, ACCENT, limit=6, size=24)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(f"color: {MUTED}; font-size: {look.px(18)}px;")
        self.empty = QLabel(translate("WallPanels", "Nothing to show yet"))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setStyleSheet(f"color: {MUTED}; font-size: {look.px(24)}px;")
        for widget in (self.title, self.bars, self.empty, self.note):
            layout.addWidget(widget)
        layout.setStretchFactor(self.bars, 1)

    def show_panel(self, panel: Panel) -> None:
        self.title.setText(panel.title)
        self.bars.set_rows(panel.rows, bars=panel.key != STORY_KEY)
        self.empty.setVisible(not panel.rows)
        self.note.setText(_cut(panel.note, NOTE_CHARS))
        self.note.setVisible(bool(panel.note))

    def shown_texts(self) -> list[str]:
        labels = [w.text() for w in (self.title, self.note, self.empty) if w.isVisibleTo(self)]
        return labels + self.bars.shown_texts()


class SpotlightPage(QWidget):
    """A case the media officer chose: its masked title, its steps and blurred photos."""

    def __init__(self, look: WallLook) -> None:
        super().__init__()
        self._look = look
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.px(8))
        self.heading = _title_label(look)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(f"color: {TEXT}; font-size: {look.px(26)}px; font-weight: bold;")
        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.steps.setStyleSheet(f"color: {TEXT}; font-size: {look.px(20)}px;")
        photos = QHBoxLayout()
        photos.setSpacing(look.px(10))
        self.photos = [QLabel(), QLabel()]
        for photo in self.photos:
            photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            photos.addWidget(photo)
        for widget in (self.heading, self.title, self.steps):
            layout.addWidget(widget)
        layout.addLayout(photos, 1)

    def show_spotlight(self, spotlight: Spotlight) -> None:
        self.heading.setText(
            translate("WallPanels", "CASE IN FOCUS · %1").replace("%1", spotlight.code)
        )
        self.title.setText(_cut(spotlight.title, TITLE_CHARS))
        self.steps.setText("\n".join(_cut(step, STEP_CHARS) for step in spotlight.lines[-STEPS:]))
        height = self._look.px(PHOTO_HEIGHT)
        for index, label in enumerate(self.photos):
            data = spotlight.photos[index] if index < len(spotlight.photos) else b""
            image = QImage.fromData(data)
            label.setVisible(not image.isNull())
            if not image.isNull():
                label.setPixmap(
                    QPixmap.fromImage(image).scaledToHeight(
                        height, Qt.TransformationMode.SmoothTransformation
                    )
                )

    def shown_texts(self) -> list[str]:
        return [self.heading.text(), self.title.text(), *self.steps.text().split("\n")]


class PanelTurns(QWidget):
    """Shows one page at a time and moves on every TURN_MS; scenes change the pages' content,
    not whose turn it is."""

    def __init__(self, look: WallLook) -> None:
        super().__init__()
        self.setObjectName("wallPanels")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            f"#wallPanels {{ background: {PANEL}; border-radius: {look.px(10)}px; }}"
        )
        layout = QVBoxLayout(self)
        margin = look.px(18)
        layout.setContentsMargins(margin, margin, margin, margin)
        self.stack = QStackedWidget()
        # The screen's height is fixed: a long page is cut, it never makes the wall taller.
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.page = PanelPage(look)
        self.spotlight = SpotlightPage(look)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.spotlight)
        layout.addWidget(self.stack)
        self._panels: list[Panel] = []
        self._spot: Spotlight | None = None
        self._spotted = False
        self._keys: list[str] = []
        self.turn = 0
        self.timer = QTimer(self)
        self.timer.setInterval(TURN_MS)
        self.timer.timeout.connect(self.next_turn)
        self.timer.start()

    def show_scene(self, scene: WallScene) -> None:
        panels = list(scene.panels)
        if scene.press and scene.story:
            story = Panel(STORY_KEY, translate("WallPanels", "THIS MONTH IN FIGURES"), scene.story)
            panels.insert(0, story)
        current = self._keys[self.turn % len(self._keys)] if self._keys else None
        self._panels = panels
        self._spot = scene.spotlight
        self._keys = [p.key for p in panels] + ([SPOTLIGHT_KEY] if self._spot else [])
        # The case the media officer chose comes first when it first arrives.
        if self._spot is not None and not self._spotted:
            current = SPOTLIGHT_KEY
        self._spotted = self._spot is not None
        self.turn = self._keys.index(current) if current in self._keys else 0
        self._show_turn()

    def next_turn(self) -> None:
        if self._keys:
            self.turn = (self.turn + 1) % len(self._keys)
            self._show_turn()

    def _show_turn(self) -> None:
        if not self._keys:
            return
        key = self._keys[self.turn]
        if key == SPOTLIGHT_KEY and self._spot is not None:
            self.spotlight.show_spotlight(self._spot)
            self.stack.setCurrentWidget(self.spotlight)
            return
        self.page.show_panel(next(p for p in self._panels if p.key == key))
        self.stack.setCurrentWidget(self.page)

    def current_key(self) -> str | None:
        return self._keys[self.turn] if self._keys else None

    def shown_texts(self) -> list[str]:
        if self.stack.currentWidget() is self.spotlight:
            return self.spotlight.shown_texts()
        return self.page.shown_texts()
