"""The "Relay results" dialog driven like an operator would, against the real central API and
its relay outbox, with webhook channels that are small HTTP servers on 127.0.0.1: choose a
published result, tick channels, review a photo and draw a blur box by hand, preview, send once (a double click and a
send again after a network error queue one message per channel), a failure shown in
Vietnamese, and a failed message retried from the failed view."""

from __future__ import annotations

import base64
import io
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PIL import Image, ImageStat
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from console.central.relay.sender import MAX_ATTEMPTS
from console.domain import clock
from tests.widgets.desks import TriageApi, role_window
from widgets.relay import RelayDialog

# Qt WebEngine runs in the test process (the main window's map): left out under libfaketime.
pytestmark = pytest.mark.webengine

SLOW_MS = 60_000


class Receiver:
    """A webhook endpoint: records what arrives; answers 500 while `failing`."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.failing = False
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if owner.failing:
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"hong may")
                    return
                owner.received.append((self.headers["Idempotency-Key"], body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers() -> Iterator[tuple[Receiver, Receiver]]:
    pair = (Receiver(), Receiver())
    yield pair
    for receiver in pair:
        receiver.close()


def add_channels(central: Any, receivers: tuple[Receiver, Receiver]) -> None:
    admin = TriageApi(central.base_url, "admin")
    for n, receiver in enumerate(receivers, 1):
        answer = admin.http.post(
            f"{admin.base}/relay/channels",
            json={
                "id": f"webhook-{n}",
                "kind": "webhook",
                "name": f"Trang tin số {n}",
                "settings": {"url": receiver.url},
            },
            timeout=10,
        )
        assert answer.status_code == 201, answer.text


@pytest.fixture
def operator_window(
    qtbot: QtBot, shell_central: Any, shell_settings: Any, receivers: tuple[Receiver, Receiver]
) -> Iterator[Any]:
    add_channels(shell_central, receivers)
    yield from role_window(qtbot, shell_central, shell_settings, "operator")


def outbox(central: Any) -> list[dict[str, Any]]:
    api = TriageApi(central.base_url, "operator")
    answer = api.http.get(f"{api.base}/relay/messages", timeout=10)
    answer.raise_for_status()
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def past_every_backoff(qtbot: QtBot, central: Any, clock_at: Any) -> None:
    """Moves the clock past the latest queued message's next attempt, waits until the sender
    has tried every due message again, and so on until it has given up on all of them. The
    short backoffs may also run out in real time while the test looks, so a message can be an
    attempt ahead of another: each move is taken from the outbox, never counted."""
    for _ in range(2 * MAX_ATTEMPTS):
        messages = outbox(central)
        if all(m["state"] == "failed" for m in messages):
            return
        due = [clock.parse_moment(m["next_attempt_at"]) for m in messages if m["state"] == "queued"]
        moment = max([clock.utcnow(), *due]) + timedelta(seconds=1)
        clock_at(moment)
        qtbot.waitUntil(
            lambda moment=moment: all(
                m["state"] == "failed"
                or (m["state"] == "queued" and clock.parse_moment(m["next_attempt_at"]) > moment)
                for m in outbox(central)
            ),
            timeout=SLOW_MS,
        )
    raise AssertionError(f"the sender never gave up: {outbox(central)}")


def open_dialog(qtbot: QtBot, window: Any) -> RelayDialog:
    action = window.findChild(QAction, "relay_results")
    press = next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions())
    assert press.title() in {"&Press", "&Báo chí"}
    action.trigger()
    [dialog] = window.findChildren(RelayDialog)
    qtbot.waitUntil(lambda: dialog.compose_page.results.count() > 0, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: dialog.compose_page.channels.count() == 2, timeout=SLOW_MS)
    return dialog


def click_item(qtbot: QtBot, view: Any, row: int, *, check: bool = False) -> None:
    rect = view.visualItemRect(view.item(row))
    point = QPoint(rect.left() + 8, rect.center().y()) if check else rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def compose(qtbot: QtBot, dialog: RelayDialog) -> None:
    """First result with a photo, both channels, the first photo reviewed, preview."""
    page = dialog.compose_page
    for row in range(page.results.count()):
        click_item(qtbot, page.results, row)
        qtbot.waitUntil(lambda: dialog.runner.active() == 0, timeout=SLOW_MS)
        if page.photos:
            break
    assert page.photos, "no published result with a photo in the demo city"
    for row in range(page.channels.count()):
        item = page.channels.item(row)
        rect = page.channels.visualItemRect(item)
        qtbot.mouseClick(
            page.channels.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(rect.left() + 10, rect.center().y()),
        )
    assert page.chosen_channels() == ["webhook-1", "webhook-2"]
    qtbot.mouseClick(
        page.reviewed, Qt.MouseButton.LeftButton, pos=QPoint(8, page.reviewed.height() // 2)
    )
    assert page.reviewed.isChecked() and len(page.reviewed_photos()) == 1
    assert not page.send_button.isEnabled()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=SLOW_MS)


def test_operator_previews_and_sends_once_per_channel(
    qtbot: QtBot, operator_window: Any, shell_central: Any, receivers: Any
) -> None:
    dialog = open_dialog(qtbot, operator_window)
    page = dialog.compose_page
    compose(qtbot, dialog)
    first = dialog.draft
    # A box drawn by hand over the buildings: the preview shown is no longer what would go.
    canvas, area = page.canvas, page.canvas.image_rect()
    start = QPoint(int(area.x() + area.width() * 0.2), int(area.y() + area.height() * 0.15))
    end = QPoint(int(area.x() + area.width() * 0.6), int(area.y() + area.height() * 0.45))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    box = page.photos[0].boxes[-1]
    assert box[2] > 100 and dialog.draft is None and not page.send_button.isEnabled()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=SLOW_MS)
    assert dialog.draft is not None and first is not None and dialog.draft.key != first.key
    report = operator_window.session.cache.get_report(dialog.draft.report_id)
    assert page.previews.count() == 2
    shown = page.previews.widget(0).findChild(QPlainTextEdit).toPlainText()
    assert shown == dialog.draft.texts["webhook-1"] and report.code in shown
    if report.reporter is not None and report.reporter.name:
        assert report.reporter.name not in shown
    counts = [label.text() for label in page.previews.widget(0).findChildren(QLabel)]
    assert any(text.endswith("; 1 photos") for text in counts), counts

    # Send clicked twice in a row, and once more after it went: one message per channel.
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Queued"), timeout=SLOW_MS)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(receivers[0].received) + len(receivers[1].received) == 2)
    messages = outbox(shell_central)
    assert sorted(m["channel"] for m in messages) == ["webhook-1", "webhook-2"]
    # The unreviewed second photo stayed home; the server stored the text as shown.
    assert all(m["photo_count"] == 1 and m["text"] == shown for m in messages)
    for receiver in receivers:
        [(_key, body)] = receiver.received
        assert body["text"] == shown and len(body["photos"]) == 1
    # What arrived is blurred where the box was, and carries no EXIF.
    sent = Image.open(io.BytesIO(base64.b64decode(body["photos"][0]["jpeg_b64"])))
    seen = Image.open(io.BytesIO(dialog.fetched[0].review_jpeg))
    assert sent.size == seen.size and not sent.getexif()
    region = (box[0], box[1], box[0] + box[2], box[1] + box[3])
    before = ImageStat.Stat(seen.convert("L").crop(region)).stddev[0]
    after = ImageStat.Stat(sent.convert("L").crop(region)).stddev[0]
    assert before > 10 and after < before / 2, (before, after)


def test_a_failed_send_is_shown_kept_and_sent_once_later(
    qtbot: QtBot, operator_window: Any, shell_central: Any, vietnamese: None
) -> None:
    dialog = open_dialog(qtbot, operator_window)
    page = dialog.compose_page
    compose(qtbot, dialog)
    draft = dialog.draft
    # The network goes away between the preview and Send.
    real = dialog.client.base_url
    dialog.client.base_url = "http://127.0.0.1:9"
    dialog.client.retries = 0
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Không gửi được"), timeout=SLOW_MS)
    assert "Không kết nối được máy chủ" in page.status.text()
    assert dialog.draft is draft and page.send_button.isEnabled()
    assert page.previews.count() == 2
    assert outbox(shell_central) == []
    dialog.client.base_url = real
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Đã đưa vào hàng đợi"), timeout=SLOW_MS)
    assert len(outbox(shell_central)) == 2


def test_failed_messages_show_the_channels_error_and_retry(
    qtbot: QtBot,
    operator_window: Any,
    shell_central: Any,
    receivers: Any,
    clock_at: Any,
    vietnamese: None,
) -> None:
    for receiver in receivers:
        receiver.failing = True
    dialog = open_dialog(qtbot, operator_window)
    compose(qtbot, dialog)
    qtbot.mouseClick(dialog.compose_page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(outbox(shell_central)) == 2, timeout=SLOW_MS)
    past_every_backoff(qtbot, shell_central, clock_at)
    assert {m["attempts"] for m in outbox(shell_central)} == {MAX_ATTEMPTS}
    failed = dialog.failed_page
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: failed.table.rowCount() == 2, timeout=SLOW_MS)
    assert failed.table.item(0, 2).text() == "Thất bại"
    assert "HTTP 500" in failed.table.item(0, 5).text()
    assert failed.status.text() == "2 tin thất bại hoặc chưa rõ kết quả"
    assert not failed.retry_button.isEnabled()
    receivers[0].failing = False
    row = next(r for r in range(2) if failed.table.item(r, 1).text() == "Trang tin số 1")
    qtbot.mouseClick(
        failed.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=failed.table.visualItemRect(failed.table.item(row, 0)).center(),
    )
    qtbot.mouseClick(failed.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(receivers[0].received) == 1, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: failed.table.rowCount() == 1, timeout=SLOW_MS)
    assert failed.table.item(0, 1).text() == "Trang tin số 2"


def test_a_media_officer_relays_from_the_press_menu(
    qtbot: QtBot, shell_central: Any, shell_settings: Any, receivers: Any, vietnamese: None
) -> None:
    add_channels(shell_central, receivers)
    for window in role_window(qtbot, shell_central, shell_settings, "media"):
        dialog = open_dialog(qtbot, window)
        assert dialog.windowTitle() == "Chuyển tiếp kết quả"
        compose(qtbot, dialog)
        qtbot.mouseClick(dialog.compose_page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(receivers[1].received) == 1, timeout=SLOW_MS)
        assert {m["created_by"] for m in outbox(shell_central)} == {"media"}
        # The channel may receive the message before the queue's answer reaches the dialog.
        qtbot.waitUntil(
            lambda page=dialog.compose_page: (
                page.status.text()
                == "Đã đưa vào hàng đợi gửi: 2 tin (Trang tin số 1, Trang tin số 2)."
            ),
            timeout=SLOW_MS,
        )


def test_a_result_published_meanwhile_appears_after_the_next_sync(
    qtbot: QtBot, operator_window: Any, shell_central: Any, vietnamese: None
) -> None:
    dialog = open_dialog(qtbot, operator_window)
    page = dialog.compose_page
    listed = page.results.count()
    click_item(qtbot, page.results, listed - 1)
    chosen = page.chosen_report()
    operator = TriageApi(shell_central.base_url, "operator")
    reports = (operator.report(n) for n in range(1, 41))
    resolved = next(r for r in reports if r["status"] == "resolved")
    operator.act(resolved, "publish", {"reply": "Cảm ơn anh chị đã phản ánh."})

    operator_window.sync.sync_now(manual=False)

    qtbot.waitUntil(lambda: page.results.count() == listed + 1, timeout=SLOW_MS)
    texts = [page.results.item(row).text() for row in range(page.results.count())]
    assert any(text.startswith(resolved["code"]) for text in texts)
    assert page.chosen_report() == chosen, "the result being composed stays chosen"
