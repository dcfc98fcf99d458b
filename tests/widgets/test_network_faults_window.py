"""The main window under network faults injected by a proxy on 127.0.0.1 (the sync alone:
tests/integration/test_network_faults.py): it keeps answering the operator and shows that it
is offline, then online again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from console.sync import CentralClient
from reliability.crash_harness import CentralFixture
from reliability.fault_proxy import Fault, FaultKind, FaultProxy
from reliability.network import CASES, FaultCase

FULL = os.environ.get("RELIABILITY_FULL") == "1"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralFixture]:
    fixture = CentralFixture(tmp_path_factory.mktemp("faults-central"), 400)
    yield fixture
    fixture.close()


WINDOW_CASES = (
    CASES
    if FULL
    else [c for c in CASES if c.fault.kind in (FaultKind.RESET, FaultKind.BAD_JSON)]
    + [FaultCase("HTTP 503", Fault(FaultKind.STATUS, status=503), retried=True)]
)


@pytest.fixture
def proxied_window(qtbot: Any, central: CentralFixture) -> Iterator[tuple[Any, FaultProxy]]:
    """The main window of a signed-in operator whose every call goes through the proxy."""
    from PySide6.QtCore import QTimer

    from console.config import load_settings
    from console.connection import sign_in
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    proxy = FaultProxy(central.base_url).start()
    settings = load_settings().with_changes(
        sync_interval_s=3600, tiles_url=None, live_updates=False
    )
    connection = sign_in(proxy.url, "operator", "demo")
    connection.client.close()
    connection = replace(
        connection,
        client=CentralClient(proxy.url, token=connection.token, timeout=(2.0, 1.0), backoff=0.05),
    )
    session = open_session(settings, connection)
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    yield window, proxy
    window.close()
    assert not window.sync.running
    assert [t.objectName() for t in window.findChildren(QTimer) if t.isActive()] == []
    session.cache.close()
    session.outbox.close()
    proxy.stop()


def _sync(qtbot: Any, window: Any) -> Any:
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as blocker:
        if not window.sync.running:
            window.sync.sync_now(manual=False)
    return blocker.args[0]


@pytest.mark.parametrize("case", WINDOW_CASES, ids=[c.name for c in WINDOW_CASES])
@pytest.mark.webengine
def test_the_window_shows_offline_under_a_fault_and_online_after(
    qtbot: Any, proxied_window: tuple[Any, FaultProxy], case: FaultCase
) -> None:
    from widgets.status_bar import LinkState

    window, proxy = proxied_window
    assert _sync(qtbot, window).ok
    assert window.status.state is LinkState.ONLINE

    proxy.set_fault(case.fault)
    under = _sync(qtbot, window)
    if case.survivable:
        assert under.ok and window.status.state is LinkState.ONLINE
    else:
        assert not under.ok
        assert window.status.state is LinkState.OFFLINE
        assert window.status.link_label.toolTip()  # the reason, for the operator
    assert window.isVisible() and window.error_box is None  # no crash, no modal box

    proxy.clear()
    back = _sync(qtbot, window)
    assert back.ok and window.status.state is LinkState.ONLINE


@pytest.mark.webengine
def test_the_window_keeps_answering_while_the_server_hangs(
    qtbot: Any, proxied_window: tuple[Any, FaultProxy]
) -> None:
    """Requests held by the proxy time out on the sync thread; meanwhile the operator can
    type in the search box and timers keep firing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from widgets.status_bar import LinkState

    window, proxy = proxied_window
    assert _sync(qtbot, window).ok
    ticks: list[int] = []
    heartbeat = QTimer(window)
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    proxy.set_fault(Fault(FaultKind.HANG))

    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as blocker:
        window.sync.sync_now(manual=False)
        qtbot.waitUntil(lambda: proxy.stats.injected >= 1 and len(ticks) >= 10)
        assert window.sync.running
        assert window.status.state is LinkState.SYNCING
        search = window.queue.filter_bar.search
        QTest.keyClicks(search, "rac thai")
        assert search.text() == "rac thai"
    heartbeat.stop()
    assert not blocker.args[0].ok
    assert window.status.state is LinkState.OFFLINE

    proxy.clear()
    assert _sync(qtbot, window).ok
