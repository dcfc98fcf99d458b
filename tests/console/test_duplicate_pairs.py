"""The duplicate finder on a labelled set of true and false pairs (tests/console/data/
duplicate_pairs.yaml) and on the demo city's own duplicates: its precision and recall are
printed and held above a floor."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from console.central.demo.generate import generate_reports
from console.domain.duplicates import find_duplicate_candidates
from console.domain.model import Report, Status, Urgency
from console.domain.reference import load_reference
from console.domain.wire import report_from_json
from console.domain.yaml_rules import load_yaml

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
LAT, LON = 16.4637, 107.5909
METRE_LAT = 1 / 111_195


class Side(NamedTuple):
    category: str
    title: str
    description: str


class Pair(NamedTuple):
    same: bool
    first: Side
    second: Side
    metres: float
    hours: float


def _pairs() -> list[Pair]:
    with (Path(__file__).parent / "data" / "duplicate_pairs.yaml").open(encoding="utf-8") as f:
        data: Any = load_yaml(f)
    return [
        Pair(p["same"], Side(*p["first"]), Side(*p["second"]), p["metres"], p["hours"])
        for p in data["pairs"]
    ]


PAIRS = _pairs()


def _report(report_id: int, side: Side, north_m: float, hours: float) -> Report:
    at = T0 + timedelta(hours=hours)
    return Report(
        id=report_id,
        code=f"PA-2026-{report_id:06d}",
        title=side.title,
        description=side.description,
        category=side.category,
        urgency=Urgency.NORMAL,
        status=Status.NEW,
        ward="phu-xuan",
        lat=LAT + north_m * METRE_LAT,
        lon=LON,
        address="",
        channel="app",
        created_at=at,
        updated_at=at,
    )


def _scores(found: int, offered: int, relevant: int) -> tuple[float, float]:
    return found / max(offered, 1), found / max(relevant, 1)


def test_precision_and_recall_on_the_labelled_pairs() -> None:
    reference = load_reference()
    assert len(PAIRS) >= 40
    assert sum(p.same for p in PAIRS) >= 20 and sum(not p.same for p in PAIRS) >= 20
    offered = found = 0
    wrong: list[str] = []
    for n, pair in enumerate(PAIRS):
        first = _report(2 * n + 1, pair.first, 0, 0)
        second = _report(2 * n + 2, pair.second, pair.metres, pair.hours)
        for target, other in ((first, second), (second, first)):
            hit = bool(find_duplicate_candidates(target, [other], reference=reference))
            offered += hit
            found += hit and pair.same
            if hit != pair.same:
                wrong.append(f"{'missed' if pair.same else 'false'}: {target.title}")
    relevant = 2 * sum(p.same for p in PAIRS)
    precision, recall = _scores(found, offered, relevant)
    print(f"\nduplicate pairs: precision {precision:.2f}, recall {recall:.2f}")
    print("\n".join(sorted(set(wrong))))
    assert precision >= 0.9
    assert recall >= 0.8


def test_the_dead_bird_is_not_the_run_down_park() -> None:
    bird = next(p for p in PAIRS if p.first.title.startswith("Xác chim"))
    first = _report(1, bird.first, 0, 0)
    second = _report(2, bird.second, bird.metres, bird.hours)
    assert find_duplicate_candidates(first, [second], reference=load_reference()) == []


def test_one_problem_reported_twice_comes_first() -> None:
    pair = next(p for p in PAIRS if p.first.title.startswith("Nhánh cây gãy"))
    other = next(p for p in PAIRS if p.first.title.startswith("Cây xanh ngã đổ trên đường Hà"))
    target = _report(1, pair.first, 0, 0)
    same = _report(2, pair.second, 60, 2)
    nearer = _report(3, other.second, 10, 1)  # trees too, nearer, another problem
    found = find_duplicate_candidates(target, [nearer, same], reference=load_reference())
    assert [c.report.id for c in found] == [2]


def _demo_city() -> list[dict[str, Any]]:
    return list(generate_reports(3_000, seed=5, now=datetime(2026, 12, 2, 1, 0, tzinfo=UTC)))


def test_the_demo_citys_duplicates_are_found() -> None:
    """Each report the demo merged into another, taken back as if it had just arrived, finds
    the report it duplicates among those around it."""
    reference = load_reference()
    records = _demo_city()
    reports = {r["id"]: report_from_json(r) for r in records}
    merged = [r for r in reports.values() if r.duplicate_of is not None]
    assert len(merged) >= 20
    others = [r for r in reports.values() if r.duplicate_of is None]
    found = offered = 0
    for duplicate in merged:
        arrived = dataclasses.replace(duplicate, status=Status.NEW, duplicate_of=None)
        candidates = find_duplicate_candidates(arrived, others, reference=reference)
        offered += len(candidates)
        found += any(c.report.id == duplicate.duplicate_of for c in candidates)
    precision, recall = _scores(found, offered, len(merged))
    print(f"\ndemo duplicates: {len(merged)}, recall {recall:.2f}, precision {precision:.2f}")
    assert recall >= 0.9
    assert precision >= 0.7
