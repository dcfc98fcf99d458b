"""The first wizard pages: period and audience, figures and charts, map picture."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from console.exports.briefing import DEFAULT_AUDIENCE, InvalidPeriod, Period
from console.exports.briefing.figures import Bar, WeekPoint
from console.exports.briefing.pack import MAP_FROM_CONSOLE
from console.exports.briefing.wording import headline_rows
from console.maps.markers import MarkerRow
from widgets.briefing.host import BriefingHost
from widgets.map_view import MapView

#: Audiences as the document names them (it is written in Vietnamese whatever the UI's language).
AUDIENCES = (
    DEFAULT_AUDIENCE,
    "Đài Phát thanh và Truyền hình Huế (TRT)",
    "Báo Thừa Thiên Huế",
    "Đoàn tham quan Trung tâm",
)
#: Wait after the map says its markers are shown, for the clusters' animation to settle.
MAP_SETTLE_MS = 600
#: The operator's controls (zoom, heat button, status legend) and the note on failed tiles
#: mean nothing on paper; the scale, the tiles' attribution and the offline background stay.
HIDE_CONTROLS = (
    "document.querySelectorAll('.leaflet-control-zoom, .paht-legend, .paht-heat-button,"
    " .paht-tile-note')"
    ".forEach(function (e) { e.style.display = 'none'; });"
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodPage(QWizardPage):
    def __init__(self, wizard: BriefingHost, today: date) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Period and audience"))
        self.setSubTitle(
            self.tr("Choose the period of the figures and the press outlet receiving the document.")
        )
        last = today - timedelta(days=today.weekday() + 1)
        self.first_edit = QDateEdit(_qdate(last - timedelta(days=27)))
        self.last_edit = QDateEdit(_qdate(last))
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self.completeChanged)
        self.audience = QComboBox()
        self.audience.setEditable(True)
        shown = (
            self.tr("Press and TV outlets of the city"),
            self.tr("Huế Radio and Television (TRT)"),
            self.tr("Thừa Thiên Huế Newspaper"),
            self.tr("Visitors to the Center"),
        )
        for text, written in zip(shown, AUDIENCES, strict=True):
            self.audience.addItem(text, written)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("From"), self.first_edit)
        form.addRow(self.tr("To"), self.last_edit)
        form.addRow(self.tr("For"), self.audience)
        form.addRow(self.error)

    def period(self) -> Period | None:
        try:
            return Period.checked(_pydate(self.first_edit.date()), _pydate(self.last_edit.date()))
        except InvalidPeriod as exc:
            self.error.setText(str(exc))
            return None

    def isComplete(self) -> bool:
        ok = self.period() is not None
        if ok:
            self.error.clear()
        return ok

    def validatePage(self) -> bool:
        period = self.period()
        if period is None:
            return False
        self.owner.set_period(period, self.chosen_audience())
        return True

    def chosen_audience(self) -> str:
        """The document's wording of the audience chosen, or what the officer typed."""
        text = self.audience.currentText().strip()
        index = self.audience.findText(text)
        return str(self.audience.itemData(index)) if index >= 0 else text or DEFAULT_AUDIENCE


def _bar_chart(title: str, bars: Sequence[Bar]) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    values = QBarSet(title)
    values.append([float(b.value) for b in reversed(bars)])
    series = QHorizontalBarSeries()
    series.append(values)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([b.label for b in reversed(bars)])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    values_axis = QValueAxis()
    values_axis.setLabelFormat("%d")
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values_axis)
    values_axis.applyNiceNumbers()
    chart.legend().hide()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def _trend_chart(title: str, names: Sequence[str], points: Sequence[WeekPoint]) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    axis = QBarCategoryAxis()
    axis.append([p.first.strftime("%d/%m") for p in points])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    values_axis = QValueAxis()
    values_axis.setLabelFormat("%d")
    values_axis.setRange(0, max([1, *(max(p.received, p.handled) for p in points)]))
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    for name, values in zip(
        names, ([p.received for p in points], [p.handled for p in points]), strict=True
    ):
        series = QLineSeries()
        series.setName(name)
        for i, v in enumerate(values):
            series.append(i, v)
        series.setPointsVisible(True)
        chart.addSeries(series)
        series.attachAxis(values_axis)
    values_axis.applyNiceNumbers()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


class FiguresPage(QWizardPage):
    """The headline table against the previous period, and the charts, in Qt Charts."""

    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Key figures and charts"))
        self.status = QLabel(self.tr("Computing the figures..."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("briefingHeadline")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Figure"),
                self.tr("This period"),
                self.tr("Previous period"),
                self.tr("Change"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.charts = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.charts, 2)

    def initializePage(self) -> None:
        self.owner.load_data()

    def isComplete(self) -> bool:
        return self.owner.data is not None

    def show_data(self) -> None:
        data = self.owner.data
        if data is None:
            return
        rows = headline_rows(data.figures)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.label, row.current, row.previous, row.change)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.charts.clear()
        figures = data.figures
        received, handled = self.tr("Received"), self.tr("Handled")
        for chart, tab in (
            (_bar_chart(self.tr("Received by category"), figures.by_category), self.tr("Category")),
            (_bar_chart(self.tr("Handled by unit"), figures.by_unit), self.tr("Unit")),
            (_trend_chart(self.tr("Week by week"), (received, handled), figures.weekly),
             self.tr("By week")),
        ):  # fmt: skip
            chart.setObjectName("briefingChart")
            self.charts.addTab(chart, tab)
        first, last = data.period.first, data.period.last
        self.status.setText(self.tr("Period {0}").format(f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"))
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.status.setText(message)


class MapPage(QWizardPage):
    """The period's reports on the console's own map page, each at its ward's centre, then
    grabbed as a picture for the pack."""

    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Map of reports"))
        self.setSubTitle(
            self.tr(
                "Places are moved to their ward or commune centre; the map image goes into the document."
            )
        )
        self.view = MapView(tiles=wizard.tiles)
        self.view.setMinimumSize(800, 450)
        self.status = QLabel(self.tr("Drawing the map..."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.view.markersUpdated.connect(self._on_markers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        self.owner.map_png = None
        data = self.owner.data
        if data is None:
            return
        rows, next_id = [], 1
        for point in data.points:
            for _ in range(point.count):
                rows.append(
                    MarkerRow(next_id, point.lat, point.lon, "closed", False, 0, "", point.name)
                )
                next_id += 1
        self.view.set_markers(rows)

    def _on_markers(self, _count: int) -> None:
        # The page may have been laid out before this wizard page was shown: fit once the
        # view has its final size, then let Leaflet finish its zoom before grabbing.
        QTimer.singleShot(MAP_SETTLE_MS // 2, self._frame)

    def _frame(self) -> None:
        self.view.page().runJavaScript(HIDE_CONTROLS, 0)
        self.view.fit_all()
        QTimer.singleShot(MAP_SETTLE_MS, self.capture)

    def capture(self) -> None:
        image = self.view.grab().toImage()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        self.owner.map_png = bytes(data.data())
        self.status.setText(MAP_FROM_CONSOLE + ".")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.map_png is not None
