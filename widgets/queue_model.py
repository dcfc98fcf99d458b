# Over 400 lines by reason: one table model, whose roles, sort keys and display texts must agree.
"""The triage queue as a Qt table model over plain QueueRows.

Row swaps go through layoutChanged with the persistent indexes moved by report id, so a
view's selection and current row follow their report when rows come, go or move (a model
reset would drop them). Sorting runs in Python with one key per row (a proxy model would
call back into Python millions of times at 200,000 rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from console.domain.calendar import to_local
from console.domain.labels import label, label_of
from console.domain.model import Status, Urgency, utcnow
from console.domain.reference import Reference
from console.domain.text import fold
from console.store.queue_clock import QueueClock, describe_time_left
from console.store.records import QueueRow
from widgets.i18n import current_language
from widgets.named_columns import NamedColumnsModel

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
PENDING_ROLE = int(Qt.ItemDataRole.UserRole) + 3
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 4

OVERDUE_TEXT = QColor("#a40000")
OVERDUE_BACK = QColor("#fbd5d5")
LOW_TEXT = QColor("#7a4a00")
LOW_BACK = QColor("#ffe4a3")
PENDING_MARK = "↻ "
#: A report that arrived in the latest sync, until the operator selects it or it is a minute old.
NEW_BACK = QColor("#d6ecff")
NEW_FOR = timedelta(seconds=60)

_STATUS_ORDER = {status.value: n for n, status in enumerate(Status)}
_URGENCY_ORDER = {Urgency.URGENT.value: 0, Urgency.COMPLEX.value: 1, Urgency.NORMAL.value: 2}

Index = QModelIndex | QPersistentModelIndex
Locate = Callable[[int], int | None]

#: A title tooltip shows at most this much (a hostile upstream may send 200,000 characters).
TOOLTIP_LIMIT = 1000


class Column(IntEnum):
    CODE = 0
    RECEIVED = 1
    CATEGORY = 2
    WARD = 3
    TITLE = 4
    STATUS = 5
    UNIT = 6
    DEADLINE = 7
    URGENCY = 8
    ESCALATION = 9


class QueueModel(NamedColumnsModel):
    """Rows given in the default order (`sort_by_urgency`: most urgent deadline first),
    shown in that order or sorted by the column the operator clicked."""

    COLUMNS = Column

    DEFAULT_SORT = (Column.DEADLINE, Qt.SortOrder.AscendingOrder)

    def __init__(
        self,
        reference: Reference,
        clock: QueueClock,
        now: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reference = reference
        self._clock = clock
        self._now = now
        self._rows: list[QueueRow] = []
        self._given: list[QueueRow] = []
        #: Where a report id is among the given rows, when the caller said.
        self._locate_given: Locate | None = None
        #: Where a report id is among the rows as shown; None: worked out when asked.
        self._locate: Locate | None = None
        self._pending: frozenset[int] = frozenset()
        #: Report id -> when it arrived (see NEW_BACK).
        self._arrived: dict[int, datetime] = {}
        self._sort: tuple[Column, Qt.SortOrder] = self.DEFAULT_SORT
        self._language = current_language()
        self._headers: dict[Column, str] = {}
        self._folded_names: dict[tuple[Column, str], str] = {}
        self._retranslate()

    def event(self, event: QEvent) -> bool:
        """The view passes LanguageChange on: headers and every label change at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
            self._repaint_all()
        return super().event(event)

    def _retranslate(self) -> None:
        self._language = current_language()
        self._folded_names.clear()
        self._headers = {
            Column.CODE: self.tr("Code"),
            Column.RECEIVED: self.tr("Received"),
            Column.CATEGORY: self.tr("Category"),
            Column.WARD: self.tr("Ward/commune"),
            Column.TITLE: self.tr("Title"),
            Column.STATUS: self.tr("Status"),
            Column.UNIT: self.tr("Handling unit"),
            Column.DEADLINE: self.tr("Deadline"),
            Column.URGENCY: self.tr("Urgency"),
            Column.ESCALATION: self.tr("Escalation"),
        }

    # -- shape ---------------------------------------------------------------------------

    # -- rows ----------------------------------------------------------------------------

    def row_of(self, report_id: int) -> int | None:
        if self._locate is None:
            self._locate = _dict_locator(self._rows)
        return self._locate(report_id)

    def report_id(self, row: int) -> int:
        return self._rows[row].id

    def set_rows(
        self,
        rows: Sequence[QueueRow],
        pending: Iterable[int] | None = None,
        *,
        locate: Locate | None = None,
    ) -> None:
        """Show `rows` (given in the default order); selection follows report ids.

        `pending` (ids with actions still in the outbox) replaces the italic markers when given.
        `locate(id)`, where a report is in `rows`, spares a pass over 200,000 rows each time
        a row must be found (the selection after every filter change). A list given is kept
        as it is (a million rows: no copy), so the caller must not change it afterwards.
        """
        if pending is not None:
            self._pending = frozenset(pending)
        self._given = rows if isinstance(rows, list) else list(rows)
        self._locate_given = locate
        self._swap(self._ordered())

    def upsert_rows(self, rows: Iterable[QueueRow]) -> None:
        """Replace rows in place by id and append unknown ones at the end (no re-sort)."""
        if self._rows is self._given:
            self._rows = list(self._rows)  # the given list is the caller's: never changed
        added: list[QueueRow] = []
        replaced: dict[int, QueueRow] = {}
        for row in rows:
            at = self.row_of(row.id)
            if at is None:
                added.append(row)
                continue
            self._rows[at] = replaced[row.id] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))
        self._given = [replaced.get(r.id, r) for r in self._given] + added
        self._locate_given = None
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self._locate = None
            self.endInsertRows()

    def mark_new(self, report_ids: Iterable[int]) -> None:
        now = self._now()
        self._arrived.update((report_id, now) for report_id in report_ids)
        self._repaint_all()

    def mark_seen(self, report_id: int) -> None:
        if self._arrived.pop(report_id, None) is not None:
            at = self.row_of(report_id)
            if at is not None:
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))

    def is_new(self, row: QueueRow) -> bool:
        since = self._arrived.get(row.id)
        return since is not None and self._now() - since < NEW_FOR

    def _repaint_all(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def refresh_clock(self) -> None:
        """Time passed: the deadline column's text and colours change, highlights expire."""
        now = self._now()
        old = [rid for rid, since in self._arrived.items() if now - since >= NEW_FOR]
        for report_id in old:
            del self._arrived[report_id]
        if old:
            self._repaint_all()
        elif self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.DEADLINE), self.index(last, Column.DEADLINE))

    def _swap(self, rows: list[QueueRow]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_ids = [(p, self._rows[p.row()].id) for p in self.persistentIndexList() if p.isValid()]
        self._rows = rows
        self._locate = self._shown_locator()
        moved_from: list[QModelIndex] = []
        moved_to: list[QModelIndex] = []
        for persistent, report_id in old_ids:
            at = self.row_of(report_id)
            moved_from.append(persistent)
            moved_to.append(QModelIndex() if at is None else self.index(at, persistent.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _shown_locator(self) -> Locate | None:
        """Finds rows as shown through the given rows' locator when the order is the given
        one or its reverse; None (a dictionary made when needed) for other sorts."""
        given = self._locate_given
        column, order = self._sort
        if given is None or column != Column.DEADLINE:
            return None
        if order == Qt.SortOrder.AscendingOrder:
            return given
        last = len(self._rows) - 1

        def reversed_at(report_id: int) -> int | None:
            at = given(report_id)
            return None if at is None else last - at

        return reversed_at

    # -- sorting -------------------------------------------------------------------------

    @property
    def _descending(self) -> bool:
        return self._sort[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (Column(column), order)
        self._swap(self._ordered())

    def _ordered(self) -> list[QueueRow]:
        """The given rows in the current sort; the default order needs no sorting, and is
        the given list itself (`upsert_rows` makes a new given list before it changes the
        shown one)."""
        column, order = self._sort
        if column == Column.DEADLINE:
            ascending = order == Qt.SortOrder.AscendingOrder
            return self._given if ascending else self._given[::-1]
        return sorted(self._given, key=self._sort_key(column), reverse=self._descending)

    def _folded_name(self, column: Column, code: str | None) -> str:
        if code is None:
            return ""
        key = (column, code)
        name = self._folded_names.get(key)
        if name is None:
            name = fold(self._name(column, code))
            self._folded_names[key] = name
        return name

    def _sort_key(self, column: Column) -> Callable[[QueueRow], Any]:
        keys: dict[Column, Callable[[QueueRow], Any]] = {
            Column.CODE: lambda r: r.code,
            Column.RECEIVED: lambda r: r.created_at,
            Column.CATEGORY: lambda r: self._folded_name(Column.CATEGORY, r.category),
            Column.WARD: lambda r: self._folded_name(Column.WARD, r.ward),
            Column.TITLE: lambda r: r.title.casefold(),
            Column.STATUS: lambda r: _STATUS_ORDER.get(r.status, 99),
            Column.UNIT: lambda r: self._folded_name(Column.UNIT, r.unit),
            Column.DEADLINE: self._clock.sort_key,
            Column.URGENCY: lambda r: _URGENCY_ORDER.get(r.urgency, 9),
            Column.ESCALATION: lambda r: r.escalation_level,
        }
        return keys[column]

    # -- data ----------------------------------------------------------------------------

    def _name(self, column: Column, code: str) -> str:
        if column == Column.CATEGORY:
            return self._reference.category_name(code, self._language)
        if column == Column.WARD:
            return self._reference.ward_name(code, self._language)
        return self._reference.unit_name(code, self._language)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            key = self._sort_key(column)(row)
            if isinstance(key, tuple):  # the deadline key: group, seconds left
                return float(key[0] * 1e12 + key[1])
            return key.isoformat() if isinstance(key, datetime) else key
        if role == PENDING_ROLE:
            return row.id in self._pending
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and row.id in self._pending:
            font = QFont()
            font.setItalic(True)
            return font
        if column == Column.DEADLINE and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            colour = self._deadline_colour(row, role)
            if colour is not None or role == Qt.ItemDataRole.ForegroundRole:
                return colour
        if role == Qt.ItemDataRole.BackgroundRole:
            return NEW_BACK if self.is_new(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _display(self, row: QueueRow, column: Column) -> str:
        if column == Column.CODE:
            return PENDING_MARK + row.code if row.id in self._pending else row.code
        if column == Column.RECEIVED:
            return f"{to_local(row.created_at):%d/%m/%Y %H:%M}"
        if column == Column.CATEGORY:
            return self._reference.category_name(row.category, self._language)
        if column == Column.WARD:
            return self._reference.ward_name(row.ward, self._language)
        if column == Column.TITLE:
            return row.title
        if column == Column.STATUS:
            return label_of(Status, row.status, self._language)
        if column == Column.UNIT:
            return self._reference.unit_name(row.unit, self._language) if row.unit else "—"
        if column == Column.DEADLINE:
            now = self._now()
            state = self._clock.state(row, now)
            if state is None:
                return ""
            day = self._clock.sla.calendar.day_length
            return describe_time_left(state, now, day, self._language)
        if column == Column.URGENCY:
            return label_of(Urgency, row.urgency, self._language)
        return (
            self.tr("Level %1").replace("%1", str(row.escalation_level))
            if row.escalation_level
            else ""
        )

    def _deadline_colour(self, row: QueueRow, role: int) -> QColor | None:
        state = self._clock.state(row, self._now())
        if state is None:
            return None
        foreground = role == Qt.ItemDataRole.ForegroundRole
        if state.overdue:
            return OVERDUE_TEXT if foreground else OVERDUE_BACK
        if state.running_low:
            return LOW_TEXT if foreground else LOW_BACK
        return None

    def _tooltip(self, row: QueueRow, column: Column) -> str | None:
        if column == Column.CODE and row.id in self._pending:
            return self.tr("Action waiting to be sent to the central API")
        if column == Column.TITLE:
            # Plain text: Qt renders a tooltip that looks like markup as rich text.
            return str(
                QtGui.Qt.convertFromPlainText(
                    row.title[:TOOLTIP_LIMIT], QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal
                )
            )
        if column == Column.DEADLINE:
            state = self._clock.state(row, self._now())
            if state is not None:
                stage = label(state.stage, self._language)
                return f"{stage}: {to_local(state.deadline):%H:%M %d/%m/%Y}"
        return None


def _dict_locator(rows: Sequence[QueueRow]) -> Locate:
    return {row.id: n for n, row in enumerate(rows)}.get
