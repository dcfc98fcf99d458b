"""The reply to the citizen wraps the body of the unit's result in the courtesy form once,
whatever form the unit's result arrived in."""

from __future__ import annotations

import pytest

from console.central.demo import texts
from console.domain.reference import load_reference
from console.domain.replies import publication_reply, result_body

UNIT = "Công ty Cổ phần Môi trường và Công trình đô thị Huế"
BODY = "Đơn vị đã thu gom toàn bộ rác thải, vệ sinh mặt đường và lắp biển cấm đổ rác."
FORMED = texts.RESULT_FORM.format(unit=UNIT, result=BODY)


@pytest.mark.parametrize(
    "posted",
    [
        BODY,
        f"  {BODY}\n",
        FORMED,
        f"Kính gửi: Quý Ông/Bà. {BODY}",
        f"Kính gửi: Quý Ông/Bà.\n{BODY}\nTrân trọng!",
        f"{BODY} Trân trọng.",
        f"Vấn đề Quý Ông/Bà phản ánh, {UNIT} xin thông báo kết quả xử lý như sau: {BODY}",
        "Kinh gui: Quy Ong/Ba. Van de Quy Ong/Ba phan anh, don vi xin thong bao ket qua xu ly "
        f"nhu sau: {BODY} Tran trong.",
        texts.RESULT_FORM.format(unit=UNIT, result=FORMED),
    ],
)
def test_the_body_of_a_result_with_or_without_the_form(posted: str) -> None:
    assert result_body(posted) == BODY


def test_a_body_that_merely_mentions_the_words_is_kept() -> None:
    text = "Đã sửa đèn như sau: thay bóng và dây dẫn. Kính gửi lời cảm ơn đến người dân."
    assert result_body(text) == text


def test_the_published_reply_has_one_greeting_and_one_closing() -> None:
    reply = publication_reply(load_reference(), UNIT, FORMED)
    assert reply == (
        f"Kính gửi: Quý Ông/Bà. Vấn đề Quý Ông/Bà phản ánh, {UNIT} xin thông báo kết quả xử lý "
        f"như sau: {BODY} Trân trọng."
    )
    assert (
        publication_reply(load_reference(), UNIT, texts.RESULT_FORM.format(unit=UNIT, result=""))
        == ""
    )
