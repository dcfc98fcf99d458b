"""The supervisor's dashboard (Qt Charts) for a chosen period: reports received per day, by
category and by ward, each unit's on-time rate and satisfaction, and the backlog trend.
Clicking a bar asks the host to show the matching reports in the queue (`openInQueue`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.calendar import to_local
from console.domain.reference import Reference
from console.store import Cache
from console.store.dashboard_figures import DashboardFigures, Period, dashboard_figures
from console.store.queue_filter import QueueFilter
from widgets.i18n import current_language
from widgets.supervisor.common import LatestLoad, tr, unit_name
from widgets.tasks import TaskRunner

PRESETS = (7, 14, 30, 90)
TOP_WARDS = 15
TOP_UNITS = 12
BLUE = QColor("#1f5fa8")
GREEN = QColor("#2e7d32")
AMBER = QColor("#ef8f00")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChartPanel(QChartView):
    """One chart; `targets[i]` is what clicking bar i opens (None: nothing)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        self.targets: list[QueueFilter | None] = []
        self.series: QBarSeries | QHorizontalBarSeries | QLineSeries | None = None

    def clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series = None
        self.targets = []

    def bars(
        self,
        labels: Sequence[str],
        sets: Sequence[tuple[str, QColor, Sequence[float]]],
        targets: Sequence[QueueFilter | None],
        on_click: Callable[[QueueFilter], None],
        *,
        maximum: float | None = None,
        horizontal: bool = False,
    ) -> None:
        """Bars in the given order (left to right, or top to bottom when `horizontal`)."""
        self.clear()
        chart = self.chart()
        order = list(range(len(labels)))
        if horizontal:
            order.reverse()  # Qt draws the first category at the bottom
        series: QBarSeries | QHorizontalBarSeries = (
            QHorizontalBarSeries() if horizontal else QBarSeries()
        )
        top = 0.0
        for name, colour, values in sets:
            bar_set = QBarSet(name)
            bar_set.setColor(colour)
            bar_set.append([float(values[n]) for n in order])
            bar_set.clicked.connect(lambda index: self._clicked(index, on_click))
            series.append(bar_set)
            top = max(top, *values, 0.0)
        chart.addSeries(series)
        chart.legend().setVisible(len(sets) > 1)
        categories = QBarCategoryAxis()
        categories.append([labels[n] for n in order])
        values_axis = QValueAxis()
        values_axis.setRange(0, maximum if maximum is not None else max(4.0, top * 1.1))
        values_axis.setLabelFormat("%d")
        values_axis.applyNiceNumbers()
        self._axes(series, categories, values_axis, horizontal=horizontal)
        self.series = series
        self.targets = [targets[n] for n in order]

    def _axes(
        self,
        series: QBarSeries | QHorizontalBarSeries,
        categories: QBarCategoryAxis,
        values: QValueAxis,
        *,
        horizontal: bool = False,
    ) -> None:
        chart = self.chart()
        if not horizontal and categories.count() > 10:
            small = categories.labelsFont()
            small.setPointSizeF(max(6.0, small.pointSizeF() - 2))
            categories.setLabelsFont(small)
            categories.setLabelsAngle(-90)
        chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values)

    def line(self, days: Sequence[date], values: Sequence[int]) -> None:
        """A trend over days, on a date axis (labels never crowd, whatever the period)."""
        self.clear()
        chart = self.chart()
        series = QLineSeries()
        series.setColor(AMBER)
        series.setPointsVisible(len(days) <= 31)
        for day, value in zip(days, values, strict=True):
            moment = QDateTime(_qdate(day), QTime(12, 0))
            series.append(float(moment.toMSecsSinceEpoch()), float(value))
        chart.addSeries(series)
        dates = QDateTimeAxis()
        dates.setFormat("dd/MM")
        dates.setTickCount(min(8, max(2, len(days))))
        values_axis = QValueAxis()
        values_axis.setRange(0, max(4.0, max(values, default=0) * 1.1))
        values_axis.setLabelFormat("%d")
        values_axis.applyNiceNumbers()
        chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(dates)
        series.attachAxis(values_axis)
        self.series = series

    def _clicked(self, index: int, on_click: Callable[[QueueFilter], None]) -> None:
        if 0 <= index < len(self.targets):
            target = self.targets[index]
            if target is not None:
                on_click(target)


