"""Masking phones, e-mails and plates in text that leaves the Center."""

from __future__ import annotations

import pytest

from console.domain.privacy import hide_personal, mask_personal


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("gọi 0905 123 467 nhé", "gọi 09******67 nhé"),
        ("SĐT: 0905.123.467", "SĐT: 09******67"),
        ("0905-123-467", "09******67"),
        ("0905123467", "09******67"),
        ("0356123467.", "03******67."),
        ("+84 905 123 467", "+84*******67"),
        ("+84905123467", "+84*******67"),
        ("0084 905123467", "+84*******67"),
        ("(0234) 3822 123", "02*******23"),
        ("0234 3822 123", "02*******23"),
        ("liên hệ 0905123467 hoặc 0914999888", "liên hệ 09******67 hoặc 09******88"),
    ],
)
def test_phone_numbers(text: str, masked: str) -> None:
    assert mask_personal(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("email nguyen.van.a@gmail.com ok", "email n***@gmail.com ok"),
        ("gửi tới hoa_tran+paht@hue.gov.vn.", "gửi tới h***@hue.gov.vn."),
        ("0905123467@gmail.com", "0***@gmail.com"),
    ],
)
def test_email_addresses(text: str, masked: str) -> None:
    assert mask_personal(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("xe 75A-123.45 đỗ trên vỉa hè", "xe 75A-***.** đỗ trên vỉa hè"),
        ("75B1-234.56", "75B1-***.**"),
        ("75 C 12345", "75 C *****"),
        ("75A 123.45", "75A ***.**"),
        ("xe máy 75C1 23456.", "xe máy 75C1 *****."),
        ("75a-123.45", "75a-***.**"),
        ("43A-12345 (Đà Nẵng)", "43A-***** (Đà Nẵng)"),
        ("29-H1 123.45", "29-H1 ***.**"),
        ("51LD-123.45", "51LD-***.**"),
    ],
)
def test_licence_plates(text: str, masked: str) -> None:
    assert mask_personal(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "số 12 Lê Lợi",
        "kiệt 45/12 Phan Đình Phùng",
        "ngày 01/07/2025",
        "ngày 01-07-2025 lúc 08:30",
        "ngày 01.07.2025",
        "01-07-2025 0830",
        "1.000.000 đồng",
        "toạ độ 16.4637, 107.5909",
        "cách 50m 1000 mét",
        "năm 2025, 120 hộ",
        "QL1A 12345",
        "mã PA-2025-001234",
        "Tổ 12 KV 3",
        "75 người",
        "tổng đài 1900 1234",
    ],
)
def test_ordinary_numbers_are_left_alone(text: str) -> None:
    assert mask_personal(text) == text


def test_a_name_is_hidden_as_whole_words_in_any_case_with_the_rest_masked() -> None:
    text = "Chị AN ở kiệt 3 Quang Trung, gọi 0905 123 467. Hỏi chị Lê  Thị An."

    shown = hide_personal(text, ["An", "Lê Thị An", None, " "])

    assert shown == "Chị [đã ẩn] ở kiệt 3 Quang Trung, gọi 09******67. Hỏi chị [đã ẩn]."
