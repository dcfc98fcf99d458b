"""Starting the console: the window first, the store and the server behind it.

A returning operator's window opens from what the computer remembers; the tests run the
real launcher (`widgets.app.start_gui`) over the real central API on loopback.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from console.domain.model import Role
from widgets.main_window import MainWindow
from widgets.status_bar import LinkState

pytestmark = pytest.mark.webengine

#: What the window's start path leaves for later (python -X importtime, this machine): the
#: store and network libraries (sqlalchemy, requests, keyring: about 0.4 s together) load on
#: workers behind the shown window; the exports (pandas, OpenCV, python-docx, openpyxl,
#: reportlab, python-pptx, scikit-image: seconds) and the role's tools load on first use.
HEAVY = (
    "sqlalchemy",
    "requests",
    "keyring",
    "numpy",
    "holidays",
    "folium",
    "pandas",
    "cv2",
    "docx",
    "openpyxl",
    "reportlab",
    "pptx",
    "skimage",
    "console.exports",
    "widgets.briefing",
    "widgets.role_tools",
)


def test_the_window_modules_leave_the_store_and_network_libraries_for_later() -> None:
    """What `paht-console` imports before its window shows (measured by benchmarks.gui)."""
    code = (
        "import sys, json, console.cli, widgets.app; "
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_window_takes_a_search_before_its_store_opens_and_applies_it_after(
    qtbot: Any, shell_session: Any, run_sync: Any
) -> None:
    from console.sync.engine import SyncEngine

    SyncEngine(
        shell_session.connection.client, shell_session.cache, shell_session.outbox
    ).sync_once()
    window = MainWindow(shell_session.place, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert not window.is_open()
    qtbot.waitUntil(lambda: window.focusWidget() is window.queue.filter_bar.search)
    assert window.queue.summary.text() == "Opening the local store…"
    QTest.keyClick(window, Qt.Key.Key_F5)  # no store yet: a message, no crash
    window.queue.set_view("all")  # each tab keeps its own filter: type on the tab wanted
    QTest.keyClicks(window.queue.filter_bar.search, "zzz-khong-co")
    window.queue.filter_bar.flush()

    with qtbot.waitSignal(window.queue.loaded, timeout=30_000):
        window.attach(shell_session)
    assert window.is_open() and window.visible_rows == []  # the typed search holds
    window.queue.filter_bar.search.clear()
    window.queue.filter_bar.flush()
    qtbot.waitUntil(lambda: len(window.visible_rows) == 40, timeout=30_000)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&View") < titles.index("&Actions") < titles.index("&Language")
    run_sync(window)
    window.close()


@pytest.fixture
def returning(shell_central: Any, shell_settings: Any) -> Iterator[Any]:
    """`returning(user, role, token)`: the settings of a computer that remembers who signed
    in last; its cache already holds the city (synced by that user)."""
    from console.connection import sign_in
    from console.credentials import TokenStore
    from console.sync.engine import SyncEngine
    from widgets.opening import open_session
    from widgets.session import layout_settings, remember_identity

    settings = shell_settings.with_changes(server_url=shell_central.base_url)
    first = open_session(settings, sign_in(shell_central.base_url, "operator", "demo"))
    SyncEngine(first.connection.client, first.cache, first.outbox).sync_once()
    first.cache.close()
    first.outbox.close()
    launchers: list[Any] = []

    def make(user: str, role: Role, token: str) -> Any:
        store = layout_settings(settings.config_dir)
        remember_identity(store, shell_central.base_url, user, role)
        TokenStore(settings.config_dir).save(shell_central.base_url, user, token)
        from widgets.app import start_gui

        _app, launcher = start_gui(settings)
        launchers.append(launcher)
        return launcher

    yield make
    for launcher in launchers:
        launcher.cleanup()


def _opened(qtbot: Any, launcher: Any, rows: int = 40) -> MainWindow:
    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.is_open(), timeout=30_000
    )
    window: MainWindow = launcher.window
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: len(window.visible_rows) == rows, timeout=30_000)
    return window


def test_a_returning_operator_works_from_the_cache_while_the_server_is_down(
    qtbot: Any, returning: Any, shell_central: Any
) -> None:
    from console.connection import sign_in

    token = sign_in(shell_central.base_url, "operator", "demo").token
    shell_central.stop()
    try:
        launcher = returning("operator", Role.OPERATOR, token)
        window = _opened(qtbot, launcher)
        assert launcher.dialog is None  # no sign-in asked
        assert window.role is Role.OPERATOR and window.isVisible()
        qtbot.waitUntil(lambda: window.status.state is LinkState.OFFLINE, timeout=60_000)
    finally:
        shell_central.start()
    window.sync_now()
    qtbot.waitUntil(lambda: window.status.state is LinkState.ONLINE, timeout=60_000)


def test_a_refused_token_asks_to_sign_in_over_the_open_window(qtbot: Any, returning: Any) -> None:
    launcher = returning("operator", Role.OPERATOR, "a-token-the-server-forgot")
    qtbot.waitUntil(
        lambda: launcher.dialog is not None and launcher.dialog.isVisible(), timeout=30_000
    )
    window = launcher.window
    assert window is not None and window.isVisible() and not window.is_open()
    assert launcher.dialog.parent() is window
    launcher.dialog.sign_in_as("operator", "demo")
    assert _opened(qtbot, launcher) is window


def test_a_role_changed_on_the_server_gets_that_roles_window(
    qtbot: Any, returning: Any, shell_central: Any
) -> None:
    from console.connection import sign_in

    token = sign_in(shell_central.base_url, "supervisor", "demo").token
    launcher = returning("supervisor", Role.OPERATOR, token)  # remembered from before
    window = _opened(qtbot, launcher)
    assert window.role is Role.SUPERVISOR
    assert window.tools.supervisor is not None


def _started(settings: Any) -> Any:
    from widgets.app import start_gui

    _app, launcher = start_gui(settings)
    return launcher


def test_the_embedded_demo_signs_in_as_the_demo_operator_without_asking(
    qtbot: Any, shell_settings: Any
) -> None:
    settings = shell_settings.with_changes(server_url=None, demo_count=40, demo_simulator=False)
    launcher = _started(settings)
    try:
        window = _opened(qtbot, launcher)
        assert launcher.dialog is None
        assert (window.place.user, window.role) == ("operator", Role.OPERATOR)
        assert window.status.user_label.text() == "Đăng nhập: operator (Điều hành viên)"
    finally:
        launcher.cleanup()


def test_the_window_signs_in_with_paht_password_like_the_command_line(
    qtbot: Any, shell_central: Any, shell_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAHT_PASSWORD", "demo")
    settings = shell_settings.with_changes(server_url=shell_central.base_url, user="supervisor")
    launcher = _started(settings)
    try:
        qtbot.waitUntil(
            lambda: launcher.window is not None and launcher.window.is_open(), timeout=30_000
        )
        assert launcher.dialog is None
        assert launcher.window.role is Role.SUPERVISOR
    finally:
        launcher.cleanup()


def test_a_refused_paht_password_opens_the_sign_in_dialog_saying_why(
    qtbot: Any, shell_central: Any, shell_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAHT_PASSWORD", "not-the-password")
    settings = shell_settings.with_changes(server_url=shell_central.base_url, user="operator")
    launcher = _started(settings)
    try:
        qtbot.waitUntil(
            lambda: launcher.dialog is not None and launcher.dialog.isVisible(), timeout=30_000
        )
        dialog = launcher.dialog
        assert dialog.user_edit.text() == "operator"
        assert dialog.error_label.text().startswith("Sai tên tài khoản hoặc mật khẩu.")
        dialog.password_edit.setFocus()
        QTest.keyClicks(dialog.password_edit, "demo")
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        _opened(qtbot, launcher)
    finally:
        launcher.cleanup()


def test_offline_a_remembered_role_is_read_only_until_the_server_confirms_it(
    qtbot: Any, returning: Any, shell_central: Any
) -> None:
    """window.ini says who worked here last; without the server nothing proves the role, so
    the window shows the cache but no action that changes a report runs."""
    from console.connection import sign_in

    token = sign_in(shell_central.base_url, "operator", "demo").token
    shell_central.stop()
    try:
        launcher = returning("operator", Role.OPERATOR, token)
        window = _opened(qtbot, launcher)
        note = window.read_only_label
        assert note.isVisible()
        assert note.text() == "⚠ Ngoại tuyến: chỉ xem, chờ máy chủ xác nhận vai trò"
        new = next(row for row in window.visible_rows if row.status == "new")
        window.queue.select_report(new.id)
        accept = window.tools.triage.actions["accept"]
        qtbot.waitUntil(lambda: window.queue.selected_ids() == [new.id])
        assert not accept.isEnabled()
        QTest.keyClick(window.queue.table, Qt.Key.Key_A)
        assert window.status.currentMessage() == note.text().removeprefix("⚠ ")
        assert window.session.outbox.pending() == []
    finally:
        shell_central.start()
    window.sync_now()
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=60_000)
    assert launcher.window is window and launcher.state.connection.confirmed
    qtbot.waitUntil(accept.isEnabled)


def test_offline_the_server_answering_with_another_role_replaces_the_read_only_window(
    qtbot: Any, returning: Any, shell_central: Any
) -> None:
    from console.connection import sign_in

    token = sign_in(shell_central.base_url, "media", "demo").token
    shell_central.stop()
    try:
        launcher = returning("media", Role.OPERATOR, token)  # remembered from before
        window = _opened(qtbot, launcher)
        assert window.read_only_label.isVisible() and window.role is Role.OPERATOR
    finally:
        shell_central.start()
    window.sync_now()
    qtbot.waitUntil(lambda: launcher.window is not window, timeout=60_000)
    media = _opened(qtbot, launcher)
    assert media.role is Role.MEDIA and not media.read_only_label.isVisible()
    assert media.tools.triage is None


class _RefusingServer(ThreadingHTTPServer):
    """A central API in maintenance: every request gets a 503 whose message holds HTML."""

    message = '<b>Bảo trì</b> <a href="http://evil.example">đăng nhập lại</a>'

    def __init__(self) -> None:
        message = self.message

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.dumps({"code": "maintenance", "message": message}).encode()
                self.send_response(503)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


def test_the_start_error_box_shows_the_servers_text_as_it_is(
    qtbot: Any, shell_settings: Any
) -> None:
    """A server's message is data: HTML in it is shown literally, never rendered."""
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from widgets.app import start_gui

    server = _RefusingServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    _app, launcher = start_gui(shell_settings.with_changes(server_url=url), demo=True)
    try:

        def error_box() -> QMessageBox | None:
            for widget in QApplication.topLevelWidgets():
                if widget.objectName() == "startErrorBox" and widget.isVisible():
                    return widget  # type: ignore[return-value]
            return None

        qtbot.waitUntil(lambda: error_box() is not None, timeout=30_000)
        box = error_box()
        assert box is not None
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label.textFormat() is Qt.TextFormat.PlainText
        assert label.text() == f"Không khởi động được PAHT Console: {server.message}"
    finally:
        launcher.cleanup()  # closes the box without quitting: no event loop runs here
        server.shutdown()
        server.server_close()
