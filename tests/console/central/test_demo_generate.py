"""The demo city's reports: deterministic, realistic in mix, and legal in every history step."""

from __future__ import annotations

import collections
import random
from datetime import UTC, datetime
from typing import Any

import pytest

from console.central.demo.city import CITY_BOX, MERGER
from console.central.demo.deadlines import Deadlines
from console.central.demo.generate import generate_reports
from console.domain.model import (
    HANDLING_STATUSES,
    ActionType,
    RejectReason,
    Role,
    Status,
    Urgency,
    parse_time,
)
from console.domain.reference import load_reference
from console.domain.sla import load_sla
from console.domain.wire import report_from_json
from console.domain.workflow import TRANSITIONS

NOW = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    return list(generate_reports(5_000, seed=7, now=NOW))


def test_same_seed_gives_the_same_reports() -> None:
    first = list(generate_reports(300, seed=11, now=NOW))
    again = list(generate_reports(300, seed=11, now=NOW))
    other = list(generate_reports(300, seed=12, now=NOW))
    assert first == again
    assert [r["title"] for r in first] != [r["title"] for r in other]


def test_every_report_is_a_valid_wire_record(reports: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in reports] == list(range(1, 5_001))
    codes = [r["code"] for r in reports]
    assert len(set(codes)) == len(codes)
    for record in reports:
        report = report_from_json(record)
        assert report.code.startswith(f"PA-{report.created_at.year}-") or report.code.startswith(
            f"PA-{report.created_at.year + 1}-"
        )
        assert report.created_at <= NOW
        assert report.reporter is not None and report.reporter.name
        for n, media in enumerate(report.media, start=1):
            assert media.url == f"/api/v1/reports/{report.id}/media/{n}"
            assert media.kind in ("photo", "result_photo")


def test_every_history_is_a_legal_path_of_the_workflow(reports: list[dict[str, Any]]) -> None:
    for record in reports:
        status = Status.NEW
        previous = record["created_at"]
        for event in record["events"]:
            action = ActionType(event["action"])
            rule = TRANSITIONS[action]
            assert event["report_id"] == record["id"]
            assert Status(event["from_status"]) is status, (record["code"], event)
            assert status in rule.sources, (record["code"], event)
            assert Role(event["role"]) in rule.roles, (record["code"], event)
            target = rule.target or status
            assert Status(event["to_status"]) is target, (record["code"], event)
            assert event["at"] > previous or event["at"] == previous == record["created_at"]
            if action is ActionType.ESCALATE:
                assert event["payload"]["level"] in (1, 2, 3)
            status, previous = target, event["at"]
        assert record["status"] == status.value, record["code"]
        assert record["version"] == 1 + len(record["events"])
        assert record["updated_at"] == (
            record["events"][-1]["at"] if record["events"] else previous
        )


def test_status_mix_looks_like_a_city(reports: list[dict[str, Any]]) -> None:
    statuses = collections.Counter(r["status"] for r in reports)
    share = {status: count / len(reports) for status, count in statuses.items()}
    assert 0.2 <= share["rejected"] <= 0.3
    assert share["closed"] > 0.5
    assert statuses["in_progress"] > 0 and statuses["published"] > 0
    old = [r for r in reports if r["created_at"] < "2025-06-01"]
    assert all(r["status"] in ("closed", "rejected", "in_progress") for r in old)
    recent = [r for r in reports if r["created_at"] > "2026-01-03"]
    assert any(r["status"] in ("new", "accepted", "assigned", "in_progress") for r in recent)
    reasons = collections.Counter(r["reject_reason"] for r in reports if r["status"] == "rejected")
    assert set(reasons) == {reason.value for reason in RejectReason}
    ratings = collections.Counter(r["rating"] for r in reports if r["rating"] is not None)
    assert ratings[4] + ratings[5] > 0.7 * sum(ratings.values())
    assert all(r["status"] == "closed" for r in reports if r["rating"] is not None)
    assert collections.Counter(r["channel"] for r in reports).most_common(1)[0][0] == "app"


