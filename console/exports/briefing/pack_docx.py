"""The pack as a DOCX for editing, in the administrative format of the weekly report
(console.exports.official_doc): the same letterhead, headings and tables, with the charts,
the map and the photos as pictures. The number is left blank for the office to fill."""

from __future__ import annotations

import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from console.exports.briefing.cases import CaseSheet, photo_pairs, vn_time
from console.exports.briefing.pack import BriefingPack
from console.exports.briefing.wording import (
    DEFINITIONS,
    PRIVACY_NOTE,
    SUBTITLE,
    TITLE,
    headline_rows,
    rating_text,
    summary,
)
from console.exports.official_doc import Letterhead, OfficialDocument

LETTERHEAD = Letterhead(
    number="Số:      /TTBC-TTGSĐHĐTTM",
    recipients=(
        "- Các cơ quan báo chí, truyền hình;",
        "- UBND thành phố (để báo cáo);",
        "- Lãnh đạo Trung tâm;",
        "- Lưu: VT, ĐHĐTTM.",
    ),
)
PICTURE_CM = 16.0
PHOTO_CM = 7.6


def _picture(doc: OfficialDocument, data: bytes, width_cm: float = PICTURE_CM) -> None:
    doc.doc.add_picture(io.BytesIO(data), width=Cm(width_cm))
    doc.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _case(doc: OfficialDocument, index: int, case: CaseSheet) -> None:
    doc.heading(f"{index}. {case.title}", level=2)
    doc.table(
        ("Thông tin", "Nội dung"),
        [
            ("Mã phản ánh", case.code),
            ("Lĩnh vực", case.category),
            ("Địa bàn", case.ward),
            ("Đơn vị xử lý", case.unit),
            ("Tình trạng", case.status),
            ("Thời điểm phản ánh", vn_time(case.created_at)),
            ("Hạn xử lý", vn_time(case.deadline) or "-"),
            ("Có kết quả", vn_time(case.resolved_at) or "Chưa có"),
            ("Đánh giá của người dân", rating_text(case.rating)),
        ],
        (5.0, 11.5),
    )
    doc.spacer()
    for reason in case.reasons:
        doc.note(reason)
    doc.heading("a) Nội dung phản ánh", level=3)
    doc.body(case.description)
    if case.result:
        doc.heading("b) Kết quả xử lý", level=3)
        doc.body(case.result)
    doc.heading("c) Quá trình xử lý" if case.result else "b) Quá trình xử lý", level=3)
    doc.table(
        ("Thời điểm", "Bước"),
        [(vn_time(line.at), line.text) for line in case.timeline],
        (4.0, 12.5),
    )
    doc.spacer()
    pairs = photo_pairs(case.photos)
    if pairs:
        doc.heading("Hình ảnh trước và sau xử lý", level=3)
        table = doc.doc.add_table(rows=len(pairs) * 2, cols=2)
        for row, pair in enumerate(pairs):
            for col, photo in enumerate(pair):
                if photo is None:
                    continue
                picture = table.cell(row * 2, col).paragraphs[0]
                picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
                picture.add_run().add_picture(io.BytesIO(photo.jpeg), width=Cm(PHOTO_CM))
                label = "Trước xử lý" if photo.kind == "photo" else "Sau xử lý"
                caption = table.cell(row * 2 + 1, col).paragraphs[0]
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = caption.add_run(f"{label}: {photo.caption}" if photo.caption else label)
                run.italic = True
        doc.spacer()


def write_docx(pack: BriefingPack, path: Path) -> Path:
    doc = OfficialDocument(LETTERHEAD)
    doc.header(pack.issued)
    doc.title(TITLE, f"{SUBTITLE} {pack.period.label}")
    doc.note(f"Dành cho: {pack.audience}.")
    doc.heading("I. SỐ LIỆU CHÍNH")
    doc.body(summary(pack.figures))
    doc.table(
        ("Chỉ số", "Kỳ này", "Kỳ trước", "Thay đổi"),
        [(r.label, r.current, r.previous, r.change) for r in headline_rows(pack.figures)],
        (6.0, 3.2, 3.2, 4.1),
    )
    doc.spacer()
    doc.note(f"Kỳ trước: {pack.period.previous().label}.")
    for definition in DEFINITIONS:
        doc.note(definition)
    if pack.wards:
        doc.caption("Địa bàn có nhiều phản ánh nhất trong kỳ")
        doc.table(
            ("Phường, xã", "Số phản ánh"), [(w.name, w.count) for w in pack.wards], (8.0, 4.0)
        )
        doc.spacer()
    doc.heading("II. BIỂU ĐỒ")
    for chart in (pack.charts.by_category, pack.charts.by_unit, pack.charts.weekly):
        _picture(doc, chart)
    doc.heading("III. BẢN ĐỒ PHẢN ÁNH TRONG KỲ")
    _picture(doc, pack.map_png)
    doc.note(pack.map_source + ".")
    doc.heading("IV. MỘT SỐ VỤ VIỆC TIÊU BIỂU")
    if not pack.cases:
        doc.body("Không chọn vụ việc nào.")
    for index, case in enumerate(pack.cases, start=1):
        _case(doc, index, case)
    doc.note(PRIVACY_NOTE)
    for note in pack.notes:
        doc.note(note)
    doc.signature()
    return doc.save(path)
