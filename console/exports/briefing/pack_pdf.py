"""The pack as a PDF for print (A4), with reportlab and a Vietnamese TrueType font.

Fonts are embedded (subset), so the file prints the same on any machine; text stays text,
so the press can copy a figure. Photos go in as the clean JPEGs of the pack (no EXIF).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from console.exports.briefing.cases import CaseSheet, PackPhoto, vn_time
from console.exports.briefing.fonts import find_family
from console.exports.briefing.pack import BriefingPack
from console.exports.briefing.wording import (
    CASES_INTRO,
    DEFINITIONS,
    ISSUING_BODY,
    PARENT_BODY,
    PRIVACY_NOTE,
    SUBTITLE,
    TITLE,
    count,
    headline_rows,
    rating_text,
    summary,
)
from console.exports.vn_text import date_line

FONT = "PahtSans"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
BLUE = colors.HexColor("#1565C0")
PALE = colors.HexColor("#E3F2FD")
GREY = colors.HexColor("#6C757D")
#: A case's photos (two before, two after at most) side by side in one row.
PHOTOS_PER_ROW = 4
PHOTO_H = 36 * mm


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    family = find_family()
    for name, path in (
        (FONT, family.regular),
        (f"{FONT}-Bold", family.bold),
        (f"{FONT}-Italic", family.italic),
        (f"{FONT}-BoldItalic", family.bold_italic),
    ):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, alignment=TA_JUSTIFY)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, alignment=0),
        "cellb": ParagraphStyle(
            "cellb", parent=base, fontName=f"{FONT}-Bold", fontSize=9.5, leading=12.5, alignment=0
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=GREY
        ),
        "org": ParagraphStyle("org", parent=base, fontSize=10, leading=13, alignment=TA_CENTER),
        "orgb": ParagraphStyle(
            "orgb",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=10.5,
            leading=14,
            alignment=TA_CENTER,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=24,
            leading=30,
            alignment=TA_CENTER,
            textColor=BLUE,
            spaceBefore=8,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=13,
            leading=18,
            alignment=TA_CENTER,
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=14,
            leading=19,
            textColor=BLUE,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _image(data: bytes, width: float, height: float | None = None) -> Image:
    image = Image(io.BytesIO(data))
    ratio = image.imageHeight / image.imageWidth
    if height is not None and width * ratio > height:
        width = height / ratio
    image.drawWidth, image.drawHeight = width, width * ratio
    return image


def _grid(rows: list[list[Flowable | str]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#ADB5BD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), PALE))
    table.setStyle(TableStyle(style))
    return table


def _cover(pack: BriefingPack, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    head = Table([[_p(PARENT_BODY, s["org"])], [_p(ISSUING_BODY, s["orgb"])]], colWidths=[WIDTH])
    head.setStyle(TableStyle([("LINEBELOW", (0, 1), (0, 1), 0.8, colors.black)]))
    flow: list[Flowable] = [
        head,
        Spacer(1, 10 * mm),
        _p(TITLE, s["title"]),
        _p(SUBTITLE, s["subtitle"]),
        _p(pack.period.label[0].upper() + pack.period.label[1:], s["centre"]),
        Spacer(1, 3 * mm),
        _p(f"Dành cho: {pack.audience}", s["centre"]),
        _p(date_line("Huế", pack.issued), s["centre"]),
        Spacer(1, 8 * mm),
        _p("1. Số liệu chính", s["h1"]),
        _p(summary(pack.figures), s["body"]),
        Spacer(1, 3 * mm),
    ]
    rows: list[list[Flowable | str]] = [
        [_p(t, s["cellb"]) for t in ("Chỉ số", "Kỳ này", "Kỳ trước", "Thay đổi")]
    ]
    for row in headline_rows(pack.figures):
        rows.append(
            [
                _p(row.label, s["cell"]),
                _p(row.current, s["cellb"]),
                _p(row.previous, s["cell"]),
                _p(row.change, s["cell"]),
            ]
        )
    flow.append(_grid(rows, [WIDTH * 0.4, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.24]))
    flow.append(Spacer(1, 2 * mm))
    previous = pack.figures.previous
    flow.append(_p(f"Kỳ trước: {pack.figures.period.previous().label}.", s["small"]))
    flow.extend(_p(d, s["small"]) for d in DEFINITIONS)
    if previous.received == 0:
        flow.append(_p("Kỳ trước không có số liệu trong máy trạm.", s["small"]))
    if pack.wards:
        flow.append(_p("Địa bàn có nhiều phản ánh nhất trong kỳ", s["h2"]))
        wards: list[list[Flowable | str]] = [
            [_p("Phường, xã", s["cellb"]), _p("Số phản ánh", s["cellb"])]
        ]
        wards.extend([_p(w.name, s["cell"]), _p(count(w.count), s["cell"])] for w in pack.wards)
        flow.append(_grid(wards, [WIDTH * 0.5, WIDTH * 0.2]))
    return flow


def _photo_row(photos: Sequence[PackPhoto], s: dict[str, ParagraphStyle]) -> Table:
    """The case's photos in one row, before ones first, each with its caption."""
    cell = WIDTH / PHOTOS_PER_ROW
    cells: list[list[Flowable] | str] = []
    for photo in photos:
        label = "Trước xử lý" if photo.kind == "photo" else "Sau xử lý"
        caption = f"{label}: {photo.caption}" if photo.caption else label
        cells.append([_image(photo.jpeg, cell - 3 * mm, PHOTO_H), _p(caption, s["caption"])])
    table = Table([cells], colWidths=[cell] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    return table


def _case(index: int, case: CaseSheet, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    facts = [
        ("Mã phản ánh", case.code),
        ("Lĩnh vực", case.category),
        ("Địa bàn", case.ward),
        ("Đơn vị xử lý", case.unit),
        ("Tình trạng", case.status),
        ("Thời điểm phản ánh", vn_time(case.created_at)),
        ("Hạn xử lý", vn_time(case.deadline) or "-"),
        ("Có kết quả", vn_time(case.resolved_at) or "Chưa có"),
        ("Đánh giá của người dân", rating_text(case.rating)),
    ]
    cells = [[_p(k, s["cellb"]), _p(v, s["cell"])] for k, v in facts]
    cells.append(["", ""])
    half = (len(cells) + 1) // 2
    table = _grid(
        [left + right for left, right in zip(cells[:half], cells[half:], strict=False)],
        [WIDTH * 0.17, WIDTH * 0.33, WIDTH * 0.17, WIDTH * 0.33],
        header=False,
    )
    flow: list[Flowable] = [
        PageBreak() if index > 1 else Spacer(1, 4 * mm),
        KeepTogether([_p(f"Vụ việc {index}. {case.title}", s["h2"]), table]),
    ]
    if case.reasons:
        flow.append(Spacer(1, 2 * mm))
        flow.extend(_p(f"• {r}", s["small"]) for r in case.reasons)
    photos = sorted(case.photos, key=lambda p: (p.kind != "photo", p.n))
    for i in range(0, len(photos), PHOTOS_PER_ROW):
        flow.append(Spacer(1, 3 * mm))
        flow.append(_photo_row(photos[i : i + PHOTOS_PER_ROW], s))
    flow.append(_p("Nội dung phản ánh", s["h2"]))
    flow.append(_p(case.description, s["body"]))
    if case.result:
        flow.append(_p("Kết quả xử lý", s["h2"]))
        flow.append(_p(case.result, s["body"]))
    flow.append(_p("Quá trình xử lý", s["h2"]))
    rows: list[list[Flowable | str]] = [[_p("Thời điểm", s["cellb"]), _p("Bước", s["cellb"])]]
    rows.extend(
        [_p(vn_time(line.at), s["cell"]), _p(line.text, s["cell"])] for line in case.timeline
    )
    flow.append(_grid(rows, [WIDTH * 0.25, WIDTH * 0.75]))
    return flow


def _decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(
        MARGIN,
        10 * mm,
        "Trung tâm Giám sát, điều hành đô thị thông minh thành phố Huế - Thông tin báo chí",
    )
    canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"Trang {doc.page}")
    canvas.restoreState()


def write_pdf(pack: BriefingPack, path: Path) -> Path:
    _register_fonts()
    s = _styles()
    flow = _cover(pack, s)
    flow.append(PageBreak())
    flow.append(_p("2. Biểu đồ", s["h1"]))
    for chart in (pack.charts.by_category, pack.charts.by_unit, pack.charts.weekly):
        flow.append(KeepTogether([_image(chart, WIDTH), Spacer(1, 5 * mm)]))
    flow.append(CondPageBreak(130 * mm))
    flow.append(_p("3. Bản đồ phản ánh trong kỳ", s["h1"]))
    flow.append(_image(pack.map_png, WIDTH))
    flow.append(_p(pack.map_source + ".", s["small"]))
    flow.append(PageBreak())
    flow.append(_p("4. Một số vụ việc tiêu biểu", s["h1"]))
    flow.append(_p(CASES_INTRO if pack.cases else "Không chọn vụ việc nào.", s["body"]))
    for index, case in enumerate(pack.cases, start=1):
        flow.extend(_case(index, case, s))
    flow.append(Spacer(1, 6 * mm))
    flow.append(_p(PRIVACY_NOTE, s["small"]))
    flow.extend(_p(note, s["small"]) for note in pack.notes)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".pdf.tmp")
    doc = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{TITLE} - {pack.period.short}",
        author="Trung tâm Giám sát, điều hành đô thị thông minh",
        subject=SUBTITLE,
        creator="PAHT Console",
    )
    doc.build(flow, onFirstPage=_decorate, onLaterPages=_decorate)
    tmp.replace(path)
    return path
