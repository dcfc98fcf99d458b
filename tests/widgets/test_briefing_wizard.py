"""The briefing wizard driven like the media desk would: period, figures, map picture, cases,
photo review by mouse, full preview, export in the background."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from console.domain.reference import load_reference
from console.exports.vn_text import vn_number
from console.maps.page import TileProvider
from console.store import Cache, open_cache
from tests.console.exports.briefing_data import (
    FIRST,
    LAST,
    NOW,
    PLANTED,
    Photos,
    fill,
    wire_records,
)
from widgets.briefing import BriefingWizard
from widgets.export_place import ExportPlace

pytestmark = pytest.mark.webengine

SLOW_MS = 60_000


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return wire_records()


@pytest.fixture
def cache(tmp_path: Path, records: list[dict[str, Any]]) -> Iterator[Cache]:
    opened = open_cache(tmp_path / "desk")
    fill(opened, records)
    yield opened
    opened.close()


@pytest.fixture
def wizard(
    qtbot: QtBot,
    cache: Cache,
    records: list[dict[str, Any]],
    dead_tiles: TileProvider,
    tmp_path: Path,
) -> Iterator[BriefingWizard]:
    shown = BriefingWizard(
        cache,
        load_reference(),
        actor="media01",
        fetch_media=Photos(records),
        tiles=dead_tiles,
        now=lambda: NOW,
        exports=ExportPlace(tmp_path / "out", native=False),
    )
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.reject()
    assert shown.runner.closed and shown.runner.active() == 0


def test_media_desk_builds_reviews_previews_and_exports_a_pack(
    qtbot: QtBot, wizard: BriefingWizard, cache: Cache, tmp_path: Path
) -> None:
    period = wizard.period_page
    period.first_edit.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
    period.last_edit.setDate(QDate(LAST.year, LAST.month, LAST.day))
    wizard.next()

    qtbot.waitUntil(lambda: wizard.figures_page.isComplete(), timeout=SLOW_MS)
    assert wizard.data is not None
    table = wizard.figures_page.table
    assert table.item(0, 0).text() == "Phản ánh tiếp nhận"
    assert table.item(0, 1).text() == vn_number(wizard.data.figures.current.received)
    assert wizard.figures_page.charts.count() == 3
    wizard.next()

    qtbot.waitUntil(lambda: wizard.map_png is not None, timeout=SLOW_MS)
    assert wizard.map_page.view.marker_count() == sum(p.count for p in wizard.data.points) > 50
    with Image.open(io.BytesIO(wizard.map_png or b"")) as picture:
        assert picture.width >= 600 and picture.height >= 300
        assert len(picture.convert("RGB").getcolors(1 << 20) or []) > 20, "a blank picture"
    wizard.next()

    picker = wizard.cases_page
    impact = [picker.lists["impact"].item(r) for r in range(picker.lists["impact"].count())]
    assert any(int(item.data(Qt.ItemDataRole.UserRole)) == PLANTED for item in impact)
    picker.set_checked(PLANTED, True)
    assert PLANTED in wizard.case_ids and len(wizard.case_ids) >= 3
    # The highlighted case goes to the video wall's spotlight from here.
    assert not picker.to_wall.isEnabled()
    picker.tabs.setCurrentWidget(picker.lists["impact"])
    picker.lists["impact"].setCurrentItem(
        next(i for i in impact if int(i.data(Qt.ItemDataRole.UserRole)) == PLANTED)
    )
    with qtbot.waitSignal(wizard.wallRequested) as asked:
        qtbot.mouseClick(picker.to_wall, Qt.MouseButton.LeftButton)
    assert asked.args == [PLANTED, {}]
    wizard.next()

    review = wizard.photos_page
    qtbot.waitUntil(review.isComplete, timeout=SLOW_MS)
    keys = [(p.report_id, p.n) for p in review.photos]
    face = keys.index((PLANTED, 1))
    assert len(review.photos[face].boxes) == 1, "the face was not detected"
    review.list.setCurrentRow(face)
    canvas = review.canvas
    inside = canvas.to_widget(review.photos[face].boxes[0]).center().toPoint()
    QTest.mouseClick(canvas, Qt.MouseButton.RightButton, pos=inside)
    assert review.photos[face].boxes == []

    street = keys.index((PLANTED, 2))
    review.list.setCurrentRow(street)
    area = canvas.image_rect()
    start = QPoint(int(area.x() + area.width() * 0.2), int(area.y() + area.height() * 0.3))
    end = QPoint(int(area.x() + area.width() * 0.5), int(area.y() + area.height() * 0.6))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    (added,) = review.photos[street].boxes
    corner = canvas.to_image(QPointF(start))
    assert abs(added[0] - corner.x()) <= 2 and abs(added[1] - corner.y()) <= 2
    assert added[2] > 150 and added[3] > 100
    wizard.next()

    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=SLOW_MS)
    assert wizard.pack is not None
    assert wizard.preview_page.document.pageCount() >= 3 + len(wizard.case_ids)
    assert wizard.pack.map_source.startswith("Trang bản đồ")
    wizard.next()

    export_page = wizard.export_page
    qtbot.mouseClick(export_page.export_button, Qt.MouseButton.LeftButton)
    save = wizard.exports.dialog  # Qt's own save dialog, pre-filled: Enter accepts it
    assert save is not None and Path(save.directory().absolutePath()) == tmp_path / "out"
    name = save.findChild(QLineEdit, "fileNameEdit")
    assert name.text() == f"thong-tin-bao-chi-{wizard.pack.period.slug}.pdf"
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(export_page.isComplete, timeout=SLOW_MS)
    assert wizard.export is not None
    manifest = json.loads(wizard.export.manifest.read_text("utf-8"))
    planted = next(c for c in manifest["cases"] if c["id"] == PLANTED)
    photos = {p["n"]: p for p in planted["photos"]}
    assert photos[1]["blurred_boxes"] == [] and photos[1]["reviewed_by_hand"]
    assert photos[2]["blurred_boxes"] == [list(added)]
    audit = [e for e in cache.audit_entries() if e.action == "export_briefing"]
    assert [e.actor for e in audit] == ["media01"]
    assert audit[0].detail["cases"] == wizard.case_ids
