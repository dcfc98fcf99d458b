"""The supervisor's period reports: its menu action (Ctrl+Shift+R), the last finished month first, the
commendation rules shown as the YAML says, a year picked with the keyboard (the conference deck
ticked), exported off the GUI thread with a click; the preview's figures equal plain sqlite3
counts of the desk's cache."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt

SLOW_MS = 60_000


@pytest.fixture(autouse=True)
def _vietnamese(vietnamese: None) -> None:
    """The default UI language, as a supervisor sees it."""


def _received(path: Any, start: str, end: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(
            conn.execute(
                "SELECT count(*) FROM reports WHERE julianday(created_at) >= julianday(?)"
                " AND julianday(created_at) < julianday(?)",
                (start, end),
            ).fetchone()[0]
        )


def test_period_dialog_month_then_year(
    qtbot: Any, supervisor_central: Any, supervisor_desk: Any
) -> None:
    desk = supervisor_desk(supervisor_central)
    action = desk.controller.actions["period"]
    assert action.shortcut().toString() == "Ctrl+Shift+R" and action.isEnabled()
    with qtbot.waitSignal(desk.controller.runner.done, timeout=SLOW_MS):
        action.trigger()
    dialog = desk.controller.period
    assert dialog is not None and dialog.isVisible()
    # Wednesday 02/12/2026: December is under way, November is the last finished month.
    assert dialog.period.currentText() == "tháng 11 năm 2026 (01/11/2026 – 30/11/2026)"
    assert dialog.period.itemText(0).endswith(", chưa hết kỳ")
    assert not dialog.deck.isChecked()
    rules = dialog.rules_label.text()
    assert "tỷ lệ xử lý đúng hạn từ 95% trở lên" in rules
    assert "có ít nhất 20 phản ánh tiếp nhận trong kỳ" in rules
    preview = dialog.preview.toPlainText()
    november = _received(desk.cache.path, "2026-10-31T17:00:00Z", "2026-11-30T17:00:00Z")
    october = _received(desk.cache.path, "2026-09-30T17:00:00Z", "2026-10-31T17:00:00Z")
    assert f"Phản ánh tiếp nhận\n{november}\n{october}\n{november - october}\n" in preview

    dialog.kind.setFocus()
    with qtbot.waitSignal(dialog.previewed, timeout=SLOW_MS):
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Năm"
    assert dialog.period.currentText() == "năm 2025 (01/01/2025 – 31/12/2025)"
    assert dialog.deck.isChecked()
    dialog.period.setFocus()
    with qtbot.waitSignal(dialog.previewed, timeout=SLOW_MS):
        qtbot.keyClick(dialog.period, Qt.Key.Key_Up)
    assert dialog.chosen().label == "2026"
    year = _received(desk.cache.path, "2025-12-31T17:00:00Z", "2026-12-31T17:00:00Z")
    assert year > 0

    with qtbot.waitSignal(dialog.exported, timeout=SLOW_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.figures.current.received.total == year
    names = [p.name for p in (result.docx, result.xlsx, result.pptx)]
    assert names == ["bao-cao-nam-2026.docx", "bao-cao-nam-2026.xlsx", "bao-cao-nam-2026.pptx"]
    assert all(p.stat().st_size > 0 for p in (result.docx, result.xlsx, result.pptx))
    assert dialog.status.text() == "Đã ghi: " + ", ".join(names)
    assert dialog.open_button.isEnabled()
    dialog.close()


def test_unreadable_commendation_rules_are_reported_not_raised(
    qtbot: Any, supervisor_central: Any, supervisor_desk: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from console.exports import period_rules

    broken = tmp_path / "commendation.yaml"
    broken.write_text("units: {on_time: [95\n", encoding="utf-8")
    monkeypatch.setattr(period_rules, "RULES_FILE", broken)
    desk = supervisor_desk(supervisor_central)
    desk.controller.actions["period"].trigger()
    assert desk.controller.period is None
    box = next(b for b in desk.host.findChildren(QMessageBox) if b.isVisible())
    assert "Không đọc được tiêu chí khen thưởng" in box.text() and "commendation.yaml" in box.text()
    box.close()
