"""The period a briefing covers, in Vietnam time, and the period it is compared with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from console.domain.hue_time import DaySpan

#: Longer periods make slides nobody can read; a year is the most a press visit needs.
MAX_DAYS = 366


class InvalidPeriod(ValueError):
    """A period that cannot be briefed on; the message (Vietnamese) says why."""


@dataclass(frozen=True, slots=True)
class Period(DaySpan):
    """The days a briefing covers."""

    @classmethod
    def checked(cls, first: date, last: date) -> Period:
        if last < first:
            raise InvalidPeriod(
                f"Ngày kết thúc {last:%d/%m/%Y} trước ngày bắt đầu {first:%d/%m/%Y}."
            )
        if (last - first).days + 1 > MAX_DAYS:
            raise InvalidPeriod(
                f"Khoảng thời gian dài {(last - first).days + 1} ngày, quá {MAX_DAYS} ngày."
            )
        return cls(first, last)

    def previous(self) -> Period:
        """The same number of days just before."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    @property
    def label(self) -> str:
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    @property
    def short(self) -> str:
        return f"{self.first:%d/%m/%Y} - {self.last:%d/%m/%Y}"

    @property
    def slug(self) -> str:
        return f"{self.first:%Y%m%d}-{self.last:%Y%m%d}"
