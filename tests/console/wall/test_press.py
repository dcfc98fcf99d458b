"""Press mode: nothing personal anywhere in the scene, the month's story in figures, and the
spotlight case with its photos cleaned and blurred."""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime, timedelta

import pytest
from PIL import Image

from console.domain.model import ActionType, Event, Media, Reporter, Role, Status
from console.store import Cache
from console.wall.state import WallState
from tests.console.store.factories import new_report
from tests.console.wall.conftest import LAST_MONTH_START, MONTH_START, NOW, count, iso

NAME = "Trần Thị Bích"
PHONE = "0905123456"
EMAIL = "bich.tran@example.com"
PLATE = "75A-123.45"
SECRET_TEXT = f"{NAME} gọi {PHONE}, {EMAIL}: xe {PLATE} đỗ chắn lối"
SECRETS = (NAME, PHONE, EMAIL, PLATE, "123.45", "bich.tran")


def _photo() -> bytes:
    image = Image.new("RGB", (320, 240), (90, 140, 200))
    exif = Image.Exif()
    exif[0x010E] = f"call {PHONE}"  # ImageDescription
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _secret_reports() -> list:
    reporter = Reporter(name=NAME, phone=PHONE, email=EMAIL)
    media = (Media(url="/media/1", caption=f"ảnh của {NAME} {PHONE}"),)
    return [
        new_report(
            NOW,
            n,
            title=SECRET_TEXT,
            description=SECRET_TEXT,
            reporter=reporter,
            media=media,
            status=Status.IN_PROGRESS if n == 2 else Status.NEW,
            unit="u1" if n == 2 else None,
            deadline=NOW + timedelta(minutes=5) if n == 2 else None,
        )
        for n in (1, 2)
    ]


def test_nothing_personal_anywhere_in_the_scene(cache: Cache) -> None:
    cache.upsert_reports(_secret_reports())
    cache.store_history(
        2,
        [
            Event(
                2,
                NOW - timedelta(minutes=30),
                "op1",
                Role.OPERATOR,
                ActionType.ASSIGN,
                Status.ACCEPTED,
                Status.ASSIGNED,
                {"unit": "u1"},
            ),
            Event(
                2,
                NOW - timedelta(minutes=20),
                "u1",
                Role.UNIT,
                ActionType.RETURN,
                Status.ASSIGNED,
                Status.RETURNED,
                {"reason": SECRET_TEXT},
            ),
        ],
    )
    fetched: list[tuple[int, int]] = []

    def fetch(report_id: int, n: int) -> bytes:
        fetched.append((report_id, n))
        return _photo()

    state = WallState(cache, press=True, spotlight_id=2, fetch_media=fetch)
    scenes = [state.refresh(NOW)]
    first = cache.get_report(1)
    assert first is not None
    cache.upsert_reports(
        [
            dataclasses.replace(
                first,
                version=2,
                status=Status.ASSIGNED,
                unit="u2",
                updated_at=NOW + timedelta(minutes=1),
            )
        ]
        + [
            dataclasses.replace(
                r,
                id=r.id + 10,
                created_at=NOW + timedelta(minutes=2),
                updated_at=NOW + timedelta(minutes=2),
            )
            for r in _secret_reports()
        ]
    )
    scenes.append(state.refresh(NOW + timedelta(minutes=10)))
    kinds = {t.kind for s in scenes for t in s.ticker}
    assert kinds == {"received", "assigned", "overdue"}
    spot = scenes[-1].spotlight
    assert spot is not None and spot.report_id == 2 and fetched == [(2, 1)]
    assert any("trả lại" in line for line in spot.lines)
    (photo,) = spot.photos
    with Image.open(io.BytesIO(photo)) as shown:
        assert shown.format == "JPEG" and not shown.getexif()
    for scene in scenes:
        shown_text = repr(scene) + repr([*scene.ticker, *scene.markers, spot])
        for secret in SECRETS:
            where = shown_text.lower().find(secret.lower())
            assert where < 0, shown_text[max(0, where - 300) : where + 50]
            assert secret.encode() not in photo
        assert "[đã ẩn]" in repr(scene.ticker)


def test_the_months_story_against_sqlite(cache: Cache) -> None:
    made = []
    for n, (created, done, deadline, rating) in enumerate(
        [
            (LAST_MONTH_START + timedelta(days=1), timedelta(hours=10), timedelta(days=1), 4),
            (LAST_MONTH_START + timedelta(days=2), timedelta(hours=30), timedelta(days=1), 2),
            (LAST_MONTH_START + timedelta(days=3), None, None, None),
            (MONTH_START - timedelta(hours=3), timedelta(hours=6), timedelta(days=1), 5),
            (MONTH_START + timedelta(hours=1), timedelta(hours=20), timedelta(days=2), None),
            (MONTH_START + timedelta(hours=2), None, None, None),
        ],
        start=1,
    ):
        resolved = None if done is None else created + done
        made.append(
            new_report(
                NOW,
                n,
                created_at=created,
                updated_at=resolved or created,
                status=Status.NEW if done is None else Status.RESOLVED,
                unit=None if done is None else "u1",
                resolved_at=resolved,
                deadline=None if deadline is None else created + deadline,
                rating=rating,
            )
        )
    cache.upsert_reports(made)
    story = WallState(cache, press=True).refresh(NOW).story
    assert [row.label for row in story] == [
        "Tiếp nhận",
        "Đã xử lý",
        "Đúng hạn",
        "Hài lòng",
        "Xử lý trong (trung vị)",
    ]

    def sql(expr: str, column: str, start: datetime, end: datetime) -> float:
        return count(
            cache,
            f"SELECT {expr} FROM reports WHERE julianday({column}) >= julianday(?)"
            f" AND julianday({column}) < julianday(?)",
            iso(start),
            iso(end),
        )

    ra = "json_extract(data, '$.resolved_at')"
    for row, (expr, column) in zip(
        story[:2], [("count(*)", "created_at"), ("count(*)", ra)], strict=True
    ):
        now_n = sql(expr, column, MONTH_START, NOW)
        # The same days of last month: a month begun days ago is not set against a whole one.
        same_n = sql(expr, column, LAST_MONTH_START, LAST_MONTH_START + (NOW - MONTH_START))
        assert row.value == f"{now_n} (cùng kỳ tháng trước {same_n})"
    assert story[2].value == "100% (tháng trước 50%)"
    mean_before = sql("avg(rating)", "updated_at", LAST_MONTH_START, MONTH_START)
    assert mean_before == pytest.approx(3)
    assert sql("avg(rating)", "updated_at", MONTH_START, NOW) == pytest.approx(5)
    assert story[3].value == "5,0/5 (tháng trước 3,0/5)"
    # Medians of (6 h, 20 h) and of (10 h, 30 h).
    assert story[4].value == "13,0 giờ (tháng trước 20,0 giờ)"
    assert WallState(cache).refresh(NOW).story == ()
