"""The span a period report covers: a month, a quarter, a year or any run of whole days, in
Vietnam time, and the period it is compared with (the month, quarter or year before; for
any other span, the same number of days just before)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from console.domain.hue_time import DaySpan

KINDS = ("month", "quarter", "year", "span")
_KIND_VI = {"month": "tháng", "quarter": "quý", "year": "năm"}
#: A year, leap or not, is the longest a report covers.
MAX_DAYS = 366
_ROMAN = ("I", "II", "III", "IV")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})-?Q([1-4])\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


class InvalidPeriod(ValueError):
    """A period that cannot be reported on; the message (Vietnamese) says why."""


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ReportPeriod(DaySpan):
    """The days a period report covers, and what kind of period they make."""

    kind: str = "span"

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        return cls(date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportPeriod:
        first_month = 3 * (quarter - 1) + 1
        return cls(date(year, first_month, 1), _month_end(year, first_month + 2), "quarter")

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def of(cls, first: date, last: date) -> ReportPeriod:
        """The span from `first` to `last`, named when it is exactly a month, quarter or year."""
        if last < first:
            raise InvalidPeriod(
                f"Ngày kết thúc {last:%d/%m/%Y} trước ngày bắt đầu {first:%d/%m/%Y}."
            )
        if (last - first).days + 1 > MAX_DAYS:
            raise InvalidPeriod(
                f"Kỳ báo cáo dài {(last - first).days + 1} ngày, quá {MAX_DAYS} ngày."
            )
        for named in (
            cls.year(first.year),
            cls.quarter(first.year, (first.month - 1) // 3 + 1),
            cls.month(first.year, first.month),
        ):
            if (named.first, named.last) == (first, last):
                return named
        return cls(first, last)

    def previous(self) -> ReportPeriod:
        """The month, quarter or year before; for a span, as many days just before."""
        day_before = self.first - timedelta(days=1)
        if self.kind == "month":
            return ReportPeriod.month(day_before.year, day_before.month)
        if self.kind == "quarter":
            return ReportPeriod.quarter(day_before.year, (day_before.month - 1) // 3 + 1)
        if self.kind == "year":
            return ReportPeriod.year(day_before.year)
        return ReportPeriod(self.first - timedelta(days=self.days), day_before)

    @property
    def name(self) -> str:
        """'tháng 11 năm 2026', 'quý IV năm 2026', 'năm 2026' or 'từ ngày ... đến ngày ...'."""
        if self.kind == "month":
            return f"tháng {self.first.month:02d} năm {self.first.year}"
        if self.kind == "quarter":
            return f"quý {_ROMAN[(self.first.month - 1) // 3]} năm {self.first.year}"
        if self.kind == "year":
            return f"năm {self.first.year}"
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    @property
    def dates(self) -> str:
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    @property
    def label(self) -> str:
        """'2026-11', '2026-Q4', '2026' or '20261101-20261115'."""
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.first.year)
        return f"{self.first:%Y%m%d}-{self.last:%Y%m%d}"


def parse_named(text: str) -> ReportPeriod:
    """'2026-11', '2026-Q4' or '2026' -> the period; InvalidPeriod with the reason otherwise."""
    if match := _QUARTER.match(text):
        return ReportPeriod.quarter(int(match.group(1)), int(match.group(2)))
    if match := _MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise InvalidPeriod(f"Tháng '{text}' không có: tháng từ 01 đến 12.")
        return ReportPeriod.month(year, month)
    if match := _YEAR.match(text):
        return ReportPeriod.year(int(match.group(1)))
    raise InvalidPeriod(
        f"Kỳ '{text}' không đúng dạng: tháng NNNN-TT (2026-11), quý NNNN-Qn (2026-Q4) hoặc năm NNNN."
    )


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidPeriod(
            f"Ngày '{text}' không đúng dạng NNNN-TT-NN (ví dụ 2026-11-01)."
        ) from exc


def period_from_args(
    *, first: str | None, last: str | None, kind: str | None, named: str | None
) -> ReportPeriod:
    """The CLI's choices as one period; `kind`, if given, must match the span."""
    if named is not None:
        period = parse_named(named)
    elif first is not None and last is not None:
        period = ReportPeriod.of(parse_day(first), parse_day(last))
    else:
        raise InvalidPeriod("Cần chọn kỳ: --month, --quarter, --year, hoặc cả --from và --to.")
    if kind is not None and kind != period.kind:
        raise InvalidPeriod(
            f"Khoảng {period.dates} không phải một {_KIND_VI.get(kind, kind)} trọn vẹn."
        )
    return period
