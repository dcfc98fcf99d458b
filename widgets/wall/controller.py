"""Keeps the wall current: the live channel fills the cache, the wall's state turns the
cache into a scene off the GUI thread, and the window shows it (pulsing what is new).

Failures never open a dialog: the header says so in a small line and the sync goes on
retrying by itself. A refused token (a wall runs for days; tokens last hours) is renewed
with the wall account's password, also in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from console.domain.clock import utcnow
from console.domain.hue_time import to_local
from console.wall.scene import WallScene
from widgets.sync_worker import SyncController, SyncOutcome
from widgets.tasks import TaskRunner
from widgets.wall.window import WallWindow

translate = QCoreApplication.translate
#: Figures move with time alone (a deadline passes, the day turns): a scene at least this often.
TIME_REFRESH_MS = 30_000
#: At most one renewal of the sign-in per this many seconds.
RELOGIN_GAP_S = 30.0


class WallController(QObject):
    #: A scene is on the wall: (scene, the ids that pulse in it).
    shown = Signal(object, object)

    def __init__(
        self,
        window: WallWindow,
        state: Any,
        sync: SyncController,
        *,
        relogin: Callable[[], object] | None = None,
        own_sync: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.sync = sync
        self._relogin = relogin
        self._own_sync = own_sync
        self._last_relogin: datetime | None = None
        self._runner = TaskRunner(self, max_threads=1)
        self._refreshing = False
        self._again = False
        self._pending: list[int] = []
        self._changes_at: datetime | None = None
        sync.finished.connect(self._synced)
        window.closed.connect(self.stop)
        self.timer = QTimer(self)
        self.timer.setInterval(TIME_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()
        if self._own_sync:
            self.sync.start()

    def stop(self) -> None:
        """Idempotent; a sync shared with an operator's window goes on."""
        self.timer.stop()
        if self._own_sync:
            self.sync.stop()
        self._runner.shutdown()

    def focus_on(self, report_id: int | None, reviewed: Any = None) -> None:
        """The press spotlight's case (the briefing wizard's choice), on the wall at once."""
        self.state.put_in_focus(report_id, reviewed)
        self.refresh()

    def refresh(self, pulse: tuple[int, ...] = ()) -> None:
        """A new scene soon; the ids given pulse in it (merged into a refresh that runs)."""
        self._pending.extend(pulse)
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        ids, self._pending = tuple(self._pending), []
        self._runner.run(
            self.state.refresh,
            utcnow(),
            on_done=lambda scene: self._show(scene, ids),
            on_error=self._failed,
        )

    def _show(self, scene: WallScene, ids: tuple[int, ...]) -> None:
        self._refreshing = False
        self.window.show_scene(scene, ids)
        self.shown.emit(scene, ids)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self.window.set_link(
            translate("WallController", "The local data could not be read: %1").replace(
                "%1", str(exc) or type(exc).__name__
            ),
            ok=False,
        )
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _synced(self, outcome: SyncOutcome, _manual: bool) -> None:
        if outcome.ok:
            self._changes_at = outcome.finished_at
            how = (
                translate("WallController", "Live")
                if outcome.live
                else translate("WallController", "Connected")
            )
            self.window.set_link(f"{how} · {to_local(outcome.finished_at):%H:%M:%S}", ok=True)
            if outcome.stored or outcome.new_ids or outcome.rebuilt:
                self.refresh(outcome.new_ids)
            return
        if outcome.online and self._relogin is not None:
            # The wall's own account: its token ran out or was revoked. Not the room's concern.
            self.window.set_link(
                translate("WallController", "Signing in again") + self._since(), ok=False
            )
            self._renew_sign_in()
            return
        self.window.set_link(self._trouble(outcome), ok=False)

    def _since(self) -> str:
        if self._changes_at is None:
            return ""
        return translate("WallController", " · data from %1").replace(
            "%1", f"{to_local(self._changes_at):%H:%M}"
        )

    def _trouble(self, outcome: SyncOutcome) -> str:
        if not outcome.online:
            return translate("WallController", "Server unreachable, retrying") + self._since()
        return (outcome.error or translate("WallController", "Server refused")) + self._since()

    def _renewed(self, _answer: object) -> None:
        self.sync.sync_now(manual=False)

    def _renew_sign_in(self) -> None:
        now = utcnow()
        last = self._last_relogin
        if last is not None and (now - last).total_seconds() < RELOGIN_GAP_S:
            return
        self._last_relogin = now
        assert self._relogin is not None
        self._runner.run(self._relogin, on_done=self._renewed)
