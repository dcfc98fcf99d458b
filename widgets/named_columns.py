"""The shape every table of the console shares: rows in a list, columns named by an IntEnum,
headers translated (and replaced on a language switch by the model's own `_retranslate`)."""

from __future__ import annotations

from collections.abc import Sized
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class NamedColumnsModel(QAbstractTableModel):
    """Subclasses set COLUMNS, `self._rows` and `self._headers` (column -> header text)."""

    COLUMNS: ClassVar[type[IntEnum]]
    _rows: Sized
    _headers: dict[Any, str]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS(section)]
        return None
