"""The supervisor's work: escalation, extension decisions, result review, the overdue board,
the dashboard and the weekly report.

Actions go the triage way (widgets.triage.batch): the domain checks each report as it will
be once its pending actions land, the outbox keeps what passes, the sync engine pushes it,
and the server (the authority on roles: levels 2 and 3, extension decisions and reopening
need a supervisor) answers. What the role may not do is shown disabled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from console.config import default_exports_dir
from console.domain.escalation import EscalationPolicy
from console.domain.model import HANDLING_STATUSES, ActionType, Report, Status
from console.domain.workflow import STAFF, TRANSITIONS, Context
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter
from widgets.desk import Desk
from widgets.export_place import ExportPlace
from widgets.messages import first_lines, inform
from widgets.supervisor.common import tr
from widgets.supervisor.escalation_dialog import EscalationDialog
from widgets.supervisor.extension_dialog import ExtensionDialog
from widgets.supervisor.overdue_board import OverdueBoard
from widgets.supervisor.review_dialog import ReviewDialog
from widgets.tasks import TaskRunner
from widgets.triage.batch import BatchResult, BatchRunner, Item

if TYPE_CHECKING:
    from widgets.supervisor.dashboard import Dashboard
    from widgets.supervisor.period_dialog import PeriodDialog
    from widgets.supervisor.weekly_dialog import WeeklyDialog

OpenInQueue = Callable[[QueueFilter | list[int]], None]

#: Reports whose status decides whether an action is enabled (the rest are checked on use).
ENABLE_SAMPLE = 50
SHORTCUTS = {
    "escalate": "E",
    "extension": "X",
    "review": "P",
    "overdue": "Ctrl+Shift+O",
    "dashboard": "Ctrl+Shift+D",
    "weekly": "Ctrl+Shift+W",
    "period": "Ctrl+Shift+R",
}


class SupervisorController(QObject):
    """Owns the supervisor's QActions (`actions`, keyed by SHORTCUTS) and windows.

    The host calls `refresh()` when the selection changes, `after_sync()` after each sync
    (open boards reload) and `shutdown()` when the window closes.
    """

    actionQueued = Signal(list)
    messageShown = Signal(str)

    def __init__(
        self,
        parent_widget: QWidget,
        desk: Desk,
        escalation: EscalationPolicy,
        open_in_queue: OpenInQueue,
        *,
        runner: TaskRunner | None = None,
        exports: ExportPlace | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.desk = desk
        self.policy = escalation
        self.open_in_queue = open_in_queue
        self.exports = exports or ExportPlace(default_exports_dir())
        self.runner = runner or TaskRunner(self, max_threads=2)
        self._own_runner = runner is None
        self.clock = QueueClock(desk.sla)
        self.batch = BatchRunner(
            parent_widget, desk.cache, desk.outbox, self.runner, self.context, desk.reference
        )
        self.active_dialog: QDialog | None = None
        self.overdue_board: OverdueBoard | None = None
        self.dashboard: Dashboard | None = None
        self.weekly: WeeklyDialog | None = None
        self.period: PeriodDialog | None = None
        self.last_message = ""
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self.refresh()

    # -- actions -----------------------------------------------------------------------------

    @staticmethod
    def _texts() -> dict[str, str]:
        return {
            "escalate": tr("&Escalate…"),
            "extension": tr("Decide e&xtension request…"),
            "review": tr("Review and &publish result…"),
            "overdue": tr("&Overdue board"),
            "dashboard": tr("&Dashboard"),
            "weekly": tr("&Weekly report…"),
            "period": tr("Month, quarter, year &reports…"),
        }

    def retranslate(self) -> None:
        """The actions' texts and tips in the current language."""
        for key, text in self._texts().items():
            self.actions[key].setText(text)
            self.actions[key].setToolTip(f"{text.replace('&', '').rstrip('…')} ({SHORTCUTS[key]})")
        if self.desk.role not in TRANSITIONS[ActionType.DECIDE_EXTENSION].roles:
            self.actions["extension"].setToolTip(tr("Needs the supervisor role."))

    def _build_actions(self) -> None:
        slots: dict[str, Callable[[], object]] = {
            "escalate": self.escalate_selected,
            "extension": self.decide_extension_selected,
            "review": self.review_selected,
            "overdue": self.show_overdue_board,
            "dashboard": self.show_dashboard,
            "weekly": self.show_weekly,
            "period": self.show_period,
        }
        for key, shortcut in SHORTCUTS.items():
            act = QAction(self.parent_widget)
            act.setObjectName(f"supervisor_{key}")
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slots[key])
            self.parent_widget.addAction(act)
            self.actions[key] = act
        self.retranslate()

    def refresh(self) -> None:
        """Enable each action for this role and the selected reports' statuses."""
        reports = self.desk.reports(self.desk.get_selected_ids()[:ENABLE_SAMPLE])
        for key, action in (
            ("escalate", ActionType.ESCALATE),
            ("extension", ActionType.DECIDE_EXTENSION),
            ("review", ActionType.PUBLISH),
        ):
            rule = TRANSITIONS[action]
            enabled = self.desk.role in rule.roles and any(
                r.status in rule.sources for r in reports
            )
            self.actions[key].setEnabled(enabled)
        for key in ("overdue", "dashboard", "weekly", "period"):
            self.actions[key].setEnabled(self.desk.role in STAFF)

    def after_sync(self) -> None:
        for view in (self.overdue_board, self.dashboard):
            if view is not None and view.isVisible():
                view.refresh()
        self.refresh()

    def shutdown(self) -> None:
        for window in (self.overdue_board, self.dashboard, self.weekly, self.period):
            if window is not None:
                window.close()
        if self._own_runner:
            self.runner.shutdown()

    # -- helpers -----------------------------------------------------------------------------

    def context(self) -> Context:
        return Context(now=self.desk.now(), clock=self.desk.sla, escalation=self.policy)

    def inform(self, text: str, title: str | None = None) -> None:
        self.last_message = text
        self.messageShown.emit(text)
        inform(self.parent_widget, text, title or tr("PAHT Console"))

    def _show(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.active_dialog = dialog
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def _queue(self, label: str, items: list[Item]) -> None:
        def done(result: BatchResult) -> None:
            ids = [e.report_id for e in result.queued]
            if ids:
                self.actionQueued.emit(ids)
            if result.refused:
                lines = [self._refusal_line(report_id, why) for report_id, why in result.refused]
                self.inform(first_lines(lines), tr("Not queued"))
            self.refresh()
            if self.overdue_board is not None and self.overdue_board.isVisible():
                self.overdue_board.refresh()
            if ids:
                self.desk.sync_trigger()

        if items:
            self.batch.run(label, items, self.desk.user, self.desk.role, done)

    def _refusal_line(self, report_id: int, why: str) -> str:
        report = self.desk.cache.get_report(report_id) if report_id else None
        return f"{report.code}: {why}" if report is not None else why

    def _with_status(self, report_ids: Sequence[int], statuses: frozenset[Status]) -> list[Report]:
        reports = [r for r in self.desk.reports(report_ids) if r.status in statuses]
        if not reports and report_ids:
            self.inform(tr("None of the selected reports is in a status for this action."))
        return reports

    # -- escalation --------------------------------------------------------------------------

    def escalate_selected(self) -> None:
        self.escalate(self.desk.get_selected_ids())

    def escalate(self, report_ids: Sequence[int]) -> EscalationDialog | None:
        """Open the escalation dialog for these reports (one, or a unit's overdue ones)."""
        reports = self._with_status(report_ids, HANDLING_STATUSES)
        if not reports:
            return None
        dialog = EscalationDialog(
            self.policy,
            self.desk.reference,
            reports,
            self.desk.role,
            self.desk.now(),
            self.parent_widget,
        )

        def confirmed() -> None:
            items = [
                Item(r.id, ActionType.ESCALATE, dialog.payload_for(r)) for r in dialog.eligible()
            ]
            self._queue(tr("Escalating reports…"), items)

        self._show(dialog, confirmed)
        return dialog

    # -- extension requests and result review ------------------------------------------------

    def decide_extension_selected(self) -> ExtensionDialog | None:
        reports = self._with_status(
            self.desk.get_selected_ids(), frozenset({Status.EXTENSION_REQUESTED})
        )
        if not reports:
            return None
        report = reports[0]
        dialog = ExtensionDialog(report, self.desk.reference, self.parent_widget)

        def confirmed() -> None:
            item = Item(report.id, ActionType.DECIDE_EXTENSION, dialog.payload())
            self._queue(tr("Deciding the extension…"), [item])

        self._show(dialog, confirmed)
        return dialog

    def review_selected(self) -> ReviewDialog | None:
        reports = self._with_status(self.desk.get_selected_ids(), frozenset({Status.RESOLVED}))
        if not reports:
            return None
        report = reports[0]
        can_reopen = self.desk.role in TRANSITIONS[ActionType.REOPEN].roles
        dialog = ReviewDialog(
            report, self.desk.reference, can_reopen=can_reopen, parent=self.parent_widget
        )

        def confirmed() -> None:
            decision = dialog.decision()
            if decision is not None:
                item = Item(report.id, decision, dialog.payload())
                self._queue(tr("Reviewing the result…"), [item])

        self._show(dialog, confirmed)
        return dialog

    # -- windows -----------------------------------------------------------------------------

    def _window(self, widget: QWidget, width: int, height: int) -> None:
        widget.setParent(self.parent_widget, Qt.WindowType.Window)
        widget.resize(width, height)

    def show_overdue_board(self) -> OverdueBoard:
        if self.overdue_board is None:
            board = OverdueBoard(
                self.desk.cache,
                self.desk.outbox,
                self.clock,
                self.desk.reference,
                self.runner,
                self.desk.now,
            )
            self._window(board, 1100, 640)
            board.escalateRequested.connect(self.escalate)
            board.openInQueue.connect(self.open_in_queue)
            self.overdue_board = board
        self.overdue_board.show()
        self.overdue_board.raise_()
        self.overdue_board.refresh()
        return self.overdue_board

    def show_dashboard(self) -> Dashboard:
        """Qt Charts loads with the first dashboard, not with the window."""
        if self.dashboard is None:
            from widgets.supervisor.dashboard import Dashboard

            dashboard = Dashboard(self.desk.cache, self.desk.reference, self.runner, self.desk.now)
            self._window(dashboard, 1280, 900)
            dashboard.openInQueue.connect(self.open_in_queue)
            self.dashboard = dashboard
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.refresh()
        return self.dashboard

    def show_weekly(self) -> WeeklyDialog:
        """The weekly report's code loads with the first dialog, not with the window."""
        if self.weekly is None:
            from widgets.supervisor.weekly_dialog import WeeklyDialog

            self.weekly = WeeklyDialog(
                self.desk.cache,
                self.desk.reference,
                self.desk.user,
                self.runner,
                self.exports,
                self.desk.now,
                self.parent_widget,
            )
        self.weekly.show()
        self.weekly.raise_()
        self.weekly.refresh()
        return self.weekly

    def show_period(self) -> PeriodDialog | None:
        """python-docx, openpyxl and python-pptx load with the first export, not here. Rules
        the Center edited into an unreadable file are reported, not raised."""
        if self.period is None:
            from console.domain.calendar import RulesError
            from widgets.supervisor.period_dialog import PeriodDialog

            try:
                self.period = PeriodDialog(
                    self.desk.cache,
                    self.desk.reference,
                    self.desk.user,
                    self.runner,
                    self.exports,
                    self.desk.now,
                    self.parent_widget,
                )
            except RulesError as exc:
                self.inform(
                    tr("The commendation rules cannot be read: %1").replace("%1", str(exc)),
                    tr("Period reports"),
                )
                return None
        self.period.show()
        self.period.raise_()
        return self.period
