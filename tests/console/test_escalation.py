"""The escalation policy: levels, who may send them, how often, and the letters it writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from console.domain.calendar import RulesError
from console.domain.escalation import EscalationPolicy, load_escalation
from console.domain.model import ActionType, Report, Role, Status, Urgency
from console.domain.sla import load_sla
from console.domain.workflow import ESCALATION_ROLES, Context, TooSoon, apply_action

VN = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def policy() -> EscalationPolicy:
    return load_escalation()


def _report(
    status: Status = Status.IN_PROGRESS, level: int = 0, at: datetime | None = None
) -> Report:
    t = datetime(2026, 1, 5, 1, tzinfo=UTC)
    return Report(
        id=7, code="PA-2026-000007", title="Đèn đường hỏng", description="", category="lighting",
        urgency=Urgency.NORMAL, status=status, ward="", lat=None, lon=None, address="",
        channel="app", created_at=t, updated_at=t, unit="u-lighting",
        deadline=datetime(2026, 1, 6, 10, tzinfo=UTC), escalation_level=level, escalated_at=at,
    )  # fmt: skip


def test_three_levels_with_recipients_in_order(policy: EscalationPolicy) -> None:
    assert [lv.level for lv in policy.levels] == [1, 2, 3]
    assert [lv.recipient for lv in policy.levels] == ["focal_point", "unit_head", "city_committee"]
    assert "Ủy ban nhân dân thành phố" in policy.levels[2].recipient_label
    assert all(lv.label and lv.label != lv.recipient for lv in policy.levels)


def test_roles_match_the_workflow(policy: EscalationPolicy) -> None:
    """The operator may send a reminder; notices and reports need a supervisor."""
    for lv in policy.levels:
        assert lv.roles == ESCALATION_ROLES[lv.level]
    assert Role.OPERATOR in policy.level(1).roles
    assert Role.OPERATOR not in policy.level(2).roles


def test_min_interval(policy: EscalationPolicy) -> None:
    assert policy.min_interval(0) == timedelta()
    assert policy.min_interval(1) == timedelta(hours=24)
    assert policy.min_interval(2) == timedelta(hours=48)
    with pytest.raises(ValueError):
        policy.min_interval(4)


@pytest.mark.parametrize(
    ("status", "level", "expected"),
    [
        (Status.ASSIGNED, 0, 1),
        (Status.IN_PROGRESS, 1, 2),
        (Status.EXTENSION_REQUESTED, 2, 3),
        (Status.REOPENED, 0, 1),
        (Status.IN_PROGRESS, 3, None),
        (Status.RESOLVED, 0, None),
        (Status.NEW, 0, None),
    ],
)
def test_next_level(
    policy: EscalationPolicy, status: Status, level: int, expected: int | None
) -> None:
    assert policy.next_level(_report(status, level)) == expected


def test_ready_at(policy: EscalationPolicy) -> None:
    sent = datetime(2026, 1, 7, 2, tzinfo=UTC)
    assert policy.ready_at(_report(level=1, at=sent)) == datetime(2026, 1, 8, 2, tzinfo=UTC)
    assert policy.ready_at(_report(level=2, at=sent)) == datetime(2026, 1, 9, 2, tzinfo=UTC)
    assert policy.ready_at(_report(level=0)) is None
    assert policy.ready_at(_report(level=3, at=sent)) is None


def test_render_message_is_an_official_letter(policy: EscalationPolicy) -> None:
    text = policy.render_message(
        1,
        code="PA-2026-000007",
        unit="Công ty CP Môi trường và Công trình đô thị Huế",
        deadline=datetime(2026, 1, 6, 10, tzinfo=UTC),
        days_late=3,
    )
    assert text.startswith("Kính gửi: Đầu mối")
    assert "Công ty CP Môi trường và Công trình đô thị Huế" in text
    assert "PA-2026-000007" in text
    assert "17:00 ngày 06/01/2026" in text  # 10:00 UTC in Huế time
    assert "quá hạn 3 ngày" in text
    assert text.endswith("Trân trọng.")
    assert "{" not in text


def test_render_message_level_3_addresses_the_city(policy: EscalationPolicy) -> None:
    text = policy.render_message(
        3, code="X", unit="UBND phường Phú Xuân", deadline="x", days_late=9
    )
    assert text.startswith("Kính gửi: Lãnh đạo Ủy ban nhân dân thành phố Huế.")


def test_render_message_keeps_braces_in_values(policy: EscalationPolicy) -> None:
    text = policy.render_message(1, code="{code}", unit="{0}", deadline="d", days_late=1)
    assert "{code}" in text and "{0}" in text


def test_render_message_missing_field(policy: EscalationPolicy) -> None:
    with pytest.raises(ValueError, match="days_late"):
        policy.render_message(2, code="X", unit="U", deadline="d")


def test_round_trip_through_json(policy: EscalationPolicy) -> None:
    copy = EscalationPolicy.from_json(json.loads(json.dumps(policy.to_json())))
    assert copy.to_json() == policy.to_json()
    assert copy.min_interval(1) == policy.min_interval(1)


def _levels(**changes: Any) -> dict[str, Any]:
    data = load_escalation().to_json()
    data["levels"][0].update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_levels(template="Kính gửi {unit}, phản ánh {title}"), "title"),
        (_levels(template="Kính gửi {}"), "trường không có"),
        (_levels(template="Kính gửi {unit"), "không hợp lệ"),
        (_levels(roles=["operator", "mayor"]), "vai trò"),
        (_levels(roles=[]), "ít nhất một vai trò"),
        (_levels(level=2), "liên tiếp"),
        (_levels(level=5), "từ 1 đến 3"),
        (_levels(label=""), "label"),
        (_levels(min_interval_hours=-1), "không âm"),
        ({"levels": "1,2,3"}, "danh sách"),
        ({"levels": []}, "liên tiếp"),
    ],
)
def test_bad_policy_is_refused(data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(RulesError, match=fragment):
        EscalationPolicy.from_json(data)


def test_load_from_file(tmp_path: Path) -> None:
    path = tmp_path / "escalation.yaml"
    path.write_text(
        "levels:\n"
        "  - {level: 1, label: Nhắc, recipient: focal_point, recipient_label: Đầu mối,\n"
        "     roles: [operator], min_interval_hours: 2, template: 'Nhắc {code}'}\n",
        encoding="utf-8",
    )
    policy = load_escalation(path)
    assert policy.min_interval(1) == timedelta(hours=2)
    assert policy.render_message(1, code="PA-1") == "Nhắc PA-1"
    assert policy.next_level(_report(level=1)) is None


def test_policy_interval_paces_the_workflow(policy: EscalationPolicy) -> None:
    """A notice to the unit's head comes at least a day after the reminder."""
    clock = load_sla()

    def ctx_at(now: datetime) -> Context:
        return Context(now=now, clock=clock, escalation=policy)

    first = datetime(2026, 1, 7, 2, tzinfo=UTC)
    reminded, _ = apply_action(
        _report(), ActionType.ESCALATE, {"level": 1}, actor="op1", role=Role.OPERATOR,
        ctx=ctx_at(first),
    )  # fmt: skip
    with pytest.raises(TooSoon) as refused:
        apply_action(
            reminded, ActionType.ESCALATE, {"level": 2}, actor="sup1", role=Role.SUPERVISOR,
            ctx=ctx_at(first + timedelta(hours=23, minutes=59)),
        )  # fmt: skip
    assert "09:00 ngày 08/01/2026" in refused.value.message_vi
    noticed, event = apply_action(
        reminded, ActionType.ESCALATE, {"level": 2}, actor="sup1", role=Role.SUPERVISOR,
        ctx=ctx_at(first + timedelta(hours=24)),
    )  # fmt: skip
    assert noticed.escalation_level == 2
    assert noticed.escalated_at == first + timedelta(hours=24)
    assert policy.next_level(noticed) == 3
    assert event.payload["level"] == 2
    assert datetime(2026, 1, 8, 9, tzinfo=VN) == noticed.escalated_at
