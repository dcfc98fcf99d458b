"""The weekly figures equal counts made independently with plain sqlite3 (julianday, not the
export's text bounds), on generated data plus hand-made reports on the week's edges."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.reference import load_reference
from console.domain.wire import report_from_json
from console.exports.weekly import InvalidWeek, weekly_figures
from console.exports.weekly_model import Handled, Outstanding
from console.exports.weekly_week import parse_week, week_of
from console.store import Cache, open_cache
from tests.console.exports.weekly_data import (
    EDGES,
    NOW,
    W08_END,
    W08_START,
    W47_END,
    W47_START,
    wire,
)

RA = "json_extract(data, '$.resolved_at')"
IN_WEEK = "julianday({col}) >= julianday(:s) AND julianday({col}) < julianday(:e)"
#: The backlog at the week's end and the overdue among it (console.domain.lateness), written
#: independently of console.store.counting.
OUTSTANDING = (
    "julianday(created_at) < julianday(:e)"
    " AND NOT (status = 'rejected' AND julianday(updated_at) < julianday(:e))"
    f" AND ({RA} IS NULL OR julianday({RA}) >= julianday(:e))"
)
AT_UNIT = (
    "(status IN ('assigned', 'in_progress', 'extension_requested', 'reopened')"
    f" OR {RA} IS NOT NULL)"
)


def sql(path: Path, query: str, start: str, end: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query, {"s": start, "e": end}).fetchall()


def one(path: Path, query: str, start: str = W47_START, end: str = W47_END) -> int:
    return int(sql(path, query, start, end)[0][0] or 0)


@pytest.mark.parametrize(
    ("week", "start", "end"), [("2026-W47", W47_START, W47_END), ("2026-W08", W08_START, W08_END)]
)
def test_figures_equal_independent_counts(cache: Cache, week: str, start: str, end: str) -> None:
    f = weekly_figures(cache, parse_week(week), now=NOW)
    path = cache.path
    received = IN_WEEK.format(col="created_at")

    def count(where: str) -> int:
        return one(path, f"SELECT count(*) FROM reports WHERE {where}", start, end)

    assert f.received.total == count(received) > 0
    channels = sql(
        path,
        "SELECT json_extract(data, '$.channel'), count(*) FROM reports"
        f" WHERE {received} GROUP BY 1",
        start,
        end,
    )
    assert {c.key: c.count for c in f.received.by_channel} == dict(channels)
    assert f.received.awaiting == count(f"{received} AND status = 'new'")
    assert f.received.rejected == count(f"{received} AND status = 'rejected'")
    assert f.received.accepted == count(f"{received} AND status NOT IN ('new', 'rejected')")
    reasons = sql(
        path,
        "SELECT json_extract(data, '$.reject_reason'), count(*) FROM reports"
        f" WHERE {received} AND status = 'rejected' GROUP BY 1",
        start,
        end,
    )
    assert {c.key: c.count for c in f.received.rejected_by_reason} == dict(reasons)

    handled = IN_WEEK.format(col=RA)
    late = f"{handled} AND deadline IS NOT NULL AND julianday({RA}) > julianday(deadline)"
    assert f.handled.late == count(late)
    assert f.handled.extended == count(
        f"{handled} AND json_extract(data, '$.extended') = 1 AND NOT ({late})"
    )
    assert f.handled.total == count(handled)
    assert f.outstanding.total == count(OUTSTANDING)
    overdue = f"{OUTSTANDING} AND {AT_UNIT} AND julianday(deadline) < julianday(:e)"
    assert f.outstanding.overdue == count(overdue) == len(f.overdue)
    overdue_ids = {
        row[0] for row in sql(path, f"SELECT id FROM reports WHERE {overdue}", start, end)
    }
    assert {c.id for c in f.overdue} == overdue_ids

    ratings = dict(
        sql(
            path,
            "SELECT rating, count(*) FROM reports WHERE rating IS NOT NULL"
            f" AND {IN_WEEK.format(col='updated_at')} GROUP BY 1",
            start,
            end,
        )
    )
    assert f.satisfaction.distribution == tuple(ratings.get(i, 0) for i in range(1, 6))

    by_category = dict(
        sql(path, f"SELECT category, count(*) FROM reports WHERE {received} GROUP BY 1", start, end)
    )
    assert {r.key: r.received for r in f.by_category if r.received} == by_category
    assert sum(r.handled for r in f.by_category) == f.handled.total
    assert sum(r.outstanding for r in f.by_category) == f.outstanding.total
    assert sum(r.outstanding for r in f.by_unit) == count(f"{OUTSTANDING} AND unit IS NOT NULL")


def test_week_edges_and_former_wards(cache: Cache) -> None:
    f = weekly_figures(cache, parse_week("2026-W47"), now=NOW)
    overdue_ids = {c.id for c in f.overdue}
    # Resolved exactly at Monday 00:00: not handled in W47, outstanding and overdue at its end.
    assert 900_006 in overdue_ids and 900_005 not in overdue_ids
    wards = {r.key: r for r in f.by_ward}
    reference = load_reference()
    path = cache.path
    raw = sql(
        path,
        "SELECT ward, count(*) FROM reports WHERE "
        + IN_WEEK.format(col="created_at")
        + " GROUP BY 1",
        W47_START,
        W47_END,
    )
    folded: Counter[str] = Counter()
    for ward, n in raw:
        current = reference.current_ward(str(ward))
        folded[current.code if current else str(ward)] += int(str(n))
    assert {k: r.received for k, r in wards.items() if r.received} == dict(folded)
    assert "Huyện Phú Vang" in wards["phu-vang"].note
    assert "Phường Phú Hội" in wards["thuan-hoa"].note
    assert all(not key.startswith(("huyen-", "phuong-")) for key in wards)
    # Titles leave the Center masked.
    case = next(c for c in f.overdue if c.id == 900_006)
    assert "0905123456" not in case.title


def test_tet_week_counts_days_late_in_working_days(cache: Cache) -> None:
    f = weekly_figures(cache, parse_week("2026-W08"), now=NOW)
    cases = {c.id: c for c in f.overdue}
    # Deadline Friday 13/02 17:00; the whole week of Tết is off: no working day late yet.
    assert cases[900_014].working_days_late == 0
    assert cases[900_014].calendar_days_late == 10
    # Deadline Thursday 12/02 17:00: Friday 13/02 is the one working day missed.
    assert cases[900_013].working_days_late == 1
    assert cases[900_013].calendar_days_late == 11
    urged = {u.key: u for u in f.units_to_urge}
    assert urged["cap-nuoc-hue"].overdue >= 2
    assert urged["cap-nuoc-hue"].highest_escalation >= 2


def test_unfinished_week_runs_to_now(cache: Cache) -> None:
    now = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)
    f = weekly_figures(cache, parse_week("2026-W47"), now=now)
    assert not f.complete and f.cut == now
    later = one(
        cache.path,
        "SELECT count(*) FROM reports WHERE julianday(created_at) >= julianday(:s)"
        " AND julianday(created_at) < julianday(:e)",
        W47_START,
        "2026-11-18T03:00:00Z",
    )
    assert f.received.total == later


@pytest.mark.parametrize(
    ("week", "words"),
    [
        ("2026-W60", "không có tuần 60"),
        ("tuần 47", "không đúng dạng"),
        ("2027-W10", "chưa bắt đầu"),
    ],
)
def test_bad_week_is_refused_in_vietnamese(cache: Cache, week: str, words: str) -> None:
    with pytest.raises(InvalidWeek, match=words):
        weekly_figures(cache, parse_week(week), now=NOW)


def test_hand_made_edges_alone(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    try:
        cache.upsert_reports([report_from_json(raw) for raw in EDGES])
        f = weekly_figures(cache, parse_week("2026-W47"), now=NOW)
    finally:
        cache.close()
    # In: Sunday 23:59:59 and Monday 00:00 sharp; out: Monday 00:00 next week, 1 ms early.
    assert f.received.total == 7
    assert (f.received.awaiting, f.received.rejected, f.received.accepted) == (1, 1, 5)
    assert f.handled == Handled(on_time=0, extended=1, late=2)
    # Outstanding: the seven at units and the two still waiting for the IOC's triage.
    assert f.outstanding == Outstanding(total=9, overdue=3)
    assert {c.id for c in f.overdue} == {900_006, 900_013, 900_014}
    assert f.satisfaction.distribution == (0, 0, 0, 0, 1)
    assert {c.key: c.count for c in f.received.by_channel} == {"hotline": 5, "email": 2}


def test_week_of_reads_vietnam_time() -> None:
    sunday_night = datetime(2026, 11, 22, 16, 59, 59, tzinfo=UTC)  # Sunday 23:59:59 in Huế
    assert week_of(sunday_night).label == "2026-W47"
    assert week_of(sunday_night + timedelta(seconds=1)).label == "2026-W48"
    assert parse_week("2026-W08").monday.isoformat() == "2026-02-16"


def test_rejected_after_the_week_was_outstanding_at_its_end(tmp_path: Path) -> None:
    """Received in W47, still awaiting triage at its end, rejected after it (times in the
    synced cache's form): outstanding at the end, not overdue (no unit)."""
    stamp = "2026-11-{}.000000Z".format
    late = {"status": "rejected", "reject_reason": "out_of_scope", "unit": None, "deadline": None}
    reports = [
        wire(900_101, created_at=stamp("19T23:17:31"), updated_at=stamp("22T19:08:45"), **late),
        wire(900_102, created_at=stamp("20T02:20:33"), updated_at=stamp("22T17:00:00"), **late),
        wire(900_103, created_at=stamp("20T06:24:06"), updated_at=stamp("22T16:59:59"), **late),
    ]
    cache = open_cache(tmp_path)
    try:
        cache.upsert_reports([report_from_json(raw) for raw in reports])
        f = weekly_figures(cache, parse_week("2026-W47"), now=NOW)
    finally:
        cache.close()
    assert (f.received.total, f.received.rejected) == (3, 3)
    assert f.outstanding == Outstanding(total=2, overdue=0)
    assert [(r.key, r.outstanding) for r in f.by_ward] == [("phu-xuan", 2)]
    assert not f.overdue
