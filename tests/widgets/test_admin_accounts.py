"""The admin's accounts dialog: its model, and the whole round against a real central, driven
by keys and clicks in a signed-in window (new unit account, deactivation, refusals)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from console.domain.model import Role
from console.sync.accounts import Account
from tests.widgets.desks import role_window
from widgets.admin.dialog import AccountsDialog
from widgets.admin.model import SORT_ROLE, AccountsFilter, AccountsModel, Column
from widgets.main_window import MainWindow

pytestmark = pytest.mark.webengine

CREATED = datetime(2026, 11, 30, 17, 5, tzinfo=UTC)  # 00:05 on 1 December in Huế


def _account(name: str, role: Role = Role.OPERATOR, **fields: Any) -> Account:
    values: dict[str, Any] = {
        "unit_code": None,
        "display_name": "",
        "active": True,
        "created_at": CREATED,
        **fields,
    }
    return Account(name=name, role=role, **values)


def _sample(reference: Any) -> list[Account]:
    unit = reference.active_units()[0].code
    return [
        _account("admin", Role.ADMIN, display_name="Quản trị hệ thống"),
        _account("nguyen.an", display_name="Nguyễn Văn An"),
        _account("to-vy-da", Role.UNIT, unit_code=unit, display_name="Tổ xử lý Vỹ Dạ"),
        _account("cu", Role.MEDIA, active=False),
    ]


def test_model_passes_the_qt_model_tester(qtmodeltester: Any, queue_reference: Any) -> None:
    model = AccountsModel(queue_reference)
    model.set_accounts(_sample(queue_reference))
    qtmodeltester.check(model)
    model.put(_account("moi", Role.SUPERVISOR))
    model.put(_account("cu", Role.MEDIA, active=True))
    qtmodeltester.check(model)
    proxy = AccountsFilter()
    proxy.setSourceModel(model)
    proxy.set_search("nguyen")
    qtmodeltester.check(proxy)


def test_columns_read_in_vietnamese_and_huế_time_and_filter_by_unit_and_name(
    queue_reference: Any,
) -> None:
    model = AccountsModel(queue_reference)
    accounts = _sample(queue_reference)
    model.set_accounts(accounts)

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(row, column).data(role)

    unit = accounts[2].unit_code
    assert [cell(2, c) for c in Column] == [
        "to-vy-da",
        "Tổ xử lý Vỹ Dạ",
        "Đơn vị xử lý",
        queue_reference.unit_name(unit),
        "Active",
        "00:05 01/12/2026",
    ]
    assert cell(3, Column.STATE) == "Deactivated"
    assert cell(3, Column.NAME, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(1, Column.DISPLAY_NAME, SORT_ROLE) == "nguyen van an"

    proxy = AccountsFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.NAME)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        "admin",
        "cu",
        "nguyen.an",
        "to-vy-da",
    ]
    proxy.set_unit(unit)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["to-vy-da"]
    proxy.set_unit(None)
    proxy.set_search("VY DA")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["to-vy-da"]


# -- the dialog in a signed-in window, against a real central ---------------------------------


@pytest.fixture
def admin_window(
    vietnamese: None, qtbot: Any, shell_central: Any, shell_settings: Any
) -> Iterator[MainWindow]:
    yield from role_window(qtbot, shell_central, shell_settings, "admin")


def _names(dialog: AccountsDialog) -> list[str]:
    return [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]


def _row_texts(dialog: AccountsDialog, name: str) -> list[str]:
    row = _names(dialog).index(name)
    return [dialog.proxy.index(row, c).data() for c in Column]


def _click_row(qtbot: Any, dialog: AccountsDialog, name: str) -> None:
    row = _names(dialog).index(name)
    rect = dialog.table.visualRect(dialog.proxy.index(row, Column.NAME))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected() is not None and dialog.selected().name == name


def _type(widget: Any, text: str) -> None:
    """Key events carrying `text` (QTest's key clicks take ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def _confirm(qtbot: Any, dialog: AccountsDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    box = dialog.confirm
    assert box is not None
    yes = next(b for b in box.buttons() if b.text() == "Vô hiệu hóa")
    _click(qtbot, yes)
    return box


def _open_accounts(qtbot: Any, window: MainWindow) -> AccountsDialog:
    QTest.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.tools.accounts is not None, timeout=5000)
    dialog = window.tools.accounts
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=15_000)
    return dialog


