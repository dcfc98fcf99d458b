"""A single-key action that cannot run on the selected report says why when its key is pressed.

A disabled QAction swallows its shortcut without a word: an operator pressing G on a new
report saw nothing happen. Beside each such action sits a QShortcut on the same key, enabled
exactly while the action is disabled (two enabled shortcuts on one key would cancel each
other), which explains in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from console.domain.labels import label
from console.domain.model import ActionType, Status
from console.domain.workflow import TRANSITIONS, WorkflowError, check_allowed
from widgets.desk import Desk
from widgets.i18n import current_language
from widgets.triage.common import tr


class KeyHints(QObject):
    """`watch(action, action_type)` for each single-key action; `message` carries the why."""

    message = Signal(str)

    def __init__(self, window: QWidget, desk: Desk) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self.shortcuts: dict[str, QShortcut] = {}

    def watch(self, action: QAction, action_type: ActionType) -> None:
        key = action.shortcut().toString()
        shortcut = QShortcut(QKeySequence(key), self._window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setEnabled(not action.isEnabled())
        action.enabledChanged.connect(lambda enabled: shortcut.setEnabled(not enabled))
        shortcut.activated.connect(lambda: self.message.emit(self.why(key, action_type)))
        self.shortcuts[key] = shortcut

    def why(self, key: str, action_type: ActionType) -> str:
        """The reason the action with `key` cannot run now, in one line."""
        language = current_language()
        head = f"{key} ({label(action_type, language)})"
        reports = self._desk.reports(self._desk.get_selected_ids())
        if not reports:
            return tr("%1: select a report first.").replace("%1", head)
        if self._desk.role not in TRANSITIONS[action_type].roles:
            return tr("%1: not part of your role.").replace("%1", head)
        if action_type is ActionType.MERGE and len(reports) > 1:
            return tr("%1: select a single report.").replace("%1", head)
        report = reports[0]
        try:
            check_allowed(report, action_type, self._desk.role)
        except WorkflowError as exc:
            reason = exc.message(language)
        else:
            return tr("%1: wait for the current batch to finish.").replace("%1", head)
        text = f"{key}: {reason}"
        if action_type is ActionType.ASSIGN and report.status is Status.NEW:
            text += " " + tr("Press A to accept and assign.")
        return text
