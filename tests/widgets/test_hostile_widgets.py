"""Hostile content in the window: nothing a citizen typed runs in the map or the detail panel
(the payloads try to set a sentinel the tests read back), only the API's own media route is
fetched (a loopback trap listens for anything else), and huge fields are cut for display."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest

from console.domain.model import ActionType, Event, Media, Report, Role, Status
from console.maps.markers import MarkerRow, short_title
from reliability.hostile import (
    HUGE_DESCRIPTION,
    SCRIPT_PAYLOADS,
    SENTINEL,
    UNICODE_PAYLOADS,
    media_cases,
)
from tests.widgets.conftest import select_marker_at_rest
from widgets.detail_panel import LINE_LIMIT, TEXT_LIMIT, DetailPanel

WAIT_MS = 30_000


class Trap:
    """A loopback HTTP listener that counts every request: any hit is a leak."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        trap = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                trap.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def trap() -> Iterator[Trap]:
    listener = Trap()
    yield listener
    listener.close()


@pytest.fixture
def recording_panel(qtbot: Any) -> Iterator[DetailPanel]:
    calls: list[tuple[int, int]] = []

    def fetch(report_id: int, n: int) -> bytes:
        calls.append((report_id, n))
        raise OSError("máy chủ không trả lời")

    panel = DetailPanel(fetch_media=fetch)
    panel.fetch_calls = calls  # type: ignore[attr-defined]
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    yield panel
    panel.shutdown()


def _as_lines(text: str) -> str:
    """A text box shows Unicode line and paragraph separators as line breaks."""
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def _rendered(tooltip: str) -> str:
    """What Qt shows for a tooltip (rich text is rendered, plain text shown as is)."""
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


@pytest.mark.parametrize("payload", SCRIPT_PAYLOADS + UNICODE_PAYLOADS)
def test_the_detail_panel_shows_every_payload_as_typed(
    recording_panel: DetailPanel, make_report: Callable[..., Report], payload: str
) -> None:
    report = make_report(
        31,
        title=payload,
        description=payload,
        address=payload,
        result_text=payload,
        status=Status.RESOLVED,
    )
    event = Event(
        report_id=31,
        at=report.created_at,
        actor="op.lan",
        role=Role.OPERATOR,
        action=ActionType.NOTE,
        from_status=Status.NEW,
        to_status=Status.NEW,
        payload={"text": payload},
    )
    recording_panel.show_report(report, [event], Role.OPERATOR)

    panel = recording_panel
    labels = [panel.heading, *panel.fields.values()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert panel.heading.text() == f"{report.code} · {payload}"
    assert panel.fields["address"].text() == payload
    assert panel.description.toPlainText() == _as_lines(payload)
    assert panel.result.toPlainText() == _as_lines(payload)
    note = panel.history.topLevelItem(0)
    assert note is not None and note.text(2) == payload
    assert _rendered(note.toolTip(2)).replace("\n", " ").strip() == " ".join(payload.split())


def test_huge_fields_are_cut_for_display_only(
    recording_panel: DetailPanel, make_report: Callable[..., Report]
) -> None:
    title = "Ngập " * 2000
    report = make_report(32, title=title, description=HUGE_DESCRIPTION)
    recording_panel.show_report(report, [], Role.OPERATOR)

    shown = recording_panel.description.toPlainText()
    assert len(HUGE_DESCRIPTION) == 100_000
    assert shown.startswith(HUGE_DESCRIPTION[:TEXT_LIMIT])
    assert len(shown) < TEXT_LIMIT + 100 and "đã cắt bớt" in shown
    assert len(recording_panel.heading.text()) < LINE_LIMIT + 100
    assert report.description == HUGE_DESCRIPTION  # the data itself is untouched


def test_only_the_apis_own_media_route_is_fetched(
    qtbot: Any, recording_panel: DetailPanel, make_report: Callable[..., Report], trap: Trap
) -> None:
    cases = media_cases(trap.url)
    report = make_report(1, media=tuple(Media(url=c.url) for c in cases))
    recording_panel.show_report(report, [], Role.OPERATOR)

    thumbs = recording_panel.thumbnails
    assert len(thumbs) == len(cases)
    qtbot.waitUntil(lambda: all(t.text() != t.tr("Loading…") for t in thumbs), timeout=WAIT_MS)
    assert recording_panel.fetch_calls == [(1, 1)]  # type: ignore[attr-defined]
    assert trap.hits == []
    for thumb, case in zip(thumbs, cases, strict=True):
        assert thumb.photo is None
        if not case.fetchable:
            assert "không" in _rendered(thumb.toolTip()).lower() or "not" in thumb.toolTip()


@pytest.mark.webengine
def test_nothing_a_citizen_typed_runs_in_the_map(qtbot: Any, make_map_view: Any) -> None:
    view = make_map_view()
    payloads = SCRIPT_PAYLOADS + UNICODE_PAYLOADS
    rows = [
        MarkerRow(100 + i, 16.2 + 0.03 * i, 107.3 + 0.03 * i, "new", i % 2 == 0, i % 4, p[:60], p)
        for i, p in enumerate(payloads)
    ]
    view.set_markers(rows)
    qtbot.waitUntil(lambda: view.marker_count() == len(rows), timeout=WAIT_MS)

    for row in rows:
        view.page().runJavaScript("paht.map.closePopup()", 0)
        qtbot.waitUntil(lambda: not view.evaluate("!!document.querySelector('.leaflet-popup')"))
        point = select_marker_at_rest(qtbot, view, row.id)
        QTest.mouseMove(view.focusProxy(), point)
        with qtbot.waitSignal(view.markerClicked, timeout=WAIT_MS):
            QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(
            lambda: view.evaluate("!!document.querySelector('.leaflet-popup-content .paht-title')"),
            timeout=WAIT_MS,
        )
        title = view.evaluate(
            "document.querySelector('.leaflet-popup-content .paht-title').textContent"
        )
        assert title == short_title(row.title)
        injected = view.evaluate(
            "document.querySelectorAll('.leaflet-popup-content *:not(div)').length"
        )
        assert injected == 0
    assert view.evaluate(f"typeof window.{SENTINEL}") == "undefined"
