"""What happens to actions the server did not apply: a 409 opens the conflict dialog (re-apply
on the new state or drop), a 403/422 shows the server's reason; retry and drop from the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from console.domain.labels import label
from console.domain.model import Report
from console.domain.wire import InvalidRecord, report_from_json
from console.domain.workflow import Context, WorkflowError, apply_action
from console.store import EntryState, OutboxEntry, StoreError
from widgets.desk import Desk
from widgets.i18n import current_language
from widgets.tasks import TaskRunner
from widgets.triage.conflict_dialog import DROP, REAPPLY, ConflictDialog
from widgets.version_notice import refusal_text


class ReviewHost(Protocol):
    """What the review needs of the triage controller that owns it (the controller imports
    this module, so this module names the controller's parts, not the controller)."""

    desk: Desk
    runner: TaskRunner
    parent_widget: QWidget
    actionQueued: SignalInstance

    def context(self) -> Context: ...

    def inform(self, text: str, title: str | None = None) -> None: ...


class OutboxReview(QObject):
    def __init__(self, controller: ReviewHost, refresh_report: Callable[[int], Any] | None) -> None:
        super().__init__()
        self.controller = controller
        self.refresh_report = refresh_report
        self.reviewed: set[int] = set()
        self.waiting: list[OutboxEntry] = []
        self.conflict_dialog: ConflictDialog | None = None

    def review(self) -> None:
        c = self.controller
        fresh = [
            e
            for e in c.desk.outbox.all_entries()
            if e.state in (EntryState.CONFLICT, EntryState.REFUSED) and e.id not in self.reviewed
        ]
        self.reviewed.update(e.id for e in fresh)
        refused = [e for e in fresh if e.state is EntryState.REFUSED]
        if refused:
            lines = [
                f"{self._code(e)} — {label(e.action_type, current_language())}: "
                f"{e.last_error or ''} (HTTP {e.server_status}, {e.server_code})"
                for e in refused
            ]
            c.inform(
                self.tr("The server refused these actions:") + "\n" + "\n".join(lines[:10]),
                self.tr("Action refused"),
            )
        self.waiting.extend(e for e in fresh if e.state is EntryState.CONFLICT)
        self._next_conflict()

    def _code(self, entry: OutboxEntry) -> str:
        return self._code_of(entry.report_id)

    def _code_of(self, report_id: int) -> str:
        report = self.controller.desk.cache.get_report(report_id)
        return report.code if report is not None else f"#{report_id}"

    def server_report(self, entry: OutboxEntry) -> Report | None:
        """The newest state known: the cache's or the one the 409 carried."""
        cached = self.controller.desk.cache.get_report(entry.report_id)
        carried: Report | None = None
        if entry.current_json is not None:
            try:
                carried = report_from_json(entry.current_json)
            except InvalidRecord:
                carried = None
        if cached is None or (carried is not None and carried.version > cached.version):
            return carried
        return cached

    def _next_conflict(self) -> None:
        if self.conflict_dialog is not None or not self.waiting:
            return
        c = self.controller
        entry = self.waiting.pop(0)
        current = c.desk.outbox.get(entry.id)
        if current is None or current.state is not EntryState.CONFLICT:
            self._next_conflict()
            return
        server = self.server_report(current)
        dialog = ConflictDialog(
            current,
            server,
            c.desk.cache.get_history(current.report_id),
            c.desk.reference,
            self._code_of,
            c.parent_widget,
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda code: self._decided(dialog, code))
        dialog.open()
        if self.refresh_report is not None:
            c.runner.run(
                self.refresh_report,
                current.report_id,
                on_done=lambda _r: self._history_arrived(dialog),
                on_error=lambda _exc: None,
            )

    def _history_arrived(self, dialog: ConflictDialog) -> None:
        if self.conflict_dialog is dialog:
            c = self.controller
            report_id = dialog.entry.report_id
            dialog.set_history(
                c.desk.cache.get_history(report_id), self.server_report(dialog.entry)
            )

    def _decided(self, dialog: ConflictDialog, code: int) -> None:
        self.conflict_dialog = None
        dialog.deleteLater()
        if code == REAPPLY:
            self.reapply(dialog.entry)
        elif code == DROP:
            self.drop(dialog.entry)
        self._next_conflict()

    # -- decisions ---------------------------------------------------------------------------

    def reapply(self, entry: OutboxEntry) -> bool:
        """Check the action again on the server's current state and queue it on that version."""
        c = self.controller
        server = self.server_report(entry)
        if server is None:
            c.inform(self.tr("The report is not in the local cache; sync first."))
            return False
        try:
            apply_action(
                server,
                entry.action_type,
                entry.payload,
                actor=c.desk.user,
                role=c.desk.role,
                ctx=c.context(),
            )
        except WorkflowError as exc:
            c.inform(
                self.tr("This action cannot be applied on the new state:")
                + "\n"
                + exc.message(current_language()),
                self.tr("Not possible"),
            )
            return False
        expected = server.version + c.desk.outbox.pending_count_for(entry.report_id)
        try:
            c.desk.outbox.retry(entry.id, expected_version=expected)
        except StoreError as exc:
            c.inform(refusal_text(exc))
            return False
        self.reviewed.discard(entry.id)
        c.actionQueued.emit([entry.report_id])
        c.desk.sync_trigger()
        return True

    def retry(self, entry: OutboxEntry) -> None:
        """A network failure is sent again as it was; a conflict or refusal is re-checked."""
        c = self.controller
        if entry.state is EntryState.FAILED:
            try:
                c.desk.outbox.retry(entry.id)
            except StoreError as exc:
                c.inform(refusal_text(exc))
                return
            c.actionQueued.emit([entry.report_id])
            c.desk.sync_trigger()
        elif entry.state in (EntryState.CONFLICT, EntryState.REFUSED):
            self.reapply(entry)

    def drop(self, entry: OutboxEntry) -> None:
        c = self.controller
        try:
            c.desk.outbox.drop(entry.id)
        except StoreError as exc:
            c.inform(str(exc))
            return
        c.actionQueued.emit([entry.report_id])
