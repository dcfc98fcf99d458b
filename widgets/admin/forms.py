"""The small forms the accounts dialog opens: a new account, a role or unit change, a new
password.

A form never talks to the server: `submitted` hands its values to the accounts dialog, which
runs the call in the background and answers `refuse(message)` (the form stays open with what
the admin typed and the server's reason) or closes it.
"""

from __future__ import annotations

import secrets
import string
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label
from console.domain.model import Role
from console.domain.reference import Reference
from widgets.i18n import current_language

if TYPE_CHECKING:
    from console.sync.accounts import Account

#: The roles an admin gives (citizens sign in through their own app).
ROLES = (Role.OPERATOR, Role.SUPERVISOR, Role.MEDIA, Role.ADMIN, Role.WALL, Role.UNIT)
GENERATED_LENGTH = 16
_ALPHABET = string.ascii_letters + string.digits


def random_password() -> str:
    """Letters and digits, long enough that the server's rules always accept it."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(GENERATED_LENGTH))


def _problem_label(parent: QWidget) -> QLabel:
    problem = QLabel(parent)
    problem.setObjectName("formProblem")
    problem.setTextFormat(Qt.TextFormat.PlainText)
    problem.setWordWrap(True)
    problem.setStyleSheet("color: #a40000;")
    problem.hide()
    return problem


class _Form(QDialog):
    """OK emits `submitted(values)` after the form's own checks; the caller answers."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.problem = _problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The window grows when the problem or the generated password's note appears.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self) -> str | None:
        """What is wrong before asking the server, or None."""
        return None

    def _submit(self) -> None:
        problem = self.check()
        if problem is not None:
            self.refuse(problem)
            return
        self.problem.hide()
        self.ok.setEnabled(False)
        self.submitted.emit(self.values())

    def refuse(self, message: str) -> None:
        """The server (or the form) said no: say why, keep every field as typed."""
        self.problem.setText(message)
        self.problem.show()
        self.ok.setEnabled(True)


class _RoleAndUnit:
    """A role box and a unit box that is enabled only for a handling unit's account."""

    def __init__(self, parent: QWidget, reference: Reference) -> None:
        self.role = QComboBox(parent)
        self.role.setObjectName("accountRole")
        for role in ROLES:
            self.role.addItem(label(role, current_language()), role.value)
        self.unit = QComboBox(parent)
        self.unit.setObjectName("accountUnit")
        language = current_language()
        units = sorted(reference.active_units(), key=lambda u: u.name)
        for unit in units:
            self.unit.addItem(reference.unit_name(unit.code, language), unit.code)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def selected_role(self) -> Role:
        return Role(self.role.currentData())

    def set(self, role: Role, unit_code: str | None) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(role.value)))
        if unit_code is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(unit_code)))
        self._role_changed()

    def unit_code(self) -> str | None:
        return str(self.unit.currentData()) if self.selected_role() is Role.UNIT else None

    def _role_changed(self) -> None:
        self.unit.setEnabled(self.selected_role() is Role.UNIT)


class _Passwords(QWidget):
    """A password typed twice, or a random one shown here once for the admin to copy."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.first.setObjectName("accountPassword")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("accountPasswordAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.generate = QPushButton(self.tr("Generate a random password"), self)
        self.generate.setObjectName("generatePassword")
        self.generate.clicked.connect(self._generate)
        self.copy = QPushButton(self.tr("Copy"), self)
        self.copy.setObjectName("copyPassword")
        self.copy.clicked.connect(self._copy)
        self.copy.hide()
        self.note = QLabel(self)
        self.note.setObjectName("passwordNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.first.textEdited.connect(self._typed)

    def password(self) -> str:
        return self.first.text()

    def check(self) -> str | None:
        if not self.first.text():
            return self.tr("Type a password or generate one.")
        if self.first.text() != self.second.text():
            return self.tr("The two passwords differ.")
        return None

    def _generate(self) -> None:
        password = random_password()
        self.first.setText(password)
        self.second.setText(password)
        self.first.setEchoMode(QLineEdit.EchoMode.Normal)
        self.first.setReadOnly(True)
        self.second.hide()
        self.copy.show()
        self.note.setText(
            self.tr("Copy this password now and give it to its owner: it is not shown again.")
        )
        self.note.show()
        self.window().adjustSize()

    def _typed(self) -> None:
        self.second.show()
        self.copy.hide()
        self.note.hide()

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.first.text())


class NewAccountForm(_Form):
    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newAccountForm")
        self.setWindowTitle(self.tr("New account"))
        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("accountDisplayName")
        self.choice = _RoleAndUnit(self, reference)
        self.passwords = _Passwords(self)
        self.form.addRow(self.tr("Account name"), self.name)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.choice.role)
        self.form.addRow(self.tr("Unit"), self.choice.unit)
        self.form.addRow(self.tr("Password"), self.passwords)
        self.ok.setText(self.tr("Create"))
        self.resize(520, 0)

    def check(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Give the account a name.")
        return self.passwords.check()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "role": self.choice.selected_role(),
            "password": self.passwords.password(),
            "unit_code": self.choice.unit_code(),
            "display_name": self.display_name.text().strip(),
        }


class ChangeAccountForm(_Form):
    """Role, unit and full name of one account."""

    def __init__(
        self, account: Account, reference: Reference, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changeAccountForm")
        self.account = account
        self.setWindowTitle(self.tr("Change account %1").replace("%1", account.name))
        self.display_name = QLineEdit(account.display_name, self)
        self.display_name.setObjectName("accountDisplayName")
        self.choice = _RoleAndUnit(self, reference)
        self.choice.set(account.role, account.unit_code)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.choice.role)
        self.form.addRow(self.tr("Unit"), self.choice.unit)
        self.ok.setText(self.tr("Save"))
        self.resize(480, 0)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.account.name,
            "role": self.choice.selected_role(),
            "unit_code": self.choice.unit_code(),
            "display_name": self.display_name.text().strip(),
        }


class PasswordForm(_Form):
    """A new password for one account (the owner's old one stops working)."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordForm")
        self.account = account
        self.setWindowTitle(self.tr("New password for %1").replace("%1", account.name))
        self.passwords = _Passwords(self)
        self.form.addRow(self.tr("Password"), self.passwords)
        self.ok.setText(self.tr("Set password"))
        self.resize(480, 0)

    def check(self) -> str | None:
        return self.passwords.check()

    def values(self) -> dict[str, Any]:
        return {"name": self.account.name, "password": self.passwords.password()}


class DeactivateConfirm(QMessageBox):
    """Asks before a deactivation, naming what follows: the owner is signed out everywhere."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deactivateConfirm")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Deactivate account"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            self.tr(
                "Deactivate %1? It is signed out everywhere at once and can no longer sign in."
            ).replace("%1", account.name)
        )
        self.yes = self.addButton(self.tr("Deactivate"), QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)
