"""The pack as PPTX slides for the big screen during the visit (16:9, python-pptx).

Large type, one idea per slide: the cover, the headline figures as tiles, one chart per
slide, the map, one slide per case (facts and steps on the left, photos before and after on
the right, the full text in the speaker's notes). Arial, which PowerPoint and LibreOffice
(as Liberation Sans) both render with every Vietnamese letter.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches

from console.exports.briefing.cases import CaseSheet, PackPhoto, vn_time
from console.exports.briefing.pack import BriefingPack
from console.exports.briefing.wording import (
    PRIVACY_NOTE,
    SUBTITLE,
    TITLE,
    headline_rows,
    rating_text,
)
from console.exports.slides import (
    BLUE,
    INK,
    MUTED,
    PALE,
    SLIDE_H,
    SLIDE_W,
    WHITE,
    Line,
    band,
    cover_slide,
    text_box,
)
from console.exports.vn_text import date_line

TEXT_SHOWN = 320


def _picture(
    slide: Slide, data: bytes, box: tuple[float, float, float, float], *, top: bool = False
) -> float:
    """The picture as large as fits in `box`, centred in it (or at its top); returns the
    picture's bottom edge in inches."""
    x, y, w, h = box
    picture = slide.shapes.add_picture(io.BytesIO(data), Inches(x), Inches(y))
    ratio = picture.height / picture.width
    width = min(Inches(w), int(Inches(h) / ratio))
    picture.width, picture.height = Emu(width), Emu(int(width * ratio))
    picture.left = Emu(int(Inches(x) + (Inches(w) - width) / 2))
    offset = 0 if top else (Inches(h) - picture.height) / 2
    picture.top = Emu(int(Inches(y) + offset))
    return float(Emu(picture.top + picture.height).inches)


def _cover(prs: PresentationType, pack: BriefingPack) -> None:
    slide = cover_slide(prs, 2.6)
    text_box(
        slide,
        (0.5, 2.3, 12.3, 2.4),
        [(TITLE, 48, True, WHITE), (SUBTITLE, 26, False, WHITE)],
        align=PP_ALIGN.CENTER,
        anchor=MSO_ANCHOR.MIDDLE,
    )
    label = pack.period.label
    text_box(
        slide,
        (0.5, 5.1, 12.3, 1.8),
        [
            (label[0].upper() + label[1:], 22, True, INK),
            (f"Dành cho: {pack.audience}", 18, False, MUTED),
            (date_line("Huế", pack.issued), 16, False, MUTED),
        ],
        align=PP_ALIGN.CENTER,
    )


def _figures(prs: PresentationType, pack: BriefingPack) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band(slide, "Số liệu chính", f"Kỳ {pack.period.short}, so với {pack.period.previous().short}")
    rows = headline_rows(pack.figures)
    width, gap = 2.35, 0.14
    for i, row in enumerate(rows):
        left = 0.5 + i * (width + gap)
        tile = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(2.2), Inches(width), Inches(3.6)
        )
        tile.fill.solid()
        tile.fill.fore_color.rgb = PALE
        tile.line.fill.background()
        text_box(
            slide,
            (left + 0.1, 2.35, width - 0.2, 3.3),
            [
                (row.label, 17, True, INK),
                (row.current, 34, True, BLUE),
                (f"Kỳ trước: {row.previous}", 14, False, MUTED),
                (f"Thay đổi: {row.change}", 14, False, MUTED),
            ],
            align=PP_ALIGN.CENTER,
        )
    text_box(
        slide,
        (0.5, 6.2, 12.3, 1.0),
        [("Chi tiết cách tính ở tài liệu in kèm.", 13, False, MUTED)],
        align=PP_ALIGN.CENTER,
    )


def _picture_slide(prs: PresentationType, title: str, data: bytes, note: str = "") -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band(slide, title)
    _picture(slide, data, (0.6, 1.3, 12.1, 5.7 if note else 6.0))
    if note:
        text_box(slide, (0.6, 7.0, 12.1, 0.4), [(note, 12, False, MUTED)], align=PP_ALIGN.RIGHT)


