"""A labelled set of report pairs for the duplicate finder, written the way citizens of Huế
write (in the style of console/central/demo/texts.py): true pairs are one problem reported
twice (other words, other details, sometimes no diacritics, sometimes a related category,
sometimes far apart along one street), false pairs are two problems that happen to be close
(same street, same category, shared words such as "công viên" or "đèn đường").

Each pair: (same problem?, first report, second report, metres apart, hours apart); a report
is (category, title, description).
"""

from __future__ import annotations

from typing import NamedTuple


class Side(NamedTuple):
    category: str
    title: str
    description: str


class Pair(NamedTuple):
    same: bool
    first: Side
    second: Side
    metres: float
    hours: float


S = Side
PAIRS: tuple[Pair, ...] = (
    # -- the same problem, reported twice --------------------------------------------------
    Pair(
        True,
        S(
            "environment",
            "Rác thải tập kết bừa bãi trên đường Lê Lợi",
            "Rác sinh hoạt bị đổ thành đống lớn trên vỉa hè đường Lê Lợi, bốc mùi hôi thối.",
        ),
        S(
            "environment",
            "Đống rác lớn bốc mùi trên vỉa hè Lê Lợi",
            "Xin chào, nhiều ngày nay rác không được thu gom, túi rác tràn ra lòng đường gần "
            "số 40 Lê Lợi. Đề nghị cơ quan chức năng sớm xử lý.",
        ),
        40,
        5,
    ),
    Pair(
        True,
        S(
            "trees",
            "Cây xanh ngã đổ trên đường Hùng Vương",
            "Cây xanh trên đường Hùng Vương bị gió quật ngã chắn ngang đường, xe cộ không qua "
            "được.",
        ),
        S(
            "trees",
            "Cây đổ chắn ngang đường sau cơn mưa",
            "Sau cơn mưa lớn tối qua có một cây to bị ngã đổ nằm chắn ngang lòng đường Hùng "
            "Vương, xe máy phải quay đầu.",
        ),
        30,
        1,
    ),
    Pair(
        True,
        S(
            "lighting",
            "Đèn đường không sáng tại kiệt 42 Phan Đình Phùng",
            "Cả dãy đèn đường tại kiệt 42 Phan Đình Phùng không sáng nhiều đêm liền, đường tối om.",
        ),
        S(
            "lighting",
            "Kiệt tối om vì đèn chiếu sáng hỏng",
            "Đèn chiếu sáng trong kiệt 42 Phan Đình Phùng bị hỏng cả tuần nay, buổi tối đi lại "
            "rất nguy hiểm.",
        ),
        80,
        20,
    ),
    Pair(
        True,
        S(
            "water",
            "Ngập úng cục bộ trên đường Bà Triệu",
            "Chỉ cần mưa khoảng 30 phút là đường Bà Triệu ngập sâu, xe máy chết máy hàng loạt.",
        ),
        S(
            "water",
            "Đường Bà Triệu ngập sâu sau mưa",
            "Nước ngập sâu trên đường Bà Triệu đoạn gần chợ, nhiều xe máy chết máy, cống thoát "
            "nước bị rác bít kín.",
        ),
        350,
        2,
    ),
    Pair(
        True,
        S(
            "roads",
            "Ổ gà, mặt đường hư hỏng trên đường Điện Biên Phủ",
            "Mặt đường Điện Biên Phủ xuất hiện nhiều ổ gà sâu, đã có người đi xe máy bị té ngã.",
        ),
        S(
            "roads",
            "Nhiều ổ gà sâu gây té ngã",
            "Đoạn đường Điện Biên Phủ gần trường học có nhiều ổ gà, tối qua có hai người đi xe "
            "máy bị ngã.",
        ),
        60,
        30,
    ),
    Pair(
        True,
        S(
            "roads",
            "Nắp hố ga bị mất gần số 15 Nguyễn Trãi",
            "Nắp hố ga gần số 15 Nguyễn Trãi bị mất, miệng hố hở rất nguy hiểm cho người đi đường.",
        ),
        S(
            "water",
            "Mất nắp cống trước nhà 15 Nguyễn Trãi",
            "Nắp cống trước nhà số 15 đường Nguyễn Trãi bị mất, người dân phải đặt cành cây để "
            "cảnh báo.",
        ),
        20,
        3,
    ),
    Pair(
        True,
        S(
            "lighting",
            "Trụ đèn nghiêng, có nguy cơ ngã đổ trên đường Lý Thường Kiệt",
            "Trụ đèn chiếu sáng trên đường Lý Thường Kiệt bị xe tông nghiêng hẳn sang một bên.",
        ),
        S(
            "lighting",
            "Cột đèn bị xe đâm nghiêng",
            "Sáng nay tôi thấy cột đèn trước trường Lý Thường Kiệt bị xe tải đâm nghiêng, sợ "
            "ngã vào người đi đường.",
        ),
        25,
        4,
    ),
    Pair(
        True,
        S(
            "water",
            "Vỡ ống nước sạch trên đường Trần Phú",
            "Ống cấp nước trên đường Trần Phú bị vỡ, nước phun lên mặt đường lãng phí nhiều ngày.",
        ),
        S(
            "water",
            "Ống nước bị bể, nước chảy lênh láng",
            "Đường ống nước sạch bị bể, nước phun thành vòi lên mặt đường Trần Phú từ hôm qua.",
        ),
        70,
        6,
    ),
    Pair(
        True,
        S(
            "environment",
            "Xác động vật chết dưới mương",
            "Xác gia cầm chết bị vứt xuống mương tại tổ dân phố 5, bốc mùi, nguy cơ ô nhiễm.",
        ),
        S(
            "water",
            "Xác gà chết trôi trên mương thoát nước",
            "Có nhiều xác gà chết trôi trên mương thoát nước tổ dân phố 5, mùi hôi thối.",
        ),
        45,
        12,
    ),
    Pair(
        True,
        S(
            "urban-order",
            "Lấn chiếm vỉa hè buôn bán trên đường Chi Lăng",
            "Các hộ kinh doanh bày hàng hóa, bàn ghế kín vỉa hè đường Chi Lăng, người đi bộ "
            "phải đi xuống lòng đường.",
        ),
        S(
            "urban-order",
            "Quán ăn bày bàn ghế chiếm hết vỉa hè",
            "Quán ăn trên đường Chi Lăng bày bàn ghế lấn chiếm toàn bộ vỉa hè vào buổi tối.",
        ),
        90,
        48,
    ),
    Pair(
        True,
        S(
            "telecom",
            "Cáp viễn thông rơi xuống đường",
            "Dây cáp viễn thông trên đường Đội Cung bị đứt, rơi xuống lòng đường vướng vào xe máy.",
        ),
        S(
            "telecom",
            "Dây cáp đứt võng xuống lòng đường",
            "Một sợi dây cáp bị đứt võng xuống sát mặt đường Đội Cung, xe máy đi qua bị vướng.",
        ),
        50,
        8,
    ),
    Pair(
        True,
        S(
            "security",
            "Tụ tập gây mất trật tự gần công viên Thương Bạc",
            "Một nhóm thanh niên thường tụ tập gần công viên Thương Bạc sau 23 giờ, nẹt pô, la "
            "hét.",
        ),
        S(
            "security",
            "Thanh niên nẹt pô, la hét lúc nửa đêm",
            "Đêm nào cũng có nhóm thanh niên tụ tập nẹt pô, la hét ở bờ sông gần Thương Bạc.",
        ),
        120,
        24,
    ),
    Pair(
        True,
        S(
            "tourism",
            "Chèo kéo, đeo bám du khách tại chợ Đông Ba",
            "Người bán hàng rong, xích lô đeo bám, chèo kéo du khách tại chợ Đông Ba.",
        ),
        S(
            "tourism",
            "Xích lô đeo bám khách du lịch",
            "Khách du lịch ở cổng chợ Đông Ba bị xích lô và người bán hàng rong đeo bám, chèo "
            "kéo mua hàng.",
        ),
        100,
        70,
    ),
    Pair(
        True,
        S(
            "trees",
            "Nhánh cây gãy treo lơ lửng trên đường Nguyễn Huệ",
            "Một nhánh cây lớn trên đường Nguyễn Huệ bị gãy, treo lơ lửng trên đầu người đi đường.",
        ),
        S(
            "trees",
            "Cành cây lớn bị gãy sắp rơi",
            "Cành cây to bị gãy sau gió lớn, treo lơ lửng trên đường Nguyễn Huệ, rất nguy hiểm.",
        ),
        15,
        2,
    ),
    Pair(
        True,
        S(
            "water",
            "Cống thoát nước bị tắc, bốc mùi trên đường Nguyễn Sinh Cung",
            "Cống thoát nước trên đường Nguyễn Sinh Cung bị tắc nghẽn, nước đen ứ đọng, muỗi "
            "nhiều.",
        ),
        S(
            "water",
            "Rãnh thoát nước tắc nghẽn bốc mùi",
            "Cả tuyến rãnh thoát nước dọc đường Nguyễn Sinh Cung bị tắc, nước đen bốc mùi hôi.",
        ),
        250,
        30,
    ),
    Pair(
        True,
        S(
            "environment",
            "Mùi hôi, nước thải chảy tràn trên vỉa hè Bến Nghé",
            "Nước thải đen chảy tràn trên vỉa hè đường Bến Nghé, người đi bộ phải tránh xuống "
            "lòng đường.",
        ),
        S(
            "environment",
            "Nước thải đen chảy ra vỉa hè",
            "Nước thải từ nhà hàng chảy tràn ra vỉa hè Bến Nghé, mùi hôi nồng nặc.",
        ),
        40,
        10,
    ),
    Pair(
        True,
        S(
            "roads",
            "Đèn tín hiệu giao thông không hoạt động tại ngã tư Lê Lợi - Hà Nội",
            "Đèn tín hiệu tại nút giao Lê Lợi - Hà Nội bị tắt, xe cộ đi lại lộn xộn.",
        ),
        S(
            "lighting",
            "Đèn đỏ ngã tư bị tắt",
            "Đèn giao thông ở ngã tư Hà Nội - Lê Lợi không hoạt động từ sáng, xe đi lộn xộn "
            "rất dễ va chạm.",
        ),
        30,
        3,
    ),
    Pair(
        True,
        S(
            "heritage",
            "Di tích bị xâm hại: tường thành bị viết vẽ bậy",
            "Tường thành gần cửa Thượng Tứ bị viết vẽ bậy, rêu mốc, một số đoạn nứt vỡ.",
        ),
        S(
            "heritage",
            "Vẽ bậy lên tường thành",
            "Có người dùng sơn vẽ bậy lên tường thành đoạn cửa Thượng Tứ, mất mỹ quan di tích.",
        ),
        200,
        48,
    ),
    Pair(
        True,
        S(
            "transport",
            "Nhà chờ xe buýt hư hỏng trên đường Hùng Vương",
            "Nhà chờ xe buýt trên đường Hùng Vương bị tốc mái, ghế ngồi gãy.",
        ),
        S(
            "transport",
            "Nhà chờ xe buýt bị tốc mái",
            "Mái nhà chờ xe buýt trước siêu thị trên Hùng Vương bị gió thổi tốc, ghế ngồi hư.",
        ),
        10,
        24,
    ),
    Pair(
        True,
        S(
            "urban-order",
            "Vật liệu xây dựng chiếm dụng lòng đường Phạm Văn Đồng",
            "Cát, đá, gạch đổ tràn ra đường Phạm Văn Đồng, trời mưa thì trơn trượt rất nguy hiểm.",
        ),
        S(
            "roads",
            "Cát đá rơi vãi trên mặt đường",
            "Công trình trên đường Phạm Văn Đồng để cát đá rơi vãi xuống mặt đường, xe máy "
            "trơn trượt.",
        ),
        60,
        10,
    ),
    Pair(
        True,
        S(
            "lighting",
            "Dây điện võng thấp, chập cháy tại kiệt 7 Tôn Đức Thắng",
            "Dây điện tại kiệt 7 Tôn Đức Thắng võng thấp sát đầu người, có tiếng nổ lách tách khi "
            "trời mưa.",
        ),
        S(
            "lighting",
            "Dây điện chùng thấp, có tiếng nổ",
            "Dây điện trong kiệt 7 Tôn Đức Thắng chùng xuống thấp, tối qua mưa có tiếng nổ và "
            "tia lửa.",
        ),
        35,
        14,
    ),
    Pair(
        True,
        S(
            "environment",
            "Thùng rác công cộng hư hỏng trên đường Trường Chinh",
            "Thùng rác công cộng trên đường Trường Chinh bị vỡ nắp, rác rơi vãi xung quanh.",
        ),
        S(
            "environment",
            "Thùng rác bị vỡ, rác rơi vãi",
            "Thùng rác trước cổng chợ trên Trường Chinh bị vỡ nắp, chó mèo bới rác rơi vãi.",
        ),
        20,
        26,
    ),
    Pair(
        True,
        S(
            "water",
            "Ngập sâu trên Quốc lộ 1A đoạn qua Phú Bài",
            "Mưa lớn làm Quốc lộ 1A đoạn qua Phú Bài ngập sâu, nhiều xe máy chết máy.",
        ),
        S(
            "water",
            "Quốc lộ 1A ngập nước",
            "Nước ngập sâu gần nửa mét trên Quốc lộ 1A tại Phú Bài, xe cộ đi lại khó khăn.",
        ),
        450,
        3,
    ),
    Pair(
        True,
        S(
            "trees",
            "Cây xanh cần cắt tỉa: cây mục gốc nghiêng về nhà dân",
            "Cây trước nhà số 9 Đặng Thái Thân mục gốc, nghiêng về phía nhà dân, mùa mưa bão rất "
            "nguy hiểm.",
        ),
        S(
            "trees",
            "Cây lớn nghiêng, sợ đổ vào nhà",
            "Cây xanh lớn trên Đặng Thái Thân bị mục gốc, nghiêng hẳn về phía mấy nhà dân.",
        ),
        40,
        40,
    ),
    Pair(
        True,
        S(
            "consumer",
            "Quán ăn không niêm yết giá, tính tiền cao",
            "Quán ăn trên đường Nguyễn Công Trứ không niêm yết giá, tính tiền cao bất thường.",
        ),
        S(
            "consumer",
            "Bán hàng không niêm yết giá",
            "Nhà hàng trên Nguyễn Công Trứ không có bảng giá, tính tiền khách du lịch rất cao.",
        ),
        30,
        50,
    ),
    Pair(
        True,
        S(
            "environment",
            "Rac thai do trom ban dem o kiet 12 Ngu Binh",
            "Co nguoi do trom xa ban va rac thai o kiet 12 Ngu Binh vao ban dem, dong rac ngay "
            "cang lon.",
        ),
        S(
            "environment",
            "Đổ trộm rác thải ban đêm",
            "Có người đổ trộm xà bần và rác thải tại kiệt 12 Ngự Bình vào ban đêm.",
        ),
        50,
        20,
    ),
    Pair(
        True,
        S(
            "lighting",
            "Đèn đường không sáng trên đường Lê Duẩn",
            "Cả dãy đèn đường trên đường Lê Duẩn không sáng nhiều đêm liền, đường tối om.",
        ),
        S(
            "lighting",
            "Đường Lê Duẩn tối om",
            "Đèn chiếu sáng dọc đường Lê Duẩn đoạn gần cầu không sáng, buổi tối rất nguy hiểm.",
        ),
        300,
        18,
    ),
    # -- two problems that happen to be close ------------------------------------------------
    Pair(
        False,
        S(
            "environment",
            "Xác chim chết trong công viên",
            "Có xác chim chết nằm trên lối đi trong công viên Tứ Tượng, bốc mùi khó chịu.",
        ),
        S(
            "trees",
            "Công viên xuống cấp",
            "Ghế đá, đèn trong công viên Tứ Tượng bị hư hỏng, cỏ mọc um tùm.",
        ),
        61,
        20,
    ),
    Pair(
        False,
        S(
            "environment",
            "Rác thải tập kết bừa bãi trên đường Ngô Quyền",
            "Rác sinh hoạt bị đổ thành đống lớn trên đường Ngô Quyền, bốc mùi hôi thối.",
        ),
        S(
            "lighting",
            "Đèn đường không sáng trên đường Ngô Quyền",
            "Cả dãy đèn đường trên đường Ngô Quyền không sáng nhiều đêm liền.",
        ),
        30,
        4,
    ),
    Pair(
        False,
        S(
            "roads",
            "Ổ gà, mặt đường hư hỏng tại ngã tư Lê Lợi - Hà Nội",
            "Mặt đường tại nút giao Lê Lợi - Hà Nội xuất hiện nhiều ổ gà sâu.",
        ),
        S(
            "roads",
            "Đèn tín hiệu giao thông không hoạt động tại ngã tư Lê Lợi - Hà Nội",
            "Đèn tín hiệu tại nút giao Lê Lợi - Hà Nội bị tắt, xe cộ đi lại lộn xộn.",
        ),
        20,
        6,
    ),
    Pair(
        False,
        S(
            "urban-order",
            "Lấn chiếm vỉa hè buôn bán trên đường Trần Hưng Đạo",
            "Các hộ kinh doanh bày hàng hóa kín vỉa hè đường Trần Hưng Đạo.",
        ),
        S(
            "urban-order",
            "Xây dựng không phép trên đường Trần Hưng Đạo",
            "Một công trình đang xây dựng trên đường Trần Hưng Đạo không treo biển cấp phép, "
            "thi công cả ban đêm.",
        ),
        50,
        30,
    ),
    Pair(
        False,
        S(
            "trees",
            "Cây xanh ngã đổ trên đường Hà Nội",
            "Cây xanh trên đường Hà Nội bị gió quật ngã chắn ngang đường.",
        ),
        S(
            "trees",
            "Cây xanh cần cắt tỉa trên đường Hà Nội",
            "Cây trên đường Hà Nội tán quá rậm, che khuất biển báo giao thông.",
        ),
        40,
        50,
    ),
    Pair(
        False,
        S(
            "water",
            "Ngập úng cục bộ tại tổ dân phố 3",
            "Nước ngập tổ dân phố 3 lên tận nhà dân, cống thoát nước bị rác bít kín.",
        ),
        S(
            "water",
            "Vỡ ống nước sạch tại tổ dân phố 3",
            "Ống cấp nước tại tổ dân phố 3 bị vỡ, nước phun lên mặt đường.",
        ),
        80,
        20,
    ),
    Pair(
        False,
        S(
            "lighting",
            "Đèn đường không sáng trên đường Phan Bội Châu",
            "Đèn chiếu sáng trên đường Phan Bội Châu lúc sáng lúc tắt, buổi tối đi lại nguy hiểm.",
        ),
        S(
            "lighting",
            "Trụ đèn nghiêng, có nguy cơ ngã đổ trên đường Phan Bội Châu",
            "Cột đèn trên đường Phan Bội Châu bị nghiêng, chân đế gỉ sét.",
        ),
        40,
        10,
    ),
    Pair(
        False,
        S(
            "environment",
            "Rác thải tập kết bừa bãi trên đường Lê Lợi",
            "Rác sinh hoạt bị đổ thành đống lớn trên vỉa hè đường Lê Lợi, bốc mùi hôi thối.",
        ),
        S(
            "environment",
            "Rác thải tập kết bừa bãi trên đường Trần Hưng Đạo",
            "Rác sinh hoạt bị đổ thành đống lớn trên đường Trần Hưng Đạo, ruồi nhặng bu đầy.",
        ),
        400,
        5,
    ),
    Pair(
        False,
        S(
            "security",
            "Quán karaoke hát to đến khuya",
            "Quán karaoke trên đường Nguyễn Lộ Trạch hát to đến khuya, ảnh hưởng giấc ngủ người "
            "dân.",
        ),
        S(
            "security",
            "Nghi vấn trộm cắp tài sản",
            "Thời gian gần đây trên đường Nguyễn Lộ Trạch liên tiếp xảy ra mất trộm xe máy.",
        ),
        30,
        40,
    ),
    Pair(
        False,
        S(
            "tourism",
            "Chèo kéo, đeo bám du khách tại bến thuyền Tòa Khâm",
            "Người bán hàng rong đeo bám, chèo kéo du khách tại bến thuyền Tòa Khâm.",
        ),
        S(
            "tourism",
            "Nhà vệ sinh công cộng khu du lịch mất vệ sinh",
            "Nhà vệ sinh công cộng tại bến thuyền Tòa Khâm bẩn, không có nước, du khách phàn nàn.",
        ),
        50,
        24,
    ),
    Pair(
        False,
        S(
            "environment",
            "Xác động vật chết trên đường Nguyễn Trường Tộ",
            "Có xác chó chết nằm trên đường Nguyễn Trường Tộ từ hôm qua, bốc mùi rất khó chịu.",
        ),
        S(
            "environment",
            "Rác thải tập kết bừa bãi trên đường Nguyễn Trường Tộ",
            "Nhiều ngày nay rác không được thu gom, bốc mùi hôi trên đường Nguyễn Trường Tộ.",
        ),
        50,
        12,
    ),
    Pair(
        False,
        S(
            "roads",
            "Nắp hố ga bị mất trên đường Bùi Thị Xuân",
            "Nắp hố ga trên đường Bùi Thị Xuân bị mất, miệng hố hở rất nguy hiểm.",
        ),
        S(
            "water",
            "Ngập úng cục bộ trên đường Bùi Thị Xuân",
            "Chỉ cần mưa khoảng 30 phút là đường Bùi Thị Xuân ngập sâu.",
        ),
        40,
        20,
    ),
    Pair(
        False,
        S(
            "urban-order",
            "Quán nhậu lấn chiếm vỉa hè",
            "Quán nhậu trên đường Võ Thị Sáu lấn chiếm toàn bộ vỉa hè vào buổi tối.",
        ),
        S(
            "security",
            "Quán karaoke hát to gây ồn ào",
            "Quán karaoke trên đường Võ Thị Sáu hát to đến 1 giờ sáng, ảnh hưởng người dân.",
        ),
        15,
        30,
    ),
    Pair(
        False,
        S(
            "trees",
            "Cây xanh che khuất đèn đường",
            "Cây trên đường Lý Thường Kiệt tán quá rậm, che khuất đèn đường và biển báo.",
        ),
        S(
            "lighting",
            "Đèn đường không sáng trên đường Lý Thường Kiệt",
            "Cả dãy đèn đường trên đường Lý Thường Kiệt không sáng nhiều đêm liền.",
        ),
        30,
        10,
    ),
    Pair(
        False,
        S(
            "transport",
            "Nhà chờ xe buýt hư hỏng trên đường An Dương Vương",
            "Nhà chờ xe buýt trên đường An Dương Vương bị tốc mái, ghế ngồi gãy.",
        ),
        S(
            "transport",
            "Xe buýt không dừng đón khách",
            "Xe buýt không dừng đón khách tại trạm trên đường An Dương Vương, chạy ẩu, vượt ẩu.",
        ),
        20,
        48,
    ),
    Pair(
        False,
        S(
            "trees",
            "Công viên xuống cấp: cầu trượt bị gãy",
            "Khu vui chơi trẻ em trong công viên Phú Xuân có cầu trượt bị gãy, dễ gây tai nạn.",
        ),
        S(
            "trees",
            "Cây xanh cần cắt tỉa trong công viên",
            "Cây trong công viên Phú Xuân mục gốc, nghiêng về phía lối đi, mùa mưa bão rất nguy "
            "hiểm.",
        ),
        40,
        60,
    ),
    Pair(
        False,
        S(
            "roads",
            "Đỗ xe sai quy định gây ùn tắc trên đường Đống Đa",
            "Xe ô tô đỗ dàn hàng trên đường Đống Đa vào giờ tan trường, gây ùn tắc kéo dài.",
        ),
        S(
            "roads",
            "Đèn tín hiệu giao thông không hoạt động trên đường Đống Đa",
            "Đèn đỏ trên đường Đống Đa chỉ sáng một pha, dễ gây tai nạn vào giờ cao điểm.",
        ),
        20,
        30,
    ),
    Pair(
        False,
        S(
            "trees",
            "Cây xanh ngã đổ trên đường Lê Lợi",
            "Cây xanh trên đường Lê Lợi bị gió quật ngã chắn ngang đường sau bão.",
        ),
        S(
            "trees",
            "Cây xanh ngã đổ trên đường Hai Bà Trưng",
            "Một cây xanh trên đường Hai Bà Trưng bị gió quật ngã, đè lên hàng rào.",
        ),
        250,
        2,
    ),
    Pair(
        False,
        S(
            "lighting",
            "Đèn đường không sáng trên đường Nguyễn Du",
            "Đèn chiếu sáng trên đường Nguyễn Du không sáng nhiều đêm liền.",
        ),
        S(
            "lighting",
            "Đèn đường không sáng tại kiệt 5 Phạm Hồng Thái",
            "Đèn đường tại kiệt 5 Phạm Hồng Thái không sáng, kiệt tối om.",
        ),
        300,
        20,
    ),
    Pair(
        False,
        S(
            "environment",
            "Mùi hôi, nước thải chảy tràn trên đường Kim Long",
            "Nước thải từ một cơ sở kinh doanh xả thẳng ra mương trên đường Kim Long, mùi hôi "
            "nồng nặc.",
        ),
        S(
            "environment",
            "Xác động vật chết trên đường Kim Long",
            "Xác gia cầm chết bị vứt bên lề đường Kim Long, bốc mùi hôi.",
        ),
        60,
        30,
    ),
    Pair(
        False,
        S(
            "environment",
            "Rác thải tập kết bừa bãi tại chợ An Cựu",
            "Rác sinh hoạt bị đổ thành đống lớn cạnh chợ An Cựu, ruồi nhặng bu đầy.",
        ),
        S(
            "environment",
            "Thùng rác công cộng hư hỏng tại chợ An Cựu",
            "Thùng rác công cộng ở cổng chợ An Cựu bị vỡ nắp, cần thay mới.",
        ),
        25,
        20,
    ),
    Pair(
        False,
        S(
            "telecom",
            "Cáp viễn thông chằng chịt trên đường Hàn Thuyên",
            "Cáp treo trên đường Hàn Thuyên chằng chịt như mạng nhện, mất mỹ quan.",
        ),
        S(
            "lighting",
            "Trụ đèn nghiêng trên đường Hàn Thuyên",
            "Trụ đèn chiếu sáng trên đường Hàn Thuyên bị xe tông nghiêng.",
        ),
        30,
        40,
    ),
    Pair(
        False,
        S(
            "heritage",
            "Lấn chiếm khu vực bảo vệ di tích",
            "Hộ dân đổ rác, lấn chiếm khu vực bảo vệ di tích gần cửa Hiển Nhơn.",
        ),
        S(
            "heritage",
            "Tường thành bị viết vẽ bậy",
            "Tường thành gần cửa Hiển Nhơn bị viết vẽ bậy bằng sơn.",
        ),
        60,
        50,
    ),
    Pair(
        False,
        S(
            "water",
            "Khu vực mất nước sinh hoạt",
            "Khu vực tổ dân phố 8 mất nước sinh hoạt từ sáng, nước chảy yếu và đục.",
        ),
        S(
            "water",
            "Cống thoát nước bị tắc tại tổ dân phố 8",
            "Rãnh thoát nước ở tổ dân phố 8 đầy bùn đất, rác, trời mưa nước tràn lên đường.",
        ),
        70,
        24,
    ),
)
