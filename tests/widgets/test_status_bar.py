"""The status bar tells the operator whether the queue is current and what waits."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from console.domain.calendar import VN_TZ
from console.domain.model import Role
from widgets.status_bar import LinkState, SyncStatusBar


def test_counts_and_state_are_shown(qtbot: Any) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show_user("operator", Role.OPERATOR)
    bar.set_state(LinkState.ONLINE)
    bar.set_last_sync(datetime(2026, 1, 5, 3, 4, 5, tzinfo=UTC))
    bar.set_counts(pending=3, quarantined=2, conflicts=1)

    assert "operator" in bar.user_label.text()
    assert bar.state is LinkState.ONLINE
    assert "3" in bar.outbox_label.text()
    assert "2" in bar.quarantine_label.text()
    assert "1" in bar.conflict_label.text()
    # Huế time whatever the workstation's zone, with the date when it was not today.
    assert bar.last_sync_label.text().endswith("05/01/2026 10:04")


def test_last_sync_today_shows_huế_time_only(qtbot: Any, clock_at: Any) -> None:
    clock_at(datetime(2026, 12, 2, 23, 30, tzinfo=VN_TZ))
    bar = SyncStatusBar()
    qtbot.addWidget(bar)

    bar.set_last_sync(datetime(2026, 12, 2, 16, 15, 30, tzinfo=UTC))

    assert bar.last_sync_label.text().endswith(" 23:15:30")


def test_offline_keeps_the_reason_and_progress_comes_and_goes(qtbot: Any) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_state(LinkState.OFFLINE, "Không kết nối được máy chủ")
    assert bar.link_label.toolTip() == "Không kết nối được máy chủ"

    bar.show_progress(50, 200)
    assert bar.progress.isVisible() and bar.progress.value() == 50
    bar.show_progress(10, None)
    assert bar.progress.maximum() == 0  # busy indicator while the total is unknown
    bar.hide_progress()
    assert not bar.progress.isVisible()


def test_token_warning_is_visible(qtbot: Any) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    assert not bar.warning_label.isVisible()
    bar.show_warning("Đăng nhập lưu trong tệp", "/tmp/x/tokens.json")
    assert bar.warning_label.isVisible()
    assert "tokens.json" in bar.warning_label.toolTip()
