"""The period report as an administrative document (Nghị định 30/2020/NĐ-CP), in the same
layout as the weekly report: short prose from the figures, the summary and the proposals in
the body, the breakdowns and rankings in annexes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from console.domain.hue_time import time_text
from console.exports.official_doc import AnnexTable, Letterhead, OfficialDocument
from console.exports.period_figures import PeriodFigures, Standing, rate
from console.exports.period_tables import proposal_table, summary_table, unit_ranking, ward_ranking
from console.exports.vn_text import vn_number
from console.exports.weekly_docx import ISSUER
from console.exports.weekly_tables import (
    FigureTable,
    category_table,
    channel_table,
    percent,
    unit_table,
    ward_table,
)

TITLE = "Kết quả tiếp nhận, xử lý phản ánh hiện trường"
RECIPIENTS = (
    "- UBND thành phố (để báo cáo);",
    "- Văn phòng UBND thành phố;",
    "- Hội đồng Thi đua - Khen thưởng thành phố (để xem xét);",
    "- Các đơn vị, phường, xã nêu tại Mục IV;",
    "- Lãnh đạo Trung tâm;",
    "- Lưu: VT, ĐHĐTTM.",
)
TOP = 3


def report_number(number: int | None) -> str:
    """'Số: 12/BC-TTGSĐHĐTTM'; without a register number, blank for the clerk to fill."""
    return f"Số: {number:02d}/BC-TTGSĐHĐTTM" if number is not None else "Số:      /BC-TTGSĐHĐTTM"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{vn_number(value)}%"


def _small(doc: OfficialDocument, table: FigureTable) -> None:
    doc.caption(table.title)
    doc.table(table.header, table.rows, table.widths_cm)
    doc.spacer()


def _annex(table: FigureTable) -> AnnexTable:
    return AnnexTable(table.title, table.header, table.rows, table.widths_cm)


def _best(rows: Sequence[Standing], key: Callable[[Standing], float | int | None]) -> str:
    """The first few by `key` (rows without a value left out)."""
    ranked = sorted((s for s in rows if key(s) is not None), key=lambda s: -(key(s) or 0))
    return ", ".join(s.label for s in ranked[:TOP]) or "không có"


def _received(doc: OfficialDocument, p: PeriodFigures) -> None:
    r, before = p.current.received, p.previous.received
    doc.heading("I. TÌNH HÌNH TIẾP NHẬN PHẢN ÁNH")
    channels = "; ".join(
        f"{c.label} {vn_number(c.count)} ({vn_number(percent(c.count, r.total))}%)"
        for c in r.by_channel
    )
    doc.body(
        f"Trong {p.period.name}, {ISSUER} tiếp nhận {vn_number(r.total)} phản ánh hiện trường "
        f"(kỳ trước {vn_number(before.total)})" + (f", gồm: {channels}." if channels else ".")
    )
    doc.body(
        f"Trong đó: đã tiếp nhận, phân loại và chuyển xử lý {vn_number(r.accepted)} phản ánh; "
        f"không tiếp nhận {vn_number(r.rejected)} phản ánh; đang chờ tiếp nhận "
        f"{vn_number(r.awaiting)} phản ánh. Chi tiết theo kênh tại Phụ lục I, theo lĩnh vực tại "
        "Phụ lục II, theo phường, xã tại Phụ lục III."
    )
    _small(doc, summary_table(p))


def _handling(doc: OfficialDocument, p: PeriodFigures) -> None:
    h, o, s = p.current.handled, p.current.outstanding, p.current.satisfaction
    doc.heading("II. KẾT QUẢ XỬ LÝ")
    doc.body(
        f"Các đơn vị đã xử lý {vn_number(h.total)} phản ánh; trong đó đúng hạn "
        f"{vn_number(h.on_time)}, đúng hạn có gia hạn {vn_number(h.extended)}, trễ hạn "
        f"{vn_number(h.late)}; tỷ lệ xử lý đúng hạn {_rate(rate(h.on_time, h.total))} (kỳ trước "
        f"{_rate(rate(p.previous.handled.on_time, p.previous.handled.total))})."
    )
    doc.body(
        f"Đến cuối kỳ còn {vn_number(o.total)} phản ánh đang xử lý, trong đó quá hạn "
        f"{vn_number(o.overdue)} phản ánh. Chi tiết theo đơn vị xử lý tại Phụ lục IV."
    )
    if s.count and s.average is not None:
        doc.body(
            f"Người dân gửi {vn_number(s.count)} lượt đánh giá; điểm hài lòng trung bình "
            f"{vn_number(s.average, 2)}/5; tỷ lệ hài lòng (4-5 sao) {_rate(s.good_share)}."
        )
    else:
        doc.body("Trong kỳ không có lượt đánh giá kết quả xử lý.")


def _ranking(doc: OfficialDocument, p: PeriodFigures) -> None:
    doc.heading("III. XẾP HẠNG ĐƠN VỊ XỬ LÝ, PHƯỜNG, XÃ")
    doc.body(
        "Đơn vị xử lý và phường, xã có số phản ánh đạt mức tối thiểu tại Mục IV được xếp trước; "
        "trong mỗi nhóm, xếp hạng theo tỷ lệ xử lý đúng hạn, sau đó theo điểm hài lòng của "
        "người dân, số phản ánh và mức tăng tỷ lệ đúng hạn so với "
        f"{p.period.previous().name} (bảng xếp hạng tại Phụ lục V và VI). Trong các đơn vị xử lý "
        f"có từ {vn_number(p.rules.units.min_volume)} phản ánh đã xử lý trở lên:"
    )
    units = [s for s in p.units if s.volume >= p.rules.units.min_volume]
    doc.bullet(f"Tỷ lệ đúng hạn cao nhất: {_best(units, lambda s: s.on_time_rate)}.")
    doc.bullet(f"Điểm hài lòng cao nhất: {_best(units, lambda s: s.average_rating)}.")
    doc.bullet(f"Xử lý nhiều phản ánh nhất: {_best(units, lambda s: s.volume)}.")
    doc.bullet(f"Tiến bộ nhiều nhất so với kỳ trước: {_best(units, lambda s: s.change)}.")


def _criteria(doc: OfficialDocument, what: str, lines: Sequence[str]) -> None:
    doc.body(f"Tiêu chí đề xuất đối với {what}: " + "; ".join(lines) + ".")


def _commendation(doc: OfficialDocument, p: PeriodFigures) -> None:
    doc.heading("IV. ĐỀ XUẤT KHEN THƯỞNG")
    _criteria(doc, "đơn vị xử lý", p.rules.units.criteria())
    _criteria(doc, "phường, xã", p.rules.wards.criteria())
    table = proposal_table(p)
    if table.rows:
        doc.body(
            f"Căn cứ các tiêu chí trên, {ISSUER} đề xuất khen thưởng "
            f"{vn_number(sum(1 for s in p.units if s.proposed))} đơn vị xử lý và "
            f"{vn_number(sum(1 for s in p.wards if s.proposed))} phường, xã sau:"
        )
        _small(doc, table)
    else:
        doc.body("Trong kỳ không có đơn vị xử lý, phường, xã đạt đủ các tiêu chí trên.")


def _proposals(doc: OfficialDocument, p: PeriodFigures) -> None:
    o = p.current.outstanding
    doc.heading("V. KIẾN NGHỊ")
    if o.overdue:
        lagging = [s.label for s in sorted(p.units, key=lambda s: -s.overdue) if s.overdue][:5]
        doc.body(
            f"Đề nghị UBND thành phố chỉ đạo các đơn vị khẩn trương xử lý dứt điểm "
            f"{vn_number(o.overdue)} phản ánh quá hạn, nhất là: " + "; ".join(lagging) + "."
        )
    if any(s.proposed for s in (*p.units, *p.wards)):
        doc.body(
            "Đề nghị UBND thành phố xem xét khen thưởng các đơn vị xử lý, phường, xã nêu tại "
            "Mục IV."
        )
    doc.body(
        "Đề nghị các đơn vị báo cáo kết quả đúng hạn; trường hợp phức tạp cần thêm thời gian "
        "thì đề xuất gia hạn trước khi hết hạn xử lý."
    )
    doc.body(f"Trên đây là báo cáo {TITLE.lower()} {p.period.name} của {ISSUER}./.")
    cut = "hết kỳ" if p.complete else f"thời điểm lập báo cáo ({time_text(p.current.cut)})"
    doc.note(
        f"Ghi chú: Kỳ báo cáo {p.period.dates} (giờ Việt Nam, UTC+7), số liệu tính đến {cut}; "
        f"kỳ trước {p.period.previous().dates}. Số liệu tính theo cùng quy tắc với báo cáo tuần: "
        "đúng hạn khi báo kết quả không muộn hơn hạn xử lý (hạn tính theo ngày làm việc, trừ "
        "ngày nghỉ lễ, Tết) và không phải gia hạn; tỷ lệ đúng hạn là số đúng hạn trên số đã xử "
        "lý; điểm hài lòng là bình quân các lượt đánh giá gửi trong kỳ."
    )


def build_period_docx(
    p: PeriodFigures, path: Path, issued: date, *, number: int | None = None
) -> Path:
    doc = OfficialDocument(Letterhead(number=report_number(number)))
    doc.header(issued)
    dates = "" if p.period.kind == "span" else f"\n({p.period.dates})"
    doc.title("BÁO CÁO", f"{TITLE} {p.period.name}{dates}")
    _received(doc, p)
    _handling(doc, p)
    _ranking(doc, p)
    _commendation(doc, p)
    _proposals(doc, p)
    doc.signature(RECIPIENTS)
    f = p.current
    for table in (channel_table(f), category_table(f), ward_table(f), unit_table(f)):
        doc.annex(_annex(table), landscape=True)
    doc.annex(_annex(unit_ranking(p)), landscape=True, size=10)
    doc.annex(_annex(ward_ranking(p)), landscape=True, size=10)
    return doc.save(path)
