"""Exports from the GUI: the weekly dialog offers the last finished week first (Huế's week,
Monday morning included), asks where to save in one exports folder it remembers, and says
where the files are when this machine cannot open a folder (offscreen Qt has no launcher,
like a bare workstation: QDesktopServices.openUrl returns False).

The save dialog is Qt's own (ExportPlace(native=False)), driven with real keys; the native
one looks the same to the code (QFileDialog.fileSelected)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox

from console.config import load_settings, remember_exports_dir
from console.domain.hue_time import VN_TZ
from widgets.export_place import ExportPlace

SLOW_MS = 60_000


@pytest.fixture(autouse=True)
def _vietnamese(vietnamese: None) -> None:
    """The default UI language, as an operator sees it."""


def _open_weekly(qtbot: Any, desk: Any) -> Any:
    with qtbot.waitSignal(desk.controller.runner.done, timeout=SLOW_MS):
        desk.controller.actions["weekly"].trigger()
    return desk.controller.weekly


def test_weekly_dialog_offers_the_last_finished_week(
    qtbot: Any, supervisor_central: Any, supervisor_desk: Any, clock_at: Any
) -> None:
    desk = supervisor_desk(supervisor_central)
    dialog = _open_weekly(qtbot, desk)  # Wednesday 02/12/2026: week 49 is under way
    assert dialog.chosen_week().label == "2026-W48"
    assert dialog.week.currentText() == "2026-W48 (23/11 – 29/11/2026)"
    assert dialog.week.itemText(0) == "2026-W49 (30/11 – 06/12/2026), chưa hết tuần"
    assert "2026-W48" in dialog.preview.toPlainText()
    dialog.close()
    desk.controller.weekly = None

    # Monday 06:00 in Huế is still Sunday in UTC: the week just finished is week 49.
    clock_at(datetime(2026, 12, 7, 6, 0, tzinfo=VN_TZ))
    dialog = _open_weekly(qtbot, desk)
    assert dialog.chosen_week().label == "2026-W49"


def test_weekly_save_dialog_is_prefilled_and_remembers_the_folder(
    qtbot: Any,
    supervisor_central: Any,
    supervisor_desk: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The folder comes from the settings file here (PAHT_EXPORTS_DIR would override it).
    remember_exports_dir(load_settings(), tmp_path / "exports")
    monkeypatch.delenv("PAHT_EXPORTS_DIR")
    settings = load_settings()
    desk = supervisor_desk(supervisor_central)
    desk.controller.exports = ExportPlace(settings.exports_dir, settings=settings, native=False)
    dialog = _open_weekly(qtbot, desk)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    save = desk.controller.exports.dialog
    assert isinstance(save, QFileDialog) and save.isVisible()
    assert Path(save.directory().absolutePath()) == settings.exports_dir
    name = save.findChild(QLineEdit, "fileNameEdit")
    assert name.text() == "bao-cao-tuan-2026-W48.docx"
    chosen = tmp_path / "phong-hanh-chinh"
    chosen.mkdir()
    save.setDirectory(str(chosen))  # as a click in its folder list would
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "bao-cao-tuan-48")
    with qtbot.waitSignal(dialog.exported, timeout=SLOW_MS) as done:
        qtbot.keyClick(name, Qt.Key.Key_Return)
    result = done.args[0]
    assert result.docx == chosen / "bao-cao-tuan-48.docx" and result.docx.stat().st_size > 0
    assert result.xlsx == chosen / "bao-cao-tuan-48.xlsx" and result.xlsx.stat().st_size > 0
    assert dialog.status.text() == "Đã ghi: bao-cao-tuan-48.docx và bao-cao-tuan-48.xlsx"
    # The next export, here or in the press briefing, starts in the folder chosen.
    assert desk.controller.exports.folder == chosen
    assert load_settings().exports_dir == chosen


# The situation under test: offscreen Qt has no launcher and says so before openUrl fails.
@pytest.mark.qt_log_ignore(r"^This plugin does not support QPlatformServices::openDocument\(\)")
def test_open_folder_without_a_launcher_says_where_the_files_are(
    qtbot: Any, supervisor_central: Any, supervisor_desk: Any
) -> None:
    desk = supervisor_desk(supervisor_central)
    dialog = _open_weekly(qtbot, desk)
    with qtbot.waitSignal(dialog.exported, timeout=SLOW_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    folder = done.args[0].docx.parent
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == "openFolderFailed"
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.text() == f"Máy này không có chương trình mở thư mục. Các tệp nằm tại:\n{folder}"
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
