"""The deck for the annual review conference (hội nghị tổng kết, each January), or for any
period on request: the cover, the headline figures against the previous period as tiles, then
one table a slide (channels, the units' and wards' rankings, the proposals for commendation)
and the rules those proposals follow. Same look as the briefing deck (16:9, Arial)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.util import Inches, Pt

from console.exports.official_doc import vn_cell
from console.exports.period_figures import PeriodFigures, rate
from console.exports.period_tables import proposal_table, unit_ranking, ward_ranking
from console.exports.slides import (
    BLUE,
    FONT,
    INK,
    MUTED,
    PALE,
    SLIDE_H,
    SLIDE_W,
    WHITE,
    band,
    cover_slide,
    text_box,
)
from console.exports.vn_text import date_line, vn_number
from console.exports.weekly_tables import FigureTable, channel_table

#: Rows a table slide holds at a readable size; the document has the rest.
ROWS_SHOWN = 8
#: A ranking slide's columns after rank, name and volume.
RANKING_SHOWN = (
    "Tỷ lệ đúng hạn (%)",
    "Điểm hài lòng (1-5)",
    "Tăng, giảm (điểm %)",
    "Khen thưởng",
)


def ranking_columns(table: FigureTable) -> list[int]:
    return [0, 1, 2, *(table.header.index(name) for name in RANKING_SHOWN)]


def conference_title(p: PeriodFigures) -> str:
    if p.period.kind == "year":
        return f"HỘI NGHỊ TỔNG KẾT CÔNG TÁC TIẾP NHẬN, XỬ LÝ PHẢN ÁNH HIỆN TRƯỜNG NĂM {p.period.first.year}"
    return f"KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH HIỆN TRƯỜNG {p.period.name.upper()}"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{vn_number(value)}%"


def tiles(p: PeriodFigures) -> tuple[tuple[str, str, str], ...]:
    """(label, this period, previous period) for the headline slide."""
    now, before = p.current, p.previous
    average = now.satisfaction.average
    previous_average = before.satisfaction.average
    return (
        ("Tiếp nhận", vn_number(now.received.total), vn_number(before.received.total)),
        ("Đã xử lý", vn_number(now.handled.total), vn_number(before.handled.total)),
        (
            "Đúng hạn",
            _rate(rate(now.handled.on_time, now.handled.total)),
            _rate(rate(before.handled.on_time, before.handled.total)),
        ),
        (
            "Hài lòng (1-5)",
            "-" if average is None else vn_number(average, 2),
            "-" if previous_average is None else vn_number(previous_average, 2),
        ),
        (
            "Quá hạn cuối kỳ",
            vn_number(now.outstanding.overdue),
            vn_number(before.outstanding.overdue),
        ),
    )


def _cover(prs: PresentationType, p: PeriodFigures, issued: date) -> None:
    slide = cover_slide(prs, 2.8)
    text_box(
        slide,
        (0.6, 2.4, 12.1, 2.4),
        [(conference_title(p), 36, True, WHITE)],
        align=PP_ALIGN.CENTER,
    )
    text_box(
        slide,
        (0.5, 5.3, 12.3, 1.5),
        [
            (p.period.dates.capitalize(), 22, True, INK),
            (date_line("Huế", issued), 16, False, MUTED),
        ],
        align=PP_ALIGN.CENTER,
    )


def _tiles(prs: PresentationType, p: PeriodFigures) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band(slide, "Kết quả chung", f"{p.period.name.capitalize()}, so với {p.period.previous().name}")
    width, gap = 2.35, 0.14
    for i, (label, now, before) in enumerate(tiles(p)):
        left = 0.5 + i * (width + gap)
        tile = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(2.2), Inches(width), Inches(3.2)
        )
        tile.fill.solid()
        tile.fill.fore_color.rgb = PALE
        tile.line.fill.background()
        text_box(
            slide,
            (left + 0.1, 2.35, width - 0.2, 2.9),
            [
                (label, 18, True, INK),
                (now, 34, True, BLUE),
                (f"Kỳ trước: {before}", 14, False, MUTED),
            ],
            align=PP_ALIGN.CENTER,
        )


def _table(prs: PresentationType, title: str, table: FigureTable, columns: Sequence[int]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rows = table.rows[:ROWS_SHOWN]
    more = len(table.rows) - len(rows)
    band(
        slide,
        title,
        f"{len(rows)}/{len(table.rows)} dòng đầu; đầy đủ trong báo cáo" if more else "",
    )
    if not rows:
        text_box(
            slide, (1.0, 3.0, 11.3, 1.0), [("Không có.", 24, False, MUTED)], align=PP_ALIGN.CENTER
        )
        return
    shape = slide.shapes.add_table(
        len(rows) + 1, len(columns), Inches(0.5), Inches(1.8), Inches(12.3), Inches(0.45)
    )
    grid = shape.table
    for c, index in enumerate(columns):
        grid.columns[c].width = Inches(4.0 if index == 1 else 8.3 / (len(columns) - 1))
        values = [table.header[index], *(vn_cell(row[index]) for row in rows)]
        for r, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = value
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.name = FONT
            run.font.size = Pt(12)
            run.font.bold = r == 0
            run.font.color.rgb = WHITE if r == 0 else INK


def _rules(prs: PresentationType, p: PeriodFigures) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band(slide, "Tiêu chí đề xuất khen thưởng")
    lines = [("Đơn vị xử lý:", 20, True, INK)]
    lines += [(f"• {c}", 18, False, INK) for c in p.rules.units.criteria()]
    lines += [("Phường, xã:", 20, True, INK)]
    lines += [(f"• {c}", 18, False, INK) for c in p.rules.wards.criteria()]
    text_box(slide, (0.8, 1.5, 11.7, 5.6), lines)


def build_period_pptx(p: PeriodFigures, path: Path, issued: date) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.core_properties.title = conference_title(p)
    prs.core_properties.author = "Trung tâm Giám sát, điều hành đô thị thông minh"
    _cover(prs, p, issued)
    _tiles(prs, p)
    channels = channel_table(p.current)
    _table(prs, "Tiếp nhận theo kênh", channels, range(len(channels.header)))
    for title, ranking in (
        ("Xếp hạng đơn vị xử lý", unit_ranking(p)),
        ("Xếp hạng phường, xã", ward_ranking(p)),
    ):
        _table(prs, title, ranking, ranking_columns(ranking))
    _rules(prs, p)
    proposals = proposal_table(p)
    _table(prs, "Đề xuất khen thưởng", proposals, range(len(proposals.header)))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".pptx.tmp")
    prs.save(str(tmp))
    tmp.replace(path)
    return path
