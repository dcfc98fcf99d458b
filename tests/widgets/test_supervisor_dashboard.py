"""The dashboard's charts over the cache; a click on a bar filters the operator's queue.
And the weekly report from the GUI: a read-only preview, then DOCX and XLSX in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from console.domain.calendar import to_local
from console.store.queue_filter import QueueFilter
from widgets.supervisor.dashboard import ChartPanel


def bar_centre(panel: ChartPanel, position: int, value: float) -> Any:
    """Where the bar at `position` (from the bottom) of a one-set horizontal chart is drawn,
    in the view's viewport."""
    chart = panel.chart()
    assert isinstance(panel.series, QHorizontalBarSeries)
    inside = chart.mapToPosition(QPointF(value / 2, position), panel.series)
    return panel.mapFromScene(chart.mapToScene(inside))


def test_a_click_on_a_category_bar_filters_the_queue(
    qtbot: Any, supervisor_central: Any, file_assigned: Any, supervisor_desk: Any
) -> None:
    file_assigned(supervisor_central, 3)  # environment
    file_assigned(supervisor_central, 2, category="lighting")
    desk = supervisor_desk(supervisor_central)
    with qtbot.waitSignal(desk.queue.loaded, timeout=30_000):
        desk.queue.reload()
    controller = desk.controller
    controller.actions["dashboard"].trigger()
    dashboard = controller.dashboard
    assert dashboard is not None
    qtbot.waitExposed(dashboard)
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=30_000)
    figures = dashboard.figures
    assert figures is not None
    today = to_local(desk.now()).date()
    assert figures.received_per_day[-1].day == today
    assert figures.received_per_day[-1].count >= 5
    keys = [c.key for c in figures.by_category]
    lighting = keys.index("lighting")
    count = figures.by_category[lighting].count
    assert count >= 2
    bars = dashboard.categories.series
    assert isinstance(bars, QHorizontalBarSeries)
    position = len(keys) - 1 - lighting  # the largest category on top
    assert bars.barSets()[0].at(position) == count

    qtbot.mouseClick(
        dashboard.categories.viewport(),
        Qt.MouseButton.LeftButton,
        pos=bar_centre(dashboard.categories, position, count),
    )

    period = figures.period
    assert desk.opened == [
        QueueFilter(categories=frozenset({"lighting"}), date_from=period.first, date_to=period.last)
    ]
    shown = desk.queue.visible_rows()
    assert len(shown) == count
    assert {r.category for r in shown} == {"lighting"}
    assert desk.queue.current_view().key == "all"
    assert desk.queue.filter_bar.category.currentData() == "lighting"
    # The queue comes to the front, not behind the dashboard.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.queue.window(), timeout=5_000)


def test_weekly_report_preview_and_export(
    qtbot: Any, supervisor_central: Any, file_assigned: Any, supervisor_desk: Any
) -> None:
    file_assigned(supervisor_central, 2)
    desk = supervisor_desk(supervisor_central)
    controller = desk.controller
    with qtbot.waitSignal(controller.runner.done, timeout=60_000):
        controller.actions["weekly"].trigger()
    dialog = controller.weekly
    assert dialog is not None
    text = dialog.preview.toPlainText()
    assert dialog.chosen_week().label in text
    assert "Phản ánh tiếp nhận trong tuần" in text  # the export's own summary table
    assert dialog.preview.isReadOnly()

    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.export_button.isEnabled()
    result = done.args[0]
    assert result.docx.stat().st_size > 0 and result.xlsx.stat().st_size > 0
    assert result.docx.parent == controller.exports.folder
    assert dialog.open_button.isEnabled()
    assert result.docx.name in dialog.status.text()
    assert [e.action for e in desk.cache.audit_entries()][-1] == "export_weekly"
