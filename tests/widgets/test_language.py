"""English mode and live switching through the real Language menu, and the F1 shortcut sheet.

The window starts in Vietnamese (its translators installed as at a real start); choosing
English in the menu must change the chrome, the data labels and the map at once, keeping the
selected report, the tab and the filter; choosing Tiếng Việt brings all of it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from console.domain.labels import label
from console.domain.model import Status
from tests.widgets.conftest import choose_language
from tests.widgets.test_main_window import _ready
from widgets.main_window import MainWindow
from widgets.queue_model import Column

pytestmark = pytest.mark.webengine


def _status_cell(window: MainWindow, report_id: int) -> str:
    model = window.queue.model
    row = model.row_of(report_id)
    assert row is not None
    return str(model.index(row, Column.STATUS).data())


def _legend(window: MainWindow) -> list[str]:
    return list(window.map.evaluate("paht.legendText()") or [])


def test_the_language_menu_switches_the_whole_window_at_once(
    qtbot: Any, vietnamese: None, main_window: MainWindow, tmp_path: Path
) -> None:
    window = main_window
    _ready(qtbot, window)
    first = window.visible_rows[0]
    status = Status(first.status)
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        window.queue.select_report(first.id)
    category = window.place.reference
    window.queue.filter_bar.search.setText(first.code)
    window.queue.filter_bar.flush()
    qtbot.waitUntil(lambda: len(window.visible_rows) == 1, timeout=10_000)
    tabs = window.queue.tabs

    assert tabs.tabText(tabs.currentIndex()).startswith("Tất cả")
    assert window.queue_dock.windowTitle() == "Danh sách phản ánh"
    assert _status_cell(window, first.id) == label(status, "vi")
    assert window.detail.fields["category"].text() == category.category_name(first.category)
    qtbot.waitUntil(lambda: "Quá hạn" in _legend(window), timeout=10_000)
    assert "Bản đồ nhiệt" in _legend(window)

    choose_language(qtbot, window, "English")
    qtbot.waitUntil(lambda: tabs.tabText(tabs.currentIndex()).startswith("All"), timeout=5000)
    assert window.queue_dock.windowTitle() == "Report queue"
    assert window.menus.language_menu.title() == "&Language"
    assert _status_cell(window, first.id) == label(status, "en")
    assert window.queue.model.headerData(Column.STATUS, Qt.Orientation.Horizontal) == "Status"
    english_category = category.category_name(first.category, "en")
    assert english_category != category.category_name(first.category)
    assert window.detail.fields["category"].text() == english_category
    assert window.detail.fields["status"].text() == label(status, "en")
    assert window.detail.captions["category"].text() == "Category"
    qtbot.waitUntil(lambda: "Overdue" in _legend(window), timeout=10_000)
    assert "Heat map" in _legend(window) and "Quá hạn" not in _legend(window)
    assert window.status.link_label.text().endswith(("Online", "Offline", "Syncing…"))
    # What the operator was doing is still there.
    assert window.detail.report is not None and window.detail.report.id == first.id
    assert window.queue.filter_bar.search.text() == first.code
    assert window.queue.current_view().key == "all"
    assert window.queue.selected_ids() == [first.id]
    qtbot.wait(800)  # the page paints its new words a frame later
    window.grab().save(str(tmp_path / "english.png"))

    choose_language(qtbot, window, "Tiếng Việt")
    qtbot.waitUntil(lambda: tabs.tabText(tabs.currentIndex()).startswith("Tất cả"), timeout=5000)
    assert window.queue_dock.windowTitle() == "Danh sách phản ánh"
    assert _status_cell(window, first.id) == label(status, "vi")
    assert window.detail.fields["category"].text() == category.category_name(first.category)
    qtbot.waitUntil(lambda: "Quá hạn" in _legend(window), timeout=10_000)
    window.grab().save(str(tmp_path / "back_in_vietnamese.png"))


def test_f1_lists_every_shortcut_of_the_window_and_esc_closes_it(
    qtbot: Any, vietnamese: None, main_window: MainWindow, tmp_path: Path
) -> None:
    window = main_window
    qtbot.waitUntil(window.is_open, timeout=30_000)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.shortcut_sheet is not None, timeout=5000)
    sheet = window.shortcut_sheet
    assert sheet is not None
    qtbot.waitUntil(sheet.isVisible, timeout=5000)
    assert sheet.windowTitle() == "Phím tắt"
    rows = dict(sheet.rows())
    assert rows["Ctrl+Shift+P"] == "Thao tác chờ gửi"
    assert rows["F5, Ctrl+R"] == "Đồng bộ ngay"
    assert "F1" in rows and "Ctrl+H" in rows and "Ctrl+1" in rows
    groups = [sheet.tree.topLevelItem(n).text(0) for n in range(sheet.tree.topLevelItemCount())]
    assert groups[:2] == ["Tệp", "Xem"]
    window.grab().save(str(tmp_path / "window.png"))
    sheet.grab().save(str(tmp_path / "shortcut_sheet.png"))
    QTest.keyClick(sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible(), timeout=5000)


def test_the_sheet_follows_the_actions_in_english(
    qtbot: Any, vietnamese: None, main_window: MainWindow, tmp_path: Path
) -> None:
    window = main_window
    qtbot.waitUntil(window.is_open, timeout=30_000)
    window.choose_language("en")
    qtbot.waitUntil(lambda: window.queue_dock.windowTitle() == "Report queue", timeout=5000)
    sheet = window.show_shortcuts()
    rows = dict(sheet.rows())
    assert sheet.windowTitle() == "Keyboard shortcuts"
    assert rows["F5, Ctrl+R"] == "Sync now" and rows["Ctrl+Shift+P"] == "Pending actions"
    sheet.grab().save(str(tmp_path / "shortcut_sheet_en.png"))
