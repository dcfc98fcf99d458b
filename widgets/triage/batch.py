"""Queueing one action on many reports: domain check and outbox write per report, off the GUI
thread behind one progress dialog when there are many, so the window never freezes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.domain.model import ActionType, Role
from console.domain.reference import Reference
from console.domain.workflow import Context, WorkflowError
from console.store import Cache, Outbox, OutboxEntry, StoreError, submit_action
from widgets.i18n import current_language
from widgets.tasks import Progress, TaskRunner
from widgets.triage.common import tr
from widgets.triage.feedback import queued_text
from widgets.version_notice import refusal_text

#: Up to this many reports are queued at once on the GUI thread (a few milliseconds).
INLINE_LIMIT = 5
PROGRESS_STEP = 5


@dataclass(frozen=True, slots=True)
class Item:
    report_id: int
    action: ActionType
    payload: dict[str, Any]


@dataclass
class BatchResult:
    queued: list[OutboxEntry] = field(default_factory=list)
    #: (report id, the reason in Vietnamese) for each report the domain or the store refused.
    refused: list[tuple[int, str]] = field(default_factory=list)
    stopped: bool = False


def submit_batch(
    cache: Cache,
    outbox: Outbox,
    items: Sequence[Item],
    actor: str,
    role: Role,
    make_context: Callable[[], Context],
    should_stop: Callable[[], bool],
    progress: Progress | None = None,
) -> BatchResult:
    """Queue each item in order; a refusal skips that report only. While the central needs a
    newer console nothing is queued, with one reason for all."""
    result = BatchResult()
    try:
        outbox.check_open()
    except StoreError as exc:
        result.refused.append((0, refusal_text(exc)))
        return result
    for done, item in enumerate(items, start=1):
        if should_stop():
            result.stopped = True
            break
        try:
            entry = submit_action(
                cache,
                outbox,
                item.report_id,
                item.action,
                item.payload,
                actor=actor,
                role=role,
                ctx=make_context(),
            )
        except WorkflowError as exc:
            result.refused.append((item.report_id, exc.message(current_language())))
        except StoreError as exc:
            result.refused.append((item.report_id, str(exc)))
        else:
            result.queued.append(entry)
        if progress is not None and (done % PROGRESS_STEP == 0 or done == len(items)):
            progress(done, len(items))
    return result


class BatchRunner(QObject):
    """Runs `submit_batch` inline for a few items, else on a worker with one progress dialog.

    Every run ends with `reported`: one line for the status bar naming the reports' PA codes
    and what was queued (the one path for action feedback, whichever dialog asked).
    """

    started = Signal(int)
    finished = Signal(object)
    reported = Signal(str)

    def __init__(
        self,
        parent_widget: QWidget,
        cache: Cache,
        outbox: Outbox,
        runner: TaskRunner,
        make_context: Callable[[], Context],
        reference: Reference | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.reference = reference
        self.parent_widget = parent_widget
        self.cache = cache
        self.outbox = outbox
        self.runner = runner
        self.make_context = make_context
        self.progress: QProgressDialog | None = None
        self.busy = False

    def run(
        self,
        label: str,
        items: Sequence[Item],
        actor: str,
        role: Role,
        on_done: Callable[[BatchResult], None],
        *,
        accepted_first: bool = False,
    ) -> None:
        """`accepted_first`: these reports were accepted just before (accept, then assign)."""
        args = (self.cache, self.outbox, list(items), actor, role, self.make_context)

        def done_and_report(result: BatchResult) -> None:
            on_done(result)
            text = queued_text(
                result.queued,
                len(result.refused),
                self._code_of,
                self._unit_name,
                accepted_first=accepted_first,
            )
            if text:
                self.reported.emit(text)

        if len(items) <= INLINE_LIMIT:
            done_and_report(submit_batch(*args, lambda: False))
            return
        stop = threading.Event()
        progress = QProgressDialog(label, tr("Stop"), 0, len(items), self.parent_widget)
        progress.setObjectName("triageProgress")
        progress.setWindowTitle(tr("Working on the selected reports"))
        # Not modal: a modal QProgressDialog runs processEvents inside setValue, and the batch
        # finishing from within that nested loop deadlocked Qt in closeEvent. The work runs on a
        # worker thread, and the controller refuses new actions while `busy`.
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(stop.set)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        self.busy = True
        self.started.emit(len(items))

        def finish(result: BatchResult) -> None:
            self.busy = False
            self.progress = None
            # hide(), not close(): closeEvent emits `canceled` and then cleans the dialog's
            # connections under Qt's signal lock while this thread holds the GIL; a worker
            # still inside its queued emit (holding that lock, wanting the GIL) deadlocked it.
            progress.canceled.disconnect(stop.set)
            progress.hide()
            progress.deleteLater()
            self.finished.emit(result)
            done_and_report(result)

        def failed(exc: BaseException) -> None:
            text = tr("Could not write the queue of actions: %1").replace("%1", str(exc))
            finish(BatchResult(refused=[(0, text)]))

        self.runner.run(
            submit_batch,
            *args,
            stop.is_set,
            on_done=finish,
            on_error=failed,
            on_progress=lambda done, _total: progress.setValue(done),
        )

    def _code_of(self, report_id: int) -> str:
        report = self.cache.get_report(report_id)
        return report.code if report is not None else f"#{report_id}"

    def _unit_name(self, code: str) -> str:
        return self.reference.unit_name(code) if self.reference is not None else code