def test_admin_creates_a_unit_account_and_deactivates_it(
    qtbot: Any, admin_window: MainWindow, shell_central: Any
) -> None:
    window = admin_window
    assert window.tools.menus["admin"].title() == "&Quản trị"
    dialog = _open_accounts(qtbot, window)
    assert dialog.windowTitle() == "Tài khoản"
    assert {"admin", "operator", "supervisor", "media"} <= set(_names(dialog))
    assert _row_texts(dialog, "operator")[2:5] == ["Điều hành viên", "", "Đang hoạt động"]

    _click(qtbot, dialog.new_button)
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.name, "to-xu-ly-1")
    _type(form.display_name, "Tổ xử lý số 1")
    form.choice.role.setFocus()
    QTest.keyClick(form.choice.role, Qt.Key.Key_End)  # the last role: a handling unit
    assert form.choice.unit.isEnabled()
    QTest.keyClick(form.choice.unit, Qt.Key.Key_Down)
    unit = form.choice.unit.currentData()
    # A short password: the server refuses, the form keeps what was typed.
    qtbot.keyClicks(form.passwords.first, "ngan")
    qtbot.keyClicks(form.passwords.second, "ngan")
    _click(qtbot, form.ok)
    qtbot.waitUntil(lambda: form.problem.isVisible(), timeout=15_000)
    assert "ít nhất 10 ký tự" in form.problem.text()
    assert (form.name.text(), form.display_name.text()) == ("to-xu-ly-1", "Tổ xử lý số 1")
    assert form.choice.unit.currentData() == unit and form.isVisible()

    _click(qtbot, form.passwords.generate)
    password = form.passwords.first.text()
    assert len(password) >= 10 and form.passwords.note.isVisible()
    _click(qtbot, form.ok)
    qtbot.waitUntil(lambda: dialog.form is None, timeout=15_000)
    assert _row_texts(dialog, "to-xu-ly-1")[1:5] == [
        "Tổ xử lý số 1",
        "Đơn vị xử lý",
        dialog.model.unit_text(unit),
        "Đang hoạt động",
    ]
    assert "to-xu-ly-1" in dialog.notice.text()
    base = shell_central.base_url + "/api/v1/auth/token"
    signed = requests.post(base, json={"user": "to-xu-ly-1", "password": password}, timeout=10)
    assert signed.status_code == 200

    # The unit's staff: only this account belongs to that unit.
    dialog.unit.setFocus()
    for _ in range(dialog.unit.findData(unit)):  # type-ahead would depend on typing speed
        QTest.keyClick(dialog.unit, Qt.Key.Key_Down)
    assert dialog.unit.currentData() == unit
    assert _names(dialog) == ["to-xu-ly-1"]
    assert dialog.count.text().startswith("1 /")

    _click_row(qtbot, dialog, "to-xu-ly-1")
    _click(qtbot, dialog.deactivate_button)
    box = _confirm(qtbot, dialog)
    assert "đăng xuất ngay trên mọi máy" in box.text()
    qtbot.waitUntil(lambda: _row_texts(dialog, "to-xu-ly-1")[4] == "Đã vô hiệu hóa", timeout=15_000)
    assert dialog.reactivate_button.isEnabled() and not dialog.deactivate_button.isEnabled()
    refused = requests.post(base, json={"user": "to-xu-ly-1", "password": password}, timeout=10)
    assert refused.status_code == 403


