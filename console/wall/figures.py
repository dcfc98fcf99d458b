"""The wall's figures and panels, with the console's own definitions.

- Received: created in the span. Handled: result posted in the span (`resolved_at`), as the
  briefing counts it. On time: console.exports.briefing.figures.is_on_time's rule over the
  handled. Satisfaction: the mean rating given in the span (last update in it).
- Overdue: console.domain.lateness (as the queue's Overdue tab and the dashboard count).
- Units that improved: console.store.overdue.unit_performance this month so far against the
  whole of last month.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from console.domain.reference import Reference
from console.store.overdue import UnitPerformance
from console.wall.rows import WallRow
from console.wall.scene import FigureSet, Panel, PanelRow, UnitCount

TOP = 8
#: A unit needs this many reports handled in each month to be ranked on improvement.
MIN_HANDLED = 5
IMPROVED_NOTE = (
    f"Tỷ lệ đúng hạn tháng này so với tháng trước; đơn vị có ít nhất {MIN_HANDLED}"
    " phản ánh đã xử lý mỗi tháng"
)


def _in(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


@dataclass(frozen=True, slots=True)
class Tally:
    received: int
    handled: int
    on_time: int
    ratings: tuple[int, ...]
    hours: tuple[float, ...]

    def figures(self, overdue: int) -> FigureSet:
        return FigureSet(
            received=self.received,
            handled=self.handled,
            on_time=self.on_time / self.handled if self.handled else None,
            satisfaction=statistics.fmean(self.ratings) if self.ratings else None,
            overdue=overdue,
        )

    @property
    def median_hours(self) -> float | None:
        return statistics.median(self.hours) if self.hours else None


def tally(rows: Iterable[WallRow], start: datetime, end: datetime) -> Tally:
    received = 0
    handled: list[WallRow] = []
    ratings: list[int] = []
    for row in rows:
        if _in(row.created_at, start, end):
            received += 1
        if _in(row.resolved_at, start, end):
            handled.append(row)
        if row.rating is not None and 1 <= row.rating <= 5 and _in(row.updated_at, start, end):
            ratings.append(row.rating)
    return Tally(
        received=received,
        handled=len(handled),
        on_time=sum(1 for r in handled if r.on_time),
        ratings=tuple(ratings),
        hours=tuple(
            (r.resolved_at - r.created_at).total_seconds() / 3600
            for r in handled
            if r.resolved_at is not None
        ),
    )


def overdue_by_unit(
    overdue: Iterable[WallRow], reference: Reference, top: int = TOP
) -> tuple[UnitCount, ...]:
    counts = Counter(row.unit or "" for row in overdue)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return tuple(
        UnitCount(code, reference.unit_name(code) if code else "Chưa rõ đơn vị", n)
        for code, n in ranked
    )


def _share(value: float, largest: float) -> float:
    return value / largest if largest > 0 else 0.0


def ward_panel(
    rows: Sequence[WallRow],
    day_start: datetime,
    week_start: datetime,
    end: datetime,
    ref: Reference,
) -> Panel:
    week = Counter(r.ward for r in rows if _in(r.created_at, week_start, end))
    today = Counter(r.ward for r in rows if _in(r.created_at, day_start, end))
    ranked = sorted(week.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    largest = ranked[0][1] if ranked else 0
    return Panel(
        key="wards",
        title="Theo phường/xã",
        rows=tuple(
            PanelRow(ref.ward_name(code), f"{today[code]} / {n}", _share(n, largest))
            for code, n in ranked
        ),
        note="Tiếp nhận hôm nay / tuần này",
    )


def category_panel(
    rows: Sequence[WallRow], week_start: datetime, end: datetime, ref: Reference
) -> Panel:
    week = Counter(r.category for r in rows if _in(r.created_at, week_start, end))
    ranked = sorted(week.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    largest = ranked[0][1] if ranked else 0
    return Panel(
        key="categories",
        title="Theo lĩnh vực",
        rows=tuple(
            PanelRow(ref.category_name(code), str(n), _share(n, largest)) for code, n in ranked
        ),
        note="Tiếp nhận tuần này",
    )


def improved_panel(
    this_month: dict[str, UnitPerformance],
    last_month: dict[str, UnitPerformance],
    ref: Reference,
) -> Panel:
    gains: list[tuple[float, float, str]] = []
    for unit, now in this_month.items():
        before = last_month.get(unit)
        if before is None or now.handled < MIN_HANDLED or before.handled < MIN_HANDLED:
            continue
        rate, old = now.on_time_rate, before.on_time_rate
        if rate is not None and old is not None and rate > old:
            gains.append((rate - old, rate, unit))
    gains.sort(key=lambda g: (-g[0], g[2]))
    top = gains[:TOP]
    largest = top[0][0] if top else 0.0
    return Panel(
        key="improved",
        title="Đơn vị tiến bộ nhất tháng",
        rows=tuple(
            PanelRow(ref.unit_name(unit), f"+{gain:.0f} điểm ({rate:.0f}%)", _share(gain, largest))
            for gain, rate, unit in top
        ),
        note=IMPROVED_NOTE,
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _decimal(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + unit


def story(current: Tally, previous: Tally, same_span: Tally) -> tuple[PanelRow, ...]:
    """This month so far, one line per figure: counts against the same days of last month
    (a month begun a week ago is not compared with a whole one), rates against last month."""
    now, before, same = current.figures(0), previous.figures(0), same_span.figures(0)

    def line(
        label: str, shown: str, was: str, value: float | None, other: float | None
    ) -> PanelRow:
        largest = max(value or 0.0, other or 0.0)
        return PanelRow(label, f"{shown} ({was})", _share(value or 0.0, largest))

    def rate(figures: FigureSet) -> float | None:
        return None if figures.on_time is None else 100 * figures.on_time

    return (
        line(
            "Tiếp nhận",
            str(now.received),
            f"cùng kỳ tháng trước {same.received}",
            now.received,
            same.received,
        ),
        line(
            "Đã xử lý",
            str(now.handled),
            f"cùng kỳ tháng trước {same.handled}",
            now.handled,
            same.handled,
        ),
        line(
            "Đúng hạn",
            _percent(rate(now)),
            f"tháng trước {_percent(rate(before))}",
            rate(now),
            rate(before),
        ),
        line(
            "Hài lòng",
            _decimal(now.satisfaction, "/5"),
            f"tháng trước {_decimal(before.satisfaction, '/5')}",
            now.satisfaction,
            before.satisfaction,
        ),
        line(
            "Xử lý trong (trung vị)",
            _decimal(current.median_hours, " giờ"),
            f"tháng trước {_decimal(previous.median_hours, ' giờ')}",
            current.median_hours,
            previous.median_hours,
        ),
    )
