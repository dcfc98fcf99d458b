"""Duplicate candidates: same problem, same place, same days (the weighing of the texts is
tested on labelled pairs in test_duplicate_pairs.py)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.domain.duplicates import (
    DuplicateCandidate,
    bbox_around,
    find_duplicate_candidates,
    haversine_m,
    load_triage_settings,
)
from console.domain.model import Report, Status, Urgency
from console.domain.reference import load_reference

T0 = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
LAT, LON = 16.4637, 107.5909
METRE_LAT = 1 / 111_195


def report(
    id: int,
    *,
    north_m: float = 0.0,
    category: str = "trees",
    at: datetime = T0,
    status: Status = Status.NEW,
    duplicate_of: int | None = None,
    located: bool = True,
) -> Report:
    return Report(
        id=id,
        code=f"PA-{id}",
        title="Cây đổ",
        description="",
        category=category,
        urgency=Urgency.NORMAL,
        status=status,
        ward="phu-xuan",
        lat=LAT + north_m * METRE_LAT if located else None,
        lon=LON if located else None,
        address="",
        channel="app",
        created_at=at,
        updated_at=at,
        duplicate_of=duplicate_of,
    )


def ids(found: list[DuplicateCandidate]) -> list[int]:
    return [c.report.id for c in found]


def find(target: Report, others: list[Report]) -> list[int]:
    return ids(
        find_duplicate_candidates(
            target, others, reference=load_reference(), radius_m=150, window=timedelta(days=7)
        )
    )


def test_haversine_matches_known_distances() -> None:
    assert haversine_m(LAT, LON, LAT, LON) == 0
    assert math.isclose(haversine_m(LAT, LON, LAT + 50 * METRE_LAT, LON), 50, rel_tol=1e-3)
    # Huế centre to Đà Nẵng centre, about 76 km as the crow flies.
    assert 70_000 < haversine_m(16.4637, 107.5909, 16.0544, 108.2022) < 80_000


def test_a_report_50_m_away_in_the_same_category_is_a_candidate() -> None:
    target = report(1)
    found = find_duplicate_candidates(
        target,
        [target, report(2, north_m=50)],
        reference=load_reference(),
        radius_m=150,
        window=timedelta(days=7),
    )
    assert ids(found) == [2]
    assert math.isclose(found[0].distance_m, 50, rel_tol=1e-2)


def test_outside_radius_or_window_is_not_a_candidate() -> None:
    others = [
        report(2, north_m=200),
        report(3, at=T0 - timedelta(days=8)),
        report(4, at=T0 + timedelta(days=7, minutes=1)),
        report(5, at=T0 - timedelta(days=6)),
    ]
    assert find(report(1), others) == [5]


def test_related_category_counts_unrelated_does_not() -> None:
    others = [report(2, category="roads"), report(3, category="consumer")]
    assert find(report(1), others) == [2]


def test_rejected_merged_and_unlocated_reports_are_left_out() -> None:
    others = [
        report(2, status=Status.REJECTED),
        report(3, duplicate_of=9),
        report(4, located=False),
        report(5, north_m=10),
    ]
    assert find(report(1), others) == [5]
    assert find(report(1, located=False), others) == []


def test_nearest_first_and_limited() -> None:
    others = [report(i, north_m=10 * i) for i in range(2, 14)]
    found = find_duplicate_candidates(
        report(1),
        reversed(others),
        reference=load_reference(),
        radius_m=150,
        window=timedelta(days=7),
        limit=3,
    )
    assert ids(found) == [2, 3, 4]


def test_defaults_come_from_triage_settings(tmp_path: Path) -> None:
    settings = load_triage_settings()
    assert settings.radius_m == 500 and settings.near_m == 150
    assert settings.window == timedelta(days=7)
    # Beyond near_m only a report naming the same place is a candidate; these name none.
    found = find_duplicate_candidates(
        report(1), [report(2, north_m=140), report(3, north_m=160)], reference=load_reference()
    )
    assert ids(found) == [2]
    custom = tmp_path / "triage.yaml"
    custom.write_text(
        "duplicates:\n  radius_m: 300\n  near_m: 80\n  window_days: 2\n", encoding="utf-8"
    )
    assert load_triage_settings(custom).radius_m == 300
    assert load_triage_settings(custom).near_m == 80
    assert load_triage_settings(custom).window == timedelta(days=2)


def test_bbox_holds_every_point_of_the_circle() -> None:
    box = bbox_around(LAT, LON, 150)
    for bearing in range(0, 360, 15):
        rad = math.radians(bearing)
        dlat = 149.9 * math.cos(rad) / 111_195
        dlon = 149.9 * math.sin(rad) / (111_195 * math.cos(math.radians(LAT)))
        assert box.contains(LAT + dlat, LON + dlon)
    assert not box.contains(LAT + 300 * METRE_LAT, LON)
