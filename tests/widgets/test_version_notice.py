"""A central that needs a newer console: the operator reads why, where to get it and what still
works; an action is refused and not queued while syncing and reading go on. A console at the
minimum sees nothing of it. Real central over HTTP, real window, real keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from console.version import console_version
from tests.widgets.conftest import choose_language
from widgets.main_window import MainWindow

pytestmark = pytest.mark.webengine

INSTALLER = "https://ioc.hue.gov.vn/paht-console/setup.exe"
SHOTS = Path("/tmp/shots/v")
TOO_OLD = (
    f"Máy chủ trung tâm cần PAHT Console phiên bản 99.0 trở lên; máy này đang chạy phiên bản "
    f"{console_version()}. Trong khi chờ cập nhật, bàn điều hành chỉ xem: đồng bộ, xem, tìm "
    "kiếm, bản đồ và xuất báo cáo vẫn dùng được, nhưng không nhận thao tác mới. Các thao tác "
    "đang chờ vẫn được giữ trên máy này, chưa gửi, cho tới khi bản mới gửi chúng."
)


@pytest.fixture
def shell_central(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """The shell's central, started with a minimum console version (99.0 unless given)."""
    from console.central.seed import seed_demo
    from console.central.server import CentralServer

    db_url = f"sqlite:///{tmp_path_factory.mktemp('gate') / 'central.sqlite3'}"
    seed_demo(db_url, 40)
    minimum = getattr(request, "param", "99.0")
    server = CentralServer(
        db_url, demo=True, port=0, min_console_version=minimum, installer_url=INSTALLER
    )
    server.start()
    yield server
    server.close()


class Browser(QObject):
    """Stands in for the desktop's browser: QDesktopServices hands it the https links."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    QDesktopServices.setUrlHandler("https", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("https")


def _synced(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.is_open() and window.queue.model.rowCount() > 0, timeout=30_000)


def _press(qtbot: Any, key: Qt.Key) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key)


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_an_older_console_says_so_and_refuses_actions_but_keeps_reading(
    qtbot: Any, vietnamese: None, main_window: MainWindow, browser: Browser, run_sync: Any
) -> None:
    from widgets.triage.note_dialog import NoteDialog

    window = main_window
    _synced(qtbot, window)
    notice = window.link.notice
    qtbot.waitUntil(lambda: notice.box is not None)
    box = notice.box
    assert box is not None
    assert box.windowTitle() == "Cần cập nhật PAHT Console"
    assert box.text() == TOO_OLD
    assert box.informativeText() == f"Tải bản mới tại: {INSTALLER}"
    assert notice.label.isVisible() and notice.label.text() == "⚠ Phiên bản cũ: chỉ xem"
    assert window.status.currentMessage() == (
        f"Máy chủ trung tâm cần PAHT Console 99.0 trở lên (máy này: {console_version()}): chỉ xem."
    )
    _shot(window, "window-too-old.png")
    _shot(box, "box-too-old.png")

    # The link opens with the desktop's browser; the box closes.
    button = next(b for b in box.buttons() if b.objectName() == "openInstaller")
    assert button.text() == "Mở trang tải về"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert browser.opened == [INSTALLER]
    qtbot.waitUntil(lambda: notice.box is None)

    # A note is refused with the same words, and nothing enters the outbox.
    outbox = window.session.outbox
    before = len(outbox.all_entries())
    window.queue.set_view("all")
    report_id = window.queue.model.report_id(0)
    window.activateWindow()
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        assert window.queue.select_report(report_id)
    window.queue.table.setFocus()
    _press(qtbot, Qt.Key.Key_N)
    dialog = window.tools.triage.active_dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
    qtbot.keyClicks(dialog.text, "Da goi dien xac minh")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "deskMessage") is not None)
    refused = window.findChild(QMessageBox, "deskMessage")
    assert refused.text() == f"{TOO_OLD}\nTải bản mới tại: {INSTALLER}"
    _shot(refused, "action-refused.png")
    assert len(outbox.all_entries()) == before == 0
    refused.close()

    # Syncing and reading go on; the box is not shown a second time.
    rows = window.queue.model.rowCount()
    outcome = run_sync(window, manual=True)
    assert outcome.ok and window.queue.model.rowCount() == rows > 0
    assert notice.box is None and notice.label.isVisible()

    # The note follows the language.
    choose_language(qtbot, window, "English")
    qtbot.waitUntil(lambda: notice.label.text() == "⚠ Console out of date: read-only")
    assert notice.label.toolTip().startswith("The central needs PAHT Console 99.0 or newer")
    choose_language(qtbot, window, "Tiếng Việt")
    qtbot.waitUntil(lambda: notice.label.text() == "⚠ Phiên bản cũ: chỉ xem")


@pytest.mark.parametrize("shell_central", [console_version()], indirect=True)
def test_a_console_at_the_minimum_sees_nothing_of_it(
    qtbot: Any, vietnamese: None, main_window: MainWindow
) -> None:
    window = main_window
    _synced(qtbot, window)
    assert window.sync.last_outcome.ok
    notice = window.link.notice
    assert notice.box is None and notice.needed is None and not notice.label.isVisible()
    assert "PAHT Console" not in window.status.currentMessage()
    assert window.session.outbox.held is None
