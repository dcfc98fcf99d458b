"""The central's accounts as a Qt table model, and the filter the admin narrows it with.

A city has a few hundred accounts at most, so the model holds them all and a
QSortFilterProxyModel sorts by `SORT_ROLE` and filters by unit and by a search text.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from console.domain.hue_time import time_text
from console.domain.labels import label
from console.domain.reference import Reference
from console.domain.text import fold
from widgets.i18n import current_language
from widgets.named_columns import NamedColumnsModel

if TYPE_CHECKING:
    from console.sync.accounts import Account

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ACCOUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 2

INACTIVE_TEXT = QColor("#6b7280")

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    DISPLAY_NAME = 1
    ROLE = 2
    UNIT = 3
    STATE = 4
    CREATED = 5


class AccountsModel(NamedColumnsModel):
    """One row per account, in the order given; `put` replaces an account by its name."""

    COLUMNS = Column

    def __init__(self, reference: Reference, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self._rows: list[Account] = []
        self._headers: dict[Column, str] = {}
        self._retranslate()

    def _retranslate(self) -> None:
        self._headers = {
            Column.NAME: self.tr("Account"),
            Column.DISPLAY_NAME: self.tr("Full name"),
            Column.ROLE: self.tr("Role"),
            Column.UNIT: self.tr("Unit"),
            Column.STATE: self.tr("State"),
            Column.CREATED: self.tr("Created"),
        }

    def event(self, event: QEvent) -> bool:
        """The dialog passes LanguageChange on: headers, roles and unit names follow."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
            if self._rows:
                last = self.index(len(self._rows) - 1, len(Column) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        return super().event(event)

    # -- contents --------------------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.beginResetModel()
        self._rows = list(accounts)
        self.endResetModel()

    def put(self, account: Account) -> int:
        """The account's row after replacing the one of the same name (or adding it)."""
        for row, known in enumerate(self._rows):
            if known.name == account.name:
                self._rows[row] = account
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(account)
        self.endInsertRows()
        return row

    def account(self, row: int) -> Account:
        return self._rows[row]

    def accounts(self) -> list[Account]:
        return list(self._rows)

    def unit_text(self, code: str | None) -> str:
        if not code:
            return ""
        if self._reference.unit(code) is None:
            return code
        return self._reference.unit_name(code, current_language())

    # -- Qt model --------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        account = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, column)
        if role == SORT_ROLE:
            return self._sort_key(account, column)
        if role == ACCOUNT_ROLE:
            return account
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return INACTIVE_TEXT
        return None

    def _text(self, account: Account, column: Column) -> str:
        if column is Column.NAME:
            return account.name
        if column is Column.DISPLAY_NAME:
            return account.display_name
        if column is Column.ROLE:
            return label(account.role, current_language())
        if column is Column.UNIT:
            return self.unit_text(account.unit_code)
        if column is Column.STATE:
            return self.tr("Active") if account.active else self.tr("Deactivated")
        return time_text(account.created_at)

    def _sort_key(self, account: Account, column: Column) -> Any:
        if column is Column.CREATED:
            return account.created_at.timestamp()
        if column is Column.STATE:
            return 0 if account.active else 1
        return fold(self._text(account, column))


class AccountsFilter(QSortFilterProxyModel):
    """A unit's staff (`set_unit`) and a search over account and full name (`set_search`),
    diacritics ignored ("nguyen" finds "Nguyễn")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._unit: str | None = None
        self._search = ""

    def set_unit(self, code: str | None) -> None:
        self.beginFilterChange()
        self._unit = code
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = fold(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AccountsModel):
            return True
        account = model.account(source_row)
        if self._unit is not None and account.unit_code != self._unit:
            return False
        if self._search:
            return self._search in fold(f"{account.name} {account.display_name}")
        return True
