"""The weekly report's tables, once, for both the DOCX (body and annexes) and the XLSX sheets.

Cells are numbers, text or times (aware; shown in Vietnam time), so each format renders them
its own way and the workbook keeps numbers as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from console.domain.model import STATUS_LABELS_VI, Status
from console.exports.vn_text import Rounded
from console.exports.weekly_model import BreakdownRow, Count, SpanFigures, WeeklyFigures

Cell = int | Rounded | str | datetime


@dataclass(frozen=True, slots=True)
class FigureTable:
    #: Sheet name (at most 31 characters, no []:*?/\).
    sheet: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: Column widths in the DOCX (cm); the workbook sizes its own.
    widths_cm: tuple[float, ...] = ()


def percent(part: int, whole: int) -> Rounded:
    return Rounded(100 * part / whole if whole else 0.0, 1)


def status_label(code: str) -> str:
    try:
        return STATUS_LABELS_VI[Status(code)]
    except ValueError:
        return code


def _shares(counts: Sequence[Count], whole: int) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = [(c.label, c.count, percent(c.count, whole)) for c in counts]
    rows.append(("Tổng cộng", sum(c.count for c in counts), percent(whole, whole)))
    return tuple(rows)


def summary_table(f: WeeklyFigures) -> FigureTable:
    r, h, o, s = f.received, f.handled, f.outstanding, f.satisfaction
    rows: tuple[tuple[Cell, ...], ...] = (
        ("Phản ánh tiếp nhận trong tuần", r.total),
        ("- Đã tiếp nhận, phân loại", r.accepted),
        ("- Không tiếp nhận", r.rejected),
        ("- Đang chờ tiếp nhận", r.awaiting),
        ("Phản ánh đã xử lý trong tuần", h.total),
        ("- Đúng hạn", h.on_time),
        ("- Đúng hạn (có gia hạn)", h.extended),
        ("- Trễ hạn", h.late),
        ("Phản ánh tồn đọng cuối tuần", o.total),
        ("- Trong đó quá hạn", o.overdue),
        ("Lượt đánh giá trong tuần", s.count),
        ("Điểm hài lòng trung bình (1-5)", "-" if s.average is None else Rounded(s.average, 2)),
        ("Tỷ lệ hài lòng 4-5 sao (%)", "-" if s.good_share is None else Rounded(s.good_share, 1)),
    )
    return FigureTable("Tổng hợp", "Số liệu tổng hợp", ("Chỉ tiêu", "Số lượng"), rows, (11.0, 4.0))


def channel_table(f: SpanFigures) -> FigureTable:
    return FigureTable(
        "Kênh tiếp nhận",
        "Phản ánh tiếp nhận theo kênh",
        ("Kênh tiếp nhận", "Số phản ánh", "Tỷ lệ (%)"),
        _shares(f.received.by_channel, f.received.total),
        (9.0, 3.0, 3.0),
    )


def reason_table(f: SpanFigures) -> FigureTable:
    return FigureTable(
        "Không tiếp nhận",
        "Phản ánh không tiếp nhận theo lý do",
        ("Lý do", "Số phản ánh", "Tỷ lệ (%)"),
        _shares(f.received.rejected_by_reason, f.received.rejected),
        (9.0, 3.0, 3.0),
    )


BREAKDOWN_HEADER = (
    "Tiếp nhận",
    "Đã xử lý",
    "Đúng hạn",
    "Có gia hạn",
    "Trễ hạn",
    "Tồn đọng",
    "Quá hạn",
)


def _breakdown(
    sheet: str, title: str, first: str, rows: Sequence[BreakdownRow], *, notes: bool = False
) -> FigureTable:
    body: list[tuple[Cell, ...]] = []
    for i, row in enumerate(rows, start=1):
        values: tuple[Cell, ...] = (
            i,
            row.label,
            row.received,
            row.handled,
            row.on_time,
            row.extended,
            row.late,
            row.outstanding,
            row.overdue,
        )
        body.append((*values, row.note) if notes else values)
    totals: tuple[Cell, ...] = (
        "",
        "Tổng cộng",
        *(
            sum(getattr(r, name) for r in rows)
            for name in ("received", "handled", "on_time", "extended", "late")
        ),
        sum(r.outstanding for r in rows),
        sum(r.overdue for r in rows),
    )
    body.append((*totals, "") if notes else totals)
    header = ("STT", first, *BREAKDOWN_HEADER, *(("Ghi chú",) if notes else ()))
    # Landscape annex pages: 25.2 cm of text width.
    widths = (1.2, 6.0, *([1.8] * 7), 5.4) if notes else (1.2, 9.0, *([2.0] * 7))
    return FigureTable(sheet, title, header, tuple(body), widths)


def category_table(f: SpanFigures) -> FigureTable:
    return _breakdown(
        "Theo lĩnh vực", "Tình hình tiếp nhận, xử lý theo lĩnh vực", "Lĩnh vực", f.by_category
    )


def unit_table(f: SpanFigures) -> FigureTable:
    return _breakdown("Theo đơn vị", "Tình hình xử lý theo đơn vị xử lý", "Đơn vị xử lý", f.by_unit)


def ward_table(f: SpanFigures) -> FigureTable:
    return _breakdown(
        "Theo phường, xã",
        "Tình hình tiếp nhận, xử lý theo phường, xã",
        "Phường, xã",
        f.by_ward,
        notes=True,
    )


def satisfaction_table(f: SpanFigures) -> FigureTable:
    s = f.satisfaction
    rows: list[tuple[Cell, ...]] = [
        (f"{stars} sao", n, percent(n, s.count))
        for stars, n in zip(range(5, 0, -1), reversed(s.distribution), strict=True)
    ]
    rows.append(("Tổng cộng", s.count, percent(s.count, s.count)))
    return FigureTable(
        "Hài lòng",
        "Kết quả đánh giá mức độ hài lòng",
        ("Mức đánh giá", "Số lượt", "Tỷ lệ (%)"),
        tuple(rows),
        (9.0, 3.0, 3.0),
    )


def overdue_table(f: WeeklyFigures, limit: int | None = None) -> FigureTable:
    cases = f.overdue if limit is None else f.overdue[:limit]
    return FigureTable(
        "Quá hạn",
        "Danh sách phản ánh quá hạn chưa xử lý (đến thời điểm cuối kỳ báo cáo)",
        (
            "STT",
            "Mã phản ánh",
            "Nội dung",
            "Lĩnh vực",
            "Phường, xã",
            "Đơn vị xử lý",
            "Hạn xử lý",
            "Quá hạn (ngày làm việc)",
            "Quá hạn (ngày lịch)",
            "Mức đôn đốc",
        ),
        tuple(
            (
                i,
                c.code,
                c.title,
                c.category,
                c.ward,
                c.unit,
                c.deadline,
                c.working_days_late,
                c.calendar_days_late,
                c.escalation_level,
            )
            for i, c in enumerate(cases, start=1)
        ),
        (1.1, 3.2, 5.4, 2.7, 2.6, 3.6, 2.4, 1.4, 1.4, 1.4),
    )


def urge_table(f: WeeklyFigures, limit: int | None = None) -> FigureTable:
    units = f.units_to_urge if limit is None else f.units_to_urge[:limit]
    return FigureTable(
        "Đơn vị cần đôn đốc",
        "Đơn vị có phản ánh quá hạn cần đôn đốc",
        (
            "STT",
            "Đơn vị xử lý",
            "Số phản ánh quá hạn",
            "Hạn sớm nhất",
            "Quá hạn lâu nhất (ngày làm việc)",
            "Mức đôn đốc cao nhất",
        ),
        tuple(
            (
                i,
                u.label,
                u.overdue,
                u.oldest_deadline,
                u.most_working_days_late,
                u.highest_escalation,
            )
            for i, u in enumerate(units, start=1)
        ),
        (1.2, 5.5, 2.2, 2.6, 2.4, 2.1),
    )


def merged_table(f: WeeklyFigures) -> FigureTable:
    return FigureTable(
        "Nhiều người phản ánh",
        "Vụ việc được nhiều người cùng phản ánh",
        ("Mã phản ánh", "Nội dung", "Phường, xã", "Số phản ánh trùng đã gộp", "Trạng thái"),
        tuple((m.code, m.title, m.ward, m.merged_count, status_label(m.status)) for m in f.merged),
        (3.3, 5.4, 3.0, 2.0, 2.3),
    )


def hotspot_table(f: WeeklyFigures) -> FigureTable:
    return FigureTable(
        "Điểm nóng",
        "Điểm nóng theo phường, xã và lĩnh vực",
        ("Phường, xã", "Lĩnh vực", "Số phản ánh"),
        tuple((h.ward, h.category, h.count) for h in f.hotspots),
        (5.0, 7.5, 2.5),
    )


def all_tables(f: WeeklyFigures) -> tuple[FigureTable, ...]:
    """Every table in full: the workbook's sheets, in reading order."""
    return (
        summary_table(f),
        channel_table(f),
        reason_table(f),
        category_table(f),
        unit_table(f),
        ward_table(f),
        satisfaction_table(f),
        overdue_table(f),
        urge_table(f),
        merged_table(f),
        hotspot_table(f),
    )
