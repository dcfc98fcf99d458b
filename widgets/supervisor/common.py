"""Pieces the supervisor's widgets share: the translation context, number wording, a table
item that sorts by a value, a non-blocking message box and a background load that never
piles up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.tasks import TaskRunner
from widgets.triage.common import local_text

__all__ = ["SORT_ROLE", "LatestLoad", "SortItem", "local_text", "percent_text", "tr", "unit_name"]


def tr(text: str) -> str:
    return QCoreApplication.translate("Supervisor", text)


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} %"


def unit_name(reference: Reference, code: str, language: str | None = None) -> str:
    """In the UI's language unless told (a message to the unit is in Vietnamese)."""
    if reference.unit(code) is None:
        return code
    return reference.unit_name(code, language or current_language())


#: The value a column sorts by (a number for counts, days and times), readable by a caller.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class SortItem(QTreeWidgetItem):
    """A tree line that sorts each column by the key given in `set_key`, else by its text.

    Comparisons read the keys kept in Python (no trip through QVariant in every comparison);
    each is also stored under SORT_ROLE for whoever reads the tree.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sort_keys: dict[int, Any] = {}

    def set_key(self, column: int, key: Any) -> None:
        self.sort_keys[column] = key
        self.setData(column, SORT_ROLE, key)

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine = self.sort_keys.get(column)
        theirs = other.sort_keys.get(column) if isinstance(other, SortItem) else None
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text(column) < other.text(column)


class LatestLoad:
    """One background load at a time for a board that refreshes often (after every sync).

    A refresh asked for while a load runs is remembered instead of started: when the running
    load ends its result is dropped and `reload` runs once, so the board shows fresh figures
    without stacking loads on the thread pool.
    """

    def __init__(self, runner: TaskRunner, reload: Callable[[], None]) -> None:
        self.runner = runner
        self.reload = reload
        self.busy = False
        self.again = False

    def deferred(self) -> bool:
        """True when a load is running; the refresh then happens once it ends."""
        if self.busy:
            self.again = True
        return self.busy

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def done(result: Any) -> None:
            self.busy = False
            if self.again:
                self.again = False
                self.reload()
                return
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            on_error(exc)

        self.busy = True
        self.runner.run(fn, *args, on_done=done, on_error=failed)
