"""The operator's main window: queue, detail and map in docks, menus, sync and status.

Docks let each operator arrange the three views on one or two screens; the arrangement and
the window geometry are kept in an INI file in the config folder. Everything slow (sync, a
report's details, marker colours for 200,000 rows) runs on worker threads.

The window starts in two steps: it is built and shown from a `Workplace` (who, which rules),
then `attach` brings the opened store: the queue loads, sync starts and the role's menus
appear. The operator can type a search from the first step.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from console.domain.model import Event, Report
from console.domain.workflow import STAFF
from console.store.records import QueueRow
from widgets.detail_panel import DetailPanel
from widgets.i18n import apply_language, save_language
from widgets.map_pane import MapPane
from widgets.notifications import Notifier
from widgets.queue_view import QueueView
from widgets.session import Workplace, WorkSession, layout_settings, load_detail
from widgets.shortcut_sheet import ShortcutSheet
from widgets.status_bar import LinkState, SyncStatusBar
from widgets.sync_worker import SyncController, SyncOutcome
from widgets.tasks import TaskRunner
from widgets.window_focus import FocusReturn
from widgets.window_menus import WindowMenus

if TYPE_CHECKING:
    from widgets.map_view import MapView
    from widgets.role_tools import RoleTools

LAYOUT_VERSION = 1
QUEUE_MIN_WIDTH = 420
DEFAULT_SIZE = (1400, 860)
#: The map page is built once and kept here (see console.maps.page.cached_map_page).
MAP_FOLDER = "map"


class _MediaSource:
    """A report's photos, from the session's detail client once the store is open: the
    detail panel is built before that client exists."""

    def __init__(self) -> None:
        self.client: Any = None

    def fetch(self, report_id: int, index: int) -> bytes:
        if self.client is None:
            raise RuntimeError("no report is shown before the store is open")
        return bytes(self.client.media(report_id, index))


class MainWindow(QMainWindow):
    #: A report's details are on screen (report id).
    detailShown = Signal(int)
    #: The operator closed the window (everything is stopped by then).
    closed = Signal()
    #: The store is open: the queue is loading, sync runs, the role's tools are in place.
    opened = Signal()

    def __init__(
        self,
        work: WorkSession | Workplace,
        *,
        store: QSettings | None = None,
        language: str = "vi",
        use_tray: bool | None = None,
        restore: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """From a `Workplace` the window waits for `attach`; from a session it is complete."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        place = work.workplace if isinstance(work, WorkSession) else work
        self.place = place
        self.role = place.role
        self.language = language
        self.store = store or layout_settings(place.settings.config_dir)
        self.runner = TaskRunner(self)
        self._session: WorkSession | None = None
        self._sync: SyncController | None = None
        self._tools: RoleTools | None = None
        self._sync_asked = False
        self._selected: int | None = None
        #: Reports acted on since the last sync: their history is fetched again after it.
        self._acted: set[int] = set()
        self.visible_rows: list[QueueRow] = []
        self.error_box: QMessageBox | None = None
        self._closed = False

        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.queue = QueueView(place.sla, place.reference, place.settings)
        self._media = _MediaSource()
        self.detail = DetailPanel(
            fetch_media=self._media.fetch, reference=place.reference, sla=place.sla
        )
        self.map_pane = MapPane(self.queue.clock)
        # Narrow screens: the queue may be narrower than its filter bar would like (it clips).
        self.queue.setMinimumWidth(min(self.queue.minimumSizeHint().width(), QUEUE_MIN_WIDTH))
        self.queue_dock = self._dock("queueDock", self.queue)
        self.detail_dock = self._dock("detailDock", self.detail)
        self.map_dock = self._dock("mapDock", self.map_pane)
        self.default_layout()

        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self.status.show_user(place.user, self.role)
        # Roles that never act on reports have no outbox to watch.
        self.status.show_outbox(self.role in STAFF)
        self.shortcut_sheet: ShortcutSheet | None = None
        self._retranslate()
        if place.token_warning:
            self.status.show_warning(self.tr("Sign-in kept in a file"), place.token_warning)
        self.notifier = Notifier(self, place.settings.data_dir, self._ward_name, use_tray=use_tray)
        self.menus = WindowMenus(self, self.choose_language)
        self.focus_return = FocusReturn(self, self.queue.table)
        self._wire()
        self._layout_restored = restore and self.restore_layout()
        if not self._layout_restored:
            self.resize(DEFAULT_SIZE[0], DEFAULT_SIZE[1])
        self._first_show = True
        if isinstance(work, WorkSession):
            self.attach(work)

    def attach(self, session: WorkSession) -> None:
        """The store is open: the queue loads, sync starts if asked, the role's tools appear."""
        self._session = session
        self.map_pane.open(session.tiles, session.settings.data_dir / MAP_FOLDER)
        self._media.client = session.detail_engine.client
        self.queue.open_store(session.cache, session.outbox)
        self._sync = SyncController(
            session.engine,
            session.cache,
            session.outbox,
            session.settings.sync_interval_s,
            self,
        )
        self._sync.started.connect(self._sync_started)
        self._sync.progressed.connect(self.status.show_progress)
        self._sync.finished.connect(self._sync_finished)
        # The role's controllers and dialogs import the store's queries and the exports:
        # loaded here, after the window shows, not on its start path.
        from widgets.role_tools import RoleTools

        tools = RoleTools(
            self,
            session,
            self.queue,
            self._push_soon,
            session.detail_engine.refresh_report,
            self._media.fetch,
        )
        self._tools = tools
        self.menus.add_role_tools(tools)
        self.queue.table.selectionModel().selectionChanged.connect(tools.selection_changed)
        tools.changed.connect(self._reports_changed)
        tools.message.connect(lambda text: self.status.showMessage(text, 10_000))
        tools.reported.connect(self._action_reported)
        if self._sync_asked:
            self._sync.start()
        self.opened.emit()

    @property
    def map(self) -> MapView:
        return self.map_pane.view

    @property
    def session(self) -> WorkSession:
        if self._session is None:
            raise RuntimeError("the window's store is not open yet")
        return self._session

    @property
    def sync(self) -> SyncController:
        if self._sync is None:
            raise RuntimeError("the window's store is not open yet")
        return self._sync

    @property
    def tools(self) -> RoleTools:
        if self._tools is None:
            raise RuntimeError("the window's store is not open yet")
        return self._tools

    def is_open(self) -> bool:
        return self._session is not None

    # -- building --------------------------------------------------------------------------

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def default_layout(self) -> None:
        for dock in (self.queue_dock, self.detail_dock, self.map_dock):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queue_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        self.splitDockWidget(self.queue_dock, self.detail_dock, Qt.Orientation.Horizontal)
        self.splitDockWidget(self.detail_dock, self.map_dock, Qt.Orientation.Vertical)
        self._size_docks()

    def _size_docks(self) -> None:
        """Queue wider than the right column (its six first columns fit at 1366 px); details a
        little taller than the map."""
        width = max(self.width(), 1000)
        height = max(self.height(), 600)
        self.resizeDocks(
            [self.queue_dock, self.detail_dock],
            [width * 3 // 5, width * 2 // 5],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks(
            [self.detail_dock, self.map_dock],
            [height * 11 // 20, height * 9 // 20],
            Qt.Orientation.Vertical,
        )

    def _wire(self) -> None:
        self.queue.visibleRowsChanged.connect(self._rows_changed)
        self.queue.reportSelected.connect(self._report_selected)
        self.queue.currentLeft.connect(self._report_left)
        self.queue.urgentReportsSeen.connect(self.notifier.announce)
        self.notifier.alert.openRequested.connect(self._open_alerted)
        self.map_pane.markerClicked.connect(self.queue.select_report)

    # -- layout ----------------------------------------------------------------------------

    def restore_layout(self) -> bool:
        """The operator's last geometry and dock arrangement; False when there is none."""
        geometry = self.store.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            return False
        state = self.store.value("window/state")
        return state is not None and bool(self.restoreState(state, LAYOUT_VERSION))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if not self._layout_restored:
                self._size_docks()
            # The operator can type a search at once, while the queue is still loading.
            self.queue.focus_search()
            # Modules, classes and widgets live as long as the window: keep them out of the
            # full collections that sync and loading trigger (each would walk them all).
            gc.freeze()

    def save_layout(self) -> None:
        self.store.setValue("window/geometry", self.saveGeometry())
        self.store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.store.sync()

    # -- starting and stopping -----------------------------------------------------------

    def start(self) -> None:
        """Loads the queue from the cache and starts syncing (first sync now), or both as
        soon as the store is open."""
        self.queue.reload()
        self._sync_asked = True
        if self._sync is not None:
            self._sync.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_layout()
            self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

    def shutdown(self) -> None:
        """Stops the timer and every worker; nothing keeps running after the window."""
        self.focus_return.stop()
        self.status.clearMessage()  # its expiry timer too
        if self._sync is not None:
            self._sync.stop()
        if self._tools is not None:
            self._tools.shutdown()
        self.runner.shutdown()
        for part in (self.queue, self.detail, self.map_pane):
            stop = getattr(part, "shutdown", None)
            if callable(stop):
                stop()
        self.notifier.stop()
        if self.error_box is not None:
            self.error_box.close()
        if self._session is not None:
            self._session.detail_engine.client.close()

    # -- sync ------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._sync is None:
            self.status.showMessage(self.tr("Opening the local store…"), 5000)
            return
        self._sync.sync_now(manual=True)

    def _push_soon(self) -> None:
        """An action was queued: send it now rather than at the next periodic sync."""
        self.sync.sync_now(manual=False)

    def _sync_started(self, manual: bool) -> None:
        if manual or self.status.state is not LinkState.OFFLINE:
            self.status.set_state(LinkState.SYNCING)

    def _sync_finished(self, outcome: SyncOutcome, manual: bool) -> None:
        self.status.hide_progress()
        if outcome.ok:
            self.status.set_state(LinkState.ONLINE)
            self.status.set_last_sync(outcome.finished_at)
        else:
            state = LinkState.ONLINE if outcome.online else LinkState.OFFLINE
            self.status.set_state(state, outcome.error or "")
        if outcome.ok or outcome.reports:
            self.status.set_counts(
                pending=outcome.pending,
                quarantined=outcome.quarantined,
                conflicts=outcome.conflicts,
            )
        if outcome.online:
            self.queue.merge_changes()
            self._refresh_acted()
            if self._tools is not None:
                self._tools.after_sync()
        if manual and not outcome.ok:
            self._show_sync_error(outcome.error or self.tr("unknown reason"))

    def _show_sync_error(self, reason: str) -> None:
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(self)
        box.setObjectName("syncErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Sync failed"))
        box.setText(self.tr("Could not sync with the central API."))
        box.setInformativeText(
            self.tr(
                "Reason: %1\nYour work is kept on this computer and will be sent later."
            ).replace("%1", reason)
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget_error_box(box))
        self.error_box = box
        box.open()

    def _forget_error_box(self, box: QMessageBox) -> None:
        if self.error_box is box:
            self.error_box = None

    def _ward_name(self, code: str) -> str:
        ward = self.place.reference.ward(code)
        return ward.name if ward is not None else code

    def _open_alerted(self, report_id: int) -> None:
        """The alert's report in the New view, the window in front."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.queue.set_view("new")
        self.queue.select_report(report_id)

    # -- queue, map and detail -------------------------------------------------------------

    def _rows_changed(self, rows: list[QueueRow]) -> None:
        self.visible_rows = rows
        self.map_pane.show_rows(rows)

    def _report_selected(self, report_id: int) -> None:
        self._selected = report_id
        self.map_pane.select(report_id)
        session = self._session
        if session is None:
            return
        self.runner.run(
            load_detail,
            session.cache,
            session.outbox,
            report_id,
            on_done=lambda found: self._show_detail(report_id, *found),
        )
        self.runner.run(
            session.detail_engine.refresh_report,
            report_id,
            on_done=lambda _report: self._refresh_detail(report_id),
            on_error=lambda _exc: None,
        )

    def _action_reported(self, text: str) -> None:
        if self.status.state is LinkState.OFFLINE:
            text += " " + self.tr("(offline: kept on this computer, sent once connected)")
        self.status.showMessage(text, 15_000)

    def _reports_changed(self, report_ids: list[int]) -> None:
        """An action was queued: show its pending state in the queue and the details."""
        self.queue.merge_changes()
        self._acted.update(report_ids)
        if self._selected in report_ids:
            self._refresh_detail(self._selected)

    def _refresh_acted(self) -> None:
        """A sync sent the operator's actions: the selected report's history comes again from
        the server (the changes feed carries none), so the action shows in its history. A report
        whose actions are still waiting (a sync that began before they were queued) stays for
        the next sync."""
        selected, session = self._selected, self._session
        if session is None:
            return
        acted = self._acted
        self._acted = {rid for rid in acted if session.outbox.pending_count_for(rid)}
        if selected is None or selected not in acted - self._acted:
            return
        self.runner.run(
            session.detail_engine.refresh_report,
            selected,
            on_done=lambda _report: self._refresh_detail(selected),
            on_error=lambda _exc: None,
        )

    def _report_left(self) -> None:
        """The report on screen left the queue's rows and no other took its place."""
        self._selected = None
        self.detail.show_report(None, [], self.role)

    def _show_detail(
        self,
        report_id: int,
        report: Report | None,
        history: list[Event],
        codes: dict[int, str],
    ) -> None:
        if report_id != self._selected:
            return
        self.detail.codes = codes
        self.detail.show_report(report, history, self.role)
        self.detailShown.emit(report_id)

    def _refresh_detail(self, report_id: int) -> None:
        session = self._session
        if report_id == self._selected and session is not None:
            self.runner.run(
                load_detail,
                session.cache,
                session.outbox,
                report_id,
                on_done=lambda found: self._show_detail(report_id, *found),
            )

    def focus_search(self) -> None:
        self.queue_dock.show()
        self.queue_dock.raise_()
        self.queue.focus_search()

    # -- language and help -----------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """Switches the running application: every window retranslates on LanguageChange.

        Retranslating in place, rather than rebuilding the window from its saved state, keeps
        everything the operator has going by construction (selection, tab, filters, typed
        search, scroll, dock layout, the map's position, open dialogs, workers and sync) where
        a rebuild would have to carry each over and lose what it forgot. Its price is that
        each widget sets its texts in a method it calls again on LanguageChange (dialogs are
        built afresh each time and need none).
        """
        if language == self.language:
            return
        save_language(self.store, language)
        self.language = language
        app = QCoreApplication.instance()
        assert app is not None
        apply_language(app, language)

    def _retranslate(self) -> None:
        self.queue_dock.setWindowTitle(self.tr("Report queue"))
        self.detail_dock.setWindowTitle(self.tr("Report details"))
        self.map_dock.setWindowTitle(self.tr("Map"))
        self.setWindowTitle(
            self.tr("PAHT Console – %1 (%2)")
            .replace("%1", self.place.user)
            .replace("%2", self.status.role_label(self.role))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_shortcuts(self) -> ShortcutSheet:
        """The shortcut sheet (F1), read from the window's actions as they are now."""
        if self.shortcut_sheet is None:
            self.shortcut_sheet = ShortcutSheet(self)
        else:
            self.shortcut_sheet.fill()
        self.shortcut_sheet.show()
        self.shortcut_sheet.raise_()
        self.shortcut_sheet.activateWindow()
        return self.shortcut_sheet

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PAHT Console"),
            self.tr(
                "PAHT Console – the desktop console of the Huế Smart City IOC for field reports."
            ),
        )
