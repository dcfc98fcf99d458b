"""The wall's memory of the cache: loaded once, then kept up by the rows each sync changed.

`refresh(now)` runs on a worker thread (one at a time) after each sync batch. It reads the
rows written since the revision it last saw, diffs them against what it holds (the ticker),
and recounts today's and this week's figures over the few thousand rows in memory. Month
figures (the improved units, the press story) read the cache: last month's once, this
month's at most every MONTH_EVERY while the cache changes (a scan of the table: the cache has
no index on the last update).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta

from console.domain.hue_time import VN_TZ, to_local
from console.domain.reference import Reference
from console.exports.briefing.cases import FetchMedia
from console.exports.briefing.loader import reference_of
from console.store import Cache
from console.store.overdue import UnitPerformance, unit_performance
from console.wall import figures, ticker
from console.wall.rows import WallRow, rows_since, span_rows, tracked_rows
from console.wall.scene import Panel, PanelRow, Spotlight, TickerLine, WallMarker, WallScene
from console.wall.spotlight import Reviewed, spotlight

MONTH_EVERY = timedelta(minutes=10)


def day_start(now: datetime) -> datetime:
    return datetime.combine(to_local(now).date(), time.min, VN_TZ)


def week_start(now: datetime) -> datetime:
    today = to_local(now).date()
    return datetime.combine(today - timedelta(days=today.weekday()), time.min, VN_TZ)


def month_start(now: datetime) -> datetime:
    return datetime.combine(to_local(now).date().replace(day=1), time.min, VN_TZ)


def previous_month_start(start: datetime) -> datetime:
    return month_start(start - timedelta(days=1))


class WallState:
    def __init__(
        self,
        cache: Cache,
        *,
        press: bool = False,
        spotlight_id: int | None = None,
        fetch_media: FetchMedia | None = None,
    ) -> None:
        self.cache = cache
        self.press = press
        self.spotlight_id = spotlight_id
        self._fetch_media = fetch_media
        self.reference: Reference = reference_of(cache)
        self._rows: dict[int, WallRow] = {}
        self._revision: int | None = None
        self._week: datetime | None = None
        self._now: datetime | None = None
        self._ticker: list[TickerLine] = []
        self._month_key: tuple[datetime, int] | None = None
        self._month_at: datetime | None = None
        self._last_month: (
            tuple[datetime, dict[str, UnitPerformance], figures.Tally | None] | None
        ) = None
        self._improved: Panel | None = None
        self._story: tuple[PanelRow, ...] = ()
        self._spotlight: Spotlight | None = None
        self._reviewed: Reviewed = {}
        #: Rows read from the cache by the last refresh (tests and the benchmark look).
        self.rows_read = 0

    # -- keeping up with the cache ------------------------------------------------------

    def _keeps(self, row: WallRow, since: datetime) -> bool:
        return row.updated_at >= since or row.at_unit

    def _load(self, now: datetime) -> None:
        self._revision = self.cache.revision()
        self._week = week_start(now)
        rows = tracked_rows(self.cache, self._week)
        self.rows_read = len(rows)
        self._rows = {row.id: row for row in rows}
        self._ticker = ticker.seed(self._rows.values(), day_start(now), self.reference)

    def _catch_up(self, now: datetime) -> None:
        assert self._revision is not None and self._week is not None
        if self.cache.rebuilt_since(self._revision):
            self._load(now)
            return
        revision = self.cache.revision()
        changed = rows_since(self.cache, self._revision) if revision != self._revision else []
        self._revision = revision
        self.rows_read = len(changed)
        today = day_start(now)
        week = week_start(now)
        previous = self._now
        held = dict(self._rows)
        if week != self._week:
            self._week = week
            self._rows = {i: r for i, r in self._rows.items() if self._keeps(r, week)}
        fresh: list[TickerLine] = []
        for row in changed:
            before = self._rows.get(row.id)
            told = ticker.change(before, row, today, self.reference)
            if told is not None:
                fresh.append(told)
            if self._keeps(row, week):
                self._rows[row.id] = row
            else:
                self._rows.pop(row.id, None)
        if previous is not None:
            fresh.extend(
                ticker.line("overdue", row, self.reference, row.deadline or now)
                for row in self._rows.values()
                if row.overdue(now) and _became_overdue(held.get(row.id), previous)
            )
        self._ticker = ticker.newest([*fresh, *self._ticker])

    # -- the scene ----------------------------------------------------------------------

    def refresh(self, now: datetime) -> WallScene:
        if self._revision is None:
            self._load(now)
        else:
            self._catch_up(now)
        self._now = now
        rows = list(self._rows.values())
        today, week = day_start(now), week_start(now)
        overdue = [row for row in rows if row.overdue(now)]
        self._month_figures(now)
        assert self._improved is not None
        panels = (
            figures.ward_panel(rows, today, week, now, self.reference),
            figures.category_panel(rows, week, now, self.reference),
            self._improved,
        )
        return WallScene(
            now=now,
            markers=self._markers(rows, today, now),
            today=figures.tally(rows, today, now).figures(len(overdue)),
            week=figures.tally(rows, week, now).figures(len(overdue)),
            overdue_by_unit=figures.overdue_by_unit(overdue, self.reference),
            panels=panels,
            ticker=tuple(self._ticker),
            story=self._story if self.press else (),
            spotlight=self._spotlight_now() if self.press else None,
            press=self.press,
        )

    def new_markers(self, ids: Iterable[int]) -> tuple[WallMarker, ...]:
        """Markers of these reports as last refreshed (the pulse of new arrivals)."""
        now = self._now
        if now is None:
            return ()
        found = (self._rows.get(i) for i in ids)
        return tuple(_marker(row, now) for row in found if row is not None and _placed(row))

    def _markers(
        self, rows: Sequence[WallRow], today: datetime, now: datetime
    ) -> tuple[WallMarker, ...]:
        shown = (r for r in rows if _placed(r) and (r.created_at >= today or r.overdue(now)))
        return tuple(_marker(r, now) for r in sorted(shown, key=lambda r: r.id))

    def _month_figures(self, now: datetime) -> None:
        """The month's panel and story: again when the month turns, or when the cache changed
        and MONTH_EVERY has passed."""
        start = month_start(now)
        key = (start, self._revision or 0)
        stale = self._month_key is None or self._month_key[0] != start
        if not stale and self._month_key != key:
            stale = self._month_at is None or now - self._month_at >= MONTH_EVERY
        if not stale:
            return
        self._month_key, self._month_at = key, now
        before, after = self._last_month_figures(start)
        self._improved = figures.improved_panel(
            unit_performance(self.cache, start, now), before, self.reference
        )
        if after is not None:
            before_start = previous_month_start(start)
            same_end = min(start, before_start + (now - start))
            self._story = figures.story(
                figures.tally(span_rows(self.cache, start, now), start, now),
                after,
                figures.tally(
                    span_rows(self.cache, before_start, same_end), before_start, same_end
                ),
            )

    def _last_month_figures(
        self, start: datetime
    ) -> tuple[dict[str, UnitPerformance], figures.Tally | None]:
        """Last month's units and (press mode) tally: read once a month, they are settled."""
        if self._last_month is None or self._last_month[0] != start:
            before = previous_month_start(start)
            tally = None
            if self.press:
                tally = figures.tally(span_rows(self.cache, before, start), before, start)
            self._last_month = (start, unit_performance(self.cache, before, start), tally)
        return self._last_month[1], self._last_month[2]

    def put_in_focus(self, report_id: int | None, reviewed: Reviewed | None = None) -> None:
        """The case the media officer chose (None: no case), with the blur boxes reviewed in
        the briefing wizard (the photos it has not seen are blurred as detected). Called from
        the GUI thread: the next refresh builds it."""
        self._reviewed = dict(reviewed or {})
        self._spotlight = None
        self.spotlight_id = report_id

    def _spotlight_now(self) -> Spotlight | None:
        wanted = self.spotlight_id
        if wanted is None:
            return None
        if self._spotlight is None or self._spotlight.report_id != wanted:
            self._spotlight = spotlight(
                self.cache, wanted, self.reference, self._fetch_media, self._reviewed
            )
        return self._spotlight


def _became_overdue(before: WallRow | None, previous: datetime) -> bool:
    """Held at the last refresh and not overdue then (a report new to the wall is told as
    received, not as overdue)."""
    return before is not None and not before.overdue(previous)


def _placed(row: WallRow) -> bool:
    return row.lat is not None and row.lon is not None


def _marker(row: WallRow, now: datetime) -> WallMarker:
    assert row.lat is not None and row.lon is not None
    return WallMarker(row.id, row.lat, row.lon, row.status, row.overdue(now))
