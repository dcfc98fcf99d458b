"""The working calendar against dates worked out by hand: weekends, lunch, Tết, swaps.

Vietnam time (UTC+7) in every expectation; the code answers in UTC, and aware datetimes
compare by instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.calendar import WorkingCalendar, load_calendar

VN = timezone(timedelta(hours=7))
H = timedelta(hours=1)
DAY = timedelta(hours=7, minutes=30)
SHIPPED = load_calendar()


def vn(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=VN)


def calendar_config(**changes: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "working_weekdays": ["mon", "tue", "wed", "thu", "fri"],
        "office_hours": [{"start": "07:30", "end": "11:30"}, {"start": "13:30", "end": "17:00"}],
        "public_holidays": True,
        "days_off": [],
        "working_days": [],
    }
    config.update(changes)
    return config


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return SHIPPED


# --- working days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 1, 5), True),  # Monday
        (date(2026, 1, 10), False),  # Saturday
        (date(2026, 1, 11), False),  # Sunday
        (date(2026, 1, 1), False),  # New Year
        (date(2026, 2, 13), True),  # Friday before Tết 2026
        (date(2026, 2, 16), False),  # Giao thừa
        (date(2026, 2, 17), False),  # Mùng một
        (date(2026, 2, 20), False),  # Mùng bốn
        (date(2026, 2, 23), True),  # back to work
        (date(2027, 2, 3), True),  # Wednesday before Tết 2027
        (date(2027, 2, 4), False),  # 29 Tết
        (date(2027, 2, 8), False),  # Mùng ba (Monday)
        (date(2027, 2, 10), False),  # Mùng năm (Wednesday)
        (date(2027, 2, 11), True),
        (date(2026, 8, 22), True),  # Saturday worked in exchange for Monday 31/08/2026
        (date(2026, 8, 31), False),
        (date(2025, 4, 26), True),  # Saturday worked in exchange for Friday 02/05/2025
    ],
)
def test_working_days_follow_weekends_and_vietnamese_holidays(
    cal: WorkingCalendar, day: date, working: bool
) -> None:
    assert cal.is_working_day(day) is working


def test_holiday_names_are_vietnamese(cal: WorkingCalendar) -> None:
    names = cal.public_holiday_names(2026)
    assert names[date(2026, 2, 17)] == "Tết Nguyên Đán"
    assert names[date(2026, 9, 2)] == "Quốc khánh"


def test_declared_day_off_and_swapped_saturday() -> None:
    cal = WorkingCalendar.from_config(
        calendar_config(
            days_off=[{"date": "2026-01-09", "note": "UBND thành phố cho nghỉ"}],
            working_days=["2026-01-17"],
        )
    )
    assert not cal.is_working_day(date(2026, 1, 9))
    assert cal.is_working_day(date(2026, 1, 17))
    # Thursday 16:00 + 2 h: 1 h on Thursday, Friday off, 1 h from Monday 07:30.
    assert cal.add_working(vn(2026, 1, 8, 16), 2 * H) == vn(2026, 1, 12, 8, 30)
    # Friday 16, 16:00 + 2 h: 1 h on Friday, then the working Saturday from 07:30.
    assert cal.add_working(vn(2026, 1, 16, 16), 2 * H) == vn(2026, 1, 17, 8, 30)
    assert cal.add_working_days(vn(2026, 1, 16, 10), 1) == vn(2026, 1, 17, 10)
    # Thursday 09:00-17:00 is 6 h, Monday 07:30-09:00 1 h 30: one working day.
    assert cal.working_between(vn(2026, 1, 8, 9), vn(2026, 1, 12, 9)) == DAY


def test_calendar_without_public_holidays_counts_tet_as_work() -> None:
    cal = WorkingCalendar.from_config(calendar_config(public_holidays=False))
    assert cal.is_working_day(date(2026, 2, 17))


# --- adding working time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "delta", "expected"),
    [
        (vn(2026, 1, 5, 8), 2 * H, vn(2026, 1, 5, 10)),
        # lunch break 11:30-13:30 does not count
        (vn(2026, 1, 5, 10, 30), 2 * H, vn(2026, 1, 5, 14, 30)),
        (vn(2026, 1, 5, 12), H, vn(2026, 1, 5, 14, 30)),
        # ends exactly at closing time: stays at 17:00
        (vn(2026, 1, 5, 13, 30), timedelta(hours=3, minutes=30), vn(2026, 1, 5, 17)),
        # night start counts from the next opening
        (vn(2026, 1, 5, 20), H, vn(2026, 1, 6, 8, 30)),
        (vn(2026, 1, 6, 5), H, vn(2026, 1, 6, 8, 30)),
        # weekend: Friday 15:00 + 4 h = 2 h Friday + 2 h Monday
        (vn(2026, 1, 9, 15), 4 * H, vn(2026, 1, 12, 9, 30)),
        (vn(2026, 1, 10, 10), 30 * timedelta(minutes=1), vn(2026, 1, 12, 8)),
        # Tết 2026: Friday 13/02 16:00 + 8 h = 1 h, then Monday 23/02 4 h + 3 h
        (vn(2026, 2, 13, 16), 8 * H, vn(2026, 2, 23, 16, 30)),
        # Tết 2027: Wednesday 03/02 16:00 + 2 h = 1 h, then Thursday 11/02 from 07:30
        (vn(2027, 2, 3, 16), 2 * H, vn(2027, 2, 11, 8, 30)),
        # New Year 2026: Wednesday 31/12 16:00 + 2 h = 1 h + Friday 02/01 1 h
        (vn(2025, 12, 31, 16), 2 * H, vn(2026, 1, 2, 8, 30)),
        (vn(2026, 1, 5, 8), timedelta(), vn(2026, 1, 5, 8)),
    ],
)
def test_add_working(
    cal: WorkingCalendar, start: datetime, delta: timedelta, expected: datetime
) -> None:
    result = cal.add_working(start, delta)
    assert result == expected
    assert result.tzinfo == UTC


def test_add_working_takes_utc_and_naive_utc(cal: WorkingCalendar) -> None:
    # 01:00 UTC is 08:00 in Huế.
    start = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
    assert cal.add_working(start, 2 * H) == datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
    assert cal.add_working(start.replace(tzinfo=None), 2 * H) == datetime(
        2026, 1, 5, 3, 0, tzinfo=UTC
    )


def test_add_working_refuses_negative(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working(vn(2026, 1, 5, 8), -H)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (vn(2026, 1, 5, 9), 1, vn(2026, 1, 6, 9)),
        (vn(2026, 1, 9, 10), 1, vn(2026, 1, 12, 10)),  # Friday -> Monday
        # Saturday: counted from Friday's close, due at 17:00 of the n-th working day
        (vn(2026, 1, 10, 10), 1, vn(2026, 1, 12, 17)),
        (vn(2026, 1, 12, 6), 1, vn(2026, 1, 12, 17)),  # before opening on Monday
        (vn(2026, 1, 12, 19), 1, vn(2026, 1, 13, 17)),  # after closing
        (vn(2026, 1, 12, 12, 15), 2, vn(2026, 1, 14, 11, 30)),  # lunch -> 11:30
        # Tết 2026: Thursday 12/02 + 7 = 13/02, 23, 24, 25, 26, 27/02, Monday 02/03
        (vn(2026, 2, 12, 10), 7, vn(2026, 3, 2, 10)),
        # Tết 2027: Wednesday 03/02 + 1 = Thursday 11/02
        (vn(2027, 2, 3, 9), 1, vn(2027, 2, 11, 9)),
        (vn(2027, 2, 3, 9), 2, vn(2027, 2, 12, 9)),
        # across New Year: Saturday 20/12/2025 counts from Friday's close; 22-26, 29-31/12,
        # 02/01 (01/01 is a holiday), 05-09/01, then Monday 12/01 is the 15th working day.
        (vn(2025, 12, 20, 10), 15, vn(2026, 1, 12, 17)),
        (vn(2026, 1, 10, 10), 0, vn(2026, 1, 10, 10)),
    ],
)
def test_add_working_days(
    cal: WorkingCalendar, start: datetime, n: int, expected: datetime
) -> None:
    assert cal.add_working_days(start, n) == expected


# --- measuring working time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (vn(2026, 1, 5, 11), vn(2026, 1, 5, 14), H),  # across lunch
        (vn(2026, 1, 9, 16), vn(2026, 1, 12, 9, 30), 3 * H),  # across a weekend
        (vn(2026, 1, 10, 9), vn(2026, 1, 11, 15), timedelta()),  # all weekend
        (vn(2025, 12, 31, 16), vn(2026, 1, 2, 8, 30), 2 * H),  # across the year
        (vn(2026, 2, 13, 7, 30), vn(2026, 2, 23, 7, 30), DAY),  # Tết 2026
        (vn(2027, 2, 3, 7, 30), vn(2027, 2, 11, 7, 30), DAY),  # Tết 2027
        (vn(2026, 1, 5, 8), vn(2026, 1, 12, 8), 5 * DAY),
        (vn(2026, 1, 12, 9, 30), vn(2026, 1, 9, 16), -3 * H),  # reversed: negative
    ],
)
def test_working_between(
    cal: WorkingCalendar, a: datetime, b: datetime, expected: timedelta
) -> None:
    assert cal.working_between(a, b) == expected


def test_working_between_over_years_counts_each_year(cal: WorkingCalendar) -> None:
    # Two full years apart equals the sum of both years measured separately.
    first = cal.working_between(vn(2025, 1, 1), vn(2026, 1, 1))
    second = cal.working_between(vn(2026, 1, 1), vn(2027, 1, 1))
    assert cal.working_between(vn(2025, 1, 1), vn(2027, 1, 1)) == first + second
    # 2026 has 261 weekdays; minus 13 weekday holidays (01/01, Tết 16-20/02, 27/04, 30/04,
    # 01/05, 31/08, 01/09, 02/09, 24/11); plus the working Saturday 22/08.
    assert second == (261 - 13 + 1) * DAY


@settings(max_examples=300, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31)),
    minutes=st.integers(min_value=0, max_value=60 * 200),
)
def test_add_working_and_working_between_agree(start: datetime, minutes: int) -> None:
    cal = SHIPPED
    start = start.replace(tzinfo=VN)
    end = cal.add_working(start, timedelta(minutes=minutes))
    assert end >= start
    assert cal.working_between(start, end) == timedelta(minutes=minutes)
    assert cal.working_between(end, start) == -timedelta(minutes=minutes)