def test_the_server_refusals_show_in_the_dialog_and_the_window_stays_usable(
    qtbot: Any, admin_window: MainWindow, shell_central: Any
) -> None:
    dialog = _open_accounts(qtbot, admin_window)
    _click_row(qtbot, dialog, "admin")
    _click(qtbot, dialog.deactivate_button)
    _confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.notice.text() != "", timeout=15_000)
    qtbot.waitUntil(lambda: dialog.new_button.isEnabled(), timeout=15_000)
    assert "Không thể tự vô hiệu hóa" in dialog.notice.text()
    assert _row_texts(dialog, "admin")[4] == "Đang hoạt động"

    # Demoting the only admin (itself) from the role form: refused in the form, kept as typed.
    _click(qtbot, dialog.change_button)
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    form.choice.role.setFocus()
    QTest.keyClick(form.choice.role, Qt.Key.Key_Home)
    assert form.choice.selected_role() is Role.OPERATOR
    _click(qtbot, form.ok)
    qtbot.waitUntil(lambda: form.problem.isVisible(), timeout=15_000)
    assert "hạ quyền" in form.problem.text()
    assert form.choice.selected_role() is Role.OPERATOR and form.isVisible()
    form.reject()

    # The central goes away: a reload says so in the dialog, the rows and window stay.
    shell_central.stop()
    _click(qtbot, dialog.reload_button)
    qtbot.waitUntil(lambda: dialog.reload_button.isEnabled(), timeout=30_000)
    assert "máy chủ" in dialog.notice.text().lower()
    assert "admin" in _names(dialog)
    dialog.close()
    qtbot.waitUntil(lambda: admin_window.tools.accounts is None)


def test_other_roles_have_no_accounts_menu(
    qtbot: Any, shell_central: Any, shell_settings: Any
) -> None:
    for window in role_window(qtbot, shell_central, shell_settings, "supervisor"):
        assert window.tools.accounts_action is None and "admin" not in window.tools.menus
        QTest.keyClick(
            window,
            Qt.Key.Key_U,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert window.tools.accounts is None


def test_the_shortcut_sheet_lists_the_accounts_dialog(qtbot: Any, admin_window: MainWindow) -> None:
    sheet = admin_window.show_shortcuts()
    assert ("Ctrl+Shift+U", "Tài khoản") in sheet.rows()
    sheet.close()


def test_admin_resets_a_password_and_reactivates_an_account(
    qtbot: Any, admin_window: MainWindow, shell_central: Any
) -> None:
    base = shell_central.base_url + "/api/v1/auth/token"

    def sign_in(password: str) -> int:
        answer = requests.post(base, json={"user": "media", "password": password}, timeout=10)
        return answer.status_code

    dialog = _open_accounts(qtbot, admin_window)
    _type(dialog.search, "MEDIA")
    assert _names(dialog) == ["media"]
    _click_row(qtbot, dialog, "media")
    _click(qtbot, dialog.password_button)
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.passwords.first, "mat-khau-moi-2026")
    qtbot.keyClicks(form.passwords.second, "mat-khau-moi-2025")
    _click(qtbot, form.ok)
    assert form.problem.text() == "Hai mật khẩu không khớp nhau."
    form.passwords.second.clear()
    qtbot.keyClicks(form.passwords.second, "mat-khau-moi-2026")
    _click(qtbot, form.ok)
    qtbot.waitUntil(lambda: dialog.form is None, timeout=15_000)
    assert "media" in dialog.notice.text()
    assert (sign_in("demo"), sign_in("mat-khau-moi-2026")) == (401, 200)

    _click(qtbot, dialog.deactivate_button)
    _confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.reactivate_button.isEnabled(), timeout=15_000)
    assert sign_in("mat-khau-moi-2026") == 403
    _click(qtbot, dialog.reactivate_button)
    qtbot.waitUntil(lambda: _row_texts(dialog, "media")[4] == "Đang hoạt động", timeout=15_000)
    assert sign_in("mat-khau-moi-2026") == 200


def test_the_open_dialog_follows_a_language_switch(qtbot: Any, admin_window: MainWindow) -> None:
    dialog = _open_accounts(qtbot, admin_window)
    _click_row(qtbot, dialog, "operator")
    admin_window.choose_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Accounts")
    assert dialog.proxy.headerData(Column.ROLE, Qt.Orientation.Horizontal) == "Role"
    assert _row_texts(dialog, "operator")[2:5] == ["Operator", "", "Active"]
    assert dialog.unit.itemText(0) == "All accounts"
    assert dialog.selected() is not None and dialog.selected().name == "operator"
