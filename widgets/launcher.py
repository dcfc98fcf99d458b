"""The start of the GUI, step by step, over one `Startup` value (widgets.session).

    CONFIGURED  who and which rules: the window shows (from what this computer remembers,
                or after the sign-in); the store opens behind it, once per run
    SIGNED_IN   a connection: signed in, or a remembered token the server accepted or could
                not check (then unconfirmed: the window is read-only)
    OPEN        connection and store: the window is attached and syncs

Every step runs inside the one `app.exec()` a process may run (PITFALLS.md): the launcher
moves on signals, and the slow steps (starting the demo city, signing in, opening the
cache, confirming a role) run on the task runner. An unconfirmed role is confirmed after the
first sync that reaches the server; a different role gets that role's window.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.config import Settings
from console.connection import (
    DEMO_OPERATOR,
    DEMO_PASSWORD,
    Connection,
    EmbeddedCentral,
    confirm,
    open311_connection,
    sign_in,
    sign_in_with_known_password,
    start_embedded,
)
from console.sync.server_url import open311_base
from widgets.i18n import installed_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.opening import keep_token, open_store, restore_connection, session_for
from widgets.runtime import Runtime
from widgets.screenshot import Screenshot
from widgets.session import (
    Phase,
    Startup,
    Workplace,
    remember_identity,
    remembered_identity,
    workplace_for,
)
from widgets.signin import SignInDialog
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox


class Launcher(QObject):
    """Sign-in (or a remembered one) -> window -> store and connection -> attached window."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        store: QSettings,
        language: str,
        runtime: Runtime,
        *,
        screenshot: Path | None,
        demo: bool,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.store = store
        self.language = language
        self.runtime = runtime
        self.screenshot = screenshot
        self.demo = demo or settings.server_url is None
        self.runner = TaskRunner(self)
        self.embedded: EmbeddedCentral | None = None
        self.state: Startup | None = None
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | None = None
        self.exit_code = 0
        self._store: tuple[Cache, Outbox] | None = None
        self._opening_store = False
        self._confirming = False
        self._error_box: QMessageBox | None = None

    # -- steps -----------------------------------------------------------------------------

    def begin(self) -> None:
        server = self.settings.server_url
        if server is None:
            self.runner.run(
                start_embedded, self.settings, on_done=self._embedded_ready, on_error=self._fatal
            )
            return
        if open311_base(server) is not None:
            self._connected(open311_connection(self.settings))
            return
        known = None if self.demo else remembered_identity(self.store, server, self.settings.user)
        if known is None:
            self._sign_in(server)
            return
        user, role = known
        place = workplace_for(self.settings, server, user, role)
        self._show_window(place)
        self.runner.run(
            restore_connection,
            self.settings,
            place,
            on_done=self._restored,
            on_error=lambda _exc: self._ask(server),
        )

    def _embedded_ready(self, embedded: EmbeddedCentral) -> None:
        self.embedded = embedded
        self._sign_in(embedded.base_url)

    def _sign_in(self, base_url: str) -> None:
        """The demo signs in as its operator (or --user); a real server with the password the
        command line would use (PAHT_PASSWORD, the keyring); the dialog otherwise."""
        user = self.settings.user
        if self.demo:
            self.runner.run(
                sign_in,
                base_url,
                user or DEMO_OPERATOR,
                DEMO_PASSWORD,
                on_done=self._signed_in,
                on_error=self._fatal,
            )
            return
        if not user:
            self._ask(base_url)
            return
        self.runner.run(
            partial(
                sign_in_with_known_password,
                ca_bundle=self.settings.ca_bundle,
                insecure_http=self.settings.insecure_http,
            ),
            base_url,
            user,
            on_done=lambda found: self._signed_in(found) if found else self._ask(base_url),
            on_error=lambda exc: self._ask(base_url, exc),
        )

    def _ask(self, base_url: str, failure: BaseException | None = None) -> None:
        dialog = SignInDialog(
            base_url,
            self.runner,
            demo=self.demo,
            user=self.settings.user,
            ca_bundle=self.settings.ca_bundle,
            insecure_http=self.settings.insecure_http,
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self._signed_in(dialog.connection))
        dialog.rejected.connect(lambda: self._quit(1))
        self.dialog = dialog
        if failure is not None:
            dialog.show_failure(failure)
        dialog.show()

    def _restored(self, connection: Connection | None) -> None:
        """The saved token was refused (or is gone): sign in again over the open window."""
        if connection is None:
            assert self.state is not None
            self._sign_in(self.state.place.base_url)
        else:
            self._connected(connection)

    def _signed_in(self, connection: Connection | None) -> None:
        if connection is None:
            self._quit(1)
            return
        if self.demo:
            self._connected(connection)
            return
        remember_identity(self.store, connection.base_url, connection.user, connection.role)
        self.runner.run(
            keep_token,
            self.settings,
            connection,
            on_done=lambda file: self._connected(connection, file),
            on_error=self._fatal,
        )

    def _connected(self, connection: Connection, token_file: Path | None = None) -> None:
        """A window for this user and role (the open one when it matches and has no
        connection yet: a sign-in after a refused token gets a fresh one), then the store."""
        state = self.state
        if (
            state is None
            or state.connection is not None
            or (state.place.user, state.place.role) != (connection.user, connection.role)
        ):
            warning = None
            if token_file is not None:
                warning = self.tr(
                    "No system keyring on this computer: the sign-in token is kept in %1, "
                    "readable only by your user account."
                ).replace("%1", str(token_file))
            place = workplace_for(
                self.settings,
                connection.base_url,
                connection.user,
                connection.role,
                token_warning=warning,
            )
            self._show_window(place)
        assert self.state is not None
        self.state = replace(self.state, connection=connection)
        self._attach_when_ready()

    def _show_window(self, place: Workplace) -> None:
        """Shows the window at once; the store opens behind it (once per run)."""
        if self.window is not None:
            old, self.window = self.window, None
            old.closed.disconnect()
            old.close()
            old.deleteLater()
        self.state = Startup(place, store=self._store)
        window = MainWindow(
            place,
            store=self.store,
            language=self.language,
            use_tray=False if self.screenshot is not None else None,
            restore=self.screenshot is None,
        )
        self.window = window
        window.closed.connect(lambda: self._quit(self.exit_code))
        if self.screenshot is not None:
            Screenshot(self.screenshot, window, self._quit)
        window.show()
        self.runtime.freeze_long_lived()
        window.start()
        if self._store is None and not self._opening_store:
            self._opening_store = True
            self.runner.run(
                open_store, self.settings, on_done=self._store_open, on_error=self._fatal
            )

    def _store_open(self, store: tuple[Cache, Outbox]) -> None:
        self._store = store
        if self.state is not None:
            self.state = replace(self.state, store=store)
        self._attach_when_ready()

    def _attach_when_ready(self) -> None:
        state, window = self.state, self.window
        if state is None or window is None or state.phase is not Phase.OPEN or window.is_open():
            return
        assert state.connection is not None and state.store is not None
        window.attach(session_for(self.settings, state.connection, state.store, state.place))
        if not state.connection.confirmed:
            window.link.reachedServer.connect(self._confirm_role)

    def _confirm_role(self) -> None:
        """The server answers again: it says who the remembered user is now."""
        state = self.state
        if self._confirming or state is None or state.connection is None:
            return
        if state.connection.confirmed:
            return
        self._confirming = True
        self.runner.run(
            partial(confirm, ca_bundle=self.settings.ca_bundle),
            state.connection,
            on_done=self._role_confirmed,
            on_error=self._role_not_confirmed,
        )

    def _role_confirmed(self, connection: Connection) -> None:
        self._confirming = False
        state = self.state
        if state is None or self.window is None:
            return
        remember_identity(self.store, connection.base_url, connection.user, connection.role)
        if (state.place.user, state.place.role) == (connection.user, connection.role):
            self.state = replace(state, connection=connection)
            self.window.confirm_role()
        else:
            self._connected(connection)

    def _role_not_confirmed(self, exc: BaseException) -> None:
        """No answer: still read-only, the next sync asks again. Refused: sign in again."""
        from console.sync.errors import Forbidden, Unauthorized

        self._confirming = False
        if isinstance(exc, Unauthorized | Forbidden) and self.state is not None:
            self._ask(self.state.place.base_url)

    # -- ending ----------------------------------------------------------------------------

    def _fatal(self, exc: BaseException) -> None:
        reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        text = self.tr("PAHT Console cannot start: %1").replace("%1", reason)
        print(text, file=sys.stderr)
        if self.screenshot is not None:
            self._quit(2)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("PAHT Console"), "")
        box.setObjectName("startErrorBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason is the server's text
        box.setText(text)
        box.finished.connect(lambda _r: self._quit(2))
        box.open()
        self._error_box = box

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.app.exit(code)

    def cleanup(self) -> None:
        """After the event loop: close the window (saves layout, stops workers), then the rest."""
        if self.window is not None:
            self.window.closed.disconnect()  # the loop has ended: nothing more to quit
            self.window.close()
        if self._error_box is not None:
            self._error_box.finished.disconnect()
            self._error_box.close()
        self.runner.shutdown()
        if self.embedded is not None:
            self.embedded.stop()
        if self._store is not None:
            for part in self._store:
                part.close()
        remove_translators(self.app, installed_translators())
        self.runtime.restore()
