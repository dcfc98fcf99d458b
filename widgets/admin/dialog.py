"""The admin's accounts dialog: every account of the central, a unit's staff, and the changes
a city needs on day one (new account, role or unit, deactivate, reactivate, new password).

Every call to the server runs on the dialog's own TaskRunner, one at a time, so the window never
freezes; a refusal shows the server's reason here (in the open form when there is one, with
what the admin typed still in it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.reference import Reference
from widgets.admin.forms import (
    ChangeAccountForm,
    DeactivateConfirm,
    NewAccountForm,
    PasswordForm,
)
from widgets.admin.model import ACCOUNT_ROLE, AccountsFilter, AccountsModel, Column
from widgets.i18n import current_language
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from console.sync.accounts import Account
    from console.sync.client import CentralClient


class AccountsDialog(QDialog):
    """Not modal: the admin may keep it beside the queue. Closing it closes its client."""

    def __init__(
        self, client: CentralClient, reference: Reference, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self._client = client
        self._reference = reference
        self.runner = TaskRunner(self, max_threads=1)
        self.form: QDialog | None = None
        self.confirm: DeactivateConfirm | None = None

        self.model = AccountsModel(reference, self)
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("accountsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DISPLAY_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._enable)

        self.unit_label = QLabel(self)
        self.unit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unit = QComboBox(self)
        self.unit.setObjectName("accountsUnit")
        self.unit_label.setBuddy(self.unit)
        self.search = QLineEdit(self)
        self.search.setObjectName("accountsSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.unit.currentIndexChanged.connect(self._unit_chosen)
        filters = QHBoxLayout()
        filters.addWidget(self.unit_label)
        filters.addWidget(self.unit, 1)
        filters.addWidget(self.search, 1)

        self.new_button = self._button("newAccount", self.new_account)
        self.change_button = self._button("changeAccount", self.change_account)
        self.deactivate_button = self._button("deactivateAccount", self.deactivate)
        self.reactivate_button = self._button("reactivateAccount", self.reactivate)
        self.password_button = self._button("resetPassword", self.reset_password)
        self.reload_button = self._button("reloadAccounts", self.reload)
        self.close_button = self._button("closeAccounts", self.close)
        buttons = QHBoxLayout()
        for button in self.findChildren(QPushButton):
            buttons.addWidget(button)
        buttons.insertStretch(5, 1)

        self.notice = QLabel(self)
        self.notice.setObjectName("accountsNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setObjectName("accountsCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        footer = QHBoxLayout()
        footer.addWidget(self.notice, 1)
        footer.addWidget(self.count)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        layout.addLayout(buttons)
        self._busy = False
        self._loaded = False
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._count)
        self._retranslate()
        self.resize(980, 560)
        self._enable()

    def _button(self, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Accounts"))
        self.unit_label.setText(self.tr("&Unit's staff:"))
        self.search.setPlaceholderText(self.tr("Search account or name…"))
        self.new_button.setText(self.tr("&New account…"))
        self.change_button.setText(self.tr("Change &role or unit…"))
        self.deactivate_button.setText(self.tr("&Deactivate…"))
        self.reactivate_button.setText(self.tr("Reac&tivate"))
        self.password_button.setText(self.tr("Reset &password…"))
        self.reload_button.setText(self.tr("Re&load"))
        self.close_button.setText(self.tr("Close"))
        self._fill_units()
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            QCoreApplication.sendEvent(self.model, QEvent(QEvent.Type.LanguageChange))
        super().changeEvent(event)

    def _fill_units(self) -> None:
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All accounts"), None)
        language = current_language()
        for unit in sorted(self._reference.active_units(), key=lambda u: u.name):
            self.unit.addItem(self._reference.unit_name(unit.code, language), unit.code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)))
        self.unit.blockSignals(False)

    # -- what the admin sees ---------------------------------------------------------------

    def selected(self) -> Account | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        account: Account = index.siblingAtColumn(0).data(ACCOUNT_ROLE)
        return account

    def select(self, name: str) -> bool:
        """Makes the account's row current (clearing a filter that hides it)."""
        for attempt in range(2):
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(ACCOUNT_ROLE).name == name:
                    self.table.selectRow(row)
                    self.table.scrollTo(index)
                    return True
            if attempt == 0:
                self.search.clear()
                self.unit.setCurrentIndex(0)
        return False

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not self._loaded:
            self.count.setText(self.tr("Loading…"))
        elif shown == total:
            self.count.setText(self.tr("%1 accounts").replace("%1", str(total)))
        else:
            text = self.tr("%1 of %2 accounts")
            self.count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.notice.setStyleSheet("color: #a40000;" if problem else "")
        self.notice.setText(text)

    def _enable(self, *_: object) -> None:
        account = self.selected()
        idle = not self._busy
        self.new_button.setEnabled(idle and self._loaded)
        self.reload_button.setEnabled(idle)
        for button in (self.change_button, self.password_button):
            button.setEnabled(idle and account is not None)
        self.deactivate_button.setEnabled(idle and account is not None and account.active)
        self.reactivate_button.setEnabled(idle and account is not None and not account.active)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._enable()

    def _unit_chosen(self) -> None:
        self.proxy.set_unit(self.unit.currentData())
        self._enable()

    # -- calls to the server ---------------------------------------------------------------

    def _call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        refused: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> None:
        self._busy = True
        self._enable()

        def finished(value: Any) -> None:
            self._busy = False
            done(value)
            self._enable()

        def failed(exc: BaseException) -> None:
            self._busy = False
            message = self._reason(exc)
            self._say(message, problem=True)
            if refused is not None:
                refused(message)
            self._enable()

        self.runner.run(lambda: fn(*args, **kwargs), on_done=finished, on_error=failed)

    def _reason(self, exc: BaseException) -> str:
        message = getattr(exc, "message", None)
        if isinstance(message, str) and message:
            return message
        return self.tr("The server did not answer: %1").replace("%1", str(exc))

    def reload(self) -> None:
        self._say(self.tr("Loading the accounts…"))
        self._call(self._client.list_users, done=self._loaded_accounts)

    def _loaded_accounts(self, accounts: list[Account]) -> None:
        chosen = self.selected()
        self._loaded = True
        self.model.set_accounts(accounts)
        self._say("")
        if chosen is not None:
            self.select(chosen.name)
        self._count()

    def _changed(self, account: Account, text: str) -> None:
        self.model.put(account)
        self.select(account.name)
        self._say(text.replace("%1", account.name))

    def _form_done(self, form: QDialog, account: Account, text: str) -> None:
        form.accept()
        self._changed(account, text)

    def _open_form(self, form: Any, submit: Callable[[dict[str, Any]], None]) -> None:
        self.form = form
        form.submitted.connect(submit)
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _form_closed(self, form: QDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def new_account(self) -> NewAccountForm:
        form = NewAccountForm(self._reference, self)

        def submit(values: dict[str, Any]) -> None:
            self._call(
                self._client.create_user,
                values["name"],
                values["role"],
                values["password"],
                unit_code=values["unit_code"],
                display_name=values["display_name"],
                done=lambda account: self._form_done(form, account, self.tr("Account %1 created.")),
                refused=form.refuse,
            )

        self._open_form(form, submit)
        return form

    def change_account(self) -> ChangeAccountForm | None:
        account = self.selected()
        if account is None:
            return None
        form = ChangeAccountForm(account, self._reference, self)

        def submit(values: dict[str, Any]) -> None:
            self._call(
                self._client.update_user,
                values["name"],
                role=values["role"],
                unit_code=values["unit_code"],
                display_name=values["display_name"],
                done=lambda changed: self._form_done(form, changed, self.tr("Account %1 changed.")),
                refused=form.refuse,
            )

        self._open_form(form, submit)
        return form

    def reset_password(self) -> PasswordForm | None:
        account = self.selected()
        if account is None:
            return None
        form = PasswordForm(account, self)

        def submit(values: dict[str, Any]) -> None:
            self._call(
                self._client.reset_password,
                values["name"],
                values["password"],
                done=lambda _none: self._form_done(
                    form, account, self.tr("New password set for %1.")
                ),
                refused=form.refuse,
            )

        self._open_form(form, submit)
        return form

    def deactivate(self) -> DeactivateConfirm | None:
        """Asks first, naming what follows: the owner is signed out everywhere at once."""
        account = self.selected()
        if account is None or not account.active:
            return None
        box = DeactivateConfirm(account, self)

        def answered() -> None:
            self.confirm = None
            if box.clickedButton() is box.yes:
                self._set_active(account.name, False, self.tr("Account %1 deactivated."))
            box.deleteLater()

        box.finished.connect(answered)
        self.confirm = box
        box.open()
        return box

    def reactivate(self) -> None:
        account = self.selected()
        if account is not None and not account.active:
            self._set_active(account.name, True, self.tr("Account %1 reactivated."))

    def _set_active(self, name: str, active: bool, text: str) -> None:
        self._call(
            self._client.update_user,
            name,
            active=active,
            done=lambda account: self._changed(account, text),
        )

    # -- opening and closing ---------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded and not self._busy:
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Waits for the call in flight, then closes the dialog's client."""
        if not self.runner.closed:
            self.runner.shutdown()
            self._client.close()
