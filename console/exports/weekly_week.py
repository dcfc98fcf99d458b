"""The reporting week: an ISO week in Vietnam time, and its bounds as cache time strings.

A week runs from Monday 00:00 to the next Monday 00:00, Vietnam time (UTC+7, no daylight
saving). The cache stores times as ISO UTC text ("...Z", with or without microseconds); the
bounds carry ".000000Z" so that plain text comparison orders every stored form correctly
("17:00:00Z" is not below "17:00:00.000000Z", "16:59:59.5Z" is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from console.domain.calendar import VN_TZ
from console.domain.hue_time import local_date

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


class InvalidWeek(ValueError):
    """The week asked for cannot be reported; the message (Vietnamese) says why."""


@dataclass(frozen=True, slots=True)
class Week:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def start(self) -> datetime:
        """Monday 00:00 Vietnam time (aware)."""
        return datetime.combine(self.monday, datetime.min.time(), VN_TZ)

    @property
    def end(self) -> datetime:
        """The next Monday 00:00 Vietnam time (aware, excluded)."""
        return self.start + timedelta(days=7)


def parse_week(text: str) -> Week:
    """'2026-W47' (or '2026W47') -> Week; InvalidWeek with the reason otherwise."""
    match = _WEEK.match(text)
    if match is None:
        raise InvalidWeek(f"Tuần '{text}' không đúng dạng NNNN-Wtt (ví dụ 2026-W47).")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError as exc:
        raise InvalidWeek(f"Năm {year} không có tuần {number} theo lịch ISO.") from exc
    return Week(year, number)


def week_of(moment: datetime) -> Week:
    """The week holding `moment` (read in Vietnam time)."""
    iso = local_date(moment).isocalendar()
    return Week(iso.year, iso.week)


def bound(moment: datetime) -> str:
    """A cache time string for comparisons with stored times (see the module docstring)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
