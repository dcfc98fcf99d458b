"""The period report's tables written again from plain sqlite3 counts (julianday, not the
export's text bounds) and the commendation rules read straight from the YAML: what the DOCX,
XLSX and PPTX must say, cell by cell."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from console.domain.reference import load_reference
from console.exports.vn_text import Rounded
from console.paths import RESOURCES_DIR

RA = "json_extract(data, '$.resolved_at')"
EXT = "json_extract(data, '$.extended')"


def within(col: str) -> str:
    return f"julianday({col}) >= julianday(:s) AND julianday({col}) < julianday(:e)"


HANDLED = within(RA)
LATE = f"{HANDLED} AND deadline IS NOT NULL AND julianday({RA}) > julianday(deadline)"
EXTENDED = f"{HANDLED} AND {EXT} = 1 AND NOT ({LATE})"
OUTSTANDING = (
    "julianday(created_at) < julianday(:e)"
    " AND NOT (status = 'rejected' AND julianday(updated_at) < julianday(:e))"
    f" AND ({RA} IS NULL OR julianday({RA}) >= julianday(:e))"
)
OVERDUE = (
    f"{OUTSTANDING} AND (status IN ('assigned', 'in_progress', 'extension_requested',"
    f" 'reopened') OR {RA} IS NOT NULL) AND julianday(deadline) < julianday(:e)"
)
RATED = f"rating IS NOT NULL AND {within('updated_at')}"


def bounds(first: date, last: date) -> tuple[str, str]:
    """Huế midnight of `first` and of the day after `last`, as UTC text."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC) - timedelta(hours=7)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(hours=17)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")


class Db:
    def __init__(self, path: Path, first: date, last: date) -> None:
        self.path, self.s, self.e = path, *bounds(first, last)
        self.ref = load_reference()

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(query, {"s": self.s, "e": self.e}).fetchall()

    def count(self, where: str) -> int:
        return int(self.rows(f"SELECT count(*) FROM reports WHERE {where}")[0][0])

    def by(self, key: str, where: str) -> dict[str, int]:
        return {
            str(k): int(n)
            for k, n in self.rows(f"SELECT {key}, count(*) FROM reports WHERE {where} GROUP BY 1")
        }

    def ward(self, code: str) -> tuple[str, str]:
        current = self.ref.current_ward(code)
        return (current.code, current.name) if current else (code, self.ref.ward_name(code))


def rate(a: int, b: int) -> float | None:
    return 100 * a / b if b else None


def r1(v: float | None, digits: int = 1) -> Any:
    """A rate prints one decimal, an average two, whatever the value (4,20, not 4,2)."""
    return "-" if v is None else Rounded(v, digits)


def difference(a: Any, b: Any) -> Any:
    if isinstance(a, Rounded) and isinstance(b, Rounded):
        return Rounded(a - b, a.places)
    if isinstance(a, int) and isinstance(b, int):
        return a - b
    return "-"


def headline(db: Db) -> tuple[Any, ...]:
    total = db.count(within("created_at"))
    rejected = db.count(f"{within('created_at')} AND status = 'rejected'")
    awaiting = db.count(f"{within('created_at')} AND status = 'new'")
    handled, late, ext = db.count(HANDLED), db.count(LATE), db.count(EXTENDED)
    stars = db.by("rating", RATED)
    rated = sum(stars.values())
    average = sum(int(k) * n for k, n in stars.items()) / rated if rated else None
    good = rate(stars.get("4", 0) + stars.get("5", 0), rated)
    return (
        total,
        total - rejected - awaiting,
        rejected,
        awaiting,
        handled,
        handled - late - ext,
        ext,
        late,
        r1(rate(handled - late - ext, handled)),
        db.count(OUTSTANDING),
        db.count(OVERDUE),
        rated,
        r1(average, 2),
        r1(good),
    )


def summary(db: Db, before: Db) -> list[tuple[Any, ...]]:
    now, prev = headline(db), headline(before)
    return [(a, b, difference(a, b)) for a, b in zip(now, prev, strict=True)]


def breakdown(db: Db, column: str) -> dict[str, tuple[int, ...]]:
    """key -> (received, handled, on time, extended, late, outstanding, overdue); wards folded."""
    parts = [
        within("created_at"),
        HANDLED,
        f"{HANDLED} AND NOT ({LATE}) AND NOT ({EXTENDED})",
        EXTENDED,
        LATE,
        OUTSTANDING,
        OVERDUE,
    ]
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    for i, where in enumerate(parts):
        for key, n in db.by(column, f"{column} IS NOT NULL AND {where}").items():
            folded = db.ward(key)[0] if column == "ward" else key
            out[folded][i] += n
    return {k: tuple(v) for k, v in out.items() if any(v)}


def ratings(db: Db, column: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    for key, stars, n in db.rows(
        f"SELECT {column}, rating, count(*) FROM reports WHERE {column} IS NOT NULL AND {RATED}"
        " GROUP BY 1, 2"
    ):
        folded = db.ward(str(key))[0] if column == "ward" else str(key)
        out[folded][int(stars) - 1] += int(n)
    return out


def rules(path: Path | None = None) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (path or RESOURCES_DIR / "commendation.yaml").read_text()
    )
    return loaded


def ranking(db: Db, before: Db, column: str, rule: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The ranking sheet's rows: the rule applied as the document writes it."""
    now, prev, stars_of = breakdown(db, column), breakdown(before, column), ratings(db, column)
    label = db.ward if column == "ward" else None
    rows = []
    for key, (received, handled, on_time, _ext, _late, _out, overdue) in now.items():
        stars = stars_of.get(key, [0] * 5)
        volume = handled if column == "unit" else received
        if not (volume or handled or overdue or sum(stars)):
            continue
        r = rate(on_time, handled)
        avg = sum((i + 1) * n for i, n in enumerate(stars)) / sum(stars) if sum(stars) else None
        p = prev.get(key)
        previous = rate(p[2], p[1]) if p else None
        missed = []
        if r is None or r < rule["min_on_time_rate"]:
            missed.append("đúng hạn")
        if avg is None or avg < rule["min_average_rating"]:
            missed.append("hài lòng")
        if volume < rule["min_volume"]:
            missed.append("số lượng")
        if rule["not_worse_than_previous"] and previous is not None and (r is None or r < previous):
            missed.append("giảm so với kỳ trước")
        name = label(key)[1] if label else db.ref.unit_name(key)
        change = None if r is None or previous is None else r - previous
        rows.append(
            (
                (
                    volume < rule["min_volume"],
                    -(r if r is not None else -1),
                    -(avg or -1),
                    -volume,
                    -(change if change is not None else -1000),
                    name,
                ),
                [
                    name,
                    volume,
                    *([handled] if column == "ward" else []),
                    on_time,
                    r1(r),
                    sum(stars),
                    r1(avg, 2),
                    overdue,
                    r1(previous),
                    r1(change),
                    "Đề xuất" if not missed else "Chưa đạt: " + ", ".join(missed),
                ],
            )
        )
    rows.sort(key=lambda row: row[0])
    return [(i, *cells) for i, (_key, cells) in enumerate(rows, start=1)]
