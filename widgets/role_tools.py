"""The work a signed-in role may do, mounted on the main window.

Staff (operators, supervisors, admins) get the triage actions and the supervision tools; each
controller enables only what the role and the selected reports allow. Media staff, supervisors
and admins get the press-tour briefing; admins also the central's accounts (Administration
menu). Media staff act on no report: their window shows the queue, the details without contact
and the map.

`set_read_only` disables every action that changes a report (its key then says why) while
the role is only remembered by this computer; the views and exports stay available.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

from console.domain.escalation import load_escalation
from console.domain.model import ActionType, Role
from console.domain.workflow import STAFF
from widgets.desk import Desk
from widgets.export_place import ExportPlace
from widgets.queue_view import QueueView
from widgets.session import WorkSession
from widgets.supervisor import SupervisorController, show_in_queue
from widgets.triage import TriageController, select_next_row
from widgets.triage.controller import SHORTCUTS as TRIAGE_KEYS
from widgets.triage.key_hints import KeyHints

if TYPE_CHECKING:
    from widgets.admin import AccountsDialog
    from widgets.briefing import BriefingWizard
    from widgets.relay import RelayDialog

TOOLBAR_TRIAGE = ("accept", "assign", "reject", "merge")
TOOLBAR_SUPERVISION = ("escalate", "overdue")
PRESS_ROLES = frozenset({Role.MEDIA, Role.SUPERVISOR, Role.ADMIN})
#: Who may relay published results to the channels (the central API's relay roles).
RELAY_ROLES = frozenset({Role.MEDIA, Role.OPERATOR, Role.SUPERVISOR})
ACCOUNTS_KEY = "Ctrl+Shift+U"
#: The supervisor's single-key actions and what each does to a report.
SUPERVISION_KEYS = {
    "escalate": ActionType.ESCALATE,
    "extension": ActionType.DECIDE_EXTENSION,
    "review": ActionType.PUBLISH,
}


class RoleTools(QObject):
    """Builds the controllers for the role; the window forwards selection, sync and close."""

    #: Reports whose state changed locally (an action was queued): reload them.
    changed = Signal(list)
    #: A message for the status bar.
    message = Signal(str)
    #: What an action just queued did, naming the reports (for the status bar).
    reported = Signal(str)
    #: The briefing wizard's case for the video wall: (report id, reviewed blur boxes).
    wallRequested = Signal(int, object)

    def __init__(
        self,
        window: QMainWindow,
        session: WorkSession,
        queue: QueueView,
        sync_now: Callable[[], None],
        refresh_report: Callable[[int], Any],
        fetch_media: Callable[[int, int], bytes],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._fetch_media = fetch_media
        connection = session.connection
        self.triage: TriageController | None = None
        self.supervisor: SupervisorController | None = None
        self.briefing: BriefingWizard | None = None
        self.briefing_action: QAction | None = None
        self.accounts: AccountsDialog | None = None
        self.relay: RelayDialog | None = None
        self.relay_action: QAction | None = None
        self.accounts_action: QAction | None = None
        self.menus: dict[str, QMenu] = {}
        #: Every action that changes a report: disabled together while read-only.
        self.acting = QActionGroup(self)
        self.acting.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.read_only_note: str | None = None
        self.exports = ExportPlace.of(session.settings)
        if connection.role in PRESS_ROLES:
            self.briefing_action = QAction(self.tr("Press-tour &briefing…"), window)
            self.briefing_action.setObjectName("press_briefing")
            self.briefing_action.triggered.connect(self.open_briefing)
        if connection.role in RELAY_ROLES:
            self.relay_action = QAction(self.tr("&Relay results…"), window)
            self.relay_action.setObjectName("relay_results")
            self.relay_action.triggered.connect(self.open_relay)
        if connection.role is Role.ADMIN:
            self.accounts_action = QAction(self.tr("&Accounts…"), window)
            self.accounts_action.setObjectName("admin_accounts")
            self.accounts_action.setShortcut(QKeySequence(ACCOUNTS_KEY))
            self.accounts_action.triggered.connect(self.open_accounts)
        if connection.role not in STAFF:
            return
        desk = Desk(
            session.cache,
            session.outbox,
            sync_now,
            connection.role,
            connection.user,
            session.reference,
            session.sla,
            queue.selected_ids,
        )
        self.triage = TriageController(
            window,
            desk,
            lambda: select_next_row(queue.table),
            refresh_report=refresh_report,
        )
        self.supervisor = SupervisorController(
            window,
            desk,
            load_escalation(),
            lambda target: show_in_queue(queue, target),
            exports=self.exports,
        )
        for controller in (self.triage, self.supervisor):
            controller.actionQueued.connect(self.changed)
            controller.messageShown.connect(self.message)
        for controller in (self.triage, self.supervisor):
            controller.batch.reported.connect(self.reported)
        self.key_hints = KeyHints(window, desk)
        self.key_hints.message.connect(self._key_hint)
        for key, (_shortcut, action_type) in TRIAGE_KEYS.items():
            if action_type is not None:
                self.key_hints.watch(self.triage.actions[key], action_type)
                self.acting.addAction(self.triage.actions[key])
        for key, action_type in SUPERVISION_KEYS.items():
            self.key_hints.watch(self.supervisor.actions[key], action_type)
            self.acting.addAction(self.supervisor.actions[key])

    def set_read_only(self, read_only: bool, note: str) -> None:
        """Disables (or gives back) every action that changes a report; `note` says why."""
        self.read_only_note = note if read_only else None
        self.acting.setEnabled(not read_only)
        if not read_only:
            self.selection_changed()

    def _key_hint(self, text: str) -> None:
        self.message.emit(self.read_only_note or text)

    def open_briefing(self) -> BriefingWizard:
        """One briefing wizard at a time, beside the window (not modal).

        The wizard's export libraries (OpenCV, reportlab, python-docx, python-pptx) load here,
        on first use, not when the window starts."""
        if self.briefing is None:
            from widgets.briefing import BriefingWizard

            session = self._session
            self.briefing = BriefingWizard(
                session.cache,
                session.reference,
                actor=session.connection.user,
                fetch_media=self._fetch_media,
                tiles=session.tiles,
                exports=self.exports,
                parent=self._window,
            )
            self.briefing.setWindowFlag(Qt.WindowType.Window)
            self.briefing.finished.connect(self._briefing_closed)
            self.briefing.wallRequested.connect(self.wallRequested)
        self.briefing.show()
        self.briefing.raise_()
        return self.briefing

    def _briefing_closed(self) -> None:
        if self.briefing is not None:
            self.briefing.deleteLater()
            self.briefing = None

    def open_accounts(self) -> AccountsDialog:
        """One accounts dialog at a time, beside the window, with its own HTTP session."""
        if self.accounts is None:
            from console.sync.client import CentralClient
            from widgets.admin import AccountsDialog

            connection, settings = self._session.connection, self._session.settings
            client = CentralClient(
                connection.base_url,
                token=connection.token,
                ca_bundle=settings.ca_bundle,
                insecure_http=settings.insecure_http,
            )
            self.accounts = AccountsDialog(client, self._session.reference, self._window)
            self.accounts.setWindowFlag(Qt.WindowType.Window)
            self.accounts.finished.connect(self._accounts_closed)
        self.accounts.show()
        self.accounts.raise_()
        return self.accounts

    def open_relay(self) -> RelayDialog:
        """One relay dialog at a time, beside the window, with its own HTTP session."""
        if self.relay is None:
            from console.sync.relay_client import RelayClient
            from widgets.relay import RelayDialog

            connection, settings = self._session.connection, self._session.settings
            client = RelayClient(
                connection.base_url,
                token=connection.token,
                ca_bundle=settings.ca_bundle,
                insecure_http=settings.insecure_http,
            )
            self.relay = RelayDialog(self._session.cache, client, parent=self._window)
            self.relay.setWindowFlag(Qt.WindowType.Window)
            self.relay.finished.connect(self._relay_closed)
        self.relay.show()
        self.relay.raise_()
        return self.relay

    def _relay_closed(self) -> None:
        if self.relay is not None:
            self.relay.client.close()
            self.relay.deleteLater()
            self.relay = None

    def _accounts_closed(self) -> None:
        if self.accounts is not None:
            self.accounts.deleteLater()
            self.accounts = None

    def add_menus(self, menubar: QMenuBar, toolbar: QToolBar, before: QAction) -> None:
        """The role's menus, inserted in the menu bar before `before`; its toolbar actions."""

        def menu(key: str, actions: Iterable[QAction]) -> None:
            added = QMenu(self._menu_titles()[key], menubar)
            added.addActions(list(actions))
            menubar.insertMenu(before, added)
            self.menus[key] = added

        if self.triage is not None:
            menu("actions", self.triage.actions.values())
            toolbar.addSeparator()
            for key in TOOLBAR_TRIAGE:
                toolbar.addAction(self.triage.actions[key])
        if self.supervisor is not None:
            menu("supervision", self.supervisor.actions.values())
            toolbar.addSeparator()
            for key in TOOLBAR_SUPERVISION:
                toolbar.addAction(self.supervisor.actions[key])
        press = [a for a in (self.briefing_action, self.relay_action) if a is not None]
        if press:
            menu("press", press)
        if self.briefing_action is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.briefing_action)
        if self.accounts_action is not None:
            menu("admin", [self.accounts_action])

    def _menu_titles(self) -> dict[str, str]:
        return {
            "actions": self.tr("&Actions"),
            "supervision": self.tr("&Supervision"),
            "press": self.tr("&Press"),
            "admin": self.tr("A&dministration"),
        }

    def event(self, event: QEvent) -> bool:
        """The window passes LanguageChange on: the role's menus and actions retranslate."""
        if event.type() == QEvent.Type.LanguageChange:
            for key, title in self._menu_titles().items():
                if key in self.menus:
                    self.menus[key].setTitle(title)
            if self.briefing_action is not None:
                self.briefing_action.setText(self.tr("Press-tour &briefing…"))
            if self.accounts_action is not None:
                self.accounts_action.setText(self.tr("&Accounts…"))
            if self.relay_action is not None:
                self.relay_action.setText(self.tr("&Relay results…"))
            for controller in (self.triage, self.supervisor):
                if controller is not None:
                    controller.retranslate()
        return super().event(event)

    def selection_changed(self) -> None:
        for controller in (self.triage, self.supervisor):
            if controller is not None:
                controller.refresh()

    def after_sync(self) -> None:
        if self.triage is not None:
            self.triage.review_outbox()
            self.triage.refresh()
        if self.supervisor is not None:
            self.supervisor.after_sync()
        if self.relay is not None:
            self.relay.refresh_results()

    def shutdown(self) -> None:
        for controller in (self.triage, self.supervisor):
            if controller is not None:
                controller.shutdown()
        if self.briefing is not None:
            self.briefing.close()
        if self.accounts is not None:
            self.accounts.close()
        if self.relay is not None:
            self.relay.close()
