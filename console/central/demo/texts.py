"""Vietnamese wording of the demo city: what citizens write, per category, and what units answer.

Each category has a few typical problems; a problem is a title pattern, the details a citizen
adds, and the result a unit posts. Categories the demo does not know use the generic problem.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    title: str
    details: tuple[str, ...]
    results: tuple[str, ...]


P = Problem


PROBLEMS: dict[str, tuple[Problem, ...]] = {
    "environment": (
        P(
            "Rác thải tập kết bừa bãi {place}",
            (
                "Rác sinh hoạt bị đổ thành đống lớn {place}, bốc mùi hôi thối, ruồi nhặng bu đầy.",
                "Nhiều ngày nay rác không được thu gom, túi rác tràn cả ra lòng đường {place}.",
                "Có người đổ trộm xà bần và rác thải {place} vào ban đêm, đống rác ngày càng lớn.",
            ),
            (
                "Đơn vị đã bố trí xe thu gom, dọn sạch toàn bộ rác thải tại vị trí phản ánh.",
                "Đã thu dọn rác, phun chế phẩm khử mùi và lắp biển cấm đổ rác tại khu vực.",
            ),
        ),
        P(
            "Mùi hôi, nước thải chảy tràn {place}",
            (
                "Nước thải từ một cơ sở kinh doanh xả thẳng ra mương {place}, mùi hôi nồng nặc.",
                "Nước thải đen chảy tràn trên vỉa hè {place}, người đi bộ phải tránh xuống lòng đường.",
            ),
            (
                "Đã kiểm tra, yêu cầu cơ sở kinh doanh chấm dứt xả thải và khắc phục hệ thống thu gom.",
                "Đã nạo vét, khơi thông và vệ sinh đoạn mương tại vị trí phản ánh.",
            ),
        ),
        P(
            "Thùng rác công cộng hư hỏng {place}",
            (
                "Thùng rác công cộng {place} bị vỡ nắp, rác rơi vãi xung quanh.",
                "Thùng rác {place} đầy từ sáng đến chiều chưa được thay, chó mèo bới tung.",
            ),
            ("Đã thay thùng rác mới và tăng tần suất thu gom tại vị trí phản ánh.",),
        ),
        P(
            "Xác động vật chết {place}",
            (
                "Có xác chó chết nằm {place} từ hôm qua, bốc mùi rất khó chịu.",
                "Xác gia cầm chết bị vứt xuống mương {place}, nguy cơ ô nhiễm.",
            ),
            ("Đã thu gom, xử lý xác động vật và khử trùng khu vực.",),
        ),
    ),
    "urban-order": (
        P(
            "Lấn chiếm vỉa hè buôn bán {place}",
            (
                "Các hộ kinh doanh bày hàng hóa, bàn ghế kín vỉa hè {place}, người đi bộ phải đi xuống lòng đường.",
                "Quán nhậu {place} lấn chiếm toàn bộ vỉa hè và một phần lòng đường vào buổi tối.",
            ),
            (
                "Đã lập biên bản, yêu cầu các hộ kinh doanh thu dọn, trả lại vỉa hè cho người đi bộ.",
                "Tổ trật tự đô thị đã ra quân chấn chỉnh, nhắc nhở và xử phạt các trường hợp vi phạm.",
            ),
        ),
        P(
            "Xây dựng không phép {place}",
            (
                "Một công trình đang xây dựng {place} không treo biển cấp phép, thi công cả ban đêm.",
                "Hộ dân cơi nới, xây dựng lấn ra hành lang {place}.",
            ),
            ("Đã kiểm tra hiện trạng, lập biên bản đình chỉ thi công và xử lý theo quy định.",),
        ),
        P(
            "Vật liệu xây dựng chiếm dụng lòng đường {place}",
            (
                "Cát, đá, gạch đổ tràn ra đường {place}, trời mưa thì trơn trượt rất nguy hiểm.",
                "Công trình {place} để vật liệu và rơi vãi đất cát xuống đường, không che chắn.",
            ),
            ("Đã yêu cầu chủ công trình thu dọn vật liệu, che chắn và vệ sinh mặt đường.",),
        ),
    ),
    "roads": (
        P(
            "Ổ gà, mặt đường hư hỏng {place}",
            (
                "Mặt đường {place} xuất hiện nhiều ổ gà sâu, đã có người đi xe máy bị té ngã.",
                "Đoạn đường {place} bị sụt lún, bong tróc nhựa, trời mưa đọng nước không thấy ổ gà.",
            ),
            (
                "Đã vá ổ gà, thảm lại mặt đường tại vị trí phản ánh.",
                "Đã cắm biển cảnh báo và sửa chữa hoàn trả mặt đường.",
            ),
        ),
        P(
            "Đèn tín hiệu giao thông không hoạt động {place}",
            (
                "Đèn tín hiệu tại nút giao {place} bị tắt, xe cộ đi lại lộn xộn.",
                "Đèn đỏ {place} chỉ sáng một pha, dễ gây tai nạn vào giờ cao điểm.",
            ),
            ("Đã thay bộ điều khiển, đèn tín hiệu hoạt động bình thường trở lại.",),
        ),
        P(
            "Đỗ xe sai quy định gây ùn tắc {place}",
            (
                "Xe ô tô đỗ dàn hàng {place} vào giờ tan trường, gây ùn tắc kéo dài.",
                "Xe tải thường xuyên dừng đỗ bốc hàng {place}, chắn hết lối đi.",
            ),
            ("Lực lượng chức năng đã tuần tra, nhắc nhở và xử lý các phương tiện vi phạm.",),
        ),
        P(
            "Nắp hố ga bị mất {place}",
            (
                "Nắp hố ga {place} bị mất, miệng hố hở rất nguy hiểm cho người đi đường.",
                "Nắp cống {place} bị vỡ, ai đó phải đặt cành cây để cảnh báo.",
            ),
            ("Đã thay nắp hố ga mới tại vị trí phản ánh.",),
        ),
    ),
    "lighting": (
        P(
            "Đèn đường không sáng {place}",
            (
                "Cả dãy đèn đường {place} không sáng nhiều đêm liền, đường tối om.",
                "Đèn chiếu sáng {place} lúc sáng lúc tắt, buổi tối đi lại rất nguy hiểm.",
            ),
            (
                "Đã thay bóng đèn và sửa chữa tủ điều khiển, hệ thống chiếu sáng hoạt động bình thường.",
            ),
        ),
        P(
            "Trụ đèn nghiêng, có nguy cơ ngã đổ {place}",
            (
                "Trụ đèn chiếu sáng {place} bị xe tông nghiêng hẳn sang một bên.",
                "Cột đèn {place} bị nghiêng, chân đế gỉ sét, sợ ngã vào người đi đường.",
            ),
            ("Đã dựng lại, gia cố trụ đèn và kiểm tra an toàn điện.",),
        ),
        P(
            "Dây điện võng thấp, chập cháy {place}",
            (
                "Dây điện {place} võng thấp sát đầu người, có tiếng nổ lách tách khi trời mưa.",
                "Hộp điện {place} bị hở, trẻ em đi học đi ngang qua rất nguy hiểm.",
            ),
            ("Đã căng chỉnh lại dây, thay hộp bảo vệ và đảm bảo an toàn lưới điện.",),
        ),
    ),
    "water": (
        P(
            "Ngập úng cục bộ {place}",
            (
                "Chỉ cần mưa khoảng 30 phút là {place} ngập sâu, xe máy chết máy hàng loạt.",
                "Nước ngập {place} lên tận nhà dân, cống thoát nước bị rác bít kín.",
            ),
            (
                "Đã nạo vét, khơi thông hệ thống thoát nước; tình trạng ngập đã được cải thiện.",
                "Đã bố trí máy bơm tiêu úng và lên kế hoạch cải tạo tuyến cống.",
            ),
        ),
        P(
            "Vỡ ống nước sạch {place}",
            (
                "Ống cấp nước {place} bị vỡ, nước phun lên mặt đường lãng phí nhiều ngày.",
                "Khu vực {place} mất nước sinh hoạt từ sáng, nước chảy yếu và đục.",
            ),
            ("Đã sửa chữa đường ống, cấp nước trở lại bình thường cho khu vực.",),
        ),
        P(
            "Cống thoát nước bị tắc, bốc mùi {place}",
            (
                "Cống thoát nước {place} bị tắc nghẽn, nước đen ứ đọng, muỗi nhiều.",
                "Rãnh thoát nước {place} đầy bùn đất, rác, trời mưa nước tràn lên đường.",
            ),
            ("Đã nạo vét bùn, thông cống và vệ sinh tuyến rãnh tại vị trí phản ánh.",),
        ),
    ),
    "trees": (
        P(
            "Cây xanh ngã đổ {place}",
            (
                "Cây xanh {place} bị gió quật ngã chắn ngang đường, xe cộ không qua được.",
                "Một nhánh cây lớn {place} bị gãy, treo lơ lửng trên đầu người đi đường.",
            ),
            (
                "Đã cưa cắt, thu dọn cây ngã đổ, thông đường an toàn.",
                "Đã xử lý nhánh cây gãy và cắt tỉa tán cây tại vị trí phản ánh.",
            ),
        ),
        P(
            "Cây xanh cần cắt tỉa {place}",
            (
                "Cây {place} tán quá rậm, che khuất đèn đường và biển báo giao thông.",
                "Cây {place} mục gốc, nghiêng về phía nhà dân, mùa mưa bão rất nguy hiểm.",
            ),
            ("Đã cắt tỉa tán, hạ độ cao cây và kiểm tra các cây xung quanh.",),
        ),
        P(
            "Công viên xuống cấp {place}",
            (
                "Ghế đá, đèn trong công viên {place} bị hư hỏng, cỏ mọc um tùm.",
                "Khu vui chơi trẻ em {place} có cầu trượt bị gãy, dễ gây tai nạn.",
            ),
            ("Đã sửa chữa, thay thế thiết bị hư hỏng và phát quang khu vực.",),
        ),
    ),
    "security": (
        P(
            "Tụ tập gây mất trật tự {place}",
            (
                "Một nhóm thanh niên thường tụ tập {place} sau 23 giờ, nẹt pô, la hét.",
                "Quán karaoke {place} hát to đến khuya, ảnh hưởng giấc ngủ người dân.",
            ),
            ("Công an đã tăng cường tuần tra, nhắc nhở và xử lý các trường hợp vi phạm.",),
        ),
        P(
            "Nghi vấn trộm cắp tài sản {place}",
            (
                "Thời gian gần đây {place} liên tiếp xảy ra mất trộm xe đạp, xe máy.",
                "Có đối tượng lạ lảng vảng {place} vào ban đêm, nhiều nhà bị mất đồ.",
            ),
            ("Công an đã xác minh, tăng cường tuần tra và hướng dẫn người dân phòng ngừa.",),
        ),
    ),
    "tourism": (
        P(
            "Chèo kéo, đeo bám du khách {place}",
            (
                "Người bán hàng rong, xích lô đeo bám, chèo kéo du khách {place}.",
                "Thuyền rồng {place} thu tiền khách cao hơn giá niêm yết.",
            ),
            ("Đã phối hợp kiểm tra, nhắc nhở và xử lý các trường hợp chèo kéo, đeo bám du khách.",),
        ),
        P(
            "Nhà vệ sinh công cộng khu du lịch mất vệ sinh {place}",
            ("Nhà vệ sinh công cộng {place} bẩn, không có nước, du khách phàn nàn nhiều.",),
            ("Đã vệ sinh, sửa chữa thiết bị và bố trí người trực dọn thường xuyên.",),
        ),
    ),
    "consumer": (
        P(
            "Bán hàng không niêm yết giá {place}",
            (
                "Quán ăn {place} không niêm yết giá, tính tiền cao bất thường.",
                "Cửa hàng {place} bán hàng hết hạn sử dụng, nghi có hàng giả.",
            ),
            ("Đã kiểm tra, yêu cầu cơ sở niêm yết giá công khai và xử phạt theo quy định.",),
        ),
    ),
    "telecom": (
        P(
            "Cáp viễn thông chằng chịt, rơi xuống đường {place}",
            (
                "Dây cáp viễn thông {place} bị đứt, rơi xuống lòng đường vướng vào xe máy.",
                "Cáp treo {place} chằng chịt như mạng nhện, võng thấp mất mỹ quan.",
            ),
            ("Đã thu hồi cáp hỏng, bó gọn và treo lại cáp đúng quy định.",),
        ),
    ),
    "transport": (
        P(
            "Nhà chờ xe buýt hư hỏng {place}",
            (
                "Nhà chờ xe buýt {place} bị tốc mái, ghế ngồi gãy.",
                "Xe buýt không dừng đón khách tại trạm {place}, chạy ẩu, vượt ẩu.",
            ),
            ("Đã sửa chữa nhà chờ và nhắc nhở đơn vị vận tải chấn chỉnh lái xe.",),
        ),
    ),
    "heritage": (
        P(
            "Di tích bị xâm hại {place}",
            (
                "Tường thành {place} bị viết vẽ bậy, rêu mốc, một số đoạn nứt vỡ.",
                "Hộ dân đổ rác, lấn chiếm khu vực bảo vệ di tích {place}.",
            ),
            (
                "Đã làm sạch, gia cố tạm thời và phối hợp địa phương ngăn chặn hành vi xâm hại di tích.",
            ),
        ),
    ),
}

GENERIC = (
    P(
        "Phản ánh tình trạng mất an toàn {place}",
        ("Người dân phản ánh tình trạng mất an toàn, mất mỹ quan {place}.",),
        ("Đơn vị đã kiểm tra và xử lý dứt điểm tại vị trí phản ánh.",),
    ),
)

OPENERS = (
    "Kính gửi Trung tâm Giám sát, điều hành đô thị thông minh.",
    "Tôi xin phản ánh sự việc sau:",
    "Kính gửi các cơ quan chức năng.",
    "Xin chào,",
    "",
    "",
    "Người dân khu vực chúng tôi phản ánh:",
)
WHEN = (
    "Tình trạng này kéo dài hơn một tuần nay.",
    "Sự việc xảy ra vào khoảng {morning} giờ sáng nay.",
    "Tối qua khoảng {evening} giờ tôi đi ngang qua thì thấy.",
    "Đã nhiều lần báo tổ dân phố nhưng chưa được khắc phục.",
    "Tình trạng này lặp lại nhiều lần trong tháng.",
    "",
)
REQUESTS = (
    "Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.",
    "Mong các cơ quan chức năng sớm xử lý dứt điểm.",
    "Kính đề nghị xem xét giải quyết. Xin cảm ơn!",
    "Rất mong được quan tâm xử lý sớm để đảm bảo an toàn cho người dân.",
    "Xin cảm ơn.",
)
PLATE_LINE = "Phương tiện liên quan mang biển số {plate}."
PHONE_LINE = "Cần thêm thông tin xin liên hệ {phone}."

RESULT_FORM = (
    "Kính gửi: Quý Ông/Bà. Vấn đề Quý Ông/Bà phản ánh, {unit} xin thông báo kết quả xử lý "
    "như sau: {result} Trân trọng."
)

REJECT_NOTES: dict[str, tuple[str, ...]] = {
    "out_of_scope": (
        "Nội dung không thuộc phạm vi phản ánh hiện trường.",
        "Nội dung là góp ý chung, không có vị trí hiện trường cụ thể.",
    ),
    "insufficient_info": (
        "Không đủ thông tin về vị trí và hình ảnh để xác minh.",
        "Hình ảnh không rõ, không xác định được địa điểm.",
    ),
    "complaint": ("Nội dung là khiếu nại, đề nghị thực hiện theo thủ tục giải quyết khiếu nại.",),
    "abusive": ("Nội dung có ngôn từ không phù hợp, không mang tính xây dựng.",),
    "outside_city": ("Vị trí phản ánh nằm ngoài địa bàn thành phố Huế.",),
}
REJECT_REPLY = (
    "Kính gửi: Quý Ông/Bà. Trung tâm Giám sát, điều hành đô thị thông minh không tiếp nhận "
    "phản ánh này vì: {note} Trân trọng."
)
RETURN_REASONS = (
    "Nội dung không thuộc thẩm quyền giải quyết của đơn vị.",
    "Vị trí phản ánh thuộc địa bàn đơn vị khác quản lý.",
    "Tuyến đường do đơn vị khác quản lý, đề nghị chuyển lại.",
)
EXTENSION_REASONS = (
    "Cần thời gian khảo sát, lập dự toán sửa chữa.",
    "Chờ bố trí kinh phí và vật tư thay thế.",
    "Thời tiết mưa kéo dài, chưa thể thi công.",
    "Cần phối hợp với nhiều đơn vị liên quan.",
)
DENY_REASONS = ("Nội dung đơn giản, đề nghị xử lý trong thời hạn đã giao.",)
REOPEN_REASONS = (
    "Người dân phản ánh tình trạng vẫn tái diễn sau khi xử lý.",
    "Kết quả chưa xử lý triệt để, hình ảnh chưa thể hiện hiện trạng sau xử lý.",
)
ESCALATION_MESSAGES = {
    1: "Đề nghị đơn vị khẩn trương xử lý phản ánh đã quá hạn.",
    2: "Thông báo Thủ trưởng đơn vị: phản ánh quá hạn, đề nghị chỉ đạo xử lý dứt điểm.",
    3: "Báo cáo lãnh đạo UBND thành phố: phản ánh quá hạn kéo dài.",
}
NOTES = (
    "Đã liên hệ người phản ánh để xác minh thêm thông tin.",
    "Đơn vị đã xác nhận đang kiểm tra hiện trường.",
    "Lưu ý: khu vực đông du khách, ưu tiên xử lý.",
)
CAPTIONS = ("Ảnh hiện trường", "Hiện trạng", "Ảnh chụp gần", "Toàn cảnh")
RESULT_CAPTIONS = ("Sau xử lý", "Kết quả xử lý", "Hiện trạng sau khắc phục")