class Dashboard(QWidget):
    """Signals: `openInQueue(object)` with a QueueFilter; `loaded()` after each refresh."""

    openInQueue = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        cache: Cache,
        reference: Reference,
        runner: TaskRunner,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorDashboard")
        self.cache = cache
        self.reference = reference
        self.now = now
        self.figures: DashboardFigures | None = None
        self.load = LatestLoad(runner, self.refresh)

        today = to_local(now()).date()
        self.preset = QComboBox(self)
        self.preset.setObjectName("dashboardPreset")
        for days in PRESETS:
            self.preset.addItem("", days)
        self.first = QDateEdit(_qdate(Period.last_days(today, 14).first), self)
        self.last = QDateEdit(_qdate(today), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.preset.setCurrentIndex(PRESETS.index(14))
        self.show_button = QPushButton(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.per_day = ChartPanel("chartPerDay", self)
        self.categories = ChartPanel("chartCategories", self)
        self.wards = ChartPanel("chartWards", self)
        self.units = ChartPanel("chartUnits", self)
        self.backlog = ChartPanel("chartBacklog", self)
        self.from_label = QLabel(self)
        self.from_label.setTextFormat(Qt.TextFormat.PlainText)
        self.to_label = QLabel(self)
        self.to_label.setTextFormat(Qt.TextFormat.PlainText)
        self._retranslate()

        top = QHBoxLayout()
        top.addWidget(self.preset)
        top.addWidget(self.from_label)
        top.addWidget(self.first)
        top.addWidget(self.to_label)
        top.addWidget(self.last)
        top.addWidget(self.show_button)
        top.addWidget(self.summary, 1)
        grid = QGridLayout()
        grid.addWidget(self.per_day, 0, 0, 1, 2)
        grid.addWidget(self.backlog, 0, 2)
        grid.addWidget(self.categories, 1, 0)
        grid.addWidget(self.wards, 1, 1)
        grid.addWidget(self.units, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(0, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

        self.preset.activated.connect(self._preset_chosen)
        self.show_button.clicked.connect(self.refresh)

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Dashboard"))
        for n, days in enumerate(PRESETS):
            self.preset.setItemText(n, tr("Last %1 days").replace("%1", str(days)))
        self.show_button.setText(tr("Show"))
        self.from_label.setText(tr("From"))
        self.to_label.setText(tr("to"))
        for panel, title in (
            (self.per_day, tr("Reports received per day")),
            (self.categories, tr("Received by category")),
            (self.wards, tr("Received by ward/commune (top 15)")),
            (self.units, tr("On-time rate and satisfaction per unit (%)")),
            (self.backlog, tr("Backlog at the end of each day")),
        ):
            panel.chart().setTitle(title)

    def changeEvent(self, event: QEvent) -> None:
        """A language switch while the dashboard is open: its words and names follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.figures is not None:
                self._show(self.figures)

    def period(self) -> Period:
        first, last = _day(self.first.date()), _day(self.last.date())
        return Period(min(first, last), max(first, last))

    def _preset_chosen(self, _index: int) -> None:
        today = to_local(self.now()).date()
        period = Period.last_days(today, int(self.preset.currentData()))
        self.first.setDate(_qdate(period.first))
        self.last.setDate(_qdate(period.last))
        self.refresh()

    def refresh(self) -> None:
        if self.load.deferred():
            return
        try:
            period = self.period()
        except ValueError as exc:
            self.summary.setText(str(exc))
            return
        self.load.run(
            dashboard_figures,
            self.cache,
            period,
            self.now(),
            on_done=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(tr("Could not compute the figures: %1").replace("%1", str(exc)))

    def _open(self, flt: QueueFilter) -> None:
        self.openInQueue.emit(flt)

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        period = figures.period
        ref = self.reference
        language = current_language()
        self.per_day.bars(
            [f"{d.day:%d/%m}" for d in figures.received_per_day],
            [(tr("Received"), BLUE, [d.count for d in figures.received_per_day])],
            [QueueFilter(date_from=d.day, date_to=d.day) for d in figures.received_per_day],
            self._open,
        )
        first, last = period.first, period.last
        self.categories.bars(
            [_short(ref.category_name(c.key, language), 28) for c in figures.by_category],
            [(tr("Received"), BLUE, [c.count for c in figures.by_category])],
            [
                QueueFilter(categories=frozenset({c.key}), date_from=first, date_to=last)
                for c in figures.by_category
            ],
            self._open,
            horizontal=True,
        )
        wards = figures.by_ward[:TOP_WARDS]
        self.wards.bars(
            [_short(ref.ward_name(w.key, language), 28) for w in wards],
            [(tr("Received"), BLUE, [w.count for w in wards])],
            [QueueFilter(wards=frozenset({w.key}), date_from=first, date_to=last) for w in wards],
            self._open,
            horizontal=True,
        )
        units = figures.units[:TOP_UNITS]
        self.units.bars(
            [_short(unit_name(ref, u.unit), 34) for u in units],
            [
                (tr("On time"), GREEN, [u.on_time_rate or 0.0 for u in units]),
                (tr("Satisfied (4-5 stars)"), AMBER, [u.satisfaction or 0.0 for u in units]),
            ],
            [QueueFilter(units=frozenset({u.unit})) for u in units],
            self._open,
            maximum=100.0,
            horizontal=True,
        )
        self.backlog.line([d.day for d in figures.backlog], [d.count for d in figures.backlog])
        self.summary.setText(
            tr("%1 reports received from %2 to %3")
            .replace("%1", str(figures.received))
            .replace("%2", f"{period.first:%d/%m/%Y}")
            .replace("%3", f"{period.last:%d/%m/%Y}")
            + " · "
            + tr("%1 overdue now").replace("%1", str(figures.overdue_now))
        )
        self.loaded.emit()
