"""Windows that stay open follow a language switch (the overdue board, the dashboard, the
urgent alert); the board sorts days late as numbers; a conflict names a merge target by its
PA code and shows its values in the operator's language."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from console.domain.model import ActionType, Role, Status, Urgency, utcnow
from console.store import EntryState, OutboxEntry
from tests.widgets.english_walk import vietnamese as vietnamese_word
from widgets import i18n
from widgets.notifications import Notifier
from widgets.supervisor.common import SORT_ROLE
from widgets.supervisor.overdue_board import BoardColumn
from widgets.triage.conflict_dialog import ConflictDialog


def _click_header(qtbot: Any, tree: Any, column: int) -> None:
    header = tree.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_open_board_and_dashboard_switch_language_and_days_late_sort_as_numbers(
    qtbot: Any, qapp: QApplication, vietnamese: None, supervisor_central: Any,
    supervisor_desk: Any,
) -> None:  # fmt: skip
    desk = supervisor_desk(supervisor_central)
    board = desk.controller.show_overdue_board()
    dashboard = desk.controller.show_dashboard()
    qtbot.waitUntil(
        lambda: board.data is not None and dashboard.figures is not None, timeout=30_000
    )
    tree = board.tree
    assert tree.headerItem().text(BoardColumn.DAYS_LATE) == "Số ngày trễ"
    assert dashboard.per_day.chart().title() == "Phản ánh tiếp nhận theo ngày"
    unit = tree.topLevelItem(0)
    vietnamese_name = unit.text(BoardColumn.NAME)
    assert desk.reference.unit_name(unit.data(BoardColumn.NAME, Qt.ItemDataRole.UserRole)) == (
        vietnamese_name
    )

    i18n.apply_language(qapp, "en")
    qtbot.waitUntil(lambda: board.windowTitle() == "Overdue board", timeout=5000)
    assert tree.headerItem().text(BoardColumn.DAYS_LATE) == "Days late"
    assert board.close_button.text() == "Close"
    code = tree.topLevelItem(0).data(BoardColumn.NAME, Qt.ItemDataRole.UserRole)
    assert tree.topLevelItem(0).text(BoardColumn.NAME) == desk.reference.unit_name(code, "en")
    assert dashboard.per_day.chart().title() == "Reports received per day"
    assert dashboard.show_button.text() == "Show"

    # Sorting by "Days late" compares the days, not the words: a report soon overdue ("soon",
    # which sorts after digits as text) is the least late of its unit in either order.
    unit = tree.topLevelItem(0)
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        _click_header(qtbot, tree, BoardColumn.DAYS_LATE)
        if tree.header().sortIndicatorOrder() != order:
            _click_header(qtbot, tree, BoardColumn.DAYS_LATE)
        assert tree.sortColumn() == BoardColumn.DAYS_LATE
        keys = [
            unit.child(n).data(BoardColumn.DAYS_LATE, SORT_ROLE) for n in range(unit.childCount())
        ]
        texts = [unit.child(n).text(BoardColumn.DAYS_LATE) for n in range(unit.childCount())]
        assert -1 in keys and len(set(keys)) > 1, texts
        assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), texts
        assert (texts[-1] if order == Qt.SortOrder.DescendingOrder else texts[0]) == "soon"
    board.close()
    dashboard.close()


def test_the_urgent_alert_follows_a_language_switch_while_shown(
    qtbot: Any, qapp: QApplication, vietnamese: None, make_queue_row: Any, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    notifier = Notifier(window, tmp_path, lambda code: code, use_tray=False)
    row = make_queue_row(7, title="Cây đổ chắn đường Hùng Vương", urgency=Urgency.URGENT)
    notifier.announce([row])
    alert = notifier.alert
    assert alert.title.text() == "Phản ánh khẩn cấp mới"
    assert alert.open_button.text() == "Xem phản ánh"

    i18n.apply_language(qapp, "en")
    qtbot.waitUntil(lambda: alert.title.text() == "Urgent field report", timeout=5000)
    assert alert.isVisible()
    assert alert.open_button.text() == "Open report"
    assert alert.body.text().startswith(f"{row.code} – Cây đổ chắn đường Hùng Vương")
    notifier.stop()


def test_a_conflict_names_the_merge_target_by_its_code_in_english(
    qtbot: Any, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, make_report: Any,
    queue_reference: Any,
) -> None:  # fmt: skip
    monkeypatch.setattr(i18n._Installed, "language", "en")
    mine = make_report(5, status=Status.REJECTED, duplicate_of=77, reject_reason="duplicate")
    server = make_report(5, status=Status.ACCEPTED, version=3)
    entry = OutboxEntry(
        id=1, report_id=5, action_type=ActionType.MERGE, payload={"duplicate_of": 77},
        expected_version=2, idempotency_key="k", state=EntryState.CONFLICT,
        created_at=utcnow() - timedelta(minutes=5), actor="operator", role=Role.OPERATOR,
        attempts=1, last_error="version", server_status=409, current_json=None, preview=mine,
    )  # fmt: skip
    codes = {77: "PA-2026-000077"}
    dialog = ConflictDialog(entry, server, [], queue_reference, lambda i: codes[i])
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {
        dialog.table.item(n, 0).text(): (
            dialog.table.item(n, 1).text(),
            dialog.table.item(n, 2).text(),
        )
        for n in range(dialog.table.rowCount())
    }
    assert rows["Merged into"] == ("PA-2026-000077", "—")
    assert rows["Status"] == ("Not accepted", "Accepted")
    assert rows["Reject reason"][0] == "Duplicate (merged into another report)"


def test_a_refused_action_says_why_in_english(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, supervisor_central: Any, triage_desk: Any
) -> None:
    monkeypatch.setattr(i18n._Installed, "language", "en")
    desk = triage_desk(supervisor_central)
    closed = next(r for r in desk.cache.load_queue_rows() if r.status == "closed")
    desk.select(closed.id)

    desk.controller.accept_selected()

    assert desk.controller.active_dialog is None
    message = desk.controller.last_message
    assert closed.code in message and "Closed" in message
    assert not any(vietnamese_word(word) for word in message.split()), message
