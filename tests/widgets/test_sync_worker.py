"""Background sync against the real central API: results, offline, back online, stopping."""

from __future__ import annotations

import threading
from typing import Any

from console.central.server import CentralServer
from widgets.sync_worker import SyncController, SyncOutcome


def _controller(qtbot: Any, session: Any) -> SyncController:
    controller = SyncController(session.engine, session.cache, session.outbox, 3600)
    return controller


def _sync(qtbot: Any, controller: SyncController, *, manual: bool) -> tuple[SyncOutcome, bool]:
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        assert controller.sync_now(manual=manual)
    return blocker.args[0], blocker.args[1]


def test_sync_fills_the_cache_off_the_gui_thread(qtbot: Any, shell_session: Any) -> None:
    controller = _controller(qtbot, shell_session)
    gui = threading.get_ident()
    seen: list[int] = []
    original = shell_session.engine.sync_once

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.get_ident())
        return original(*args, **kwargs)

    shell_session.engine.sync_once = spy
    try:
        outcome, manual = _sync(qtbot, controller, manual=True)
    finally:
        controller.stop()

    assert manual is True
    assert outcome.ok and outcome.reports == 40 == shell_session.cache.counts().reports
    assert seen and gui not in seen
    assert shell_session.cache.reference_json() is not None


def test_offline_then_back_online(
    qtbot: Any, shell_session: Any, shell_central: CentralServer
) -> None:
    controller = _controller(qtbot, shell_session)
    try:
        first, _ = _sync(qtbot, controller, manual=False)
        assert first.ok

        shell_central.stop()
        down, manual = _sync(qtbot, controller, manual=False)
        assert not down.online and down.error
        assert manual is False

        shell_central.start()
        back, _ = _sync(qtbot, controller, manual=False)
        assert back.ok and back.reports == 40
    finally:
        controller.stop()


def test_operator_request_during_a_periodic_sync_is_reported_as_manual(
    qtbot: Any, shell_session: Any
) -> None:
    controller = _controller(qtbot, shell_session)
    try:
        with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
            assert controller.sync_now(manual=False)
            assert not controller.sync_now(manual=True)  # merged into the running one
        assert blocker.args[1] is True
    finally:
        controller.stop()


def test_stop_leaves_nothing_running(qtbot: Any, shell_session: Any) -> None:
    controller = _controller(qtbot, shell_session)
    controller.start()
    assert controller.timer.isActive() and controller.running
    assert controller.stop()
    assert not controller.timer.isActive()
    assert not controller.sync_now()