def _short(text: str, limit: int = TEXT_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _shown_photos(photos: Sequence[PackPhoto]) -> list[PackPhoto]:
    """One before and one after when there are both, else the first two."""
    before = [p for p in photos if p.kind == "photo"]
    after = [p for p in photos if p.kind != "photo"]
    if before and after:
        return [before[0], after[0]]
    return list(photos[:2])


def _case(prs: PresentationType, index: int, case: CaseSheet) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band(
        slide, _short(f"{index}. {case.title}", 64), f"{case.code} · {case.category} · {case.ward}"
    )
    facts: list[Line] = [
        (f"Đơn vị xử lý: {case.unit}", 18, True, INK),
        (f"Tình trạng: {case.status}", 16, False, INK),
        (f"Phản ánh lúc: {vn_time(case.created_at)}", 16, False, INK),
        (f"Hạn xử lý: {vn_time(case.deadline) or '-'}", 16, False, INK),
        (f"Có kết quả: {vn_time(case.resolved_at) or 'Chưa có'}", 16, False, INK),
        (f"Đánh giá: {rating_text(case.rating)}", 16, False, INK),
        (_short(case.description, 200), 14, False, MUTED),
    ]
    text_box(slide, (0.5, 1.7, 5.5, 5.0), facts)
    photos = _shown_photos(case.photos)
    bottom = 1.8
    for i, photo in enumerate(photos):
        x = 6.2 + i * 3.35
        bottom = _picture(slide, photo.jpeg, (x, 1.8, 3.2, 2.7), top=True)
        label = "Trước xử lý" if photo.kind == "photo" else "Sau xử lý"
        text_box(
            slide, (x, bottom + 0.02, 3.2, 0.4), [(label, 14, True, INK)], align=PP_ALIGN.CENTER
        )
    if not photos:
        text_box(
            slide, (6.2, 2.5, 6.6, 1.0), [("Không có ảnh", 18, False, MUTED)], align=PP_ALIGN.CENTER
        )
        bottom = 3.5
    if case.result:
        text_box(
            slide,
            (6.2, bottom + 0.55, 6.6, 6.6 - bottom - 0.55),
            [(_short(case.result, 220), 14, False, INK)],
        )
    if case.reasons:
        text_box(slide, (0.5, 6.7, 12.3, 0.7), [(" · ".join(case.reasons), 12, False, BLUE)])
    steps = "\n".join(f"{vn_time(line.at)}  {line.text}" for line in case.timeline)
    notes = slide.notes_slide.notes_text_frame
    notes.text = "\n\n".join(t for t in (case.description, case.result, steps) if t)


def write_pptx(pack: BriefingPack, path: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.core_properties.title = f"{TITLE} - {pack.period.short}"
    prs.core_properties.author = "Trung tâm Giám sát, điều hành đô thị thông minh"
    _cover(prs, pack)
    _figures(prs, pack)
    _picture_slide(prs, "Phản ánh tiếp nhận theo lĩnh vực", pack.charts.by_category)
    _picture_slide(prs, "Phản ánh đã xử lý theo đơn vị", pack.charts.by_unit)
    _picture_slide(prs, "Diễn biến theo tuần", pack.charts.weekly)
    _picture_slide(prs, "Bản đồ phản ánh trong kỳ", pack.map_png, pack.map_source)
    for index, case in enumerate(pack.cases, start=1):
        _case(prs, index, case)
    closing = prs.slides.add_slide(prs.slide_layouts[6])
    band(closing, "Xin cảm ơn")
    text_box(
        closing,
        (1.0, 2.2, 11.3, 4.0),
        [
            ("Phản ánh hiện trường: ứng dụng Hue-S, cổng tuongtac.hue.gov.vn", 22, True, INK),
            (PRIVACY_NOTE, 14, False, MUTED),
        ],
        align=PP_ALIGN.CENTER,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".pptx.tmp")
    prs.save(str(tmp))
    tmp.replace(path)
    return path
