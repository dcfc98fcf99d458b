"""The period report's tables, once, for the DOCX (body and annexes), the XLSX sheets and the
deck: the summary against the previous period, the rankings and the proposals; the breakdowns
by channel, category, unit and ward are the weekly report's own tables."""

from __future__ import annotations

from collections.abc import Sequence

from console.exports.period_figures import PeriodFigures, Standing, rate
from console.exports.vn_text import Rounded
from console.exports.weekly_model import SpanFigures
from console.exports.weekly_tables import (
    Cell,
    FigureTable,
    category_table,
    channel_table,
    satisfaction_table,
    unit_table,
    ward_table,
)


def rounded(value: float | None, digits: int = 1) -> Cell:
    """A rate or an average to print: rounded, or '-' when there is none."""
    return "-" if value is None else Rounded(value, digits)


def _headline(f: SpanFigures) -> tuple[Cell, ...]:
    r, h, o, s = f.received, f.handled, f.outstanding, f.satisfaction
    return (
        r.total,
        r.accepted,
        r.rejected,
        r.awaiting,
        h.total,
        h.on_time,
        h.extended,
        h.late,
        rounded(rate(h.on_time, h.total)),
        o.total,
        o.overdue,
        s.count,
        rounded(s.average, 2),
        rounded(s.good_share),
    )


SUMMARY_ROWS = (
    "Phản ánh tiếp nhận",
    "- Đã tiếp nhận, phân loại",
    "- Không tiếp nhận",
    "- Đang chờ tiếp nhận",
    "Phản ánh đã xử lý",
    "- Đúng hạn",
    "- Đúng hạn (có gia hạn)",
    "- Trễ hạn",
    "Tỷ lệ xử lý đúng hạn (%)",
    "Phản ánh tồn đọng cuối kỳ",
    "- Trong đó quá hạn",
    "Lượt đánh giá",
    "Điểm hài lòng trung bình (1-5)",
    "Tỷ lệ hài lòng 4-5 sao (%)",
)


def _difference(now: Cell, before: Cell) -> Cell:
    if isinstance(now, Rounded) and isinstance(before, Rounded):
        return Rounded(now - before, max(now.places, before.places))
    if isinstance(now, int) and isinstance(before, int):
        return now - before
    return "-"


def summary_table(p: PeriodFigures) -> FigureTable:
    now, before = _headline(p.current), _headline(p.previous)
    return FigureTable(
        "Tổng hợp",
        "Số liệu tổng hợp so với kỳ trước",
        ("Chỉ tiêu", "Kỳ báo cáo", "Kỳ trước", "Tăng (+), giảm (-)"),
        tuple(
            (label, a, b, _difference(a, b))
            for label, a, b in zip(SUMMARY_ROWS, now, before, strict=True)
        ),
        (7.5, 3.0, 3.0, 3.0),
    )


def _verdict(s: Standing) -> str:
    return "Đề xuất" if s.proposed else "Chưa đạt: " + ", ".join(s.missed)


def _ranking(
    sheet: str, title: str, first: str, volume: str, rows: Sequence[Standing], *, handled: bool
) -> FigureTable:
    """`handled`: a "handled" column beside the volume (wards, whose volume is what they
    received; a unit's volume is what it handled)."""
    header = (
        "Hạng",
        first,
        volume,
        *(["Đã xử lý"] if handled else []),
        "Đúng hạn",
        "Tỷ lệ đúng hạn (%)",
        "Lượt đánh giá",
        "Điểm hài lòng (1-5)",
        "Quá hạn cuối kỳ",
        "Tỷ lệ đúng hạn kỳ trước (%)",
        "Tăng, giảm (điểm %)",
        "Khen thưởng",
    )
    widths = (1.4, 5.2, 1.7, *((1.7,) if handled else ()), 1.7, 1.8, 1.7, 1.8, 1.7, 1.9, 1.8, 2.8)
    return FigureTable(
        sheet,
        title,
        header,
        tuple(
            (
                i,
                s.label,
                s.volume,
                *([s.handled] if handled else []),
                s.on_time,
                rounded(s.on_time_rate),
                s.rated,
                rounded(s.average_rating, 2),
                s.overdue,
                rounded(s.previous_rate),
                rounded(s.change),
                _verdict(s),
            )
            for i, s in enumerate(rows, start=1)
        ),
        widths,
    )


def unit_ranking(p: PeriodFigures) -> FigureTable:
    return _ranking(
        "Xếp hạng đơn vị",
        "Xếp hạng đơn vị xử lý",
        "Đơn vị xử lý",
        "Số đã xử lý",
        p.units,
        handled=False,
    )


def ward_ranking(p: PeriodFigures) -> FigureTable:
    return _ranking(
        "Xếp hạng phường, xã",
        "Xếp hạng phường, xã",
        "Phường, xã",
        "Số tiếp nhận",
        p.wards,
        handled=True,
    )


def proposal_table(p: PeriodFigures) -> FigureTable:
    rows: list[tuple[Cell, ...]] = []
    for kind, standings in (("Đơn vị xử lý", p.units), ("Phường, xã", p.wards)):
        for s in (s for s in standings if s.proposed):
            rows.append(
                (
                    len(rows) + 1,
                    kind,
                    s.label,
                    s.volume,
                    rounded(s.on_time_rate),
                    rounded(s.average_rating, 2),
                    rounded(s.change),
                )
            )
    return FigureTable(
        "Đề xuất khen thưởng",
        "Danh sách đề xuất khen thưởng",
        (
            "STT",
            "Loại",
            "Tên đơn vị, địa bàn",
            "Số phản ánh",
            "Tỷ lệ đúng hạn (%)",
            "Điểm hài lòng (1-5)",
            "Tăng, giảm (điểm %)",
        ),
        tuple(rows),
        (1.2, 3.0, 5.8, 1.8, 2.0, 2.0, 2.0),
    )


def all_tables(p: PeriodFigures) -> tuple[FigureTable, ...]:
    """Every table in full: the workbook's sheets, in reading order."""
    f = p.current
    return (
        summary_table(p),
        channel_table(f),
        category_table(f),
        ward_table(f),
        unit_table(f),
        satisfaction_table(f),
        unit_ranking(p),
        ward_ranking(p),
        proposal_table(p),
    )
