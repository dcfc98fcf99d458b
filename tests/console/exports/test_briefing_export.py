"""A press pack built from demo data, opened again as a reader would: figures, privacy, photos."""

from __future__ import annotations

import io
import json
import statistics
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image

from console.domain.calendar import VN_TZ
from console.domain.model import utcnow
from console.exports.briefing import BriefingExport, export_briefing, prepare_briefing, reference_of
from console.exports.briefing.period import Period
from console.exports.vn_text import vn_number
from console.store import Cache, open_cache
from tests.console.exports.briefing_data import (
    FIRST,
    HAND_BOX,
    LAST,
    NOW,
    PLANTED,
    PLANTED_EMAIL,
    PLANTED_PHONE,
    PLANTED_PLATE,
    Photos,
    all_images,
    docx_text,
    fill,
    pdf_text,
    pptx_text,
    wire_records,
    zip_images,
)
from tests.console.exports.briefing_photos import face_image


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return wire_records()


@pytest.fixture(scope="module")
def briefing_cache(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]]
) -> Iterator[Cache]:
    cache = open_cache(tmp_path_factory.mktemp("briefing-cache"))
    fill(cache, records)
    yield cache
    cache.close()


@pytest.fixture(scope="module")
def chosen(briefing_cache: Cache) -> list[int]:
    data = prepare_briefing(
        briefing_cache, Period(FIRST, LAST), reference_of(briefing_cache), now=NOW
    )
    return [PLANTED, *(i for i in data.rankings.suggested() if i != PLANTED)]


@pytest.fixture(scope="module")
def export(
    briefing_cache: Cache,
    records: list[dict[str, Any]],
    chosen: list[int],
    tmp_path_factory: pytest.TempPathFactory,
) -> BriefingExport:
    return export_briefing(
        briefing_cache,
        date_from=FIRST,
        date_to=LAST,
        case_ids=chosen,
        out_dir=tmp_path_factory.mktemp("pack"),
        actor="media01",
        fetch_media=Photos(records),
        map_png=None,
        blur_overrides={(PLANTED, 2): [HAND_BOX]},
        now=NOW,
    )


@pytest.fixture(scope="module")
def texts(export: BriefingExport) -> dict[str, str]:
    return {
        "pdf": pdf_text(export.pdf),
        "docx": docx_text(export.docx),
        "pptx": pptx_text(export.pptx),
    }


