"""The detail panel: every field as plain text, contact only for allowed roles, photos, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from console.domain.model import ActionType, Event, Media, Report, Role, Status, utcnow
from widgets.detail_panel import DetailPanel

ATTACK = "<img src=x onerror=alert(1)>"


def png(width: int = 640, height: int = 480) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7d44"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def panel(qtbot: Any, queue_reference: Any, queue_sla: Any) -> Any:
    calls: list[tuple[int, int]] = []

    def fetch(report_id: int, n: int) -> bytes:
        calls.append((report_id, n))
        if n == 3:
            raise ConnectionError("máy chủ không trả lời")
        return png()

    widget = DetailPanel(fetch_media=fetch, reference=queue_reference, sla=queue_sla)
    widget.fetch_calls = calls  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    yield widget
    widget.shutdown()


def texts(panel: DetailPanel) -> list[str]:
    shown = [label.text() for label in panel.findChildren(QLabel)]
    shown += [box.toPlainText() for box in panel.findChildren(QPlainTextEdit)]
    tree = panel.history
    shown += [
        tree.topLevelItem(r).text(c) for r in range(tree.topLevelItemCount()) for c in range(3)
    ]
    return shown


def test_citizen_text_is_shown_literally(
    panel: DetailPanel, make_report: Callable[..., Report]
) -> None:
    report = make_report(5, title=ATTACK, description=f"Mô tả {ATTACK}", address=ATTACK)
    history = [
        Event(
            5,
            report.created_at,
            "operator",
            Role.OPERATOR,
            ActionType.NOTE,
            Status.NEW,
            Status.NEW,
            {"text": ATTACK},
        )
    ]
    panel.show_report(report, history, Role.OPERATOR)

    assert panel.heading.textFormat() == Qt.TextFormat.PlainText
    assert "<img" in panel.heading.text()
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in panel.findChildren(QLabel)
    )
    assert panel.fields["address"].text() == ATTACK
    assert panel.description.toPlainText() == f"Mô tả {ATTACK}"
    assert panel.history.topLevelItem(0).text(2) == ATTACK


def test_media_role_never_sees_the_reporter(
    panel: DetailPanel, make_report: Callable[..., Report]
) -> None:
    report = make_report(6)
    panel.show_report(report, [], Role.OPERATOR)
    assert "0905123456" in panel.fields["reporter"].text()
    assert "Nguyễn Văn An" in panel.fields["reporter"].text()

    panel.show_report(report, [], Role.MEDIA)
    everything = "\n".join(texts(panel))
    for secret in ("0905123456", "Nguyễn Văn An", "an@example.vn"):
        assert secret not in everything
    assert panel.fields["reporter"].text() == panel.tr("Hidden for your role")


def test_fields_and_history_timeline(
    panel: DetailPanel, make_report: Callable[..., Report]
) -> None:
    created = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)
    report = make_report(
        7,
        status=Status.IN_PROGRESS,
        unit="so-xay-dung",
        deadline=utcnow() - timedelta(days=3),
        escalation_level=2,
        created_at=created,
        category="lighting",
    )
    assigned = created + timedelta(hours=2)
    history = [
        Event(
            7,
            created + timedelta(hours=1),
            "op.lan",
            Role.OPERATOR,
            ActionType.ACCEPT,
            Status.NEW,
            Status.ACCEPTED,
            {"category": "lighting", "urgency": "normal"},
        ),
        Event(
            7,
            assigned,
            "op.lan",
            Role.OPERATOR,
            ActionType.ASSIGN,
            Status.ACCEPTED,
            Status.ASSIGNED,
            {"unit": "so-xay-dung", "deadline": "2026-03-18T10:00:00Z"},
        ),
        Event(
            7,
            assigned + timedelta(hours=1),
            "sxd",
            Role.UNIT,
            ActionType.ACKNOWLEDGE,
            Status.ASSIGNED,
            Status.IN_PROGRESS,
            {},
        ),
    ]
    panel.show_report(report, list(reversed(history)), Role.SUPERVISOR)

    assert panel.fields["status"].text() == "Đang xử lý"
    assert panel.fields["category"].text() == "Chiếu sáng, điện"
    assert panel.fields["ward"].text() == "Phường Vỹ Dạ"
    assert panel.fields["unit"].text() == "Sở Xây dựng"
    assert "quá hạn 3 ngày" in panel.fields["deadline"].text()
    assert panel.fields["channel"].text() == "Ứng dụng Hue-S"
    assert panel.fields["created"].text() == "08:00 09/03/2026"
    tree = panel.history
    assert tree.topLevelItemCount() == 3
    rows = [[tree.topLevelItem(r).text(c) for c in range(3)] for r in range(3)]
    assert rows[0][0].startswith("09:00 09/03/2026")  # oldest first
    assert rows[1][0] == "10:00 09/03/2026\nop.lan (Điều hành viên)"
    assert rows[1][1] == "Chuyển xử lý\nĐã tiếp nhận → Đã chuyển xử lý"
    assert "Sở Xây dựng" in rows[1][2] and "17:00 18/03/2026" in rows[1][2]
    assert panel.location.has_pin()


def test_photos_load_in_the_background_and_enlarge(
    qtbot: Any, panel: Any, make_report: Callable[..., Report]
) -> None:
    media = tuple(Media(url=f"/api/v1/reports/9/media/{n}") for n in (1, 2, 3))
    report = make_report(9, media=media)
    panel.show_report(report, [], Role.OPERATOR)
    first, second, broken = panel.thumbnails
    qtbot.waitUntil(lambda: first.photo is not None and second.photo is not None)
    qtbot.waitUntil(lambda: broken.text() == broken.tr("No photo"))
    assert "máy chủ không trả lời" in broken.toolTip()
    assert sorted(panel.fetch_calls) == [(9, 1), (9, 2), (9, 3)]

    QTest.mouseClick(first, Qt.MouseButton.LeftButton)
    assert panel.viewer is not None and panel.viewer.isVisible()
    assert panel.viewer.picture.pixmap().width() > first.pixmap().width()
    panel.viewer.close()

    panel.show_report(report, [], Role.OPERATOR)  # the same report again: nothing refetched
    assert len(panel.fetch_calls) == 3


def test_no_location_and_a_location_outside_the_city(
    panel: DetailPanel, make_report: Callable[..., Report]
) -> None:
    panel.show_report(make_report(10, lat=None, lon=None), [], Role.OPERATOR)
    assert not panel.location.has_pin()
    panel.show_report(make_report(11, lat=21.03, lon=105.85), [], Role.OPERATOR)
    assert panel.location.has_pin()
    assert panel.tr("outside the city: check the location") in panel.location_note.text()
