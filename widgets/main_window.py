"""The operator's main window: queue, detail and map in docks, menus, sync and status.

The docks and their kept arrangement are `widgets.window_layout`. Everything slow (sync, a
report's details, marker colours for 200,000 rows) runs on worker threads.

The window follows the start's phases (`widgets.session.Phase`): built and shown from a
`Workplace` (who, which rules), the operator can type a search; `attach` brings the signed-in
session with its open store: the queue loads, sync starts and the role's menus appear. A
session whose role only this computer remembers (the server did not answer) is shown
read-only until `confirm_role`. Sync and status are `widgets.window_sync`, the detail panel's
loading `widgets.window_detail`, menus `widgets.window_menus` (fed the window's slots).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from console.domain.model import Role
from console.domain.workflow import STAFF
from console.store.records import QueueRow
from widgets.detail_panel import DetailPanel
from widgets.i18n import apply_language, save_language
from widgets.map_pane import MapPane
from widgets.notifications import STATUS_MS, Notifier
from widgets.queue_view import QueueView
from widgets.session import Phase, Workplace, WorkSession, layout_settings
from widgets.shortcut_sheet import ShortcutSheet
from widgets.status_bar import SyncStatusBar
from widgets.sync_worker import SyncController
from widgets.tasks import TaskRunner
from widgets.window_detail import DetailFollower, MediaSource
from widgets.window_focus import FocusReturn
from widgets.window_layout import arrange, make_dock, restore_layout, save_layout, size_docks
from widgets.window_menus import MenuSlots, WindowMenus
from widgets.window_sync import WindowSync

if TYPE_CHECKING:
    from widgets.map_view import MapView
    from widgets.role_tools import RoleTools
    from widgets.wall.inside import Focus
    from widgets.wall.window import WallWindow

QUEUE_MIN_WIDTH = 420
DEFAULT_SIZE = (1400, 860)
#: The map page is built once and kept here (see console.maps.page.cached_map_page).
MAP_FOLDER = "map"


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
        """From a `Workplace` the window waits for `attach`; from a session it is attached."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        place = work.place if isinstance(work, WorkSession) else work
        self.place = place
        self.role = place.role
        self.language = language
        self.store = store or layout_settings(place.settings.config_dir)
        self.runner = TaskRunner(self)
        self._session: WorkSession | None = None
        self._tools: RoleTools | None = None
        self.visible_rows: list[QueueRow] = []
        self._closed = False

        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.queue = QueueView(place.sla, place.reference, place.settings)
        self._media = MediaSource()
        self.detail = DetailPanel(
            fetch_media=self._media.fetch, reference=place.reference, sla=place.sla
        )
        self.map_pane = MapPane(self.queue.clock)
        # Narrow screens: the queue may be narrower than its filter bar would like (it clips).
        self.queue.setMinimumWidth(min(self.queue.minimumSizeHint().width(), QUEUE_MIN_WIDTH))
        self.queue_dock = make_dock(self, "queueDock", self.queue)
        self.detail_dock = make_dock(self, "detailDock", self.detail)
        self.map_dock = make_dock(self, "mapDock", self.map_pane)
        self.default_layout()

        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self.status.show_user(place.user, self.role)
        # Roles that never act on reports have no outbox to watch.
        self.status.show_outbox(self.role in STAFF)
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyNote")
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_label.setStyleSheet("color: #92400e; font-weight: bold;")
        self.read_only_label.hide()
        self.status.add_first_permanent(self.read_only_label)  # messages hide the others
        self.link = WindowSync(self, self.status)
        self.follower = DetailFollower(self.detail, self.runner, self.role)
        self.shortcut_sheet: ShortcutSheet | None = None
        self.wall: WallWindow | None = None
        self._retranslate()
        if place.token_warning:
            self.status.show_warning(self.tr("Sign-in kept in a file"), place.token_warning)
        self.notifier = Notifier(self, place.settings.data_dir, self._ward_name, use_tray=use_tray)
        self.menus = WindowMenus(self, self._menu_slots(), self.docks())
        self.focus_return = FocusReturn(self, self.queue.table)
        self._wire()
        self._layout_restored = restore and self.restore_layout()
        if not self._layout_restored:
            self.resize(DEFAULT_SIZE[0], DEFAULT_SIZE[1])
        self._first_show = True
        if isinstance(work, WorkSession):
            self.attach(work)

    def attach(self, session: WorkSession) -> None:
        """The store is open: the queue loads, sync starts if asked, the role's tools appear
        (read-only while the server has not confirmed the role)."""
        self._session = session
        self.map_pane.open(session.tiles, session.settings.data_dir / MAP_FOLDER)
        self._media.client = session.detail_engine.client
        self.follower.open(session)
        self.queue.open_store(session.cache, session.outbox)
        # The role's controllers and dialogs import the store's queries and the exports:
        # loaded here, after the window shows, not on its start path.
        from widgets.role_tools import RoleTools

        tools = RoleTools(
            self,
            session,
            self.queue,
            self.link.push_soon,
            session.detail_engine.refresh_report,
            self._media.fetch,
        )
        self._tools = tools
        self.menus.add_role_tools(tools)
        self.queue.table.selectionModel().selectionChanged.connect(tools.selection_changed)
        tools.changed.connect(self._reports_changed)
        tools.message.connect(lambda text: self.status.showMessage(text, 10_000))
        tools.reported.connect(self.link.action_reported)
        tools.wallRequested.connect(lambda case, boxes: self.open_wall((case, boxes)))
        if not session.connection.confirmed or session.connection.read_only:
            self._show_read_only(True)
        self.link.open(session)
        if self.role is Role.SUPERVISOR:
            say = lambda text: self.status.showMessage(text, STATUS_MS)  # noqa: E731
            self.notifier.watch_overdue(self.queue.all_rows, say)
        self.opened.emit()

    def confirm_role(self) -> None:
        """The server answered for the remembered role: the role's actions are enabled."""
        self._show_read_only(False)

    def _show_read_only(self, read_only: bool) -> None:
        if self._tools is not None:
            self._tools.set_read_only(read_only, self._read_only_text())
        self.read_only_label.setText("⚠ " + self._read_only_text())
        self.read_only_label.setVisible(read_only)

    def _read_only_text(self) -> str:
        reason = self._session.connection.read_only if self._session is not None else None
        return reason or self.tr("Offline: read-only until the server confirms your role")

    @property
    def phase(self) -> Phase:
        return Phase.CONFIGURED if self._session is None else Phase.OPEN

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
        if self.link.controller is None:
            raise RuntimeError("the window's store is not open yet")
        return self.link.controller

    @property
    def tools(self) -> RoleTools:
        if self._tools is None:
            raise RuntimeError("the window's store is not open yet")
        return self._tools

    @property
    def error_box(self) -> QMessageBox | None:
        return self.link.error_box

    def is_open(self) -> bool:
        return self.phase is Phase.OPEN

    # -- building --------------------------------------------------------------------------

    def docks(self) -> tuple[QDockWidget, QDockWidget, QDockWidget]:
        return self.queue_dock, self.detail_dock, self.map_dock

    def _menu_slots(self) -> MenuSlots:
        return MenuSlots(
            sync_now=self.sync_now,
            focus_search=self.focus_search,
            quit=self.close,
            set_heatmap=self.map_pane.set_heatmap,
            fit_all=self.map_pane.fit_all,
            reset_layout=self.default_layout,
            show_shortcuts=self.show_shortcuts,
            about=self.about,
            choose_language=self.choose_language,
            language=lambda: self.language,
            open_wall=lambda: self.open_wall(),
        )

    def open_wall(self, focus: Focus | None = None) -> None:
        from widgets.wall.inside import show_wall

        show_wall(self, focus)

    def default_layout(self) -> None:
        arrange(self, *self.docks())

    def _wire(self) -> None:
        self.queue.visibleRowsChanged.connect(self._rows_changed)
        self.queue.reportSelected.connect(self._report_selected)
        self.queue.currentLeft.connect(self.follower.left)
        self.queue.urgentReportsSeen.connect(self.notifier.announce)
        self.queue.reportsArrived.connect(self.map_pane.pulse)
        self.notifier.alert.openRequested.connect(self._open_alerted)
        self.map_pane.markerClicked.connect(self.queue.select_report)
        self.follower.shown.connect(self.detailShown)
        self.link.reachedServer.connect(self._synced)

    # -- layout ----------------------------------------------------------------------------

    def restore_layout(self) -> bool:
        return restore_layout(self, self.store)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if not self._layout_restored:
                size_docks(self, *self.docks())
            # The operator can type a search at once, while the queue is still loading.
            self.queue.focus_search()

    def save_layout(self) -> None:
        save_layout(self, self.store)

    # -- starting and stopping -----------------------------------------------------------

    def start(self) -> None:
        """Loads the queue from the cache and starts syncing (first sync now), or both as
        soon as the store is open."""
        self.queue.reload()
        self.link.start()

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
        self.link.stop()
        if self._tools is not None:
            self._tools.shutdown()
        self.runner.shutdown()
        for part in (self.queue, self.detail, self.map_pane):
            stop = getattr(part, "shutdown", None)
            if callable(stop):
                stop()
        self.notifier.stop()
        if self._session is not None:
            self._session.detail_engine.client.close()

    # -- sync, queue, map and detail -------------------------------------------------------

    def sync_now(self) -> None:
        self.link.sync_now()

    def _synced(self) -> None:
        """A sync reached the server: the queue, the details and the role's tools follow."""
        self.queue.merge_changes()
        self.follower.after_sync()
        if self._tools is not None:
            self._tools.after_sync()

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

    def _rows_changed(self, rows: list[QueueRow]) -> None:
        self.visible_rows = rows
        self.map_pane.show_rows(rows)

    def _report_selected(self, report_id: int) -> None:
        self.map_pane.select(report_id)
        self.follower.select(report_id)

    def _reports_changed(self, report_ids: list[int]) -> None:
        """An action was queued: show its pending state in the queue and the details."""
        self.queue.merge_changes()
        self.follower.changed(report_ids)

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
        self.read_only_label.setText("⚠ " + self._read_only_text())
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
