"""Huế time: the one zone every time an operator sees is given in, whatever the workstation's.

Stored and exchanged times are aware UTC; a display goes through `to_local` or the texts here,
never through the machine's zone (`astimezone()` without a zone, `strftime` on a UTC value,
`date.today()`). Vietnam keeps UTC+7 all year, so a fixed offset is exact without tz data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))
#: The IANA name of the same zone, for libraries that want one (Qt's QTimeZone).
ZONE_NAME = "Asia/Ho_Chi_Minh"


def to_local(moment: datetime) -> datetime:
    """`moment` on Vietnam's clock (a naive value is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ)


def local_date(moment: datetime) -> date:
    """The day it is in Huế at `moment`."""
    return to_local(moment).date()


def time_text(moment: datetime | None, empty: str = "") -> str:
    """'14:30 05/01/2026' in Huế time; `empty` for no time."""
    return empty if moment is None else f"{to_local(moment):%H:%M %d/%m/%Y}"


def date_text(day: date | datetime) -> str:
    """'05/01/2026'; a datetime is read on Huế's clock first."""
    if isinstance(day, datetime):
        day = local_date(day)
    return f"{day:%d/%m/%Y}"


def day_start(day: date) -> datetime:
    """00:00 of `day` in Huế, as an aware UTC moment."""
    return datetime.combine(day, time.min, VN_TZ).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class DaySpan:
    """Whole days in Huế, `first` to `last` included: [first 00:00, last+1 00:00) Huế time.
    What the dashboard, the briefing and the period report count over."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def start(self) -> datetime:
        return day_start(self.first)

    @property
    def end(self) -> datetime:
        return day_start(self.last + timedelta(days=1))

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]
