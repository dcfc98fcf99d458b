"""The queue's current report, kept across loads and filters.

When the data moves (an action, a sync) and the current report leaves the rows, the row that
took its place becomes current, as in a work queue; after a new filter, none is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint
from PySide6.QtWidgets import QTableView

from widgets.queue_model import ID_ROLE, Column, QueueModel

_SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class SelectionKeeper:
    def __init__(
        self,
        table: QTableView,
        model: QueueModel,
        selected: Callable[[int], None],
        left: Callable[[], None],
    ) -> None:
        self._table = table
        self._model = model
        self._selected = selected
        self._left = left
        self.current_id: int | None = None
        self._current_row = 0
        table.selectionModel().currentRowChanged.connect(self._current_changed)

    def select(self, report_id: int) -> bool:
        """Make `report_id` current and visible; False when the rows do not hold it."""
        row = self._model.row_of(report_id)
        if row is None:
            return False
        index = self._model.index(row, Column.CODE)
        self._table.selectionModel().setCurrentIndex(index, _SELECT_ROW)
        self._table.scrollTo(index)
        return True

    def selected_ids(self) -> list[int]:
        rows = self._table.selectionModel().selectedRows()
        return [self._model.report_id(index.row()) for index in sorted(rows, key=lambda i: i.row())]

    def top_row_id(self) -> int | None:
        index = self._table.indexAt(QPoint(1, 1))
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def follow(self, *, moved: bool) -> None:
        """After new rows: the current report, the row that took its place, or none."""
        if self.current_id is None or self._model.row_of(self.current_id) is not None:
            return
        count = self._model.rowCount()
        if moved and count:
            index = self._model.index(min(self._current_row, count - 1), Column.CODE)
            self._table.selectionModel().setCurrentIndex(index, _SELECT_ROW)
            return
        self.current_id = None
        self._table.selectionModel().clear()
        self._left()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self._current_row = current.row()
        report_id = int(current.data(ID_ROLE))
        if report_id != self.current_id:
            self.current_id = report_id
            self._selected(report_id)
