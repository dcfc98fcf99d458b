"""Signing in to the central API: server, user, password; demo accounts in one click.

The network call runs on the task runner, so the dialog stays responsive while a slow server
answers; the reason of a refusal is shown in the dialog, in the operator's language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.connection import DEMO_PASSWORD, Connection, sign_in
from console.sync.errors import ApiError, NetworkError, Unauthorized
from console.sync.server_url import InsecureServer
from widgets.tasks import TaskRunner

SignInFn = Callable[..., Connection]
DEMO_USERS = ("operator", "supervisor", "media")


class SignInDialog(QDialog):
    """`connection` holds the signed-in Connection once the dialog is accepted."""

    def __init__(
        self,
        server_url: str,
        runner: TaskRunner,
        *,
        demo: bool = False,
        user: str | None = None,
        ca_bundle: str | None = None,
        insecure_http: bool = False,
        sign_in_fn: SignInFn = sign_in,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in – PAHT Console"))
        self.setMinimumWidth(420)
        self.connection: Connection | None = None
        self._runner = runner
        self._ca_bundle = ca_bundle
        self._insecure_http = insecure_http
        self._sign_in = sign_in_fn
        self._busy = False

        heading = QLabel(self.tr("Field report console of the Huế IOC"), self)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.server_edit = QLineEdit(server_url, self)
        self.server_edit.setReadOnly(demo)
        self.user_edit = QLineEdit(user or "", self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("signInError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        self.demo_buttons: dict[str, QPushButton] = {}
        if demo:
            layout.addWidget(self._demo_row())
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if user else self.user_edit).setFocus()

    def _demo_row(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(QLabel(self.tr("Demo accounts:"), box))
        labels = {
            "operator": self.tr("Operator"),
            "supervisor": self.tr("Supervisor"),
            "media": self.tr("Media staff"),
        }
        for name in DEMO_USERS:
            button = QPushButton(labels[name], box)
            button.setObjectName(f"demo_{name}")
            button.setToolTip(self.tr("Sign in as the demo account “%1”").replace("%1", name))
            button.clicked.connect(lambda _=False, n=name: self.sign_in_as(n, DEMO_PASSWORD))
            row.addWidget(button)
            self.demo_buttons[name] = button
        row.addStretch(1)
        return box

    def sign_in_as(self, user: str, password: str) -> None:
        self.user_edit.setText(user)
        self.password_edit.setText(password)
        self._submit()

    def _submit(self) -> None:
        if self._busy:
            return
        server = self.server_edit.text().strip()
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not server.startswith(("http://", "https://")):
            self._show_error(self.tr("The server address must start with http:// or https://."))
            return
        if not user or not password:
            self._show_error(self.tr("Enter a user name and a password."))
            return
        self._set_busy(True)
        self._runner.run(
            self._call_sign_in,
            server,
            user,
            password,
            on_done=self._signed_in,
            on_error=self._failed,
        )

    def _call_sign_in(self, server: str, user: str, password: str) -> Connection:
        return self._sign_in(
            server, user, password, ca_bundle=self._ca_bundle, insecure_http=self._insecure_http
        )

    def _signed_in(self, connection: Connection) -> None:
        self._set_busy(False)
        self.connection = connection
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_failure(exc)

    def show_failure(self, exc: BaseException) -> None:
        """Why the last sign-in (the dialog's or one made without it) failed."""
        self.password_edit.clear()
        self._show_error(self.explain(exc))

    def explain(self, exc: BaseException) -> str:
        """The reason of a failed sign-in, as the operator should read it."""
        if isinstance(exc, InsecureServer):
            return exc.message
        if isinstance(exc, Unauthorized):
            return self.tr("Wrong user name or password.") + f" ({exc.message})"
        if isinstance(exc, NetworkError):
            return self.tr("Cannot reach the server: %1").replace("%1", exc.message)
        if isinstance(exc, ApiError):
            return self.tr("The server refused the sign-in: %1").replace("%1", exc.message)
        return self.tr("Sign-in failed: %1").replace("%1", str(exc) or type(exc).__name__)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in_button.setEnabled(not busy)
        for button in self.demo_buttons.values():
            button.setEnabled(not busy)
        if busy:
            self.error_label.setText(self.tr("Signing in…"))
            self.error_label.setStyleSheet("color: #1d4ed8;")
            self.error_label.show()
        else:
            self.error_label.setStyleSheet("color: #b91c1c;")
