"""Showing a supervisor's selection in the operator's queue (the host's `open_in_queue`).

A filter goes to the "All" tab's filter bar (one category, unit, ward, status each, as the
bar offers); a list of report ids clears the filter and selects the first (a set of reports
is shown by the filter that describes it: a unit's overdue reports, a day, a category).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate

from console.store.queue_filter import QueueFilter
from widgets.queue_view import QueueView


def _one(values: frozenset[str]) -> str | None:
    return next(iter(sorted(values))) if values else None


def apply_filter(queue: QueueView, flt: QueueFilter) -> None:
    """Show `flt` in the queue: the "All" tab, the bar set to it, one `changed` at the end."""
    bar = queue.filter_bar
    queue.set_view("all")
    widgets = [bar.search, bar.category, bar.unit, bar.ward, bar.status, bar.urgency]
    widgets += [bar.date_from, bar.date_to, bar.overdue, bar.escalated]
    for widget in widgets:
        widget.blockSignals(True)
    bar.search.setText(flt.text)
    bar.set_choice(bar.category, _one(flt.categories))
    bar.set_choice(bar.unit, _one(flt.units))
    bar.set_choice(bar.ward, _one(flt.wards))
    bar.set_choice(bar.status, _one(frozenset(s.value for s in flt.statuses)))
    bar.set_choice(bar.urgency, _one(frozenset(u.value for u in flt.urgencies)))
    for edit, day in ((bar.date_from, flt.date_from), (bar.date_to, flt.date_to)):
        edit.setDate(edit.minimumDate() if day is None else QDate(day.year, day.month, day.day))
    bar.overdue.setChecked(flt.overdue_only)
    bar.escalated.setChecked(flt.escalated_only)
    for widget in widgets:
        widget.blockSignals(False)
    bar.changed.emit()


def show_in_queue(queue: QueueView, target: QueueFilter | Sequence[int]) -> None:
    """The host's `open_in_queue`: a filter, or reports to select in the "All" tab. The
    queue's window comes to the front: the board or dashboard asking stays open behind it."""
    if isinstance(target, QueueFilter):
        apply_filter(queue, target)
    else:
        ids = list(target)
        if not ids:
            return
        apply_filter(queue, QueueFilter())
        queue.select_report(ids[0])
    window = queue.window()
    window.show()
    window.raise_()
    window.activateWindow()
