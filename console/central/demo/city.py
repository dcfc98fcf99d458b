"""The demo city's tables, computed once per run: when reports arrive, where, about what, from whom.

Everything is precomputed into cumulative-weight lists so that drawing one report is a few
`bisect` calls on one `random.Random`; that is what keeps 200,000 reports fast.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

import holidays

from console.central.demo import names
from console.domain.calendar import VN_TZ
from console.domain.model import Ward
from console.domain.reference import Reference
from console.domain.routing import NoRoute, suggest_unit

T = TypeVar("T")

DAY = 86_400.0
SPAN_DAYS = 730
#: Reports a day the Center works on now (Huế: 70-100); a small demo city is shaped to it.
RECENT_DAILY = 60.0
RECENT_SCALE_DAYS = 30.0
#: The day the 40 new phường/xã took over from the former districts and wards.
MERGER = datetime(2025, 7, 1, tzinfo=VN_TZ).timestamp()
CITY_BOX = (15.99, 16.75, 107.01, 108.22)
#: About 600 m in degrees at Huế's latitude.
SIGMA_LAT = 0.0054
SIGMA_LON = 0.0056

CATEGORY_WEIGHTS = {
    "environment": 22.0,
    "urban-order": 16.0,
    "roads": 16.0,
    "lighting": 11.0,
    "water": 9.0,
    "trees": 7.0,
    "security": 6.0,
    "tourism": 3.0,
    "consumer": 2.0,
    "telecom": 3.0,
    "transport": 2.0,
    "heritage": 3.0,
}
#: Category multipliers in a storm or flood week and around Tết.
STORM_BOOST = {"water": 6.0, "trees": 7.0, "lighting": 2.0, "roads": 1.5, "environment": 1.5}
TET_BOOST = {
    "environment": 1.6,
    "tourism": 3.0,
    "consumer": 3.0,
    "security": 2.0,
    "urban-order": 1.5,
    "heritage": 2.0,
}
#: The old city centre is busiest; current ward codes not listed weigh 1 (phường) or 0.7 (xã).
WARD_WEIGHTS = {
    "phu-xuan": 10.0,
    "thuan-hoa": 10.0,
    "vy-da": 6.0,
    "an-cuu": 6.0,
    "kim-long": 4.0,
    "thuy-xuan": 4.0,
    "huong-an": 3.0,
    "my-thuong": 3.0,
    "thuan-an": 3.0,
    "huong-thuy": 3.5,
    "phu-bai": 3.0,
    "duong-no": 2.0,
    "thanh-thuy": 2.0,
    "huong-tra": 2.5,
}
CHANNEL_WEIGHTS = {
    "app": 55.0,
    "portal": 15.0,
    "hotline": 10.0,
    "zalo": 10.0,
    "facebook": 6.0,
    "email": 4.0,
}
#: Local hour of day -> relative share of reports.
HOUR_WEIGHTS = (1, 0.5, 0.3, 0.3, 0.5, 1.5, 4, 7, 9, 9, 8, 7, 5, 4, 6, 7, 7, 6, 5, 5, 4, 3, 2, 1.5)
#: Day weight multiplier per mood: usual, storm or flood, Tết.
MOOD_FACTOR = (1.0, 3.5, 2.2)
PREFIXES = ("Phường ", "Xã ", "Thị trấn ", "Thị xã ", "Huyện ")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """`rng.choice`, without its overhead (it is called millions of times)."""
    return items[int(rng.random() * len(items))]


def between(rng: random.Random, low: int, high: int) -> int:
    """`rng.randint`, without its overhead."""
    return low + int(rng.random() * (high - low + 1))


class Picker(Generic[T]):
    """Weighted choice with a precomputed cumulative table."""

    __slots__ = ("cumulative", "items", "total")

    def __init__(self, weighted: list[tuple[T, float]]) -> None:
        self.items = [item for item, _ in weighted]
        self.cumulative = list(itertools.accumulate(w for _, w in weighted))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.total)]


def short_name(name: str) -> str:
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _tet_days(first: date, last: date) -> set[date]:
    """Days from a week before to a week after each Lunar New Year in the span."""
    days: set[date] = set()
    table = holidays.country_holidays(
        "VN", years=range(first.year, last.year + 2), language="en_US"
    )
    for day, name in table.items():
        if name == "Lunar New Year":
            days.update(day + timedelta(days=k) for k in range(-7, 8))
    return days


def _storm_days(first: date, last: date) -> set[date]:
    """A mid-September storm and the late-October flood week of every year."""
    days: set[date] = set()
    for year in range(first.year, last.year + 1):
        days.update(date(year, 9, 15) + timedelta(days=k) for k in range(4))
        days.update(date(year, 10, 27) + timedelta(days=k) for k in range(8))
    return days


@dataclass(frozen=True, slots=True)
class Place:
    """Where a report is: ward code, names for text, the centre of its scatter."""

    code: str
    name: str
    short: str
    streets: tuple[str, ...]
    lat: float
    lon: float


class City:
    """The reference data of Huế turned into the weighted tables the generator draws from."""

    def __init__(self, reference: Reference, now: datetime) -> None:
        self.reference = reference
        self.now = now.timestamp()
        categories = [c.code for c in reference.categories]
        self.categories = categories
        base = {c: CATEGORY_WEIGHTS.get(c, 2.0) for c in categories}
        self.by_mood = [
            Picker([(c, base[c]) for c in categories]),
            Picker([(c, base[c] * STORM_BOOST.get(c, 1.0)) for c in categories]),
            Picker([(c, base[c] * TET_BOOST.get(c, 1.0)) for c in categories]),
        ]
        current = reference.current_wards()
        self.places = {w.code: self._place(w) for w in reference.wards}
        self.wards = Picker(
            [
                (w.code, WARD_WEIGHTS.get(w.code, 1.0 if w.kind == "phuong" else 0.7))
                for w in current
            ]
        )
        formers: dict[str, list[str]] = {}
        for ward in reference.wards:
            if ward.kind == "former" and ward.successor:
                formers.setdefault(ward.successor, []).append(ward.code)
        self.formers = {k: tuple(v) for k, v in formers.items()}
        self.successor = {
            w.code: (reference.current_ward(w.code) or w).code for w in reference.wards
        }
        self.channels = Picker(
            [(code, CHANNEL_WEIGHTS.get(code, 2.0)) for code in reference.channels] or [("app", 1)]
        )
        self.hours = Picker(list(enumerate(HOUR_WEIGHTS)))
        self._routes: dict[tuple[str, str], str | None] = {}
        self.unit_names = {u.code: u.name for u in reference.units}
        self.spare_units = tuple(u.code for u in reference.active_units())
        self._days()

    def _place(self, ward: Ward) -> Place:
        home = ward
        if ward.kind == "former" and ward.successor:
            home = self.reference.current_ward(ward.code) or ward
        return Place(
            ward.code,
            ward.name,
            short_name(ward.name),
            names.STREETS.get(short_name(home.name), ()),
            ward.lat,
            ward.lon,
        )

    def _days(self) -> None:
        """Local days of the span with their mood (0 usual, 1 storm, 2 Tết) and the weight of
        an ordinary two-year city: weekends quieter, use of Hue-S growing, storms and Tết busy."""
        today = datetime.fromtimestamp(self.now, VN_TZ).date()
        first = today - timedelta(days=SPAN_DAYS - 1)
        tet, storm = _tet_days(first, today), _storm_days(first, today)
        self.day_starts: list[float] = []
        self.day_moods: list[int] = []
        self.day_factors: list[float] = []
        for k in range(SPAN_DAYS):
            day = first + timedelta(days=k)
            mood = 1 if day in storm else 2 if day in tet else 0
            factor = (0.8 if day.weekday() >= 5 else 1.0) * MOOD_FACTOR[mood]
            self.day_starts.append(datetime(day.year, day.month, day.day, tzinfo=VN_TZ).timestamp())
            self.day_moods.append(mood)
            self.day_factors.append(factor)
        elapsed_hours = (self.now - self.day_starts[-1]) / 3600
        whole = int(elapsed_hours)
        done = sum(HOUR_WEIGHTS[:whole]) + (elapsed_hours - whole) * HOUR_WEIGHTS[min(whole, 23)]
        #: How much of an ordinary day's reports have arrived so far today.
        self.today_share = max(0.01, done / sum(HOUR_WEIGHTS))

    def day_picker(self, count: int) -> Picker[int]:
        """Which day a report arrives, for a city of `count` reports.

        Two years with slowly growing use, plus, when that leaves the last weeks quieter than
        the Center's real load (RECENT_DAILY), a share of reports concentrated in recent weeks
        (an exponential of scale RECENT_SCALE_DAYS), so that a demo of a few thousand reports
        still has a working queue at any hour instead of one report a day.
        """
        growth = [0.8 + 0.4 * k / SPAN_DAYS for k in range(SPAN_DAYS)]
        recent = [math.exp((k - SPAN_DAYS + 1) / RECENT_SCALE_DAYS) for k in range(SPAN_DAYS)]
        growth_total, recent_total = sum(growth), sum(recent)
        spread_last = count * growth[-1] / growth_total
        recent_last = count * recent[-1] / recent_total
        share = 0.0
        if spread_last < RECENT_DAILY < recent_last:
            share = (RECENT_DAILY - spread_last) / (recent_last - spread_last)
        elif recent_last <= RECENT_DAILY:
            share = 1.0
        weighted = []
        for k in range(SPAN_DAYS):
            base = (1 - share) * growth[k] / growth_total + share * recent[k] / recent_total
            weight = base * self.day_factors[k]
            if k == SPAN_DAYS - 1:
                weight *= self.today_share
            weighted.append((k, weight))
        return Picker(weighted)

    def arrival_times(self, count: int, rng: random.Random) -> list[tuple[float, int]]:
        """`count` sorted creation times (epoch seconds) with the mood of their day."""
        out: list[tuple[float, int]] = []
        days = self.day_picker(count)
        cumulative, total = days.cumulative, days.total
        for i in range(count):
            k = bisect.bisect(cumulative, (i + rng.random()) / count * total)
            k = min(k, SPAN_DAYS - 1)
            out.append((self._moment(self.day_starts[k], rng), self.day_moods[k]))
        out.sort()
        return out

    def _moment(self, day_start: float, rng: random.Random) -> float:
        """A time of day by the hourly pattern, before `now` (today is still going on)."""
        for _ in range(48):
            moment = day_start + self.hours.pick(rng) * 3600 + rng.random() * 3600
            if moment < self.now:
                return float(int(moment))
        return float(int(self.now - rng.random() * min(3600.0, self.now - day_start)))

    def ward_for(self, rng: random.Random, moment: float) -> str:
        code = self.wards.pick(rng)
        if moment < MERGER and code in self.formers and rng.random() < 0.55:
            return pick(rng, self.formers[code])
        return code

    def position(self, rng: random.Random, ward: str) -> tuple[float, float]:
        place = self.places[ward]
        lat = min(max(rng.gauss(place.lat, SIGMA_LAT), CITY_BOX[0]), CITY_BOX[1])
        lon = min(max(rng.gauss(place.lon, SIGMA_LON), CITY_BOX[2]), CITY_BOX[3])
        return round(lat, 6), round(lon, 6)

    def route(self, category: str, ward: str) -> str | None:
        key = (category, ward)
        if key not in self._routes:
            try:
                self._routes[key] = suggest_unit(self.reference, category, ward).unit
            except NoRoute:
                self._routes[key] = None
        return self._routes[key]

    def wrong_unit(self, rng: random.Random, right: str) -> str:
        """A unit an operator might assign by mistake (it will return the report)."""
        for _ in range(5):
            unit = pick(rng, self.spare_units)
            if unit != right:
                return unit
        return right
