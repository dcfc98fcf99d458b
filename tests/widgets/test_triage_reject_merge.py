"""Rejecting with a reason and merging duplicates, driven by keys, checked on the server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.central.server import CentralServer
from console.domain.duplicates import haversine_m
from console.domain.model import utcnow
from console.store import EntryState
from widgets.triage.merge_dialog import MergeDialog
from widgets.triage.note_dialog import NoteDialog
from widgets.triage.pending_actions import PendingActionsDialog
from widgets.triage.reject_dialog import RejectDialog

CENTRE = (16.4637, 107.5909)
METRE_LAT = 1 / 110_540


class Clock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current


@pytest.fixture
def clocked_central(tmp_path: Any) -> Iterator[tuple[CentralServer, Clock]]:
    """An empty central API whose clock the test sets (to file reports days apart)."""
    clock = Clock(utcnow() - timedelta(days=10))
    server = CentralServer(f"sqlite:///{tmp_path / 'central.sqlite3'}", demo=True, now=clock)
    server.start()
    yield server, clock
    server.close()


def test_reject_with_reason_note_and_drafted_reply(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = admin.file(title="Ảnh mờ, không rõ địa điểm")
    desk = triage_desk(triage_central)
    desk.select(filed["id"])

    qtbot.keyClick(desk.host, Qt.Key.Key_R)
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, RejectDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    assert filed["code"] in dialog.reply.toPlainText()
    assert "không thuộc phạm vi" in dialog.reply.toPlainText()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.reason_code() == "insufficient_info"
    assert "chưa đủ thông tin" in dialog.reply.toPlainText()
    assert filed["code"] in dialog.reply.toPlainText()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "thieu anh hien truong")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert desk.controller.active_dialog is None and desk.next_calls == 1
    assert desk.engine.push().applied == 1
    on_server = admin.report(filed["id"])
    assert (on_server["status"], on_server["reject_reason"]) == ("rejected", "insufficient_info")
    event = on_server["history"][-1]
    assert event["actor"] == "operator" and event["from_status"] == "new"
    assert event["payload"]["note"] == "thieu anh hien truong"
    assert filed["code"] in event["payload"]["reply"]


def test_bulk_reject_drafts_each_reply_for_its_own_report(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = [admin.file(title=f"Quảng cáo {n}") for n in range(3)]
    desk = triage_desk(triage_central)
    desk.select(*(f["id"] for f in filed))

    qtbot.keyClick(desk.host, Qt.Key.Key_R)
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, RejectDialog)
    assert "{code}" in dialog.reply.toPlainText()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert desk.engine.push().applied == 3
    for report in filed:
        reply = admin.report(report["id"])["history"][-1]["payload"]["reply"]
        assert report["code"] in reply and "{code}" not in reply


def test_merge_suggests_near_duplicates_nearest_first_and_the_original_counts_them(
    qtbot: Any, clocked_central: tuple[CentralServer, Clock], triage_api: Any, triage_desk: Any
) -> None:
    server, clock = clocked_central
    admin = triage_api(server)
    lat, lon = CENTRE
    too_old = admin.file(lat=lat, lon=lon, title="Rác cũ, cùng chỗ")
    clock.current += timedelta(days=10)
    admin = triage_api(server)  # the first token expired with the move
    near = admin.file(lat=lat + 50 * METRE_LAT, lon=lon, title="Rác cách 50 m")
    far = admin.file(lat=lat + 400 * METRE_LAT, lon=lon, title="Rác cách 400 m")
    other_kind = admin.file(
        lat=lat + 30 * METRE_LAT, lon=lon, category="tourism", title="Chặt chém"
    )
    related = admin.file(lat=lat - 100 * METRE_LAT, lon=lon, category="trees", title="Cây đổ")
    clock.current += timedelta(minutes=30)
    report = admin.file(lat=lat, lon=lon, title="Rác tràn ra đường")
    desk = triage_desk(server)
    desk.select(report["id"])

    qtbot.keyClick(desk.host, Qt.Key.Key_M)
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, MergeDialog)
    shown = [c.report.id for c in dialog.candidates]
    assert shown == [near["id"], related["id"]]
    assert not {too_old["id"], far["id"], other_kind["id"]} & set(shown)
    assert round(dialog.candidates[0].distance_m) == 50
    assert haversine_m(lat, lon, far["lat"], far["lon"]) > 150
    assert dialog.map is not None and len(dialog.map.points) == 2
    assert dialog.list.topLevelItem(0).text(3) == "50 m"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    assert desk.engine.push().applied == 1
    merged = admin.report(report["id"])
    assert (merged["status"], merged["duplicate_of"]) == ("rejected", near["id"])
    assert merged["reject_reason"] == "duplicate"
    assert admin.report(near["id"])["merged_count"] == 1
    desk.engine.pull()
    original = desk.cache.get_report(near["id"])
    assert original is not None and original.merged_count == 1


def test_a_refusal_shows_the_servers_reason_and_the_pending_list_drops_it(
    qtbot: Any, clocked_central: tuple[CentralServer, Clock], triage_api: Any, triage_desk: Any
) -> None:
    server, _clock = clocked_central
    admin = triage_api(server)
    lat, lon = CENTRE
    original = admin.file(lat=lat, lon=lon, title="Phản ánh gốc")
    first = admin.file(lat=lat + 20 * METRE_LAT, lon=lon, title="Trùng lần một")
    report = admin.file(lat=lat + 10 * METRE_LAT, lon=lon, title="Trùng lần hai")
    desk = triage_desk(server)
    admin.act(first, "merge", {"duplicate_of": original["id"]})  # the desk has not seen it
    desk.select(report["id"])
    desk.controller.merge_selected()
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, MergeDialog)
    for n in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(n)
        if item is not None and int(item.data(0, Qt.ItemDataRole.UserRole)) == first["id"]:
            dialog.list.setCurrentItem(item)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    result = desk.engine.push()
    assert result.refused == 1
    desk.controller.review_outbox()
    assert "đã được gộp vào" in desk.controller.last_message
    assert "422" in desk.controller.last_message

    pending = desk.controller.show_pending()
    assert isinstance(pending, PendingActionsDialog)
    assert [e.state for e in pending.entries] == [EntryState.REFUSED]
    assert "đã được gộp vào" in pending.table.item(0, 5).text()  # type: ignore[union-attr]
    pending.table.selectRow(0)
    qtbot.mouseClick(pending.drop_button, Qt.MouseButton.LeftButton)
    assert pending.entries == []
    assert desk.outbox.all_entries()[-1].state is EntryState.DROPPED
    assert admin.report(report["id"])["status"] == "new"


def test_internal_note_on_two_reports_saved_with_ctrl_enter(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = [admin.file(title=f"Ghi chú {n}") for n in range(2)]
    desk = triage_desk(triage_central, "media")
    desk.select(*(f["id"] for f in filed))
    assert not desk.controller.actions["accept"].isEnabled()  # media staff do not triage
    assert desk.controller.actions["note"].isEnabled()

    qtbot.keyClick(desk.host, Qt.Key.Key_N)
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
    qtbot.keyClicks(dialog.text, "Bao Thua Thien Hue hoi ve vu nay")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert desk.controller.active_dialog is None
    assert desk.engine.push().applied == 2
    for report in filed:
        event = admin.report(report["id"])["history"][-1]
        assert (event["action"], event["actor"]) == ("note", "media")
        assert event["payload"]["text"] == "Bao Thua Thien Hue hoi ve vu nay"
        assert event["from_status"] == event["to_status"] == "new"
