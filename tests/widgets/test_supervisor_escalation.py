"""Escalation from the overdue board: a unit's overdue reports in bulk, through the outbox to
the real central API; levels 2 and 3 disabled for an operator and refused by the server."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.domain.lateness import days_late
from console.domain.model import ActionType, parse_time, utcnow
from console.store.queue_filter import QueueFilter
from console.sync.errors import Forbidden
from widgets.queue_model import Column
from widgets.supervisor.escalation_dialog import EscalationDialog
from widgets.supervisor.overdue_board import BoardColumn

UNIT = "moi-truong-do-thi"  # environment reports in Phú Xuân go there
#: A month after filing, server and desk alike: everything assigned today is overdue.
AHEAD = timedelta(days=30)


def test_escalate_all_overdue_reports_of_a_unit_at_once(
    qtbot: Any,
    supervisor_central: Any,
    file_assigned: Any,
    supervisor_desk: Any,
    triage_api: Any,
    clock_at: Any,
) -> None:
    filed = file_assigned(supervisor_central, 3)
    ours = [r["id"] for r in filed]
    elsewhere = file_assigned(supervisor_central, 1, category="lighting")[0]["id"]
    clock_at(utcnow() + AHEAD)
    desk = supervisor_desk(supervisor_central)
    controller = desk.controller

    board = controller.overdue_board
    assert board is None
    with qtbot.waitSignal(controller.runner.done, timeout=30_000):
        controller.actions["overdue"].trigger()
    board = controller.overdue_board
    assert board is not None and board.isVisible()
    qtbot.waitUntil(lambda: board.data is not None)
    group = board.group(UNIT)
    assert group is not None and set(ours) <= set(group.overdue_ids)
    assert elsewhere not in group.overdue_ids
    unit_line = board.unit_item(UNIT)
    assert unit_line is not None
    assert int(unit_line.text(BoardColumn.OVERDUE)) == len(group.overdue)
    latest = max(days_late(parse_time(r["deadline"]), desk.now()) for r in filed)
    assert int(unit_line.text(BoardColumn.DAYS_LATE)) == group.most_days_late >= latest >= 1

    assert board.select_unit(UNIT)
    qtbot.mouseClick(board.escalate_unit_button, Qt.MouseButton.LeftButton)
    dialog = controller.active_dialog
    assert isinstance(dialog, EscalationDialog)
    assert [b.isEnabled() for b in dialog.buttons.values()] == [True, True, True]
    assert dialog.level() == 1
    first = dialog.eligible()[0]
    eligible = [r.id for r in dialog.eligible()]
    assert set(ours) <= set(eligible)
    message = dialog.message.toPlainText()
    assert message.startswith("Kính gửi: Đầu mối")
    assert desk.reference.unit_name(UNIT) in message and first.code in message
    assert f"quá hạn {days_late(first.deadline, desk.now())} ngày" in message

    with qtbot.waitSignal(controller.actionQueued, timeout=30_000) as queued:
        dialog.accept()
    assert set(queued.args[0]) == set(eligible)
    assert desk.sync_requests == 1
    pushed = desk.engine.push()
    assert pushed.applied == len(eligible) and pushed.refused == 0

    api = triage_api(supervisor_central, "supervisor")
    for report_id in ours:
        on_server = api.report(report_id)
        assert on_server["escalation_level"] == 1
        last = on_server["history"][-1]
        assert last["action"] == "escalate" and last["actor"] == "supervisor"
        assert last["payload"]["level"] == 1
        assert on_server["code"] in last["payload"]["message"]
    assert api.report(elsewhere)["escalation_level"] == 0

    # The new level shows in the history, the queue's column and on the board.
    desk.engine.pull()
    desk.engine.refresh_report(ours[0])
    assert desk.cache.get_history(ours[0])[-1].action is ActionType.ESCALATE
    with qtbot.waitSignal(desk.queue.loaded, timeout=30_000):
        desk.queue.reload()
    desk.queue.set_view("all")
    row = desk.queue.model.row_of(ours[0])
    assert row is not None
    shown = desk.queue.model.index(row, Column.ESCALATION).data()
    assert "1" in shown
    with qtbot.waitSignal(board.loaded, timeout=30_000):
        board.refresh()
    refreshed = board.group(UNIT)
    assert refreshed is not None
    assert {r.row.id: r.row.escalation_level for r in refreshed.overdue if r.row.id in ours} == {
        i: 1 for i in ours
    }

    # Drill down: the unit's overdue reports in the queue (and so on the map).
    qtbot.mouseClick(board.open_button, Qt.MouseButton.LeftButton)
    assert desk.opened[-1] == QueueFilter(units=frozenset({UNIT}), overdue_only=True)
    assert {r.id for r in desk.queue.visible_rows()} == set(refreshed.overdue_ids)


def test_an_operator_may_send_level_1_only(
    qtbot: Any, supervisor_central: Any, file_assigned: Any, supervisor_desk: Any, clock_at: Any
) -> None:
    report = file_assigned(supervisor_central, 1)[0]
    clock_at(utcnow() + AHEAD)
    desk = supervisor_desk(supervisor_central, user="operator")
    desk.select(report["id"])
    controller = desk.controller
    assert controller.actions["escalate"].isEnabled()
    assert not controller.actions["extension"].isEnabled()

    controller.actions["escalate"].trigger()
    dialog = controller.active_dialog
    assert isinstance(dialog, EscalationDialog)
    assert dialog.buttons[1].isEnabled() and dialog.level() == 1
    assert not dialog.buttons[2].isEnabled() and not dialog.buttons[3].isEnabled()
    assert "Giám sát" in dialog.buttons[2].toolTip() or "supervisor" in dialog.buttons[2].toolTip()
    dialog.reject()

    # The server refuses level 2 from an operator whatever the client does.
    with pytest.raises(Forbidden):
        desk.connection.client.post_action(
            report["id"], "escalate", {"level": 2}, report["version"], uuid.uuid4().hex
        )
