"""A supervisor's decisions through the outbox to the real central API: approve and deny a
unit's extension request; publish a result or send it back (reopen) with a reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt

from console.domain.model import format_time, parse_time
from widgets.supervisor.extension_dialog import ExtensionDialog
from widgets.supervisor.review_dialog import ReviewDialog

REASON = "Cần thêm thời gian để mua vật tư thay thế."


def test_approve_and_deny_extension_requests(
    qtbot: Any,
    supervisor_central: Any,
    file_assigned: Any,
    supervisor_desk: Any,
    triage_api: Any,
) -> None:
    admin = triage_api(supervisor_central, "admin")
    requested = []
    for report in file_assigned(supervisor_central, 2):
        later = parse_time(report["deadline"]) + timedelta(days=5)
        payload = {"deadline": format_time(later), "reason": REASON}
        requested.append(admin.act(report, "request_extension", payload))
    approved, denied = requested
    desk = supervisor_desk(supervisor_central)
    controller = desk.controller

    desk.select(approved["id"])
    assert controller.actions["extension"].isEnabled()
    controller.actions["extension"].trigger()
    dialog = controller.active_dialog
    assert isinstance(dialog, ExtensionDialog)
    assert dialog.findChild(type(dialog.problem), "extensionReason").text() == REASON
    assert dialog.approve.isChecked() and dialog.ok.isEnabled()
    assert dialog.new_deadline() == parse_time(approved["extension_deadline"])
    with qtbot.waitSignal(controller.actionQueued, timeout=30_000):
        dialog.accept()

    desk.select(denied["id"])
    dialog = controller.decide_extension_selected()
    assert isinstance(dialog, ExtensionDialog)
    at_label = QPoint(12, dialog.deny.height() // 2)
    qtbot.mouseClick(dialog.deny, Qt.MouseButton.LeftButton, pos=at_label)
    assert dialog.deny.isChecked() and not dialog.ok.isEnabled()
    # QTest cannot type Vietnamese letters: the reason is pasted.
    dialog.reason.insertPlainText("Đã quá thời hạn cho phép gia hạn.")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(controller.actionQueued, timeout=30_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert desk.engine.push().applied == 2
    on_server = admin.report(approved["id"])
    assert on_server["status"] == "in_progress"
    assert on_server["deadline"] == approved["extension_deadline"]
    assert on_server["extended"] is True
    assert on_server["history"][-1]["action"] == "decide_extension"
    assert on_server["history"][-1]["actor"] == "supervisor"
    on_server = admin.report(denied["id"])
    assert on_server["status"] == "in_progress"
    assert on_server["deadline"] == denied["deadline"] and not on_server["extended"]
    assert on_server["history"][-1]["payload"] == {
        "approve": False,
        "reason": "Đã quá thời hạn cho phép gia hạn.",
    }


def test_an_operator_cannot_decide_extensions(
    supervisor_central: Any, file_assigned: Any, supervisor_desk: Any, triage_api: Any
) -> None:
    admin = triage_api(supervisor_central, "admin")
    report = file_assigned(supervisor_central, 1)[0]
    later = parse_time(report["deadline"]) + timedelta(days=5)
    report = admin.act(
        report, "request_extension", {"deadline": format_time(later), "reason": REASON}
    )
    desk = supervisor_desk(supervisor_central, user="operator")
    desk.select(report["id"])
    assert not desk.controller.actions["extension"].isEnabled()
    assert desk.controller.actions["escalate"].isEnabled()


def resolved_reports(server: Any, file_assigned: Any, triage_api: Any, count: int) -> list[Any]:
    admin = triage_api(server, "admin")
    return [
        admin.act(r, "resolve", {"result_text": f"Đã thu gom rác, vệ sinh mặt đường ({n})."})
        for n, r in enumerate(file_assigned(server, count))
    ]


def test_publish_a_result_or_send_it_back_to_the_unit(
    qtbot: Any,
    supervisor_central: Any,
    file_assigned: Any,
    supervisor_desk: Any,
    triage_api: Any,
) -> None:
    reopened, published = resolved_reports(supervisor_central, file_assigned, triage_api, 2)
    desk = supervisor_desk(supervisor_central)
    controller = desk.controller

    desk.select(reopened["id"])
    assert controller.actions["review"].isEnabled()
    controller.actions["review"].trigger()
    dialog = controller.active_dialog
    assert isinstance(dialog, ReviewDialog)
    reply = dialog.reply.toPlainText()
    assert reply.startswith("Kính gửi: Quý Ông/Bà.")
    assert desk.reference.unit_name(reopened["unit"]) in reply
    assert reopened["result_text"] in reply and reply.endswith("Trân trọng.")
    assert not dialog.reopen.isEnabled()  # no reason yet
    dialog.tabs.setCurrentIndex(1)
    dialog.reason.insertPlainText("Rác vẫn còn ở góc đường, đề nghị xử lý dứt điểm.")
    assert dialog.reopen.isEnabled()
    with qtbot.waitSignal(controller.actionQueued, timeout=30_000):
        qtbot.mouseClick(dialog.reopen, Qt.MouseButton.LeftButton)

    desk.select(published["id"])
    dialog = controller.review_selected()
    assert isinstance(dialog, ReviewDialog)
    with qtbot.waitSignal(controller.actionQueued, timeout=30_000):
        qtbot.mouseClick(dialog.publish, Qt.MouseButton.LeftButton)

    assert desk.engine.push().applied == 2
    admin = triage_api(supervisor_central, "admin")
    on_server = admin.report(reopened["id"])
    assert on_server["status"] == "reopened"
    assert on_server["history"][-1]["payload"]["reason"].startswith("Rác vẫn còn")
    on_server = admin.report(published["id"])
    assert on_server["status"] == "published"
    assert on_server["history"][-1]["payload"]["reply"].startswith("Kính gửi: Quý Ông/Bà.")


def test_an_operator_may_publish_but_not_send_back(
    supervisor_central: Any, file_assigned: Any, supervisor_desk: Any, triage_api: Any
) -> None:
    report = resolved_reports(supervisor_central, file_assigned, triage_api, 1)[0]
    desk = supervisor_desk(supervisor_central, user="operator")
    desk.select(report["id"])
    dialog = desk.controller.review_selected()
    assert isinstance(dialog, ReviewDialog)
    assert dialog.publish.isEnabled()
    assert not dialog.tabs.isTabEnabled(1)
    dialog.reason.setPlainText("Chưa xử lý dứt điểm.")
    assert not dialog.reopen.isEnabled()
    dialog.reject()
