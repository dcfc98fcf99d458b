"""One definition of overdue and of lateness: the predicate every count uses, and the words
a briefing case gives, which agree with the result the case sheet shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from console.domain.lateness import closed_at, days_late, is_overdue, lateness_text
from console.domain.model import Report, Status, Urgency
from console.domain.reference import load_reference
from console.exports.briefing.period import Period
from console.exports.briefing.ranking import rank_cases

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def test_overdue_is_a_unit_past_its_deadline() -> None:
    past, future = NOW - timedelta(hours=1), NOW + timedelta(hours=1)
    for status in (Status.ASSIGNED, Status.IN_PROGRESS, Status.EXTENSION_REQUESTED):
        assert is_overdue(status, past, NOW) and not is_overdue(status, future, NOW)
    assert is_overdue(Status.REOPENED, past, NOW)
    for status in (Status.NEW, Status.ACCEPTED, Status.RETURNED, Status.RESOLVED):
        assert not is_overdue(status, past, NOW)
    assert not is_overdue(Status.IN_PROGRESS, None, NOW)


def test_backlog_closes_on_rejection_or_result() -> None:
    assert closed_at(Status.REJECTED, NOW, None) == NOW
    assert closed_at(Status.PUBLISHED, NOW, NOW - timedelta(days=1)) == NOW - timedelta(days=1)
    assert closed_at(Status.REOPENED, NOW, None) is None


def test_lateness_words_follow_the_result() -> None:
    deadline = NOW - timedelta(days=100)
    assert days_late(deadline, deadline + timedelta(days=94, hours=1)) == 95
    late_result = deadline + timedelta(days=94, hours=1)
    assert lateness_text(deadline, late_result, NOW) == "xử lý trễ 95 ngày"
    assert lateness_text(deadline, None, NOW) == "quá hạn 100 ngày (chưa có kết quả)"
    assert lateness_text(deadline, deadline - timedelta(hours=1), NOW) == ""
    assert lateness_text(None, None, NOW) == ""


def test_a_briefing_case_handled_after_the_period_is_handled_late_not_without_result() -> None:
    """A period that ended before the unit posted its late result: the case sheet shows the
    result, so the reason says "handled late", never "no result yet"."""
    created = datetime(2026, 8, 20, 2, 0, tzinfo=UTC)
    deadline = datetime(2026, 8, 29, 10, 0, tzinfo=UTC)
    resolved = datetime(2026, 12, 2, 9, 56, tzinfo=UTC)
    report = Report(
        id=1,
        code="PA-2026-000001",
        title="Ổ gà trên đường Lê Lợi",
        description="",
        category="roads",
        urgency=Urgency.NORMAL,
        status=Status.RESOLVED,
        ward="phu-xuan",
        lat=16.46,
        lon=107.59,
        address="",
        channel="app",
        created_at=created,
        updated_at=resolved,
        unit="so-xay-dung",
        deadline=deadline,
        resolved_at=resolved,
    )
    period = Period(date(2026, 11, 25), date(2026, 12, 1))
    slow = rank_cases([report], period, load_reference(), now=NOW + timedelta(days=1), spreads={})
    reasons = slow.slow[0].reasons
    assert reasons[0] == f"xử lý trễ {days_late(deadline, resolved)} ngày"
    assert not any("chưa có kết quả" in reason for reason in reasons)
