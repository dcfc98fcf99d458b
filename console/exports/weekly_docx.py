"""The weekly report as an administrative document (Nghị định 30/2020/NĐ-CP): short prose
built from the figures, small tables in the body, the large ones in annexes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from console.domain.hue_time import time_text
from console.exports.official_doc import AnnexTable, Letterhead, OfficialDocument
from console.exports.vn_text import vn_number
from console.exports.weekly_model import BreakdownRow, Count, WeeklyFigures
from console.exports.weekly_tables import (
    FigureTable,
    category_table,
    channel_table,
    merged_table,
    overdue_table,
    percent,
    satisfaction_table,
    unit_table,
    urge_table,
    ward_table,
)

#: Overdue cases listed in the document's annex; the workbook lists them all.
OVERDUE_IN_DOCUMENT = 300
#: Units named for urging in section V.
URGE_IN_BODY = 10
ISSUER = "Trung tâm Giám sát, điều hành đô thị thông minh"
RECIPIENTS = (
    "- UBND thành phố (để báo cáo);",
    "- Văn phòng UBND thành phố;",
    "- Các đơn vị nêu tại Mục V (để thực hiện);",
    "- Lãnh đạo Trung tâm;",
    "- Lưu: VT, ĐHĐTTM.",
)


def report_number(figures: WeeklyFigures, number: int | None = None) -> str:
    """'Số: 47/BC-TTGSĐHĐTTM': the ISO week number unless a register number is given."""
    return f"Số: {number if number is not None else figures.week.number:02d}/BC-TTGSĐHĐTTM"


def summary_line(figures: WeeklyFigures) -> str:
    week = figures.week
    return (
        f"Tình hình tiếp nhận, xử lý phản ánh hiện trường tuần {week.number:02d} "
        f"(từ ngày {week.monday:%d/%m/%Y} đến ngày {week.sunday:%d/%m/%Y})"
    )


def method_notes(figures: WeeklyFigures) -> tuple[str, ...]:
    """How the figures are counted, printed at the end of the body."""
    week = figures.week
    cut = "hết tuần" if figures.complete else f"thời điểm lập báo cáo ({time_text(figures.cut)})"
    return (
        f"Kỳ báo cáo: tuần {week.number:02d} năm {week.year} theo lịch ISO, từ 00 giờ 00 thứ Hai "
        f"{week.monday:%d/%m/%Y} đến 24 giờ 00 Chủ nhật {week.sunday:%d/%m/%Y} (giờ Việt Nam, "
        f"UTC+7); số liệu tính đến {cut}, trạng thái phản ánh theo dữ liệu tại thời điểm lập "
        "báo cáo.",
        "Tiếp nhận: phản ánh gửi đến trong tuần. Đã xử lý: phản ánh đơn vị báo kết quả trong "
        "tuần; đúng hạn khi báo kết quả không muộn hơn hạn xử lý, trong đó có gia hạn khi hạn "
        "đã được gia hạn; trễ hạn khi báo kết quả sau hạn xử lý.",
        "Tồn đọng: phản ánh gửi đến trước cuối kỳ, không bị từ chối, chưa có kết quả tại cuối "
        "kỳ; quá hạn khi phản ánh đang ở đơn vị xử lý và đã qua hạn xử lý (kể cả hạn đã gia "
        "hạn) tại cuối kỳ. Số ngày quá hạn tính đến cuối kỳ, theo ngày "
        "làm việc (giờ hành chính, trừ ngày nghỉ lễ, Tết) và theo ngày lịch, làm tròn lên.",
        "Phản ánh ở địa bàn cũ (trước ngày 01/7/2025) được tính vào phường, xã mới kế thừa. "
        "Mức độ hài lòng: các lượt đánh giá người dân gửi trong tuần.",
    )


def _listing(counts: Sequence[Count], whole: int, limit: int = 6) -> str:
    return "; ".join(
        f"{c.label} {vn_number(c.count)} ({vn_number(percent(c.count, whole))}%)"
        for c in counts[:limit]
    )


def _top(rows: Sequence[BreakdownRow], attr: str, limit: int = 3) -> str:
    ranked = sorted((r for r in rows if getattr(r, attr)), key=lambda r: -int(getattr(r, attr)))
    return ", ".join(f"{r.label} ({vn_number(getattr(r, attr))})" for r in ranked[:limit])


def _annex(table: FigureTable, note: str = "") -> AnnexTable:
    return AnnexTable(table.title, table.header, table.rows, table.widths_cm, note)


def _small(doc: OfficialDocument, table: FigureTable) -> None:
    doc.caption(table.title)
    doc.table(table.header, table.rows, table.widths_cm)
    doc.spacer()


def _received(doc: OfficialDocument, f: WeeklyFigures) -> None:
    r = f.received
    doc.heading("I. TÌNH HÌNH TIẾP NHẬN PHẢN ÁNH")
    doc.body(
        f"Trong tuần, {ISSUER} tiếp nhận {vn_number(r.total)} phản ánh hiện trường"
        + (f", gồm: {_listing(r.by_channel, r.total)}." if r.total else ".")
    )
    doc.body(
        f"Trong đó: đã tiếp nhận, phân loại và chuyển xử lý {vn_number(r.accepted)} phản ánh "
        f"({vn_number(percent(r.accepted, r.total))}%); không tiếp nhận {vn_number(r.rejected)} "
        f"phản ánh ({vn_number(percent(r.rejected, r.total))}%); đang chờ tiếp nhận "
        f"{vn_number(r.awaiting)} phản ánh."
    )
    if r.rejected:
        doc.body(f"Lý do không tiếp nhận: {_listing(r.rejected_by_reason, r.rejected)}.")
    _small(doc, channel_table(f))


def _handling(doc: OfficialDocument, f: WeeklyFigures) -> None:
    h, o = f.handled, f.outstanding
    doc.heading("II. KẾT QUẢ XỬ LÝ")
    doc.heading("1. Kết quả xử lý trong tuần", 2)
    doc.body(
        f"Các đơn vị đã xử lý {vn_number(h.total)} phản ánh; trong đó đúng hạn "
        f"{vn_number(h.on_time)} ({vn_number(percent(h.on_time, h.total))}%), đúng hạn có gia "
        f"hạn {vn_number(h.extended)} ({vn_number(percent(h.extended, h.total))}%), trễ hạn "
        f"{vn_number(h.late)} ({vn_number(percent(h.late, h.total))}%)."
    )
    doc.heading("2. Phản ánh tồn đọng", 2)
    doc.body(
        f"Đến cuối kỳ còn {vn_number(o.total)} phản ánh đang xử lý; trong đó quá hạn "
        f"{vn_number(o.overdue)} phản ánh ({vn_number(percent(o.overdue, o.total))}%) "
        "(danh sách tại Phụ lục IV)."
    )
    doc.heading("3. Theo lĩnh vực, đơn vị xử lý và địa bàn", 2)
    if f.by_category:
        doc.body(f"Lĩnh vực có nhiều phản ánh nhất: {_top(f.by_category, 'received')}.")
    if any(r.overdue for r in f.by_unit):
        doc.body(f"Đơn vị có nhiều phản ánh quá hạn nhất: {_top(f.by_unit, 'overdue')}.")
    if f.by_ward:
        doc.body(f"Phường, xã có nhiều phản ánh nhất: {_top(f.by_ward, 'received')}.")
    doc.body(
        "Chi tiết theo lĩnh vực tại Phụ lục I, theo đơn vị xử lý tại Phụ lục II, "
        "theo phường, xã tại Phụ lục III."
    )


def _satisfaction(doc: OfficialDocument, f: WeeklyFigures) -> None:
    s = f.satisfaction
    doc.heading("III. MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN")
    if not s.count or s.average is None or s.good_share is None:
        doc.body("Trong tuần không có lượt đánh giá kết quả xử lý.")
        return
    doc.body(
        f"Trong tuần có {vn_number(s.count)} lượt đánh giá kết quả xử lý; điểm trung bình "
        f"{vn_number(s.average, 2)}/5; tỷ lệ hài lòng (4-5 sao) {vn_number(s.good_share)}%."
    )
    _small(doc, satisfaction_table(f))


def _notable(doc: OfficialDocument, f: WeeklyFigures) -> None:
    doc.heading("IV. VỤ VIỆC NỔI BẬT, ĐIỂM NÓNG")
    doc.heading("1. Vụ việc được nhiều người cùng phản ánh", 2)
    if f.merged:
        _small(doc, merged_table(f))
    else:
        doc.body("Không có vụ việc được nhiều người cùng phản ánh.")
    doc.heading("2. Điểm nóng", 2)
    if f.hotspots:
        doc.body("Các địa bàn, lĩnh vực tập trung nhiều phản ánh trong tuần:")
        for spot in f.hotspots:
            doc.bullet(f"{spot.ward}: {spot.category}, {vn_number(spot.count)} phản ánh.")
    else:
        doc.body("Không có địa bàn, lĩnh vực tập trung nhiều phản ánh.")


def _proposals(doc: OfficialDocument, f: WeeklyFigures) -> None:
    h, o = f.handled, f.outstanding
    doc.heading("V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT")
    doc.heading("1. Khó khăn, vướng mắc", 2)
    if o.overdue or h.late:
        doc.body(
            f"Còn {vn_number(o.overdue)} phản ánh quá hạn chưa có kết quả và "
            f"{vn_number(h.late)} phản ánh xử lý trễ hạn trong tuần; một số đơn vị chưa báo "
            "kết quả đúng hạn hoặc chưa xin gia hạn theo quy định."
        )
    else:
        doc.body("Không có phản ánh quá hạn.")
    doc.heading("2. Đề xuất", 2)
    if f.units_to_urge:
        named = f.units_to_urge[:URGE_IN_BODY]
        doc.body(
            "Đề nghị UBND thành phố chỉ đạo các đơn vị sau khẩn trương xử lý dứt điểm các "
            "phản ánh quá hạn: "
            + "; ".join(f"{u.label} ({vn_number(u.overdue)} phản ánh)" for u in named)
            + "."
        )
        _small(doc, urge_table(f, URGE_IN_BODY))
    doc.body(
        "Đề nghị các đơn vị xử lý báo cáo kết quả đúng hạn; trường hợp phức tạp cần thêm thời "
        "gian thì đề xuất gia hạn trước khi hết hạn xử lý."
    )
    doc.body(
        f"Trên đây là báo cáo tình hình tiếp nhận, xử lý phản ánh hiện trường tuần "
        f"{f.week.number:02d} của {ISSUER}./."
    )
    doc.note("Ghi chú: " + " ".join(method_notes(f)))


def build_weekly_docx(
    figures: WeeklyFigures, path: Path, issued: date, *, number: int | None = None
) -> Path:
    doc = OfficialDocument(Letterhead(number=report_number(figures, number)))
    doc.header(issued)
    doc.title("BÁO CÁO", summary_line(figures).replace(" (từ", "\n(từ"))
    _received(doc, figures)
    _handling(doc, figures)
    _satisfaction(doc, figures)
    _notable(doc, figures)
    _proposals(doc, figures)
    doc.signature(RECIPIENTS)
    doc.annex(_annex(category_table(figures)), landscape=True)
    doc.annex(_annex(unit_table(figures)), landscape=True)
    doc.annex(_annex(ward_table(figures)), landscape=True)
    overdue = overdue_table(figures, OVERDUE_IN_DOCUMENT)
    shown = len(overdue.rows)
    note = (
        f"({vn_number(shown)}/{vn_number(len(figures.overdue))} phản ánh quá hạn lâu nhất; "
        "danh sách đầy đủ trong tệp Excel kèm theo)"
        if shown < len(figures.overdue)
        else ""
    )
    doc.annex(_annex(overdue, note), landscape=True, size=10)
    return doc.save(path)
