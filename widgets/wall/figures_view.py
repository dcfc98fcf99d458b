"""Today's and this week's figures as big tiles, and the overdue reports by unit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from console.wall.scene import FigureSet, PanelRow, UnitCount
from widgets.wall.bars import BarRows
from widgets.wall.look import BAD, GOOD, MUTED, PANEL, TEXT, WARN, WallLook

translate = QCoreApplication.translate


def count(value: int) -> str:
    """Thousands grouped the Vietnamese way: 12.345."""
    return f"{value:,}".replace(",", ".")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def rating(mean: float | None) -> str:
    return "—" if mean is None else f"{mean:.1f}".replace(".", ",") + "/5"


def _on_time_colour(share: float | None) -> str:
    if share is None:
        return TEXT
    return GOOD if share >= 0.9 else WARN if share >= 0.75 else BAD


class FigureTiles(QWidget):
    """One span (today or this week): five tiles, number over its name."""

    def __init__(self, look: WallLook, title: str, *, overdue: bool) -> None:
        super().__init__()
        self._look = look
        self._overdue = overdue
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(look.px(10))
        layout.setVerticalSpacing(look.px(2))
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(f"color: {MUTED}; font-size: {look.px(22)}px; font-weight: bold;")
        layout.addWidget(self.title, 0, 0, 1, 5)
        names = (
            translate("WallFigures", "Received"),
            translate("WallFigures", "Handled"),
            translate("WallFigures", "On time"),
            translate("WallFigures", "Satisfaction"),
            translate("WallFigures", "Overdue now"),
        )[: 5 if overdue else 4]
        self.values: list[QLabel] = []
        self.names: list[QLabel] = []
        for column, name in enumerate(names):
            value = QLabel("—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            label = QLabel(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet(f"color: {MUTED}; font-size: {look.px(19)}px;")
            layout.addWidget(value, 1, column)
            layout.addWidget(label, 2, column)
            self.values.append(value)
            self.names.append(label)
        self._paint_values([TEXT] * len(names))

    def _paint_values(self, colours: list[str]) -> None:
        size = self._look.px(46)
        for value, tint in zip(self.values, colours, strict=True):
            value.setStyleSheet(f"color: {tint}; font-size: {size}px; font-weight: bold;")

    def show_figures(self, figures: FigureSet) -> None:
        texts = [
            count(figures.received),
            count(figures.handled),
            percent(figures.on_time),
            rating(figures.satisfaction),
        ]
        colours = [TEXT, TEXT, _on_time_colour(figures.on_time), TEXT]
        if self._overdue:
            texts.append(count(figures.overdue))
            colours.append(BAD if figures.overdue else GOOD)
        for label, text in zip(self.values, texts, strict=True):
            label.setText(text)
        self._paint_values(colours)


class FiguresView(QWidget):
    """The right column's top: today, this week, and who is late."""

    def __init__(self, look: WallLook) -> None:
        super().__init__()
        self.setObjectName("wallFigures")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            f"#wallFigures {{ background: {PANEL}; border-radius: {look.px(10)}px; }}"
        )
        layout = QVBoxLayout(self)
        margin = look.px(14)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(look.px(8))
        self.today = FigureTiles(look, translate("WallFigures", "TODAY"), overdue=True)
        self.week = FigureTiles(look, translate("WallFigures", "THIS WEEK"), overdue=False)
        self.late_title = QLabel(translate("WallFigures", "OVERDUE BY UNIT"))
        self.late_title.setTextFormat(Qt.TextFormat.PlainText)
        self.late_title.setStyleSheet(
            f"color: {MUTED}; font-size: {look.px(22)}px; font-weight: bold;"
        )
        self.late = BarRows(look, BAD, limit=4, size=22)
        self.none_late = QLabel(translate("WallFigures", "No unit is late"))
        self.none_late.setTextFormat(Qt.TextFormat.PlainText)
        self.none_late.setStyleSheet(f"color: {GOOD}; font-size: {look.px(24)}px;")
        self.none_late.hide()
        for widget in (self.today, self.week, self.late_title, self.late, self.none_late):
            layout.addWidget(widget)

    def show_figures(self, today: FigureSet, week: FigureSet, late: tuple[UnitCount, ...]) -> None:
        self.today.show_figures(today)
        self.week.show_figures(week)
        top = max((unit.count for unit in late), default=0)
        self.late.set_rows([PanelRow(u.name, count(u.count), u.count / top) for u in late if top])
        self.late.setVisible(bool(late))
        self.none_late.setVisible(not late)

    def shown_texts(self) -> list[str]:
        labels = [w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self)]
        return labels + self.late.shown_texts()
