"""The queue's table model: what each column shows, colours, order, and selection that stays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableView

from console.domain.model import Status, Urgency
from console.store.queue_clock import QueueClock
from console.store.queue_filter import sort_by_urgency
from widgets.queue_model import (
    ID_ROLE,
    LOW_BACK,
    OVERDUE_BACK,
    OVERDUE_TEXT,
    PENDING_MARK,
    PENDING_ROLE,
    SORT_ROLE,
    Column,
    QueueModel,
)

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tuesday 09:00 in Huế


@pytest.fixture
def model(queue_reference: Any, queue_sla: Any) -> QueueModel:
    return QueueModel(queue_reference, QueueClock(queue_sla), now=lambda: NOW)


def sample(make_queue_row: Callable[..., Any]) -> list[Any]:
    return [
        make_queue_row(
            1, status=Status.NEW, title="Đèn đường hỏng", created_at=NOW - timedelta(hours=1)
        ),
        make_queue_row(
            2,
            status=Status.ASSIGNED,
            unit="so-xay-dung",
            deadline=datetime(2026, 3, 10, 7, 20, tzinfo=UTC),  # 3 h 20 min of office time left
            category="roads",
            ward="an-cuu",
            created_at=datetime(2026, 3, 10, 1, 0, tzinfo=UTC),
        ),
        make_queue_row(
            3,
            status=Status.IN_PROGRESS,
            unit="so-xay-dung",
            deadline=NOW - timedelta(days=2, hours=1),
            urgency=Urgency.URGENT,
            escalation_level=2,
        ),
        make_queue_row(4, status=Status.CLOSED, created_at=NOW - timedelta(days=40)),
        make_queue_row(
            5, status=Status.ASSIGNED, unit="so-du-lich", deadline=NOW + timedelta(days=10)
        ),
    ]


def column(model: QueueModel, col: Column, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester_through_its_changes(
    qtmodeltester: Any, model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    rows = sample(make_queue_row)
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    model.set_rows([*rows[:2], make_queue_row(9)])
    model.upsert_rows([make_queue_row(9, title="đổi tên"), make_queue_row(10)])
    model.refresh_clock()
    model.set_rows([])
    qtmodeltester.check(model)


def test_rows_given_stay_as_the_caller_made_them(
    model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    """The model keeps the caller's list (no copy of a million rows); a report changed or
    arrived since shows in the model, while the caller's list of what it showed is intact."""
    rows = sample(make_queue_row)
    given = list(rows)
    model.set_rows(given)
    model.upsert_rows([make_queue_row(1, title="đổi tên"), make_queue_row(10)])
    assert given == rows
    assert column(model, Column.TITLE)[model.row_of(1) or 0] == "đổi tên"
    assert model.rowCount() == len(rows) + 1


def test_columns_show_names_labels_and_time_left(
    model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    model.set_rows(sample(make_queue_row))
    by_id = {model.index(r, 0).data(ID_ROLE): r for r in range(model.rowCount())}
    at = by_id[2]

    def cell(col: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(at, col).data(role)

    assert model.headerData(Column.DEADLINE, Qt.Orientation.Horizontal) == model.tr("Deadline")
    assert cell(Column.CODE) == "PA-2026-000002"
    assert cell(Column.CATEGORY) == "Giao thông, đường sá"
    assert cell(Column.WARD) == "Phường An Cựu"
    assert cell(Column.STATUS) == "Đã chuyển xử lý"
    assert cell(Column.UNIT) == "Sở Xây dựng"
    assert cell(Column.URGENCY) == "Thường"
    assert cell(Column.DEADLINE) == "còn 3 giờ 20 phút làm việc"
    assert cell(Column.RECEIVED) == "10/03/2026 08:00"
    assert QColor(cell(Column.DEADLINE, Qt.ItemDataRole.BackgroundRole)) == LOW_BACK

    late = by_id[3]
    assert model.index(late, Column.DEADLINE).data() == "quá hạn 2 ngày"
    assert model.index(late, Column.DEADLINE).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    assert model.index(late, Column.DEADLINE).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACK
    assert model.index(late, Column.ESCALATION).data() != ""
    roomy = by_id[5]
    assert model.index(roomy, Column.DEADLINE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(by_id[4], Column.DEADLINE).data() == ""


def test_sorting_by_deadline_puts_the_least_time_left_first(
    model: QueueModel, make_queue_row: Callable[..., Any], queue_sla: Any
) -> None:
    rows = sort_by_urgency(sample(make_queue_row), QueueClock(queue_sla))
    # Overdue; the new report's intake clock (3 of 4 working hours left); 3 h 20 min; 10 days.
    assert [r.id for r in rows] == [3, 1, 2, 5, 4]
    model.set_rows(rows)
    model.sort(Column.WARD, Qt.SortOrder.AscendingOrder)
    assert column(model, Column.WARD)[0] == "Phường An Cựu"
    model.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert column(model, Column.CODE, ID_ROLE) == [3, 1, 2, 5, 4]
    keys = column(model, Column.DEADLINE, SORT_ROLE)
    assert keys == sorted(keys)
    model.sort(Column.DEADLINE, Qt.SortOrder.DescendingOrder)
    assert column(model, Column.CODE, ID_ROLE) == [4, 5, 2, 1, 3]


def test_a_user_sort_survives_new_rows(
    model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    rows = sample(make_queue_row)
    model.sort(Column.CODE, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows)
    assert column(model, Column.CODE, ID_ROLE) == [5, 4, 3, 2, 1]


def test_pending_rows_are_italic_with_a_marker(
    model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    model.set_rows(sample(make_queue_row), pending={2})
    at = model.row_of(2)
    assert at is not None
    assert model.index(at, Column.CODE).data().startswith(PENDING_MARK)
    font = model.index(at, Column.TITLE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert model.index(at, Column.CODE).data(PENDING_ROLE) is True
    other = model.row_of(1)
    assert (
        other is not None
        and model.index(other, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None
    )


def test_selection_follows_its_report_when_rows_are_swapped(
    qtbot: Any, model: QueueModel, make_queue_row: Callable[..., Any]
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    rows = [make_queue_row(n) for n in range(1, 51)]
    model.set_rows(rows)
    chosen = model.index(model.row_of(30) or 0, Column.TITLE)
    view.selectionModel().setCurrentIndex(
        chosen,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    newcomers = [make_queue_row(n) for n in range(100, 110)]
    model.set_rows(newcomers + rows[::-1])

    current = view.currentIndex()
    assert current.data(ID_ROLE) == 30 and current.column() == Column.TITLE
    assert [i.data(ID_ROLE) for i in view.selectionModel().selectedRows()] == [30]
    model.set_rows(rows[:10])  # the selected report left the list
    assert view.selectionModel().selectedRows() == []
