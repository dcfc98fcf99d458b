"""The operator's triage actions: keyboard shortcuts, dialogs, the domain check, the outbox.

Every action is checked by the domain on the report as it will be once its pending actions
land; a refusal is shown with its reason and nothing is queued. What is queued shows as
pending until the sync engine pushes it and the server's answer replaces it. From the New
tab: A (accept dialog, prefilled), Enter (accept; the assignment dialog opens with the
suggested unit), Enter (assign; the next report is selected): three keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from console.domain.duplicates import TriageSettings, load_triage_settings
from console.domain.model import ActionType, Report
from console.domain.routing import NoRoute, UnitSuggestion, suggest_unit
from console.domain.workflow import TRANSITIONS, Context, WorkflowError, check_allowed
from console.store.duplicate_lookup import duplicate_candidates
from widgets.desk import Desk
from widgets.i18n import current_language
from widgets.messages import first_lines, inform
from widgets.tasks import TaskRunner
from widgets.triage.accept_dialog import AcceptDialog
from widgets.triage.assign_dialog import AssignDialog
from widgets.triage.batch import BatchResult, BatchRunner, Item
from widgets.triage.merge_dialog import MergeDialog
from widgets.triage.note_dialog import NoteDialog
from widgets.triage.outbox_review import OutboxReview
from widgets.triage.pending_actions import PendingActionsDialog
from widgets.triage.reject_dialog import RejectDialog

#: Reports whose status decides whether an action is enabled (the rest are checked on use).
ENABLE_SAMPLE = 50

SHORTCUTS: dict[str, tuple[str, ActionType | None]] = {
    "accept": ("A", ActionType.ACCEPT),
    "assign": ("G", ActionType.ASSIGN),
    "reject": ("R", ActionType.REJECT),
    "merge": ("M", ActionType.MERGE),
    "note": ("N", ActionType.NOTE),
    "pending": ("Ctrl+Shift+P", None),
}


class TriageController(QObject):
    """Owns the triage QActions (`actions`, keyed accept/assign/reject/merge/note/pending).

    The host calls `refresh()` when the selection changes and `review_outbox()` after each
    sync (conflicts open a dialog, refusals show the server's reason), and `shutdown()` when
    the window closes.
    """

    actionQueued = Signal(list)
    #: Every message shown to the operator (refusals, server reasons), for the status bar.
    messageShown = Signal(str)

    def __init__(
        self,
        parent_widget: QWidget,
        desk: Desk,
        select_next: Callable[[], None],
        *,
        refresh_report: Callable[[int], Any] | None = None,
        triage_settings: TriageSettings | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.desk = desk
        self.select_next = select_next
        self.triage_settings = triage_settings or load_triage_settings()
        self.runner = runner or TaskRunner(self, max_threads=1)
        self._own_runner = runner is None
        self.known_units = frozenset(u.code for u in desk.reference.active_units())
        self.known_categories = frozenset(c.code for c in desk.reference.categories)
        self.batch = BatchRunner(
            parent_widget, desk.cache, desk.outbox, self.runner, self.context, desk.reference
        )
        self.review = OutboxReview(self, refresh_report)
        self.active_dialog: QDialog | None = None
        self.pending_dialog: PendingActionsDialog | None = None
        self.last_message = ""
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self.refresh()

    # -- actions -----------------------------------------------------------------------------

    def _texts(self) -> dict[str, str]:
        return {
            "accept": self.tr("&Accept and classify…"),
            "assign": self.tr("Assi&gn to a unit…"),
            "reject": self.tr("&Reject…"),
            "merge": self.tr("&Merge as duplicate…"),
            "note": self.tr("Internal &note…"),
            "pending": self.tr("&Pending actions…"),
        }

    def retranslate(self) -> None:
        """The actions' texts and tips in the current language."""
        for key, text in self._texts().items():
            shortcut = SHORTCUTS[key][0]
            self.actions[key].setText(text)
            self.actions[key].setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")

    def _build_actions(self) -> None:
        slots: dict[str, Callable[[], object]] = {
            "accept": self.accept_selected,
            "assign": self.assign_selected,
            "reject": self.reject_selected,
            "merge": self.merge_selected,
            "note": self.note_selected,
            "pending": self.show_pending,
        }
        for key, (shortcut, _action) in SHORTCUTS.items():
            act = QAction(self.parent_widget)
            act.setObjectName(f"triage_{key}")
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slots[key])
            self.parent_widget.addAction(act)
            self.actions[key] = act
        self.retranslate()

    def refresh(self) -> None:
        """Enable each action for this role and the selected reports' statuses."""
        reports = self.desk.reports(self.desk.get_selected_ids()[:ENABLE_SAMPLE])
        for key, (_shortcut, action) in SHORTCUTS.items():
            if action is None:
                continue
            rule = TRANSITIONS[action]
            enabled = self.desk.role in rule.roles and any(
                r.status in rule.sources for r in reports
            )
            if action is ActionType.MERGE:
                enabled = enabled and len(reports) == 1
            self.actions[key].setEnabled(enabled and not self.batch.busy)

    def shutdown(self) -> None:
        if self._own_runner:
            self.runner.shutdown()

    # -- helpers -----------------------------------------------------------------------------

    def context(self) -> Context:
        return Context(
            now=self.desk.now(),
            clock=self.desk.sla,
            known_units=self.known_units,
            known_categories=self.known_categories,
        )

    def inform(self, text: str, title: str | None = None) -> None:
        """Show a message without blocking the event loop."""
        self.last_message = text
        self.messageShown.emit(text)
        inform(self.parent_widget, text, title or self.tr("PAHT Console"))

    def _allowed(self, action: ActionType, report_ids: Sequence[int]) -> list[Report]:
        """The selected reports the domain lets this role act on; the others are explained."""
        reports = self.desk.reports(report_ids)
        if not reports:
            return []
        allowed: list[Report] = []
        reasons: list[str] = []
        for report in reports:
            try:
                check_allowed(report, action, self.desk.role)
            except WorkflowError as exc:
                reasons.append(exc.message(current_language()))
            else:
                allowed.append(report)
        if reasons:
            self.inform(first_lines(reasons), self.tr("Not possible"))
        return allowed

    def _show(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.active_dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    def _closed(self, dialog: QDialog) -> None:
        """Give the keyboard back to the window, so the next shortcut works at once."""
        if self.active_dialog is dialog:
            self.active_dialog = None
            self.parent_widget.window().activateWindow()

    def _queue(
        self,
        label: str,
        items: list[Item],
        then: Callable[[BatchResult], None] | None = None,
        *,
        accepted_first: bool = False,
    ) -> None:
        def done(result: BatchResult) -> None:
            ids = [e.report_id for e in result.queued]
            if ids:
                self.actionQueued.emit(ids)
            if result.refused:
                lines = [self._refusal_line(report_id, why) for report_id, why in result.refused]
                self.inform(first_lines(lines), self.tr("Not queued"))
            self.refresh()
            if then is not None:
                then(result)
            if ids:
                self.desk.sync_trigger()

        self.batch.run(
            label, items, self.desk.user, self.desk.role, done, accepted_first=accepted_first
        )
        self.refresh()

    def _refusal_line(self, report_id: int, why: str) -> str:
        report = self.desk.cache.get_report(report_id) if report_id else None
        return f"{report.code}: {why}" if report is not None else why

    # -- accept, then assign -----------------------------------------------------------------

    def accept_selected(self) -> None:
        reports = self._allowed(ActionType.ACCEPT, self.desk.get_selected_ids())
        if not reports:
            return
        can_assign = self.desk.role in TRANSITIONS[ActionType.ASSIGN].roles
        dialog = AcceptDialog(
            self.desk.reference, reports, self.parent_widget, can_assign=can_assign
        )

        def confirmed() -> None:
            items = [Item(r.id, ActionType.ACCEPT, dialog.payload_for(r)) for r in reports]
            chain = dialog.then_assign.isChecked()

            def after(result: BatchResult) -> None:
                accepted = [e.report_id for e in result.queued]
                if chain and accepted:
                    self.assign(accepted, accepted_first=True)
                elif accepted:
                    self.select_next()

            self._queue(self.tr("Accepting reports…"), items, after)

        self._show(dialog, confirmed)

    def assign_selected(self) -> None:
        self.assign(self.desk.get_selected_ids())

    def assign(self, report_ids: Sequence[int], *, accepted_first: bool = False) -> None:
        """Open the assignment dialog for these reports (reassigning a returned one too);
        `accepted_first`: they were just accepted (the message says both)."""
        reports = self._allowed(ActionType.ASSIGN, report_ids)
        if not reports:
            return
        suggestions: dict[int, UnitSuggestion | str] = {}
        for report in reports:
            try:
                suggestions[report.id] = suggest_unit(
                    self.desk.reference, report.category, report.ward
                )
            except NoRoute as exc:
                suggestions[report.id] = exc.message(current_language())
        dialog = AssignDialog(
            self.desk.reference,
            self.desk.sla,
            reports,
            suggestions,
            self.desk.now(),
            self.parent_widget,
        )

        def confirmed() -> None:
            items: list[Item] = []
            refused: list[str] = []
            for report in reports:
                payload = dialog.payload_for(report)
                if isinstance(payload, str):
                    refused.append(f"{report.code}: {payload}")
                else:
                    items.append(Item(report.id, ActionType.ASSIGN, payload))
            if refused:
                self.inform("\n".join(refused[:10]), self.tr("Not queued"))
            self._queue(
                self.tr("Assigning reports…"),
                items,
                lambda result: self.select_next() if result.queued else None,
                accepted_first=accepted_first,
            )

        self._show(dialog, confirmed)

    # -- reject, merge, note -----------------------------------------------------------------

    def reject_selected(self) -> None:
        reports = self._allowed(ActionType.REJECT, self.desk.get_selected_ids())
        if not reports:
            return
        dialog = RejectDialog(self.desk.reference, reports, self.parent_widget)

        def confirmed() -> None:
            items = [Item(r.id, ActionType.REJECT, dialog.payload_for(r)) for r in reports]
            self._queue(
                self.tr("Rejecting reports…"),
                items,
                lambda result: self.select_next() if result.queued else None,
            )

        self._show(dialog, confirmed)

    def duplicate_candidates(self, report: Report) -> list[Any]:
        return duplicate_candidates(
            self.desk.cache, self.desk.outbox, self.desk.reference, self.triage_settings, report
        )

    def merge_selected(self) -> None:
        reports = self._allowed(ActionType.MERGE, self.desk.get_selected_ids()[:1])
        if not reports:
            return
        report = reports[0]
        dialog = MergeDialog(
            self.desk.reference,
            report,
            self.duplicate_candidates(report),
            self.triage_settings,
            self.parent_widget,
        )

        def confirmed() -> None:
            if dialog.original_id() is None:
                return
            self._queue(
                self.tr("Merging…"),
                [Item(report.id, ActionType.MERGE, dialog.payload())],
                lambda result: self.select_next() if result.queued else None,
            )

        self._show(dialog, confirmed)

    def note_selected(self) -> None:
        reports = self._allowed(ActionType.NOTE, self.desk.get_selected_ids())
        if not reports:
            return
        dialog = NoteDialog(reports, self.parent_widget)

        def confirmed() -> None:
            payload = dialog.payload()
            items = [Item(r.id, ActionType.NOTE, dict(payload)) for r in reports]
            self._queue(self.tr("Adding notes…"), items)

        self._show(dialog, confirmed)

    # -- the outbox --------------------------------------------------------------------------

    def show_pending(self) -> PendingActionsDialog:
        if self.pending_dialog is None:
            self.pending_dialog = PendingActionsDialog(
                self.desk.outbox,
                self.desk.cache,
                self.review.retry,
                self.review.drop,
                self.parent_widget,
            )
            self.actionQueued.connect(lambda _ids: self._refresh_pending())
        self.pending_dialog.refresh()
        self.pending_dialog.show()
        self.pending_dialog.raise_()
        return self.pending_dialog

    def _refresh_pending(self) -> None:
        if self.pending_dialog is not None and self.pending_dialog.isVisible():
            self.pending_dialog.refresh()

    def review_outbox(self) -> None:
        """After a sync: open the conflict dialog for new conflicts, show new refusals."""
        self.review.review()
        self._refresh_pending()
