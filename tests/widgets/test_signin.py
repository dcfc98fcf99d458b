"""Signing in against the real central API, from the dialog the operator sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.domain.model import Role
from widgets.signin import SignInDialog
from widgets.tasks import TaskRunner


def _dialog(qtbot: Any, server_url: str, **options: Any) -> SignInDialog:
    runner = TaskRunner()
    dialog = SignInDialog(server_url, runner, **options)
    qtbot.addWidget(dialog)
    dialog.destroyed.connect(lambda: runner.shutdown())
    dialog.show()
    return dialog


def test_demo_account_signs_in_with_one_click(qtbot: Any, shell_central: Any) -> None:
    dialog = _dialog(qtbot, shell_central.base_url, demo=True)
    assert set(dialog.demo_buttons) == {"operator", "supervisor", "media"}

    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.demo_buttons["supervisor"].click()

    assert dialog.connection is not None
    assert dialog.connection.role is Role.SUPERVISOR
    assert dialog.connection.client.me()["name"] == "supervisor"


def test_wrong_password_is_explained_and_the_dialog_stays(qtbot: Any, shell_central: Any) -> None:
    dialog = _dialog(qtbot, shell_central.base_url, user="operator")
    dialog.password_edit.setText("not-the-password")

    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=30_000)

    assert dialog.isVisible() and dialog.connection is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() != ""
    assert dialog.password_edit.text() == ""


def test_unreachable_server_is_explained(qtbot: Any) -> None:
    dialog = _dialog(qtbot, "http://127.0.0.1:9")
    dialog.sign_in_as("operator", "demo")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=60_000)

    assert dialog.connection is None and dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() not in ("", dialog.tr("Signing in…"))


def test_a_plain_http_server_off_this_machine_is_refused_before_the_password_leaves(
    qtbot: Any,
) -> None:
    dialog = _dialog(qtbot, "")
    qtbot.keyClicks(dialog.server_edit, "http://10.20.30.40:8750")
    qtbot.keyClicks(dialog.user_edit, "lan")
    qtbot.keyClicks(dialog.password_edit, "mat-khau")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=30_000)

    assert dialog.connection is None and dialog.isVisible()
    shown = dialog.error_label.text()
    assert "không mã hoá" in shown and "https://" in shown and "--insecure-http" in shown


def test_no_demo_buttons_for_a_real_server(qtbot: Any) -> None:
    dialog = _dialog(qtbot, "https://paht.example.vn")
    assert dialog.demo_buttons == {}
    assert not dialog.server_edit.isReadOnly()
    dialog.sign_in_as("", "")
    assert dialog.error_label.isVisible()


def test_a_saved_token_resumes_the_session_until_it_is_refused(
    shell_central: Any, tmp_path: Any
) -> None:
    import keyring.backends.fail
    import pytest

    from console.connection import reconnect, sign_in
    from console.credentials import TokenStore
    from console.sync.errors import Unauthorized

    first = sign_in(shell_central.base_url, "supervisor", "demo")
    store = TokenStore(tmp_path, backend=keyring.backends.fail.Keyring())
    store.save(shell_central.base_url, "supervisor", first.token)

    token = TokenStore(tmp_path, backend=keyring.backends.fail.Keyring()).load(
        shell_central.base_url, "supervisor"
    )
    assert token is not None
    # The role the server gives wins over a remembered one that is out of date.
    again = reconnect(shell_central.base_url, "supervisor", Role.OPERATOR, token)
    assert (again.user, again.role) == ("supervisor", Role.SUPERVISOR)

    with pytest.raises(Unauthorized):
        reconnect(shell_central.base_url, "supervisor", Role.SUPERVISOR, "not-a-token")
