"""The operator's queue without Qt: filters, saved views and the default order.

At 200,000 rows a filter change must show in about 100 ms, so filtering runs over rows
already in memory (a `QueueIndex`: numpy columns for the pick lists, each row's folded
`search_key` for the text), never as a SQL query per keystroke.
"""

from __future__ import annotations

import json
import logging
import os
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.domain.calendar import VN_TZ
from console.domain.lateness import is_overdue
from console.domain.model import Report, Status, Urgency
from console.domain.text import fold
from console.store.queue_clock import QueueClock
from console.store.records import QueueRow, search_key, with_search_key

if TYPE_CHECKING:
    from console.store.queue_columns import QueueColumns

__all__ = [
    "BUILTIN_VIEWS",
    "QueueClock",
    "QueueFilter",
    "QueueIndex",
    "SavedView",
    "filter_rows",
    "load_user_views",
    "new_view_key",
    "queue_row_from_report",
    "save_user_views",
    "sort_by_urgency",
    "view_counts",
]

log = logging.getLogger(__name__)

USER_VIEWS_FILE = "queue_views.json"


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the operator wants to see; an empty set means "any"."""

    text: str = ""
    categories: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    wards: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    urgencies: frozenset[Urgency] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    overdue_only: bool = False
    escalated_only: bool = False

    def narrow(self, other: QueueFilter) -> QueueFilter | None:
        """Both filters at once; None when no row can match both (disjoint choices)."""
        sets: dict[str, frozenset[Any]] = {}
        for name in ("categories", "units", "wards", "statuses", "urgencies"):
            mine: frozenset[Any] = getattr(self, name)
            theirs: frozenset[Any] = getattr(other, name)
            if mine and theirs:
                both = mine & theirs
                if not both:
                    return None
                sets[name] = both
            else:
                sets[name] = mine or theirs
        starts = [d for d in (self.date_from, other.date_from) if d is not None]
        ends = [d for d in (self.date_to, other.date_to) if d is not None]
        return QueueFilter(
            text=" ".join(t for t in (self.text.strip(), other.text.strip()) if t),
            date_from=max(starts) if starts else None,
            date_to=min(ends) if ends else None,
            overdue_only=self.overdue_only or other.overdue_only,
            escalated_only=self.escalated_only or other.escalated_only,
            **sets,
        )

    def refines(self, previous: QueueFilter) -> bool:
        """True when every row this filter keeps was kept by `previous` (typing more text)."""
        return replace(self, text="") == replace(previous, text="") and all(
            token in fold(self.text) for token in fold(previous.text).split()
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "categories": sorted(self.categories),
            "units": sorted(self.units),
            "wards": sorted(self.wards),
            "statuses": sorted(s.value for s in self.statuses),
            "urgencies": sorted(u.value for u in self.urgencies),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "overdue_only": self.overdue_only,
            "escalated_only": self.escalated_only,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        """Read a saved filter; raises ValueError (or KeyError/TypeError) when it is malformed."""

        def day(name: str) -> date | None:
            raw = data.get(name)
            return date.fromisoformat(raw) if raw else None

        return cls(
            text=str(data.get("text") or ""),
            categories=frozenset(str(c) for c in data.get("categories") or ()),
            units=frozenset(str(u) for u in data.get("units") or ()),
            wards=frozenset(str(w) for w in data.get("wards") or ()),
            statuses=frozenset(Status(s) for s in data.get("statuses") or ()),
            urgencies=frozenset(Urgency(u) for u in data.get("urgencies") or ()),
            date_from=day("date_from"),
            date_to=day("date_to"),
            overdue_only=bool(data.get("overdue_only", False)),
            escalated_only=bool(data.get("escalated_only", False)),
        )


@dataclass(frozen=True, slots=True)
class SavedView:
    key: str
    label_vi: str
    label_en: str
    filter: QueueFilter = field(default_factory=QueueFilter)
    builtin: bool = False


BUILTIN_VIEWS: tuple[SavedView, ...] = (
    SavedView(
        "new",
        "Mới, chờ phân loại",
        "New (to triage)",
        QueueFilter(statuses=frozenset({Status.NEW, Status.ACCEPTED})),
        builtin=True,
    ),
    SavedView(
        "assigned",
        "Đã chuyển xử lý",
        "Assigned",
        QueueFilter(statuses=frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED})),
        builtin=True,
    ),
    SavedView("overdue", "Quá hạn", "Overdue", QueueFilter(overdue_only=True), builtin=True),
    SavedView(
        "returned",
        "Đơn vị trả lại",
        "Returned",
        QueueFilter(statuses=frozenset({Status.RETURNED})),
        builtin=True,
    ),
    SavedView(
        "extension",
        "Xin gia hạn",
        "Extension requests",
        QueueFilter(statuses=frozenset({Status.EXTENSION_REQUESTED})),
        builtin=True,
    ),
    SavedView(
        "awaiting_publication",
        "Chờ công khai",
        "Resolved, awaiting publication",
        QueueFilter(statuses=frozenset({Status.RESOLVED})),
        builtin=True,
    ),
    SavedView("all", "Tất cả", "All", QueueFilter(), builtin=True),
)


def queue_row_from_report(report: Report) -> QueueRow:
    """The queue line of a report the store has not written yet (a pending action's preview)."""
    return QueueRow(
        id=report.id,
        code=report.code,
        created_at=report.created_at,
        category=report.category,
        ward=report.ward,
        title=report.title,
        status=report.status.value,
        unit=report.unit,
        deadline=report.deadline,
        urgency=report.urgency.value,
        escalation_level=report.escalation_level,
        lat=report.lat,
        lon=report.lon,
        duplicate_of=report.duplicate_of,
        merged_count=report.merged_count,
        rating=report.rating,
        search_key=search_key(report),
        updated_at=report.updated_at,
        version=report.version,
    )


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, VN_TZ).astimezone(UTC)


