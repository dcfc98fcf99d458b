"""Names in the demo city: people (fictional), phone prefixes, licence plates, streets of Huế."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(","))


SURNAMES = _words(
    "Nguyễn, Nguyễn, Nguyễn, Trần, Trần, Lê, Lê, Phạm, Hoàng, Huỳnh, Phan, Võ, Đặng, Bùi, Đỗ, "
    "Hồ, Ngô, Dương, Tôn Nữ, Tôn Thất, Trương, Hà"
)
MIDDLE_MALE = _words("Văn, Hữu, Đức, Minh, Quang, Thanh, Công, Đình, Xuân")
MIDDLE_FEMALE = _words("Thị, Thị, Ngọc, Thu, Phương, Thanh, Bảo, Diệu, Kim")
GIVEN_MALE = _words(
    "Hùng, Dũng, Long, Nam, Phúc, Tuấn, Khoa, Huy, Bình, Sơn, Tâm, Quân, Trung, Hiếu, Lợi, "
    "Thịnh, Vinh, Phong"
)
GIVEN_FEMALE = _words(
    "Lan, Hương, Hoa, Mai, Trang, Thảo, Hà, Linh, Nhung, Yến, Vy, Châu, Hằng, Hạnh, Nhi, Uyên, "
    "Thủy, Quỳnh"
)
MAIL_DOMAINS = _words("gmail.com, gmail.com, gmail.com, yahoo.com, outlook.com, hue.edu.vn")
#: Mobile prefixes in use in Vietnam; the numbers after them are random (fictional).
PHONE_PREFIXES = _words("090, 091, 093, 094, 097, 098, 032, 033, 035, 038, 070, 076, 077, 079")
#: Huế licence plates begin with 75.
PLATE_SERIES = _words("75A, 75A, 75B, 75C, 75D1, 75E1, 75F1, 75G1, 75H1, 75K1")

#: Streets by current ward name (the old city centre has the named streets).
STREETS: dict[str, tuple[str, ...]] = {
    "Phú Xuân": _words(
        "Đinh Tiên Hoàng, Mai Thúc Loan, Đoàn Thị Điểm, Lê Duẩn, Trần Hưng Đạo, Tăng Bạt "
        "Hổ, Chi Lăng, Huỳnh Thúc Kháng, Nguyễn Trãi, Lê Huân, Nhật Lệ, Đặng Thái Thân, "
        "Ông Ích Khiêm, Phan Đăng Lưu, Bạch Đằng, Đào Duy Anh"
    ),
    "Thuận Hóa": _words(
        "Lê Lợi, Hùng Vương, Nguyễn Huệ, Phạm Ngũ Lão, Chu Văn An, Đội Cung, Nguyễn Thái "
        "Học, Bến Nghé, Trần Quang Khải, Võ Thị Sáu, Hai Bà Trưng, Lý Thường Kiệt, Đống "
        "Đa, Ngô Quyền, Phan Bội Châu, Nguyễn Tri Phương, Phan Chu Trinh, Trần Cao Vân"
    ),
    "Vỹ Dạ": _words(
        "Nguyễn Sinh Cung, Bà Triệu, Nguyễn Lộ Trạch, Phạm Văn Đồng, Dương Văn An, Lê "
        "Quang Định, Ưng Bình"
    ),
    "An Cựu": _words(
        "Điện Biên Phủ, Phan Đình Phùng, An Dương Vương, Tôn Đức Thắng, Hoàng Quốc Việt, "
        "Ngự Bình, Hải Triều, Nguyễn Khoa Chiêm"
    ),
    "Thủy Xuân": _words(
        "Lê Ngô Cát, Minh Mạng, Huyền Trân Công Chúa, Khải Định, Bùi Thị Xuân, Thiên Thai"
    ),
    "Kim Long": _words("Kim Long, Nguyễn Phúc Nguyên, Văn Thánh, Nguyễn Hoàng, Lý Nam Đế"),
    "Hương An": _words("Lý Nam Đế, Tôn Thất Bách, Tản Đà, Bạch Đằng"),
    "Mỹ Thượng": _words("Tố Hữu, Võ Nguyên Giáp, Nguyễn Lương Bằng, Hoàng Lanh"),
    "Thuận An": _words("Nguyễn Văn Tuyết, Trấn Hải Thành, Phạm Văn Đồng, Tam Giang"),
    "Hương Thủy": _words("Nguyễn Tất Thành, Sóng Hồng, Dạ Lê, Trưng Nữ Vương"),
    "Phú Bài": _words("Nguyễn Tất Thành, Võ Trác, Thanh Lam"),
    "Hương Trà": _words("Cách Mạng Tháng Tám, Độc Lập, Lý Thần Tông"),
}
#: Places outside the centre, for wards and communes without a street list.
LOCAL_PLACES = (
    "trên Quốc lộ 1A đoạn qua {ward}",
    "trên Quốc lộ 49 đoạn qua {ward}",
    "tại đường liên thôn, thôn {n}, {ward}",
    "tại tổ dân phố {n}, {ward}",
    "khu vực chợ {ward}",
    "gần trường tiểu học {ward}",
    "gần trụ sở UBND {ward}",
)
PLACE_FORMS = (
    "trước nhà số {n} đường {street}",
    "trên đường {street}",
    "tại kiệt {n} {street}",
    "đoạn giao {street} - {other}",
    "gần số {n} {street}",
    "trên vỉa hè đường {street}",
)
