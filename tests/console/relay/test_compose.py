"""A relay message: the wording has nothing personal in it and is cut to each channel's
limit; a draft keeps the server's words per channel and one key; only reviewed photos go,
and those without EXIF."""

from __future__ import annotations

import base64
import io

from PIL import Image

from console.domain.reference import load_reference
from console.domain.relay_text import cut_text, relay_text
from console.domain.wire import report_from_json
from console.relay import Channel, Draft, RelayPhoto, Wording, clean_photo, draft_for
from tests.console.exports.briefing_data import (
    PLANTED_EMAIL,
    PLANTED_PHONE,
    PLANTED_PLATE,
    REPORTER,
    planted,
)
from tests.console.exports.briefing_photos import face_photo

ZALO = Channel("zalo-xanh", "zalo", "Nhóm Zalo Ngày chủ nhật xanh", max_text=2000)
TELEGRAM = Channel("telegram-tt", "telegram", "Kênh Telegram", photos=False, max_text=120)


def planted_report(**changes: object):  # type: ignore[no-untyped-def]
    record = planted()
    record["status"] = "published"
    record["title"] = f"Xe {PLANTED_PLATE} của {REPORTER['name']} đỗ trên vỉa hè"
    record["result_text"] = (
        f"Đã liên hệ {REPORTER['name']} ({PLANTED_PHONE}, {PLANTED_EMAIL}); "
        f"yêu cầu chủ xe {PLANTED_PLATE} di dời. " + "Đã xử lý xong. " * 20
    )
    record.update(changes)
    return report_from_json(record)


def drafted(channels: list[Channel], photos: list[RelayPhoto] | None = None) -> Draft:
    """A draft as the dialog makes it, from the wording the server's preview answers."""
    report = planted_report()
    text = relay_text(report, load_reference(), REPORTER["name"])
    wording = Wording(text, {c.id: cut_text(text, c.max_text) for c in channels})
    return draft_for(report.id, wording, channels, photos or [])


def test_text_carries_the_result_and_nothing_personal() -> None:
    draft = drafted([ZALO, TELEGRAM])
    for text in (draft.text, *draft.texts.values()):
        for secret in (REPORTER["name"], PLANTED_PHONE, PLANTED_EMAIL, PLANTED_PLATE, "0912"):
            assert secret not in text
    assert "Lĩnh vực: " in draft.text and "Phú Xuân" in draft.text
    assert "Kết quả xử lý: Đã liên hệ [đã ẩn]" in draft.text
    # Huế time: resolved 08:00 UTC is 15:00 in Huế.
    assert "Hoàn thành: 15:00 04/11/2026" in draft.text
    assert draft.texts[ZALO.id] == draft.text


def test_the_place_names_the_ward_once() -> None:
    reference = load_reference()
    written = planted_report(address="12 Lê Lợi, phường Phú Xuân, thành phố Huế")
    bare = planted_report(address="12 Lê Lợi")
    assert "Địa điểm: 12 Lê Lợi, phường Phú Xuân, thành phố Huế\n" in relay_text(
        written, reference, None
    )
    assert "Địa điểm: 12 Lê Lợi, Phường Phú Xuân\n" in relay_text(bare, reference, None)


def test_each_channel_gets_its_own_cut_and_key() -> None:
    draft = drafted([ZALO, TELEGRAM])
    short = draft.texts[TELEGRAM.id]
    assert len(short) == 120 and short.endswith("…")
    assert draft.text.startswith(short[:-1])
    assert cut_text("abc", 3) == "abc" and cut_text("abcd", 3) == "ab…"
    bodies = draft.requests()
    assert [b["channels"] for b in bodies] == [[ZALO.id], [TELEGRAM.id]]
    assert [b["text"] for b in bodies] == [draft.texts[ZALO.id], short]
    # The same draft asked again repeats its keys: the server queues nothing twice.
    assert [b["idempotency_key"] for b in draft.requests()] == [
        b["idempotency_key"] for b in bodies
    ]
    other = drafted([ZALO])
    assert other.key != draft.key


def test_only_reviewed_photos_go_and_without_exif() -> None:
    report = planted_report()
    raw = face_photo()
    with Image.open(io.BytesIO(raw)) as original:
        assert original.getexif(), "the test photo should carry EXIF"
    photo = clean_photo(raw, [(10, 10, 80, 80)], f"Ảnh của {REPORTER['name']}", report)
    assert isinstance(photo, RelayPhoto) and photo.boxes == ((10, 10, 80, 80),)
    assert REPORTER["name"] not in photo.caption
    with Image.open(io.BytesIO(photo.jpeg)) as cleaned:
        assert not cleaned.getexif() and "exif" not in cleaned.info
    # No review, no photo: a draft composed without reviewed photos carries none.
    bare = drafted([ZALO])
    assert bare.requests()[0]["photos"] == []
    draft = drafted([ZALO, TELEGRAM], [photo])
    zalo, telegram = draft.requests()
    assert [p["reviewed"] for p in zalo["photos"]] == [True]
    assert base64.b64decode(zalo["photos"][0]["jpeg_b64"]) == photo.jpeg
    assert telegram["photos"] == [], "a channel without photos gets none"