def _positions(
    rows: Sequence[QueueRow],
    keys: Sequence[str],
    flt: QueueFilter,
    now: datetime,
    clock: QueueClock,
    within: Sequence[int] | None = None,
) -> list[int]:
    """Ascending positions of the rows `flt` keeps, among `within` (default: all).

    One tight pass per constraint over what the previous pass kept (no per-row function
    calls); the text comes last, over `keys[i]`, the search key of `rows[i]`.
    """
    pos = list(range(len(rows)) if within is None else within)
    if flt.statuses:
        statuses = frozenset(s.value for s in flt.statuses)
        pos = [i for i in pos if rows[i].status in statuses]
    if flt.categories:
        categories = flt.categories
        pos = [i for i in pos if rows[i].category in categories]
    if flt.wards:
        wards = flt.wards
        pos = [i for i in pos if rows[i].ward in wards]
    if flt.units:
        units = flt.units
        pos = [i for i in pos if rows[i].unit in units]
    if flt.urgencies:
        urgencies = frozenset(u.value for u in flt.urgencies)
        pos = [i for i in pos if rows[i].urgency in urgencies]
    if flt.date_from is not None:
        start = _local_midnight(flt.date_from)
        pos = [i for i in pos if rows[i].created_at >= start]
    if flt.date_to is not None:
        end = _local_midnight(flt.date_to + timedelta(days=1))
        pos = [i for i in pos if rows[i].created_at < end]
    if flt.escalated_only:
        pos = [i for i in pos if rows[i].escalation_level > 0]
    if flt.overdue_only:
        pos = [i for i in pos if is_overdue(rows[i].status, rows[i].deadline, now)]
    for token in sorted(set(fold(flt.text).split()), key=len, reverse=True):
        pos = [i for i in pos if token in keys[i]]
    return pos


def filter_rows(
    rows: Iterable[QueueRow], flt: QueueFilter, now: datetime, clock: QueueClock
) -> list[QueueRow]:
    """The rows `flt` keeps, in their given order (a filter never re-sorts)."""
    listed = list(rows)
    keys = [r.search_key for r in listed] if flt.text.strip() else []
    return [listed[i] for i in _positions(listed, keys, flt, now, clock)]


