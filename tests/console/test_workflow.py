"""The workflow table, entry by entry: sources, roles, payloads, effects and history.

The cases are generated from `workflow.TRANSITIONS`, so a new transition is covered as soon
as it has a valid payload here (a test fails until it does).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.domain.escalation import load_escalation
from console.domain.model import ActionType, Report, Role, Status, Urgency
from console.domain.sla import SlaClock, load_sla
from console.domain.workflow import (
    ESCALATION_ROLES,
    STAFF,
    TRANSITIONS,
    Context,
    IllegalTransition,
    InvalidPayload,
    RoleNotAllowed,
    TooSoon,
    WorkflowError,
    allowed_actions,
    apply_action,
)

NOW = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)  # Monday 09:00 in Huế
DEADLINE = NOW + timedelta(days=2)
ASKED = NOW + timedelta(days=10)
CLOCK: SlaClock = load_sla()
POLICY = load_escalation()


def iso(moment: datetime) -> str:
    return moment.isoformat()


def make_report(status: Status, **changes: Any) -> Report:
    report = Report(
        id=42, code="PA-2026-000042", title="Ổ gà trên đường Lê Lợi", description="Sâu, nguy hiểm",
        category="roads", urgency=Urgency.NORMAL, status=status, ward="phu-xuan", lat=16.46,
        lon=107.59, address="Lê Lợi", channel="app", created_at=NOW - timedelta(days=1),
        updated_at=NOW - timedelta(hours=1), version=3, unit="u-roads", deadline=DEADLINE,
        extension_deadline=ASKED, extension_reason="Chờ vật tư",
    )  # fmt: skip
    return report.replace(**changes)


def ctx(now: datetime = NOW, **changes: Any) -> Context:
    base: dict[str, Any] = {
        "now": now,
        "clock": CLOCK,
        "escalation": POLICY,
        "known_units": frozenset({"u-roads", "u-lighting"}),
        "known_categories": frozenset({"roads", "lighting"}),
    }
    base.update(changes)
    return Context(**base)


def act(
    report: Report, action: ActionType, payload: dict[str, Any], role: Role, **ctx_changes: Any
) -> tuple[Report, Any]:
    return apply_action(report, action, payload, actor="nv.an", role=role, ctx=ctx(**ctx_changes))


VALID: dict[ActionType, dict[str, Any]] = {
    ActionType.ACCEPT: {"category": "lighting", "urgency": "complex"},
    ActionType.REJECT: {"reason": "out_of_scope", "note": "Không phải PAHT"},
    ActionType.MERGE: {"duplicate_of": 7},
    ActionType.ASSIGN: {"unit": "u-lighting", "message": "Đề nghị xử lý"},
    ActionType.NOTE: {"text": "  Đã gọi điện cho đơn vị  "},
    ActionType.ESCALATE: {"level": 1},
    ActionType.DECIDE_EXTENSION: {"approve": True},
    ActionType.PUBLISH: {"reply": "Kính gửi: Quý Ông/Bà. ... Trân trọng."},
    ActionType.REOPEN: {"reason": "Chưa xử lý triệt để"},
    ActionType.CLOSE: {},
    ActionType.ACKNOWLEDGE: {},
    ActionType.RESOLVE: {"result_text": "Đã vá ổ gà"},
    ActionType.RETURN: {"reason": "Không thuộc thẩm quyền"},
    ActionType.REQUEST_EXTENSION: {"deadline": iso(ASKED), "reason": "Chờ vật tư"},
    ActionType.RATE: {"rating": 5},
}

BAD: dict[ActionType, list[dict[str, Any]]] = {
    ActionType.ACCEPT: [
        {"category": "space"},
        {"category": 5},
        {"urgency": "very"},
        {"lat": "16.46"},
        {"lon": True},
    ],
    ActionType.REJECT: [{}, {"reason": "bored"}, {"reason": "abusive", "note": 5}],
    ActionType.MERGE: [
        {},
        {"duplicate_of": 42},
        {"duplicate_of": True},
        {"duplicate_of": -1},
        {"duplicate_of": "7"},
    ],
    ActionType.ASSIGN: [
        {},
        {"unit": "u-unknown"},
        {"unit": "u-roads", "deadline": iso(NOW + timedelta(days=30))},
        {"unit": "u-roads", "deadline": iso(NOW - timedelta(hours=1)), "deadline_reason": "x"},
        {"unit": "u-roads", "deadline": "tomorrow", "deadline_reason": "x"},
        {"unit": "u-roads", "deadline": 1767600000, "deadline_reason": "x"},
    ],
    ActionType.NOTE: [{}, {"text": "   "}, {"text": "x" * 10_001}, {"text": 5}],
    ActionType.ESCALATE: [{}, {"level": 0}, {"level": 4}, {"level": "1"}, {"level": True}],
    ActionType.DECIDE_EXTENSION: [
        {},
        {"approve": "yes"},
        {"approve": False},
        {"approve": True, "deadline": iso(DEADLINE - timedelta(hours=1))},
        {"approve": True, "deadline": 5},
    ],
    ActionType.PUBLISH: [{"reply": 5}],
    ActionType.REOPEN: [{}, {"reason": ""}],
    ActionType.CLOSE: [{"note": ["x"]}],
    ActionType.ACKNOWLEDGE: [],
    ActionType.RESOLVE: [{}, {"result_text": " "}],
    ActionType.RETURN: [{}],
    ActionType.REQUEST_EXTENSION: [
        {"reason": "Chờ vật tư"},
        {"deadline": iso(DEADLINE - timedelta(hours=1)), "reason": "x"},
        {"deadline": iso(ASKED)},
        {"deadline": 12345, "reason": "x"},
        {"deadline": "", "reason": "x"},
    ],
    ActionType.RATE: [{}, {"rating": 0}, {"rating": 6}, {"rating": True}, {"rating": 4.5}],
}


def _cases(kind: str) -> list[Any]:
    cases = []
    for action, rule in TRANSITIONS.items():
        if kind == "legal":
            cases += [pytest.param(action, s, id=f"{action}-{s}") for s in sorted(rule.sources)]
        elif kind == "illegal":
            cases += [
                pytest.param(action, s, id=f"{action}-{s}")
                for s in sorted(set(Status) - rule.sources)
            ]
        elif kind == "allowed":
            cases += [pytest.param(action, r, id=f"{action}-{r}") for r in sorted(rule.roles)]
        elif kind == "refused":
            cases += [
                pytest.param(action, r, id=f"{action}-{r}") for r in sorted(set(Role) - rule.roles)
            ]
        else:
            cases += [
                pytest.param(action, p, id=f"{action}-{i}") for i, p in enumerate(BAD[action])
            ]
    return cases


def some_role(action: ActionType) -> Role:
    return sorted(TRANSITIONS[action].roles)[0]


def some_source(action: ActionType) -> Status:
    return sorted(TRANSITIONS[action].sources)[0]


def assert_bilingual(error: WorkflowError) -> None:
    """A refusal speaks Vietnamese to the operator and English to the logs."""
    assert error.message_vi and any(ord(c) > 127 for c in error.message_vi)
    assert error.message_en and error.message_en.isascii()
    assert error.message_vi in str(error) and error.message_en in str(error)


def test_every_transition_has_test_payloads() -> None:
    assert set(VALID) == set(TRANSITIONS) == set(BAD)


def test_every_status_but_new_is_reachable() -> None:
    targets = {rule.target for rule in TRANSITIONS.values()}
    assert set(Status) - {Status.NEW} <= targets


@pytest.mark.parametrize(("action", "status"), _cases("legal"))
def test_legal_source(action: ActionType, status: Status) -> None:
    report = make_report(status)
    role = some_role(action)
    updated, event = act(report, action, VALID[action], role)
    expected = TRANSITIONS[action].target or status
    assert updated.status is expected
    assert updated.version == report.version + 1
    assert updated.updated_at == NOW
    assert (event.from_status, event.to_status) == (status, expected)
    assert (event.actor, event.role, event.action, event.at) == ("nv.an", role, action, NOW)
    assert event.report_id == report.id
    assert event.to_json()["from_status"] == status.value


@pytest.mark.parametrize(("action", "status"), _cases("illegal"))
def test_illegal_source(action: ActionType, status: Status) -> None:
    with pytest.raises(IllegalTransition) as refused:
        act(make_report(status), action, VALID[action], some_role(action))
    assert refused.value.http_status == 422
    assert refused.value.code == "illegal_transition"
    assert "PA-2026-000042" in refused.value.message_vi
    assert_bilingual(refused.value)


@pytest.mark.parametrize(("action", "role"), _cases("allowed"))
def test_role_allowed(action: ActionType, role: Role) -> None:
    updated, event = act(make_report(some_source(action)), action, VALID[action], role)
    assert event.role is role
    assert updated.version == 4


@pytest.mark.parametrize(("action", "role"), _cases("refused"))
def test_role_refused(action: ActionType, role: Role) -> None:
    with pytest.raises(RoleNotAllowed) as refused:
        act(make_report(some_source(action)), action, VALID[action], role)
    assert refused.value.http_status == 403
    assert refused.value.code == "forbidden_role"
    assert_bilingual(refused.value)


@pytest.mark.parametrize(("action", "payload"), _cases("bad"))
def test_invalid_payload(action: ActionType, payload: dict[str, Any]) -> None:
    with pytest.raises(InvalidPayload) as refused:
        act(make_report(some_source(action)), action, payload, some_role(action))
    assert refused.value.http_status == 422
    assert_bilingual(refused.value)


# --- escalation ---------------------------------------------------------------------------


@pytest.mark.parametrize("level", [1, 2, 3])
@pytest.mark.parametrize("role", sorted(STAFF))
def test_escalation_level_roles(level: int, role: Role) -> None:
    report = make_report(Status.IN_PROGRESS)
    if role in ESCALATION_ROLES[level]:
        updated, event = act(report, ActionType.ESCALATE, {"level": level}, role)
        assert (updated.escalation_level, updated.escalated_at) == (level, NOW)
        assert updated.status is Status.IN_PROGRESS
        assert event.payload["level"] == level
    else:
        with pytest.raises(RoleNotAllowed) as refused:
            act(report, ActionType.ESCALATE, {"level": level}, role)
        assert_bilingual(refused.value)


def test_operator_may_only_remind() -> None:
    assert ESCALATION_ROLES[1] >= {Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}
    assert Role.OPERATOR not in ESCALATION_ROLES[2] | ESCALATION_ROLES[3]


@pytest.mark.parametrize("level", [1, 2])
def test_escalation_never_goes_back(level: int) -> None:
    report = make_report(
        Status.IN_PROGRESS, escalation_level=2, escalated_at=NOW - timedelta(days=9)
    )
    with pytest.raises(IllegalTransition) as refused:
        act(report, ActionType.ESCALATE, {"level": level}, Role.SUPERVISOR)
    assert_bilingual(refused.value)


def test_escalation_minimum_interval() -> None:
    """After a reminder (level 1) the policy makes the supervisor wait 24 hours."""
    reminded = make_report(
        Status.IN_PROGRESS, escalation_level=1, escalated_at=NOW - timedelta(hours=23)
    )
    with pytest.raises(TooSoon) as refused:
        act(reminded, ActionType.ESCALATE, {"level": 2}, Role.SUPERVISOR)
    assert refused.value.code == "escalation_too_soon"
    assert "10:00 ngày 05/01/2026" in refused.value.message_vi  # 03:00 UTC, in Huế time
    assert_bilingual(refused.value)
    ready = reminded.replace(escalated_at=NOW - timedelta(hours=24))
    updated, _ = act(ready, ActionType.ESCALATE, {"level": 2}, Role.SUPERVISOR)
    assert updated.escalation_level == 2
    # Without a policy in the context no interval is imposed.
    updated, _ = act(reminded, ActionType.ESCALATE, {"level": 2}, Role.SUPERVISOR, escalation=None)
    assert updated.escalation_level == 2


# --- effects of each action ---------------------------------------------------------------


def test_accept_classifies() -> None:
    updated, event = act(
        make_report(Status.NEW), ActionType.ACCEPT,
        {"category": "lighting", "urgency": "urgent", "lat": 16.5, "lon": 107},
        Role.OPERATOR,
    )  # fmt: skip
    assert (updated.category, updated.urgency) == ("lighting", Urgency.URGENT)
    assert (updated.lat, updated.lon) == (16.5, 107.0)
    assert event.payload == {"category": "lighting", "urgency": "urgent"}


def test_reject_and_merge_record_the_reason() -> None:
    rejected, event = act(
        make_report(Status.NEW), ActionType.REJECT, {"reason": "complaint"}, Role.OPERATOR
    )
    assert rejected.reject_reason == "complaint"
    assert event.payload["reason"] == "complaint"
    merged, _ = act(
        make_report(Status.RETURNED), ActionType.MERGE, {"duplicate_of": 7}, Role.OPERATOR
    )
    assert (merged.status, merged.duplicate_of, merged.reject_reason) == (
        Status.REJECTED, 7, "duplicate",
    )  # fmt: skip


def test_assign_sets_the_sla_deadline_and_resets_escalation() -> None:
    report = make_report(Status.ASSIGNED, escalation_level=2, escalated_at=NOW - timedelta(days=1))
    updated, event = act(report, ActionType.ASSIGN, {"unit": "u-lighting"}, Role.OPERATOR)
    # 7 working days from Monday 05/01/2026 09:00 (Huế) is Wednesday 14/01 09:00 = 02:00 UTC.
    assert updated.deadline == datetime(2026, 1, 14, 2, 0, tzinfo=UTC)
    assert (updated.unit, updated.escalation_level, updated.escalated_at) == ("u-lighting", 0, None)
    assert event.payload["previous_unit"] == "u-roads"


def test_assign_with_a_changed_deadline_needs_a_reason() -> None:
    later = NOW + timedelta(days=30)
    updated, event = act(
        make_report(Status.ACCEPTED), ActionType.ASSIGN,
        {"unit": "u-roads", "deadline": iso(later), "deadline_reason": "Công trình lớn"},
        Role.SUPERVISOR,
    )  # fmt: skip
    assert updated.deadline == later
    assert event.payload["deadline_reason"] == "Công trình lớn"


def test_extension_approved_and_denied() -> None:
    asked = make_report(Status.EXTENSION_REQUESTED)
    approved, _ = act(asked, ActionType.DECIDE_EXTENSION, {"approve": True}, Role.SUPERVISOR)
    assert (approved.deadline, approved.extended, approved.extension_deadline) == (
        ASKED,
        True,
        None,
    )
    denied, event = act(
        asked, ActionType.DECIDE_EXTENSION, {"approve": False, "reason": "Đủ thời gian"}, Role.ADMIN
    )
    assert (denied.deadline, denied.extended, denied.extension_reason) == (DEADLINE, False, None)
    assert event.payload == {"approve": False, "reason": "Đủ thời gian"}


def test_unit_actions() -> None:
    resolved, _ = act(
        make_report(Status.IN_PROGRESS), ActionType.RESOLVE, VALID[ActionType.RESOLVE], Role.UNIT
    )
    assert (resolved.result_text, resolved.resolved_at) == ("Đã vá ổ gà", NOW)
    returned, event = act(
        make_report(Status.ASSIGNED), ActionType.RETURN, VALID[ActionType.RETURN], Role.UNIT
    )
    assert (returned.unit, returned.deadline) == (None, None)
    assert event.payload["unit"] == "u-roads"
    asked, _ = act(
        make_report(Status.IN_PROGRESS), ActionType.REQUEST_EXTENSION,
        VALID[ActionType.REQUEST_EXTENSION], Role.UNIT,
    )  # fmt: skip
    assert (asked.extension_deadline, asked.deadline) == (ASKED, DEADLINE)


def test_reopen_restarts_the_handling_clock() -> None:
    report = make_report(Status.PUBLISHED, resolved_at=NOW - timedelta(days=1))
    reopened, _ = act(report, ActionType.REOPEN, VALID[ActionType.REOPEN], Role.SUPERVISOR)
    assert reopened.resolved_at is None
    assert reopened.deadline == datetime(2026, 1, 14, 2, 0, tzinfo=UTC)


def test_note_and_rating() -> None:
    noted, event = act(make_report(Status.NEW), ActionType.NOTE, VALID[ActionType.NOTE], Role.MEDIA)
    assert noted.status is Status.NEW
    assert event.payload == {"text": "Đã gọi điện cho đơn vị"}
    rated, _ = act(make_report(Status.PUBLISHED), ActionType.RATE, {"rating": 2}, Role.CITIZEN)
    assert (rated.status, rated.rating) == (Status.CLOSED, 2)


def test_allowed_actions_for_menus() -> None:
    assert allowed_actions(make_report(Status.NEW), Role.OPERATOR) == [
        ActionType.ACCEPT, ActionType.REJECT, ActionType.MERGE, ActionType.NOTE,
    ]  # fmt: skip
    assert allowed_actions(make_report(Status.EXTENSION_REQUESTED), Role.OPERATOR) == [
        ActionType.NOTE, ActionType.ESCALATE,
    ]  # fmt: skip
    assert ActionType.DECIDE_EXTENSION in allowed_actions(
        make_report(Status.EXTENSION_REQUESTED), Role.SUPERVISOR
    )
    assert allowed_actions(make_report(Status.CLOSED), Role.ADMIN) == []