def _t(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


def _independent(records: list[dict[str, Any]], first: Any, last: Any) -> dict[str, Any]:
    """The headline figures, counted straight from the wire records."""
    start = datetime.combine(first, time(0), VN_TZ)
    end = datetime.combine(last + timedelta(days=1), time(0), VN_TZ)

    def inside(value: str | None) -> bool:
        moment = _t(value)
        return moment is not None and start <= moment < end

    handled = [r for r in records if inside(r.get("resolved_at"))]
    on_time = [
        r
        for r in handled
        if r.get("deadline") is None
        or (_t(r["resolved_at"]) <= _t(r["deadline"]) and not r.get("extended"))  # type: ignore[operator]
    ]
    rated = [r for r in records if r.get("rating") is not None and inside(r["updated_at"])]
    hours = [
        (_t(r["resolved_at"]) - _t(r["created_at"])).total_seconds() / 3600  # type: ignore[operator]
        for r in handled
    ]
    return {
        "received": sum(1 for r in records if inside(r["created_at"])),
        "handled": len(handled),
        "on_time": len(on_time),
        "rated": len(rated),
        "satisfied": sum(1 for r in rated if r["rating"] >= 4),
        "median_hours": statistics.median(hours) if hours else None,
    }


def test_headline_figures_equal_independent_counts(
    export: BriefingExport, records: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    for headline, (first, last) in (
        (export.figures.current, (FIRST, LAST)),
        (export.figures.previous, (FIRST - timedelta(days=28), FIRST - timedelta(days=1))),
    ):
        expected = _independent(records, first, last)
        assert expected["received"] > 20 and expected["handled"] > 20
        assert headline.received == expected["received"]
        assert headline.handled == expected["handled"]
        assert headline.on_time == expected["on_time"]
        assert headline.rated == expected["rated"]
        assert headline.satisfied == expected["satisfied"]
        assert headline.median_hours == pytest.approx(expected["median_hours"])
    current = export.figures.current
    for kind in ("pdf", "docx"):
        assert f"Phản ánh tiếp nhận {vn_number(current.received)}" in texts[kind]
        assert f"Phản ánh đã xử lý {vn_number(current.handled)}" in texts[kind]
    assert vn_number(current.received) in texts["pptx"]


def test_no_reporter_identity_anywhere(
    export: BriefingExport, records: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    reporters = [r["reporter"] for r in records if r.get("reporter")]
    names = {r["name"] for r in reporters if r.get("name")}
    phones = {r["phone"] for r in reporters if r.get("phone")}
    emails = {r["email"].lower() for r in reporters if r.get("email")}
    assert len(names) > 100 and len(phones) > 100 and len(emails) > 50
    manifest = export.manifest.read_text("utf-8")
    for kind, text in {**texts, "manifest": manifest}.items():
        squeezed = text.replace(" ", "").replace(".", "")
        lowered = text.lower()
        assert [n for n in names if n in text] == [], kind
        assert [p for p in phones if p in squeezed] == [], kind
        assert [e for e in emails if e in lowered] == [], kind


def test_planted_phone_plate_and_email_are_masked(texts: dict[str, str]) -> None:
    for kind, text in texts.items():
        assert "Xe 75A-***.** đỗ trên vỉa hè" in text, kind
        assert PLANTED_PLATE not in text, kind
        assert "09******78" in text, kind
        assert PLANTED_PHONE not in text and PLANTED_PHONE.replace(" ", "") not in text, kind
        assert PLANTED_EMAIL not in text and "h***@example.vn" in text, kind
        assert "Người gửi: [đã ẩn]" in text, kind


def test_places_are_given_at_ward_level(texts: dict[str, str]) -> None:
    for kind, text in texts.items():
        assert "Phường Phú Xuân" in text, kind
        assert "12 Lê Lợi" not in text, kind
        assert "16.4689" not in text and "107.5791" not in text, kind


def test_no_photo_in_any_file_carries_exif(export: BriefingExport) -> None:
    images = all_images(export)
    jpegs = [(name, data) for name, data in images if data[:2] == b"\xff\xd8"]
    assert len(jpegs) >= 3 * 10, [n for n, _ in images]
    for name, data in images:
        assert b"Exif" not in data, name
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), name
            assert "exif" not in image.info, name


def _docx_photo(export: BriefingExport, original: Image.Image) -> Image.Image:
    """The DOCX picture that is `original` once cleaned: same size, closest outside boxes."""
    best, best_error = None, float("inf")
    wanted = np.asarray(original, dtype=np.float32)
    for _, data in zip_images(export.docx, "word/media/"):
        with Image.open(io.BytesIO(data)) as image:
            if image.size != original.size:
                continue
            pixels = np.asarray(image.convert("RGB"), dtype=np.float32)
        error = float(np.abs(pixels - wanted)[:60].mean())
        if error < best_error:
            best, best_error = Image.fromarray(pixels.astype(np.uint8)), error
    assert best is not None, "the photo is not in the DOCX"
    return best


def _inside_outside(
    before: Image.Image, after: Image.Image, box: tuple[int, int, int, int]
) -> tuple[float, float]:
    x, y, w, h = box
    a = np.asarray(before, dtype=np.float32)
    b = np.asarray(after, dtype=np.float32)
    diff = np.abs(a - b).mean(axis=2)
    mask = np.zeros(diff.shape, dtype=bool)
    mask[y : y + h, x : x + w] = True
    return float(diff[mask].mean()), float(diff[~mask].mean())


def test_face_is_blurred_inside_its_box_only(export: BriefingExport) -> None:
    manifest = json.loads(export.manifest.read_text("utf-8"))
    case = next(c for c in manifest["cases"] if c["id"] == PLANTED)
    photo = next(p for p in case["photos"] if p["n"] == 1)
    assert photo["detected_regions"] == 1 and not photo["reviewed_by_hand"]
    (box,) = (tuple(b) for b in photo["blurred_boxes"])
    original = face_image()
    cleaned = _docx_photo(export, original)
    inside, outside = _inside_outside(original, cleaned, box)
    assert inside > 12, "the face region is not changed enough to be blurred"
    assert outside < 3, "pixels outside the face box were changed"
    grey = cv2.cvtColor(np.asarray(cleaned), cv2.COLOR_RGB2GRAY)
    cascade = cv2.CascadeClassifier(
        cv2.data.haarcascades + "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
    )
    assert len(cascade.detectMultiScale(grey, 1.1, 3)) == 0, "the face is still recognisable"


def test_rectangle_added_by_hand_is_blurred(export: BriefingExport) -> None:
    from tests.console.exports.briefing_photos import street_photo

    manifest = json.loads(export.manifest.read_text("utf-8"))
    case = next(c for c in manifest["cases"] if c["id"] == PLANTED)
    photo = next(p for p in case["photos"] if p["n"] == 2)
    assert photo["reviewed_by_hand"] and photo["blurred_boxes"] == [list(HAND_BOX)]
    with Image.open(io.BytesIO(street_photo())) as opened:
        original = opened.convert("RGB")
    cleaned = _docx_photo(export, original)
    inside, outside = _inside_outside(original, cleaned, HAND_BOX)
    assert inside > 20
    assert outside < 4


def test_every_export_is_audited_and_listed_in_the_manifest(
    export: BriefingExport, briefing_cache: Cache, chosen: list[int]
) -> None:
    entry = [e for e in briefing_cache.audit_entries() if e.action == "export_briefing"][-1]
    assert entry.actor == "media01"
    assert entry.detail["cases"] == chosen
    assert entry.detail["files"] == [
        str(p) for p in (export.pdf, export.docx, export.pptx, export.manifest)
    ]
    assert utcnow() - entry.at < timedelta(minutes=10)
    manifest = json.loads(export.manifest.read_text("utf-8"))
    assert [c["id"] for c in manifest["cases"]] == chosen
    assert {f["name"] for f in manifest["files"]} == {
        export.pdf.name,
        export.docx.name,
        export.pptx.name,
    }
    assert manifest["map"]["source"].startswith("Hình vẽ đơn giản")
    assert manifest["exported_by"] == "media01"


def test_every_case_shows_its_unit_result_timeline_and_photos(
    export: BriefingExport, texts: dict[str, str]
) -> None:
    text = texts["pdf"]
    assert "Đơn vị xử lý UBND phường Phú Xuân" in text
    assert "Đã lập biên bản, yêu cầu chủ xe 75A-***.** di dời." in text
    assert "Quá trình xử lý" in text and "Người dân gửi phản ánh" in text
    assert "Trước xử lý" in text and "Sau xử lý" in text
    slides = len(__import__("pptx").Presentation(str(export.pptx)).slides)
    manifest = json.loads(export.manifest.read_text("utf-8"))
    assert slides == 7 + len(manifest["cases"])
