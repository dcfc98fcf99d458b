"""How figures read in a pack: Vietnamese numbers (1.234; 12,5%), the headline table rows,
the definitions printed under them. Shared by the three writers and the preview."""

from __future__ import annotations

from dataclasses import dataclass

from console.exports.briefing.figures import BriefingFigures, Headline
from console.exports.vn_text import vn_number

TITLE = "THÔNG TIN BÁO CHÍ"
SUBTITLE = "Kết quả tiếp nhận, xử lý phản ánh hiện trường"
PARENT_BODY = "UBND THÀNH PHỐ HUẾ"
ISSUING_BODY = "TRUNG TÂM GIÁM SÁT, ĐIỀU HÀNH ĐÔ THỊ THÔNG MINH"
PRIVACY_NOTE = (
    "Tài liệu đã ẩn thông tin cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): không có "
    "họ tên, số điện thoại, thư điện tử của người phản ánh; số điện thoại, biển số xe trong nội "
    "dung được che; vị trí chỉ ghi đến phường, xã; khuôn mặt và biển số trong ảnh được làm mờ."
)
CASES_INTRO = (
    "Các vụ việc dưới đây được chọn từ phản ánh trong kỳ: có tác động lớn đến cộng đồng "
    "(nhiều phản ánh trùng, nhiều lượt xem, trên phạm vi rộng), được xử lý tốt (nhanh, có ảnh "
    "trước và sau, người dân hài lòng), hoặc còn chậm, chưa triệt để (quá hạn, phải xử lý lại, "
    "người dân chưa hài lòng)."
)
DEFINITIONS = (
    "Tiếp nhận: phản ánh gửi đến trong kỳ, qua mọi kênh.",
    "Đã xử lý: phản ánh có kết quả do đơn vị báo trong kỳ.",
    "Tỷ lệ đúng hạn: trong số đã xử lý, phần có kết quả trước hạn mà không phải gia hạn.",
    "Hài lòng: trong số phản ánh được người dân đánh giá trong kỳ, phần đánh giá 4 hoặc 5 sao.",
    "Thời gian xử lý (trung vị): một nửa số phản ánh đã xử lý có kết quả nhanh hơn mức này.",
)


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    label: str
    current: str
    previous: str
    change: str


def count(value: int) -> str:
    return vn_number(value)


def rate(value: float | None) -> str:
    return "-" if value is None else f"{vn_number(value)}%"


def hours(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 48:
        return f"{vn_number(value)} giờ"
    return f"{vn_number(value / 24)} ngày"


def _signed(value: float, decimals: int = 1) -> str:
    shown = vn_number(abs(value), decimals) if isinstance(value, float) else vn_number(abs(value))
    return ("+" if value > 0 else "-" if value < 0 else "±") + shown


def count_change(now: int, before: int) -> str:
    change = _signed(now - before)
    if before:
        change += f" ({_signed(100.0 * (now - before) / before)}%)"
    return change


def rate_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "-"
    return f"{_signed(now - before)} điểm %"


def hours_change(now: float | None, before: float | None) -> str:
    """In days when both medians are shown in days, else in hours."""
    if now is None or before is None:
        return "-"
    if now >= 48 and before >= 48:
        return f"{_signed((now - before) / 24)} ngày"
    return f"{_signed(now - before)} giờ"


def headline_rows(figures: BriefingFigures) -> list[HeadlineRow]:
    c: Headline = figures.current
    p: Headline = figures.previous
    return [
        HeadlineRow(
            "Phản ánh tiếp nhận",
            count(c.received),
            count(p.received),
            count_change(c.received, p.received),
        ),
        HeadlineRow(
            "Phản ánh đã xử lý",
            count(c.handled),
            count(p.handled),
            count_change(c.handled, p.handled),
        ),
        HeadlineRow(
            "Tỷ lệ xử lý đúng hạn",
            rate(c.on_time_rate),
            rate(p.on_time_rate),
            rate_change(c.on_time_rate, p.on_time_rate),
        ),
        HeadlineRow(
            "Tỷ lệ hài lòng",
            rate(c.satisfaction_rate),
            rate(p.satisfaction_rate),
            rate_change(c.satisfaction_rate, p.satisfaction_rate),
        ),
        HeadlineRow(
            "Thời gian xử lý (trung vị)",
            hours(c.median_hours),
            hours(p.median_hours),
            hours_change(c.median_hours, p.median_hours),
        ),
    ]


def rating_text(rating: int | None) -> str:
    return "Chưa đánh giá" if rating is None else f"{rating}/5 sao"


def _trend(now: int, before: int) -> str:
    if before == 0 or now == before:
        return ""
    word = "tăng" if now > before else "giảm"
    return f", {word} {vn_number(abs(100.0 * (now - before) / before))}% so với kỳ trước"


def summary(figures: BriefingFigures) -> str:
    """The figures in two plain sentences, as a press release opens."""
    c, p = figures.current, figures.previous
    text = (
        f"Trong kỳ, Trung tâm đã tiếp nhận {count(c.received)} phản ánh hiện trường"
        f"{_trend(c.received, p.received)}; các đơn vị đã xử lý {count(c.handled)} phản ánh"
    )
    if c.on_time_rate is not None:
        text += f", trong đó {rate(c.on_time_rate)} đúng hạn"
    text += "."
    if c.satisfaction_rate is not None:
        text += (
            f" Trong {count(c.rated)} lượt đánh giá của người dân, {rate(c.satisfaction_rate)} "
            "hài lòng với kết quả xử lý."
        )
    return text
