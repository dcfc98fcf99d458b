"""The detail panel follows the queue's selection: the report as the operator should see it,
loaded from the cache on a worker and fetched again from the server beside it (its history
travels only with a single report, never in the changes feed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from console.domain.model import Event, Report, Role
from widgets.detail_panel import DetailPanel
from widgets.session import WorkSession, load_detail
from widgets.tasks import TaskRunner


class MediaSource:
    """A report's photos, from the session's detail client once the store is open: the
    detail panel is built before that client exists."""

    def __init__(self) -> None:
        self.client: Any = None

    def fetch(self, report_id: int, index: int) -> bytes:
        if self.client is None:
            raise RuntimeError("no report is shown before the store is open")
        return bytes(self.client.media(report_id, index))


class DetailFollower(QObject):
    #: A report's details are on screen (report id).
    shown = Signal(int)

    def __init__(self, panel: DetailPanel, runner: TaskRunner, role: Role) -> None:
        super().__init__(panel)
        self._panel = panel
        self._runner = runner
        self._role = role
        self._session: WorkSession | None = None
        self.selected: int | None = None
        #: Reports acted on since the last sync: their history is fetched again after it.
        self._acted: set[int] = set()

    def open(self, session: WorkSession) -> None:
        self._session = session

    def select(self, report_id: int) -> None:
        self.selected = report_id
        if self._session is None:
            return
        self.reload(report_id)
        self._fetch(report_id)

    def left(self) -> None:
        """The report on screen left the queue's rows and no other took its place."""
        self.selected = None
        self._panel.show_report(None, [], self._role)

    def changed(self, report_ids: list[int]) -> None:
        """An action was queued on these reports: their pending state shows at once."""
        self._acted.update(report_ids)
        if self.selected in report_ids:
            self.reload(self.selected)

    def after_sync(self) -> None:
        """A sync sent the operator's actions: the selected report's history comes again from
        the server, so the action shows in its history. A report whose actions are still
        waiting (a sync that began before they were queued) stays for the next sync."""
        selected, session = self.selected, self._session
        if session is None:
            return
        acted = self._acted
        self._acted = {rid for rid in acted if session.outbox.pending_count_for(rid)}
        if selected is not None and selected in acted - self._acted:
            self._fetch(selected)

    def reload(self, report_id: int) -> None:
        session = self._session
        if report_id == self.selected and session is not None:
            self._runner.run(
                load_detail,
                session.cache,
                session.outbox,
                report_id,
                on_done=lambda found: self._show(report_id, *found),
            )

    def _fetch(self, report_id: int) -> None:
        assert self._session is not None
        self._runner.run(
            self._session.detail_engine.refresh_report,
            report_id,
            on_done=lambda _report: self.reload(report_id),
            on_error=lambda _exc: None,
        )

    def _show(
        self, report_id: int, report: Report | None, history: list[Event], codes: dict[int, str]
    ) -> None:
        if report_id != self.selected:
            return
        self._panel.codes = codes
        self._panel.show_report(report, history, self._role)
        self.shown.emit(report_id)
