"""The working calendar the deadlines count on: office hours, public holidays, swapped days.

Days are Huế's (console.domain.hue_time; VN_TZ and to_local are re-exported here).
Naive datetimes are taken as UTC (like `model.parse_time`); results are aware UTC.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml

from console.domain.hue_time import VN_TZ as VN_TZ
from console.domain.hue_time import to_local as to_local
from console.domain.yaml_rules import load_yaml
from console.paths import RESOURCES_DIR

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class RulesError(ValueError):
    """A rules file (calendar, SLA, escalation) that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class _HolidayYear:
    names: dict[date, str]
    swapped_workdays: frozenset[date]


def _parse_clock(raw: Any, where: str) -> time:
    if not isinstance(raw, str):
        raise RulesError(f'{where}: giờ phải viết trong ngoặc kép dạng "HH:MM" (nhận {raw!r}).')
    try:
        return time.fromisoformat(raw)
    except ValueError as exc:
        raise RulesError(f"{where}: giờ {raw!r} không hợp lệ.") from exc


def _parse_date(raw: Any, where: str) -> date:
    if isinstance(raw, dict):
        raw = raw.get("date")
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise RulesError(f"{where}: ngày {raw!r} không hợp lệ (cần dạng YYYY-MM-DD).")


class WorkingCalendar:
    """Office hours on working days, in Vietnam time.

    A day is a working day if it is declared a working day (a swapped Saturday) or else
    a usual weekday that is neither a public holiday nor a declared day off. The swaps the
    `holidays` package knows (its `weekend_workdays`) count as declared working days.
    """

    def __init__(
        self,
        *,
        weekdays: frozenset[int] = frozenset(range(5)),
        office_hours: tuple[tuple[time, time], ...] = (
            (time(7, 30), time(11, 30)),
            (time(13, 30), time(17, 0)),
        ),
        public_holidays: bool = True,
        days_off: frozenset[date] = frozenset(),
        working_days: frozenset[date] = frozenset(),
    ) -> None:
        if not weekdays:
            raise RulesError("Lịch làm việc phải có ít nhất một ngày làm việc trong tuần.")
        if not office_hours:
            raise RulesError("Lịch làm việc phải có ít nhất một khoảng giờ làm việc.")
        previous_end = time.min
        for start, end in office_hours:
            if not previous_end <= start < end:
                raise RulesError(
                    f"Khoảng giờ làm việc {start:%H:%M}-{end:%H:%M} không hợp lệ "
                    "(phải tăng dần và không chồng lấn)."
                )
            previous_end = end
        self.weekdays = weekdays
        self.office_hours = office_hours
        self.public_holidays = public_holidays
        self.days_off = days_off
        self.working_days = working_days
        self._periods = tuple(
            (timedelta(hours=s.hour, minutes=s.minute), timedelta(hours=e.hour, minutes=e.minute))
            for s, e in office_hours
        )
        #: Working time in one working day (7 h 30 min by default).
        self.day_length = sum((e - s for s, e in self._periods), timedelta())
        self._years: dict[int, _HolidayYear] = {}
        self._prefix: dict[int, list[timedelta]] = {}
        self._working: dict[date, bool] = {}
        self._ordinals: dict[int, list[int]] = {}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> WorkingCalendar:
        names = config.get("working_weekdays", list(WEEKDAY_NAMES[:5]))
        try:
            weekdays = frozenset(WEEKDAY_NAMES.index(str(n).lower()[:3]) for n in names)
        except ValueError as exc:
            raise RulesError(f"working_weekdays: tên ngày không hợp lệ trong {names!r}.") from exc
        raw_hours = config.get("office_hours") or []
        hours = tuple(
            (
                _parse_clock(item.get("start"), "office_hours"),
                _parse_clock(item.get("end"), "office_hours"),
            )
            for item in raw_hours
            if isinstance(item, dict)
        )
        if len(hours) != len(raw_hours):
            raise RulesError('office_hours: mỗi khoảng cần dạng {start: "HH:MM", end: "HH:MM"}.')
        return cls(
            weekdays=weekdays,
            office_hours=hours,
            public_holidays=bool(config.get("public_holidays", True)),
            days_off=frozenset(_parse_date(d, "days_off") for d in config.get("days_off") or []),
            working_days=frozenset(
                _parse_date(d, "working_days") for d in config.get("working_days") or []
            ),
        )

    def to_json(self) -> dict[str, Any]:
        """The configuration, in the shape `from_config` reads."""
        return {
            "working_weekdays": [WEEKDAY_NAMES[i] for i in sorted(self.weekdays)],
            "office_hours": [
                {"start": f"{s:%H:%M}", "end": f"{e:%H:%M}"} for s, e in self.office_hours
            ],
            "public_holidays": self.public_holidays,
            "days_off": [d.isoformat() for d in sorted(self.days_off)],
            "working_days": [d.isoformat() for d in sorted(self.working_days)],
        }

    def _holiday_year(self, year: int) -> _HolidayYear:
        cached = self._years.get(year)
        if cached is None:
            if self.public_holidays:
                # Imported on first use: 40 ms of the window's start for a table needed later.
                from holidays import country_holidays

                table = country_holidays("VN", language="vi", years=year)
                cached = _HolidayYear(dict(table.items()), frozenset(table.weekend_workdays))
            else:
                cached = _HolidayYear({}, frozenset())
            self._years[year] = cached
        return cached

    def public_holiday_names(self, year: int) -> dict[date, str]:
        """Public holidays of `year` with their Vietnamese names (for the reference data)."""
        return dict(sorted(self._holiday_year(year).names.items()))

    def is_working_day(self, d: date) -> bool:
        known = self._working.get(d)
        if known is None:
            known = self._working[d] = self._decide_working_day(d)
        return known

    def _decide_working_day(self, d: date) -> bool:
        if d in self.days_off:
            return False
        if d in self.working_days:
            return True
        if d in self._holiday_year(d.year).names:
            return False
        # A swap announced late in a year can belong to the next year's holiday table.
        if d in self._holiday_year(d.year).swapped_workdays or (
            d.month == 12 and d in self._holiday_year(d.year + 1).swapped_workdays
        ):
            return True
        return d.weekday() in self.weekdays

    def _next_working_day(self, d: date, step: int = 1) -> date:
        d += timedelta(days=step)
        while not self.is_working_day(d):
            d += timedelta(days=step)
        return d

    def _worked_in_day(self, d: date, since_midnight: timedelta) -> timedelta:
        """Working time on day `d` between midnight and `since_midnight`."""
        if not self.is_working_day(d):
            return timedelta()
        return sum((min(e, max(s, since_midnight)) - s for s, e in self._periods), timedelta())

    def _year_prefix(self, year: int) -> list[timedelta]:
        """Working time from 1 January to the start of each day of `year` (and to its end)."""
        prefix = self._prefix.get(year)
        if prefix is None:
            prefix = [timedelta()]
            d = date(year, 1, 1)
            while d.year == year:
                prefix.append(
                    prefix[-1] + (self.day_length if self.is_working_day(d) else timedelta())
                )
                d += timedelta(days=1)
            self._prefix[year] = prefix
        return prefix

    def _working_ordinals(self, year: int) -> list[int]:
        ordinals = self._ordinals.get(year)
        if ordinals is None:
            first = date(year, 1, 1).toordinal()
            ordinals = [
                first + i
                for i in range(date(year + 1, 1, 1).toordinal() - first)
                if self.is_working_day(date.fromordinal(first + i))
            ]
            self._ordinals[year] = ordinals
        return ordinals

    def _since_new_year(self, local: datetime) -> timedelta:
        d = local.date()
        start_of_day = self._year_prefix(d.year)[d.timetuple().tm_yday - 1]
        since_midnight = local - datetime.combine(d, time.min, VN_TZ)
        return start_of_day + self._worked_in_day(d, since_midnight)

    def working_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from `a` to `b`; negative when `b` is before `a`."""
        if b < a:
            return -self.working_between(b, a)
        la, lb = to_local(a), to_local(b)
        whole_years = sum((self._year_prefix(y)[-1] for y in range(la.year, lb.year)), timedelta())
        return whole_years + self._since_new_year(lb) - self._since_new_year(la)

    def add_working(self, start: datetime, delta: timedelta) -> datetime:
        """The moment `delta` of working time after `start`.

        Time outside office hours does not count, so a start at night begins counting at the
        next office period; an end exactly on a period's close stays there (17:00, not 07:30).
        """
        if delta < timedelta():
            raise ValueError("add_working needs a non-negative duration")
        local = to_local(start)
        if not delta:
            return local.astimezone(UTC)
        day = local.date()
        cursor = local - datetime.combine(day, time.min, VN_TZ)
        remaining = delta
        while True:
            if self.is_working_day(day):
                for s, e in self._periods:
                    begin = max(cursor, s)
                    if begin >= e:
                        continue
                    if remaining <= e - begin:
                        moment = datetime.combine(day, time.min, VN_TZ) + begin + remaining
                        return moment.astimezone(UTC)
                    remaining -= e - begin
            day = self._next_working_day(day)
            cursor = timedelta()

    def _clamp_back(self, local: datetime) -> tuple[date, timedelta]:
        """The latest working instant at or before `local`, as (day, time since midnight)."""
        day = local.date()
        since_midnight = local - datetime.combine(day, time.min, VN_TZ)
        if self.is_working_day(day):
            for s, e in reversed(self._periods):
                if since_midnight >= s:
                    return day, min(since_midnight, e)
        return self._next_working_day(day, -1), self._periods[-1][1]

    def add_working_days(self, start: datetime, n: int) -> datetime:
        """The same clock time `n` working days after `start`.

        A start outside office hours is first moved back to the close of the office period
        before it (working time is the same as at the next opening), so a report received on
        Saturday, at night or at lunch is due at 17:00 (or 11:30) of the n-th working day
        counted from the next opening: the administrative "n working days" rule.
        """
        if n < 0:
            raise ValueError("add_working_days needs n >= 0")
        local = to_local(start)
        if n == 0:
            return local.astimezone(UTC)
        day, clock = self._clamp_back(local)
        year = day.year
        days = self._working_ordinals(year)
        i = bisect_right(days, day.toordinal()) + n - 1
        while i >= len(days):
            i -= len(days)
            year += 1
            days = self._working_ordinals(year)
        day = date.fromordinal(days[i])
        return (datetime.combine(day, time.min, VN_TZ) + clock).astimezone(UTC)


def load_calendar(path: Path | None = None) -> WorkingCalendar:
    """The working calendar from `path` (default: console/resources/calendar.yaml)."""
    return WorkingCalendar.from_config(read_yaml(path or RESOURCES_DIR / "calendar.yaml"))


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"Không đọc được tệp quy tắc {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"Tệp quy tắc {path} phải là một bảng khóa: giá trị.")
    return data
