"""The status workflow: who may do what from which status, as one explicit table.

Each row of `TRANSITIONS` names the roles, the source statuses, the target status and the
function that checks the payload and says what changes. Both the console (to refuse an
illegal action before it is queued, and to show the pending state) and the central API (the
authority) call `apply_action`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.domain.calendar import to_local
from console.domain.labels import label
from console.domain.model import (
    ACTION_LABELS_VI,
    FINAL_STATUSES,
    HANDLING_STATUSES,
    ROLE_LABELS_VI,
    STATUS_LABELS_VI,
    ActionType,
    Event,
    RejectReason,
    Report,
    Role,
    Status,
    Urgency,
)
from console.domain.workflow_terms import (
    Context,
    DeadlineClock,
    EscalationRules,
    IllegalTransition,
    InvalidPayload,
    RoleNotAllowed,
    TooSoon,
    WorkflowError,
    text_field,
    time_field,
)

__all__ = [
    "ESCALATION_ROLES",
    "OPEN_STATUSES",
    "SENIOR",
    "STAFF",
    "TRANSITIONS",
    "UNIT",
    "Context",
    "DeadlineClock",
    "EscalationRules",
    "IllegalTransition",
    "InvalidPayload",
    "RoleNotAllowed",
    "TooSoon",
    "Transition",
    "WorkflowError",
    "allowed_actions",
    "apply_action",
    "check_allowed",
]

STAFF = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
SENIOR = frozenset({Role.SUPERVISOR, Role.ADMIN})
UNIT = frozenset({Role.UNIT, Role.ADMIN})
OPEN_STATUSES = frozenset(set(Status) - FINAL_STATUSES)

#: Escalation levels 2 and 3 need a senior role; level 1 any staff.
ESCALATION_ROLES: dict[int, frozenset[Role]] = {1: STAFF, 2: SENIOR, 3: SENIOR}

#: What an action does: the report's changed fields and the payload kept in its history.
Effect = tuple[dict[str, Any], dict[str, Any]]
Rule = Callable[[Report, dict[str, Any], Role, Context], Effect]


def _accept(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    category = text_field(payload, "category", required=False) or report.category
    if ctx.known_categories is not None and category not in ctx.known_categories:
        raise InvalidPayload(
            f"Lĩnh vực «{category}» không tồn tại.", f"Unknown category {category}."
        )
    try:
        urgency = Urgency(payload.get("urgency") or report.urgency)
    except ValueError as exc:
        raise InvalidPayload("Mức độ khẩn không hợp lệ.", "Unknown urgency.") from exc
    changes: dict[str, Any] = {"category": category, "urgency": urgency}
    for key in ("lat", "lon"):
        if payload.get(key) is not None:
            value = payload[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidPayload("Tọa độ không hợp lệ.", "Coordinates must be numbers.")
            changes[key] = float(value)
    return changes, {"category": category, "urgency": urgency.value}


def _reject(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    reason = payload.get("reason")
    try:
        RejectReason(str(reason))
    except ValueError as exc:
        raise InvalidPayload(
            "Lý do không tiếp nhận không hợp lệ.", "Unknown reject reason."
        ) from exc
    return {"reject_reason": reason}, {
        "reason": reason,
        "note": text_field(payload, "note", required=False),
        "reply": text_field(payload, "reply", required=False),
    }


def _merge(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    original = payload.get("duplicate_of")
    if isinstance(original, bool) or not isinstance(original, int) or original <= 0:
        raise InvalidPayload("Thiếu phản ánh gốc để gộp.", "duplicate_of is required.")
    if original == report.id:
        raise InvalidPayload("Không thể gộp phản ánh vào chính nó.", "Cannot merge into itself.")
    changes = {"duplicate_of": original, "reject_reason": RejectReason.DUPLICATE.value}
    return changes, {"duplicate_of": original}


def _assign(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    unit = text_field(payload, "unit", required=True, limit=64)
    if ctx.known_units is not None and unit not in ctx.known_units:
        raise InvalidPayload(
            f"Đơn vị «{unit}» không tồn tại hoặc đã ngừng hoạt động.", f"Unknown unit {unit}."
        )
    deadline = time_field(payload, "deadline", required=False)
    reason = text_field(payload, "deadline_reason", required=False)
    computed = ctx.clock.handling_deadline(report.category, report.urgency, ctx.now)
    if deadline is None:
        deadline = computed
    elif deadline != computed and not reason:
        raise InvalidPayload(
            "Thay đổi thời hạn cần ghi lý do.", "A changed deadline needs a reason."
        )
    if deadline <= ctx.now:
        raise InvalidPayload("Thời hạn phải ở tương lai.", "The deadline must be in the future.")
    changes = {"unit": unit, "deadline": deadline, "escalation_level": 0, "escalated_at": None}
    return changes, {
        "unit": unit,
        "deadline": deadline.isoformat(),
        "deadline_reason": reason,
        "message": text_field(payload, "message", required=False),
        "previous_unit": report.unit,
    }


def _note(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    return {}, {"text": text_field(payload, "text", required=True)}


def _escalate(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    level = payload.get("level")
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 3:
        raise InvalidPayload("Cấp đôn đốc phải từ 1 đến 3.", "Escalation level must be 1-3.")
    if role not in ESCALATION_ROLES[level]:
        raise RoleNotAllowed(
            f"Đôn đốc cấp {level} cần vai trò Giám sát viên.",
            f"Escalation level {level} needs the supervisor role.",
        )
    if level <= report.escalation_level:
        raise IllegalTransition(
            f"Phản ánh {report.code} đã được đôn đốc cấp {report.escalation_level}.",
            f"Report {report.code} is already at escalation level {report.escalation_level}.",
        )
    if ctx.escalation is not None and report.escalated_at is not None:
        ready = report.escalated_at + ctx.escalation.min_interval(report.escalation_level)
        if ctx.now < ready:
            raise TooSoon(
                f"Chưa đủ thời gian tối thiểu giữa hai lần đôn đốc: có thể đôn đốc cấp {level} "
                f"từ {to_local(ready):%H:%M} ngày {to_local(ready):%d/%m/%Y} (giờ Việt Nam).",
                f"Too soon after the last escalation: level {level} possible from {ready:%Y-%m-%d %H:%M} UTC.",
            )
    changes = {"escalation_level": level, "escalated_at": ctx.now}
    return changes, {"level": level, "message": text_field(payload, "message", required=False)}


def _decide_extension(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    approve = payload.get("approve")
    if not isinstance(approve, bool):
        raise InvalidPayload(
            "Cần chọn duyệt hay từ chối gia hạn.", "approve must be true or false."
        )
    changes: dict[str, Any] = {"extension_deadline": None, "extension_reason": None}
    if not approve:
        return changes, {"approve": False, "reason": text_field(payload, "reason", required=True)}
    deadline = time_field(payload, "deadline", required=False) or report.extension_deadline
    if deadline is None or (report.deadline is not None and deadline <= report.deadline):
        raise InvalidPayload(
            "Thời hạn mới phải sau thời hạn cũ.", "The new deadline must be later."
        )
    changes.update(deadline=deadline, extended=True)
    return changes, {"approve": True, "deadline": deadline.isoformat()}


def _publish(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    return {}, {"reply": text_field(payload, "reply", required=False)}


def _reopen(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    recorded = {"reason": text_field(payload, "reason", required=True)}
    deadline = ctx.clock.handling_deadline(report.category, report.urgency, ctx.now)
    return {"resolved_at": None, "deadline": deadline}, recorded


def _close(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    return {}, {"note": text_field(payload, "note", required=False)}


def _acknowledge(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    return {}, {}


def _resolve(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    result = text_field(payload, "result_text", required=True)
    return {"result_text": result, "resolved_at": ctx.now}, {"result_text": result}


def _return(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    recorded = {"reason": text_field(payload, "reason", required=True), "unit": report.unit}
    return {"unit": None, "deadline": None}, recorded


def _request_extension(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    deadline = time_field(payload, "deadline", required=True)
    assert deadline is not None
    if report.deadline is not None and deadline <= report.deadline:
        raise InvalidPayload("Thời hạn xin gia hạn phải sau thời hạn hiện tại.", "Must be later.")
    reason = text_field(payload, "reason", required=True)
    changes = {"extension_deadline": deadline, "extension_reason": reason}
    return changes, {"deadline": deadline.isoformat(), "reason": reason}


def _rate(report: Report, payload: dict[str, Any], role: Role, ctx: Context) -> Effect:
    rating = payload.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise InvalidPayload("Điểm đánh giá từ 1 đến 5.", "Rating must be 1-5.")
    return {"rating": rating}, {"rating": rating}


@dataclass(frozen=True, slots=True)
class Transition:
    roles: frozenset[Role]
    sources: frozenset[Status]
    #: None keeps the status (note, escalate).
    target: Status | None
    rule: Rule


#: The whole workflow. A pair (action, status) absent from here is illegal.
TRANSITIONS: dict[ActionType, Transition] = {
    ActionType.ACCEPT: Transition(STAFF, frozenset({Status.NEW}), Status.ACCEPTED, _accept),
    ActionType.REJECT: Transition(
        STAFF, frozenset({Status.NEW, Status.ACCEPTED}), Status.REJECTED, _reject
    ),
    ActionType.MERGE: Transition(
        STAFF, frozenset({Status.NEW, Status.ACCEPTED, Status.RETURNED}), Status.REJECTED, _merge
    ),
    ActionType.ASSIGN: Transition(
        STAFF,
        frozenset({Status.ACCEPTED, Status.RETURNED, Status.ASSIGNED}),
        Status.ASSIGNED,
        _assign,
    ),
    ActionType.NOTE: Transition(
        STAFF | {Role.MEDIA, Role.UNIT}, frozenset(OPEN_STATUSES), None, _note
    ),
    ActionType.ESCALATE: Transition(STAFF, HANDLING_STATUSES, None, _escalate),
    ActionType.DECIDE_EXTENSION: Transition(
        SENIOR, frozenset({Status.EXTENSION_REQUESTED}), Status.IN_PROGRESS, _decide_extension
    ),
    ActionType.PUBLISH: Transition(STAFF, frozenset({Status.RESOLVED}), Status.PUBLISHED, _publish),
    ActionType.REOPEN: Transition(
        SENIOR, frozenset({Status.RESOLVED, Status.PUBLISHED}), Status.REOPENED, _reopen
    ),
    ActionType.CLOSE: Transition(
        SENIOR | {Role.CITIZEN}, frozenset({Status.PUBLISHED}), Status.CLOSED, _close
    ),
    ActionType.ACKNOWLEDGE: Transition(
        UNIT, frozenset({Status.ASSIGNED, Status.REOPENED}), Status.IN_PROGRESS, _acknowledge
    ),
    ActionType.RESOLVE: Transition(
        UNIT,
        frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED}),
        Status.RESOLVED,
        _resolve,
    ),
    ActionType.RETURN: Transition(
        UNIT, frozenset({Status.ASSIGNED, Status.IN_PROGRESS}), Status.RETURNED, _return
    ),
    ActionType.REQUEST_EXTENSION: Transition(
        UNIT,
        frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED}),
        Status.EXTENSION_REQUESTED,
        _request_extension,
    ),
    ActionType.RATE: Transition(
        frozenset({Role.CITIZEN}), frozenset({Status.PUBLISHED}), Status.CLOSED, _rate
    ),
}


def allowed_actions(report: Report, role: Role) -> list[ActionType]:
    """Actions `role` may try on `report` now (for menus; payload checks come later)."""
    return [
        action
        for action, rule in TRANSITIONS.items()
        if role in rule.roles and report.status in rule.sources
    ]


def check_allowed(report: Report, action: ActionType, role: Role) -> Transition:
    rule = TRANSITIONS[action]
    if report.status not in rule.sources:
        raise IllegalTransition(
            f"Không thể «{ACTION_LABELS_VI[action]}» khi phản ánh {report.code} đang ở trạng thái "
            f"«{STATUS_LABELS_VI[report.status]}».",
            f'Cannot "{label(action, "en")}" report {report.code} in status '
            f'"{label(report.status, "en")}".',
        )
    if role not in rule.roles:
        raise RoleNotAllowed(
            f"Vai trò «{ROLE_LABELS_VI[role]}» không được «{ACTION_LABELS_VI[action]}».",
            f'Role "{label(role, "en")}" may not "{label(action, "en")}".',
        )
    return rule


def apply_action(
    report: Report,
    action: ActionType,
    payload: dict[str, Any],
    *,
    actor: str,
    role: Role,
    ctx: Context,
) -> tuple[Report, Event]:
    """Return the report after `action` and the history event, or raise a WorkflowError.

    Effects on other reports (a merge raising its original's count) are the caller's.
    """
    transition = check_allowed(report, action, role)
    changes, recorded = transition.rule(report, payload, role, ctx)
    target = transition.target if transition.target is not None else report.status
    updated = report.replace(
        status=target, version=report.version + 1, updated_at=ctx.now, **changes
    )
    event = Event(
        report_id=report.id,
        at=ctx.now,
        actor=actor,
        role=role,
        action=action,
        from_status=report.status,
        to_status=target,
        payload=recorded,
    )
    return updated, event
