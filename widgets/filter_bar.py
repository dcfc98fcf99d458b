"""The queue's filter bar: search box (typing is debounced), pick lists, dates, toggles."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label
from console.domain.model import Status, Urgency
from console.domain.reference import Reference
from console.domain.text import fold
from console.store.queue_filter import QueueFilter
from widgets.i18n import current_language

#: Typing pauses this long before the queue filters (keeps every keystroke cheap).
DEBOUNCE_MS = 150
_NO_DATE = QDate(2000, 1, 1)


def _combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _fill(combo: QComboBox, everything: str, items: Iterable[tuple[str, str]]) -> None:
    """(Re)fills a pick list in the current language; the chosen code stays chosen."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for code, name in sorted(items, key=lambda item: fold(item[1])):
        combo.addItem(name, code)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("--/--/----")
    edit.setDate(_NO_DATE)
    return edit


class FilterBar(QWidget):
    """Emits `changed` when the operator's filter changes (after a short pause when typing)."""

    changed = Signal()
    saveRequested = Signal()

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.category = _combo(self)
        self.unit = _combo(self)
        self.ward = _combo(self)
        self.status = _combo(self)
        self.urgency = _combo(self)
        self.date_from = _date_edit(self)
        self.date_to = _date_edit(self)
        self.overdue = QCheckBox(self)
        self.escalated = QCheckBox(self)
        self.clear_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.retranslate()

        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        for widget in (self.overdue, self.escalated, self.clear_button, self.save_button):
            first.addWidget(widget)
        second = QHBoxLayout()
        for combo in (self.category, self.unit, self.ward, self.status, self.urgency):
            second.addWidget(combo, 1)
        second.addWidget(self.date_from)
        second.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(DEBOUNCE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.returnPressed.connect(self.flush)
        for combo in (self.category, self.unit, self.ward, self.status, self.urgency):
            combo.currentIndexChanged.connect(self._changed_now)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._changed_now)
        for box in (self.overdue, self.escalated):
            box.toggled.connect(self._changed_now)
        self.clear_button.clicked.connect(self.clear)
        self.save_button.clicked.connect(self.saveRequested)

    def retranslate(self) -> None:
        """Texts and pick lists in the current language; what the operator picked stays."""
        ref, language = self._reference, current_language()
        self.search.setPlaceholderText(self.tr("Search code, title, address (accents optional)"))
        _fill(
            self.category,
            self.tr("All categories"),
            ((c.code, ref.category_name(c.code, language)) for c in ref.categories),
        )
        _fill(
            self.unit,
            self.tr("All units"),
            ((u.code, ref.unit_name(u.code, language)) for u in ref.units),
        )
        _fill(
            self.ward,
            self.tr("All wards/communes"),
            ((w.code, ref.ward_name(w.code, language)) for w in ref.wards),
        )
        _fill(self.status, self.tr("All statuses"), ((s.value, label(s, language)) for s in Status))
        _fill(
            self.urgency, self.tr("All urgencies"), ((u.value, label(u, language)) for u in Urgency)
        )
        self.date_from.setToolTip(self.tr("Received from (inclusive)"))
        self.date_to.setToolTip(self.tr("Received until (inclusive)"))
        self.overdue.setText(self.tr("Overdue"))
        self.escalated.setText(self.tr("Escalated"))
        self.clear_button.setText(self.tr("Clear"))
        self.save_button.setText(self.tr("Save view…"))
        self.save_button.setToolTip(self.tr("Save the current filter as your own tab"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def shutdown(self) -> None:
        self._typing.stop()

    def flush(self) -> None:
        """Apply pending typing at once (Enter, tests)."""
        if self._typing.isActive():
            self._typing.stop()
            self.changed.emit()

    def filter(self) -> QueueFilter:
        def picked(combo: QComboBox) -> frozenset[str]:
            code = combo.currentData()
            return frozenset() if code is None else frozenset({str(code)})

        return QueueFilter(
            text=self.search.text(),
            categories=picked(self.category),
            units=picked(self.unit),
            wards=picked(self.ward),
            statuses=frozenset(Status(s) for s in picked(self.status)),
            urgencies=frozenset(Urgency(u) for u in picked(self.urgency)),
            date_from=_picked_date(self.date_from),
            date_to=_picked_date(self.date_to),
            overdue_only=self.overdue.isChecked(),
            escalated_only=self.escalated.isChecked(),
        )

    def clear(self) -> None:
        """Back to "everything"; one `changed` signal at the end."""
        widgets: list[QWidget] = [
            self.search,
            self.category,
            self.unit,
            self.ward,
            self.status,
            self.urgency,
            self.date_from,
            self.date_to,
            self.overdue,
            self.escalated,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.category, self.unit, self.ward, self.status, self.urgency):
            combo.setCurrentIndex(0)
        self.date_from.setDate(_NO_DATE)
        self.date_to.setDate(_NO_DATE)
        self.overdue.setChecked(False)
        self.escalated.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._changed_now()

    def set_choice(self, combo: QComboBox, code: str | None) -> None:
        """Pick `code` in one of the lists (None = all)."""
        at = combo.findData(code) if code is not None else 0
        combo.setCurrentIndex(max(at, 0))

    def show_filter(self, flt: QueueFilter) -> None:
        """Set the bar to `flt` (one value per list, as `filter()` gives) without `changed`."""
        toggles = (self.overdue, self.escalated)
        widgets: list[QWidget] = [self.search, *self._lists(), self.date_from, self.date_to]
        widgets += toggles
        for widget in widgets:
            widget.blockSignals(True)
        self._typing.stop()
        self.search.setText(flt.text)
        chosen: tuple[frozenset[str], ...] = (
            flt.categories,
            flt.units,
            flt.wards,
            frozenset(s.value for s in flt.statuses),
            frozenset(u.value for u in flt.urgencies),
        )
        for combo, codes in zip(self._lists(), chosen, strict=True):
            self.set_choice(combo, min(codes) if codes else None)
        for edit, day in ((self.date_from, flt.date_from), (self.date_to, flt.date_to)):
            edit.setDate(_NO_DATE if day is None else QDate(day.year, day.month, day.day))
        self.overdue.setChecked(flt.overdue_only)
        self.escalated.setChecked(flt.escalated_only)
        for widget in widgets:
            widget.blockSignals(False)

    def _lists(self) -> tuple[QComboBox, ...]:
        return (self.category, self.unit, self.ward, self.status, self.urgency)


def _picked_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == _NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())