def test_overdue_and_escalated_reports_exist(reports: list[dict[str, Any]]) -> None:
    overdue = [
        r
        for r in reports
        if Status(r["status"]) in HANDLING_STATUSES and parse_time(r["deadline"]) < NOW  # type: ignore[operator]
    ]
    assert overdue
    assert {r["escalation_level"] for r in overdue} >= {1, 2, 3}
    assert any(r["extended"] for r in reports)
    assert any(e["action"] == "return" for r in reports for e in r["events"])
    assert any(e["action"] == "reopen" for r in reports for e in r["events"])


def test_merges_point_back_and_are_counted(reports: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in reports}
    merged = [r for r in reports if r["duplicate_of"] is not None]
    assert merged
    counts = collections.Counter(r["duplicate_of"] for r in merged)
    for record in merged:
        original = by_id[record["duplicate_of"]]
        assert original["id"] < record["id"]
        assert original["category"] == record["category"]
        assert record["reject_reason"] == "duplicate"
    for original_id, count in counts.items():
        assert by_id[original_id]["merged_count"] == count
    assert sum(r["merged_count"] for r in reports) == len(merged)


def test_places_cover_the_city(reports: list[dict[str, Any]]) -> None:
    reference = load_reference()
    current = {w.code for w in reference.current_wards()}
    former = {w.code for w in reference.wards if w.kind == "former"}
    seen = collections.Counter(r["ward"] for r in reports)
    assert current <= set(seen)
    assert seen["phu-xuan"] > seen["a-luoi-3"] * 5
    south, north, west, east = CITY_BOX
    assert all(south <= r["lat"] <= north and west <= r["lon"] <= east for r in reports)
    old_names = [r for r in reports if r["ward"] in former]
    assert old_names
    merger = datetime.fromtimestamp(MERGER, UTC)
    assert all(parse_time(r["created_at"]) < merger for r in old_names)  # type: ignore[operator]


def test_assigned_units_follow_the_routing_rules(reports: list[dict[str, Any]]) -> None:
    reference = load_reference()
    units = {u.code for u in reference.units}
    for record in reports:
        if record["unit"] is not None:
            assert record["unit"] in units
    phu_xuan_rubbish = {
        r["unit"] for r in reports if r["ward"] == "phu-xuan" and r["category"] == "environment"
    }
    assert "moi-truong-do-thi" in phu_xuan_rubbish


def test_texts_read_like_citizens_reports(reports: list[dict[str, Any]]) -> None:
    descriptions = " ".join(r["description"] for r in reports)
    for street in ("Lê Lợi", "Hùng Vương", "Trần Hưng Đạo", "Điện Biên Phủ", "Nguyễn Sinh Cung"):
        assert street in descriptions
    assert "75A-" in descriptions or "75B-" in descriptions
    results = [r["result_text"] for r in reports if r["result_text"]]
    assert results
    assert all(t.startswith("Kính gửi: Quý Ông/Bà.") and t.endswith("Trân trọng.") for t in results)
    emails = [r["reporter"]["email"] for r in reports if r["reporter"]["email"]]
    assert emails and all(e.isascii() and "@" in e for e in emails)
    phones = [r["reporter"]["phone"] for r in reports if r["reporter"]["phone"]]
    assert all(len(p) == 10 and p[:2] in ("09", "03", "07") for p in phones)


def test_ten_thousand_reports_stream() -> None:
    count = sum(1 for _ in generate_reports(10_000, seed=3, now=NOW))
    assert count == 10_000


def test_memoised_deadlines_agree_with_the_sla_clock() -> None:
    sla = load_sla()
    deadlines = Deadlines(sla)
    rng = random.Random(2)
    start = NOW.timestamp() - 730 * 86_400
    for _ in range(3_000):
        moment = float(int(start + rng.random() * 730 * 86_400))
        category = rng.choice(["roads", "environment", "lighting"])
        urgency = rng.choice(list(Urgency))
        expected = sla.handling_deadline(category, urgency, datetime.fromtimestamp(moment, UTC))
        assert deadlines(category, urgency, moment) == expected.timestamp(), (moment, urgency)


def test_published_replies_carry_the_courtesy_form_once(reports: list[dict[str, Any]]) -> None:
    replies = [
        e["payload"]["reply"] for r in reports for e in r["events"] if e["action"] == "publish"
    ]
    assert len(replies) > 100
    for reply in replies:
        assert reply.startswith("Kính gửi: Quý Ông/Bà.") and reply.endswith("Trân trọng.")
        assert reply.count("Kính gửi") == 1 and reply.count("Trân trọng") == 1