class QueueIndex:
    """Every queue row in the default order, with search keys and columns laid out for speed.

    A text search scans 200,000 keys; keys scattered over the heap (each allocated beside
    its own row's values) scanned about three times slower than fresh copies made one after
    another, in queue order. Packing makes those copies and gives them to the rows, which
    drop their own (one copy of 60 MB, not two); an index built from a packed one with a
    few changed rows can skip it. Pick lists, dates and toggles compare numpy columns.
    Build it off the GUI thread with the queue's clock (without one the columns are built
    at the first search).
    """

    def __init__(
        self, rows: Sequence[QueueRow], clock: QueueClock | None = None, *, pack: bool = True
    ) -> None:
        if pack:
            keys = _fresh_copies([r.search_key for r in rows])
            self.rows = [with_search_key(r, k) for r, k in zip(rows, keys, strict=True)]
        else:
            self.rows = list(rows)
        self.keys = [r.search_key for r in self.rows]
        #: Position of each report id in `rows`.
        self.position = {r.id: n for n, r in enumerate(self.rows)}
        self._columns = self._build_columns(clock) if clock is not None else None

    def __len__(self) -> int:
        return len(self.rows)

    def _build_columns(self, clock: QueueClock) -> QueueColumns:
        # numpy is imported by the first index built, on the loading thread, not at start.
        from console.store.queue_columns import QueueColumns

        return QueueColumns(self.rows, clock)

    def columns(self, clock: QueueClock) -> QueueColumns:
        if self._columns is None:
            self._columns = self._build_columns(clock)
        return self._columns

    def search(
        self,
        flt: QueueFilter,
        now: datetime,
        clock: QueueClock,
        within: Sequence[int] | None = None,
    ) -> list[int]:
        """Ascending positions in `rows` of what `flt` keeps (among `within` if given)."""
        columns = self.columns(clock)
        pos = columns.positions(within)
        if flt.statuses:
            pos = columns.status.among(pos, {s.value for s in flt.statuses})
        if flt.categories:
            pos = columns.category.among(pos, flt.categories)
        if flt.wards:
            pos = columns.ward.among(pos, flt.wards)
        if flt.units:
            pos = columns.unit.among(pos, flt.units)
        if flt.urgencies:
            pos = columns.urgency.among(pos, {u.value for u in flt.urgencies})
        if flt.date_from is not None:
            pos = columns.created_from(pos, _local_midnight(flt.date_from))
        if flt.date_to is not None:
            pos = columns.created_before(pos, _local_midnight(flt.date_to + timedelta(days=1)))
        if flt.escalated_only:
            pos = columns.escalated(pos)
        if flt.overdue_only:
            pos = columns.overdue(pos, now)
        found: list[int] = pos.tolist()
        keys = self.keys
        for token in sorted(set(fold(flt.text).split()), key=len, reverse=True):
            found = [i for i in found if token in keys[i]]
        return found

    def take(self, positions: Iterable[int]) -> list[QueueRow]:
        rows = self.rows
        return [rows[i] for i in positions]

    def locator(self, positions: Sequence[int]) -> Callable[[int], int | None]:
        """Where a report is among the rows at `positions` (ascending), without a pass over
        them: a dictionary look-up and a binary search."""
        where = self.position

        def locate(report_id: int) -> int | None:
            at = where.get(report_id)
            if at is None:
                return None
            n = bisect_left(positions, at)
            return n if n < len(positions) and positions[n] == at else None

        return locate


#: Keys copied per join: a join holds the GIL for its whole length, and the GUI waits on it.
COPY_CHUNK = 5_000


def _fresh_copies(keys: list[str]) -> list[str]:
    """New strings equal to `keys`, allocated one after another (a join and a split per
    chunk; a search key never holds a newline, `fold` collapses whitespace)."""
    copies: list[str] = []
    for start in range(0, len(keys), COPY_CHUNK):
        copies += "\n".join(keys[start : start + COPY_CHUNK]).split("\n")
    return copies


def sort_by_urgency(rows: Iterable[QueueRow], clock: QueueClock) -> list[QueueRow]:
    """The default queue order: the most urgent deadline first (see QueueClock.sort_key)."""
    return sorted(rows, key=clock.sort_key)


def view_counts(
    index: QueueIndex, views: Iterable[SavedView], now: datetime, clock: QueueClock
) -> dict[str, int]:
    """How many rows each view holds (for the tab badges), computed off the GUI thread."""
    return {v.key: len(index.search(v.filter, now, clock)) for v in views}


def load_user_views(config_dir: Path) -> list[SavedView]:
    """The operator's own views; a damaged file is logged and ignored (never blocks the queue)."""
    path = config_dir / USER_VIEWS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("Không đọc được các bộ lọc đã lưu %s: %s", path, exc)
        return []
    views: list[SavedView] = []
    for item in data.get("views", []) if isinstance(data, dict) else []:
        try:
            views.append(
                SavedView(
                    key=str(item["key"]),
                    label_vi=str(item["label_vi"]),
                    label_en=str(item.get("label_en") or item["label_vi"]),
                    filter=QueueFilter.from_json(item["filter"]),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("Bỏ qua bộ lọc đã lưu không hợp lệ trong %s: %r", path, exc)
    return views


def save_user_views(config_dir: Path, views: Iterable[SavedView]) -> None:
    """Write the operator's views atomically (a crash never leaves half a file)."""
    config_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": 1,
        "views": [
            {
                "key": v.key,
                "label_vi": v.label_vi,
                "label_en": v.label_en,
                "filter": v.filter.to_json(),
            }
            for v in views
            if not v.builtin
        ],
    }
    path = config_dir / USER_VIEWS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def new_view_key(label: str, taken: Iterable[str]) -> str:
    """A stable key for a user view from its label ("Đèn đường Vỹ Dạ" -> "user-den-duong-vy-da")."""
    base = "user-" + ("-".join(fold(label).split()) or "view")
    used = set(taken)
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key
