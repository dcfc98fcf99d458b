"""One count of overdue reports everywhere: the queue's Overdue tab, the overdue board, the
dashboard and the weekly report (read back from its XLSX and DOCX) agree at the same moment.
The board closes with Esc or its Close button; the escalation dialog offers the next level."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.escalation import load_escalation
from console.domain.model import Role, Status
from console.domain.reference import load_reference
from console.exports.weekly import export_weekly
from console.exports.weekly_week import week_of
from widgets.supervisor.escalation_dialog import EscalationDialog


def _first_number(text: str) -> int:
    found = re.search(r"\d[\d.]*", text)
    assert found is not None, text
    return int(found.group().replace(".", ""))


def test_overdue_counts_agree_on_tab_board_dashboard_and_weekly_report(
    qtbot: Any,
    supervisor_central: Any,
    supervisor_desk: Any,
    tmp_path: Any,
) -> None:
    desk = supervisor_desk(supervisor_central)
    now = desk.now()
    with qtbot.waitSignal(desk.queue.loaded, timeout=30_000):
        desk.queue.reload()
    desk.queue.show()
    tabs = desk.queue.tabs
    overdue_tab = next(n for n in range(tabs.count()) if tabs.tabData(n) == "overdue")
    qtbot.waitUntil(lambda: "(" in tabs.tabText(overdue_tab), timeout=30_000)
    on_tab = _first_number(tabs.tabText(overdue_tab).split("(")[1])
    assert on_tab >= 1

    qtbot.keyClick(
        desk.host,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    board = desk.controller.overdue_board
    assert board is not None
    qtbot.waitUntil(lambda: board.data is not None, timeout=30_000)
    on_board = _first_number(board.summary.text())

    desk.host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.host, timeout=5_000)

    qtbot.keyClick(
        desk.host,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dashboard = desk.controller.dashboard
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=30_000)
    on_dashboard = _first_number(dashboard.summary.text().split("·")[1])

    export = export_weekly(desk.cache, week_of(now).label, tmp_path, actor="supervisor", now=now)
    book = load_workbook(export.xlsx)
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    in_xlsx = summary["- Trong đó quá hạn"]
    text = " ".join(p.text for p in Document(str(export.docx)).paragraphs)
    in_docx = re.search(r"trong đó quá hạn ([\d.]+) phản ánh", text)
    assert in_docx is not None

    assert on_tab == on_board == on_dashboard == in_xlsx == _first_number(in_docx.group(1))
    assert dashboard.figures is not None
    assert export.figures.outstanding.total == dashboard.figures.backlog[-1].count


def test_the_board_closes_with_esc_and_with_its_button(
    qtbot: Any, supervisor_central: Any, supervisor_desk: Any
) -> None:
    desk = supervisor_desk(supervisor_central)
    board = desk.controller.show_overdue_board()
    qtbot.waitExposed(board)
    qtbot.waitUntil(lambda: board.data is not None, timeout=30_000)
    board.activateWindow()
    board.tree.setFocus()
    qtbot.keyClick(board.tree, Qt.Key.Key_Escape)
    assert not board.isVisible()
    board = desk.controller.show_overdue_board()
    qtbot.waitExposed(board)
    qtbot.mouseClick(board.close_button, Qt.MouseButton.LeftButton)
    assert not board.isVisible()


def test_escalation_offers_the_next_level_or_says_it_is_the_highest(
    qtbot: Any, make_report: Any
) -> None:
    policy, reference = load_escalation(), load_reference()
    long_ago = make_report(1).created_at - timedelta(days=30)
    fields = {"status": Status.IN_PROGRESS, "unit": "so-xay-dung", "escalated_at": long_ago}
    at_top = make_report(1, escalation_level=3, **fields)
    dialog = EscalationDialog(policy, reference, [at_top], Role.SUPERVISOR, at_top.created_at)
    qtbot.addWidget(dialog)
    assert dialog.level() is None and not dialog.ok.isEnabled()
    assert "(3)" in dialog.summary.text() and "1" not in dialog.summary.text().split("(3)")[1]

    at_one = make_report(2, escalation_level=1, **fields)
    dialog = EscalationDialog(policy, reference, [at_one], Role.SUPERVISOR, at_one.created_at)
    qtbot.addWidget(dialog)
    assert dialog.level() == 2 and dialog.ok.isEnabled()
    assert dialog.summary.text().startswith("1")
    operator = EscalationDialog(policy, reference, [at_one], Role.OPERATOR, at_one.created_at)
    qtbot.addWidget(operator)
    assert operator.level() is None and not operator.ok.isEnabled()
    assert "(2)" in operator.summary.text()
