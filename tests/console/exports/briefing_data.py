"""A demo cache for the briefing tests: generated reports with their histories, plus one
planted case whose text and photos carry personal data the pack must not let through."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from docx import Document
from pptx import Presentation
from pypdf import PdfReader

from console.central.demo.generate import generate_reports
from console.central.demo.photos import render_photo
from console.domain.wire import report_from_json
from console.store import Cache
from console.store.records import event_from_json
from tests.console.exports.briefing_photos import face_photo, street_photo

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
GENERATED = 3_000
FIRST, LAST = date(2026, 10, 26), date(2026, 11, 22)
PLANTED = 900_001
PLANTED_PHONE = "0912 345 678"
PLANTED_PLATE = "75A-123.45"
PLANTED_EMAIL = "hang.le@example.vn"
REPORTER = {"name": "Trần Thị Bích Ngọc", "phone": "0987654321", "email": "ngoc.tran@example.vn"}
#: Photo 2 of the planted case gets a rectangle drawn by hand in the review step.
HAND_BOX = (100, 80, 200, 150)


def planted() -> dict[str, Any]:
    return {
        "id": PLANTED,
        "code": "PA-2026-900001",
        "title": "Ô tô đỗ trên vỉa hè đường Lê Lợi",
        "description": (
            f"Xe {PLANTED_PLATE} đỗ trên vỉa hè cả tuần, người đi bộ phải xuống lòng đường. "
            f"Cần thêm thông tin xin gọi {PLANTED_PHONE} hoặc {PLANTED_EMAIL}. "
            "Người gửi: Trần Thị Bích Ngọc."
        ),
        "category": "urban-order",
        "urgency": "normal",
        "status": "closed",
        "ward": "phu-xuan",
        "lat": 16.4689,
        "lon": 107.5791,
        "address": "12 Lê Lợi, phường Phú Xuân",
        "channel": "app",
        "created_at": "2026-11-02T01:00:00Z",
        "updated_at": "2026-11-06T03:00:00Z",
        "version": 6,
        "unit": "ubnd-phu-xuan",
        "deadline": "2026-11-11T10:00:00Z",
        "merged_count": 4,
        "views": 800,
        "rating": 5,
        "resolved_at": "2026-11-04T08:00:00Z",
        "result_text": "Đã lập biên bản, yêu cầu chủ xe 75A-123.45 di dời.",
        "media": [
            {
                "url": f"/api/v1/reports/{PLANTED}/media/1",
                "kind": "photo",
                "caption": "Hiện trường",
            },
            {
                "url": f"/api/v1/reports/{PLANTED}/media/2",
                "kind": "photo",
                # The reporter named in a caption: masked like any other text.
                "caption": "Cận cảnh, ảnh của Trần Thị Bích Ngọc",
            },
            {"url": f"/api/v1/reports/{PLANTED}/media/3", "kind": "result_photo", "caption": "Sau"},
        ],
        "reporter": REPORTER,
    }


def wire_records() -> list[dict[str, Any]]:
    return [*generate_reports(GENERATED, seed=7, now=NOW), planted()]


def fill(cache: Cache, records: list[dict[str, Any]]) -> None:
    reports, histories = [], {}
    for raw in records:
        record = copy.deepcopy(raw)
        histories[record["id"]] = record.pop("events", [])
        reports.append(report_from_json(record))
    cache.upsert_reports(reports)
    for report_id, events in histories.items():
        if events:
            cache.store_history(report_id, [event_from_json(e) for e in events])


class Photos:
    """`fetch_media` over the demo drawings; the planted case gets the face and street shots."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.by_id = {r["id"]: r for r in records}

    def __call__(self, report_id: int, n: int) -> bytes:
        if report_id == PLANTED and n == 1:
            return face_photo()
        if report_id == PLANTED and n == 2:
            return street_photo()
        record = self.by_id[report_id]
        return render_photo(report_id, record["category"], record["media"][n - 1]["kind"], n)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return flat(done.stdout.decode("utf-8"))


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    props = doc.core_properties
    parts.extend(str(v or "") for v in (props.author, props.title, props.last_modified_by))
    return flat("\n".join(parts))


def pptx_text(path: Path) -> str:
    prs = Presentation(str(path))
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return flat("\n".join(parts))


def zip_images(path: Path, folder: str) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith(folder) and name.lower().endswith((".jpg", ".jpeg", ".png")):
                yield name, archive.read(name)


def pdf_images(path: Path) -> Iterator[tuple[str, bytes]]:
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        for image in page.images:
            yield f"page {number} {image.name}", image.data


def all_images(export: Any) -> list[tuple[str, bytes]]:
    return [
        *pdf_images(export.pdf),
        *zip_images(export.docx, "word/media/"),
        *zip_images(export.pptx, "ppt/media/"),
    ]


def decode(data: bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(data))
