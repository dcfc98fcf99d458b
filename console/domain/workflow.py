"""The status workflow: who may do what from which status, as one explicit table.

Both the console (to refuse an illegal action before it is queued, and to show the pending
state) and the central API (the authority) call `apply_action`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from console.domain.calendar import to_local
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
    parse_time,
)

STAFF = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
SENIOR = frozenset({Role.SUPERVISOR, Role.ADMIN})
UNIT = frozenset({Role.UNIT, Role.ADMIN})
OPEN_STATUSES = frozenset(set(Status) - FINAL_STATUSES)


@dataclass(frozen=True, slots=True)
class Transition:
    roles: frozenset[Role]
    sources: frozenset[Status]
    #: None keeps the status (note, escalate); a callable decides from the payload.
    target: Status | None


#: The whole workflow. A pair (action, status) absent from here is illegal.
TRANSITIONS: dict[ActionType, Transition] = {
    ActionType.ACCEPT: Transition(STAFF, frozenset({Status.NEW}), Status.ACCEPTED),
    ActionType.REJECT: Transition(STAFF, frozenset({Status.NEW, Status.ACCEPTED}), Status.REJECTED),
    ActionType.MERGE: Transition(
        STAFF, frozenset({Status.NEW, Status.ACCEPTED, Status.RETURNED}), Status.REJECTED
    ),
    ActionType.ASSIGN: Transition(
        STAFF, frozenset({Status.ACCEPTED, Status.RETURNED, Status.ASSIGNED}), Status.ASSIGNED
    ),
    ActionType.NOTE: Transition(STAFF | {Role.MEDIA, Role.UNIT}, frozenset(OPEN_STATUSES), None),
    ActionType.ESCALATE: Transition(STAFF, HANDLING_STATUSES, None),
    ActionType.DECIDE_EXTENSION: Transition(
        SENIOR, frozenset({Status.EXTENSION_REQUESTED}), Status.IN_PROGRESS
    ),
    ActionType.PUBLISH: Transition(STAFF, frozenset({Status.RESOLVED}), Status.PUBLISHED),
    ActionType.REOPEN: Transition(
        SENIOR, frozenset({Status.RESOLVED, Status.PUBLISHED}), Status.REOPENED
    ),
    ActionType.CLOSE: Transition(
        SENIOR | {Role.CITIZEN}, frozenset({Status.PUBLISHED}), Status.CLOSED
    ),
    ActionType.ACKNOWLEDGE: Transition(
        UNIT, frozenset({Status.ASSIGNED, Status.REOPENED}), Status.IN_PROGRESS
    ),
    ActionType.RESOLVE: Transition(
        UNIT,
        frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED}),
        Status.RESOLVED,
    ),
    ActionType.RETURN: Transition(
        UNIT, frozenset({Status.ASSIGNED, Status.IN_PROGRESS}), Status.RETURNED
    ),
    ActionType.REQUEST_EXTENSION: Transition(
        UNIT,
        frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED}),
        Status.EXTENSION_REQUESTED,
    ),
    ActionType.RATE: Transition(
        frozenset({Role.CITIZEN}), frozenset({Status.PUBLISHED}), Status.CLOSED
    ),
}

#: Escalation levels 2 and 3 need a senior role; level 1 any staff.
ESCALATION_ROLES: dict[int, frozenset[Role]] = {1: STAFF, 2: SENIOR, 3: SENIOR}


class WorkflowError(Exception):
    """An action the workflow refuses. `code` is stable; messages are for people."""

    code = "workflow_error"
    http_status = 422

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


class IllegalTransition(WorkflowError):
    code = "illegal_transition"


class RoleNotAllowed(WorkflowError):
    code = "forbidden_role"
    http_status = 403


class InvalidPayload(WorkflowError):
    code = "invalid_payload"


class TooSoon(WorkflowError):
    code = "escalation_too_soon"


class DeadlineClock(Protocol):
    """What the workflow needs from the SLA clock (console.domain.sla.SlaClock)."""

    def handling_deadline(self, category: str, urgency: Urgency, start: datetime) -> datetime: ...


class EscalationRules(Protocol):
    def min_interval(self, level: int) -> timedelta: ...


@dataclass(frozen=True, slots=True)
class Context:
    """What an action needs beyond the report: time, SLA clock, escalation policy, references."""

    now: datetime
    clock: DeadlineClock
    escalation: EscalationRules | None = None
    known_units: frozenset[str] | None = None
    known_categories: frozenset[str] | None = None


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
            f"Cannot {action.value} report {report.code} in status {report.status.value}.",
        )
    if role not in rule.roles:
        raise RoleNotAllowed(
            f"Vai trò «{ROLE_LABELS_VI[role]}» không được «{ACTION_LABELS_VI[action]}».",
            f"Role {role.value} may not {action.value}.",
        )
    return rule


def _text(payload: dict[str, Any], key: str, *, required: bool, limit: int = 10_000) -> str:
    value = payload.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidPayload(f"Trường «{key}» phải là văn bản.", f"Field {key} must be text.")
    value = value.strip()
    if required and not value:
        raise InvalidPayload(f"Thiếu «{key}».", f"Field {key} is required.")
    if len(value) > limit:
        raise InvalidPayload(
            f"«{key}» dài quá {limit} ký tự.", f"Field {key} is longer than {limit} characters."
        )
    return value


def _time(payload: dict[str, Any], key: str, *, required: bool) -> datetime | None:
    raw = payload.get(key)
    if raw is None or raw == "":
        if required:
            raise InvalidPayload(f"Thiếu thời hạn «{key}».", f"Field {key} is required.")
        return None
    if not isinstance(raw, str):
        raise InvalidPayload(
            f"Thời hạn «{key}» phải là thời điểm dạng ISO 8601.",
            f"Field {key} must be an ISO time.",
        )
    try:
        return parse_time(raw)
    except ValueError as exc:
        raise InvalidPayload(
            f"Thời hạn «{key}» không hợp lệ.", f"Field {key} is not a valid time."
        ) from exc


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
    rule = check_allowed(report, action, role)
    now = ctx.now
    target = rule.target if rule.target is not None else report.status
    changes: dict[str, Any] = {}
    recorded: dict[str, Any] = {}

    if action is ActionType.ACCEPT:
        category = _text(payload, "category", required=False) or report.category
        if ctx.known_categories is not None and category not in ctx.known_categories:
            raise InvalidPayload(
                f"Lĩnh vực «{category}» không tồn tại.", f"Unknown category {category}."
            )
        try:
            urgency = Urgency(payload.get("urgency") or report.urgency)
        except ValueError as exc:
            raise InvalidPayload("Mức độ khẩn không hợp lệ.", "Unknown urgency.") from exc
        changes.update(category=category, urgency=urgency)
        for key in ("lat", "lon"):
            if payload.get(key) is not None:
                value = payload[key]
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise InvalidPayload("Tọa độ không hợp lệ.", "Coordinates must be numbers.")
                changes[key] = float(value)
        recorded = {"category": category, "urgency": urgency.value}
    elif action is ActionType.REJECT:
        reason = payload.get("reason")
        try:
            RejectReason(str(reason))
        except ValueError as exc:
            raise InvalidPayload(
                "Lý do không tiếp nhận không hợp lệ.", "Unknown reject reason."
            ) from exc
        changes.update(reject_reason=reason)
        recorded = {
            "reason": reason,
            "note": _text(payload, "note", required=False),
            "reply": _text(payload, "reply", required=False),
        }
    elif action is ActionType.MERGE:
        original = payload.get("duplicate_of")
        if isinstance(original, bool) or not isinstance(original, int) or original <= 0:
            raise InvalidPayload("Thiếu phản ánh gốc để gộp.", "duplicate_of is required.")
        if original == report.id:
            raise InvalidPayload(
                "Không thể gộp phản ánh vào chính nó.", "Cannot merge into itself."
            )
        changes.update(duplicate_of=original, reject_reason=RejectReason.DUPLICATE.value)
        recorded = {"duplicate_of": original}
    elif action is ActionType.ASSIGN:
        unit = _text(payload, "unit", required=True, limit=64)
        if ctx.known_units is not None and unit not in ctx.known_units:
            raise InvalidPayload(
                f"Đơn vị «{unit}» không tồn tại hoặc đã ngừng hoạt động.", f"Unknown unit {unit}."
            )
        deadline = _time(payload, "deadline", required=False)
        reason = _text(payload, "deadline_reason", required=False)
        computed = ctx.clock.handling_deadline(report.category, report.urgency, now)
        if deadline is None:
            deadline = computed
        elif deadline != computed and not reason:
            raise InvalidPayload(
                "Thay đổi thời hạn cần ghi lý do.", "A changed deadline needs a reason."
            )
        if deadline <= now:
            raise InvalidPayload(
                "Thời hạn phải ở tương lai.", "The deadline must be in the future."
            )
        changes.update(unit=unit, deadline=deadline, escalation_level=0, escalated_at=None)
        recorded = {
            "unit": unit,
            "deadline": deadline.isoformat(),
            "deadline_reason": reason,
            "message": _text(payload, "message", required=False),
            "previous_unit": report.unit,
        }
    elif action is ActionType.NOTE:
        recorded = {"text": _text(payload, "text", required=True)}
    elif action is ActionType.ESCALATE:
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
            wait = ctx.escalation.min_interval(report.escalation_level)
            ready = report.escalated_at + wait
            if now < ready:
                raise TooSoon(
                    f"Chưa đủ thời gian tối thiểu giữa hai lần đôn đốc: có thể đôn đốc cấp {level} "
                    f"từ {to_local(ready):%H:%M} ngày {to_local(ready):%d/%m/%Y} (giờ Việt Nam).",
                    f"Too soon after the last escalation: level {level} possible from {ready:%Y-%m-%d %H:%M} UTC.",
                )
        changes.update(escalation_level=level, escalated_at=now)
        recorded = {"level": level, "message": _text(payload, "message", required=False)}
    elif action is ActionType.DECIDE_EXTENSION:
        approve = payload.get("approve")
        if not isinstance(approve, bool):
            raise InvalidPayload(
                "Cần chọn duyệt hay từ chối gia hạn.", "approve must be true or false."
            )
        if approve:
            deadline = _time(payload, "deadline", required=False) or report.extension_deadline
            if deadline is None or (report.deadline is not None and deadline <= report.deadline):
                raise InvalidPayload(
                    "Thời hạn mới phải sau thời hạn cũ.", "The new deadline must be later."
                )
            changes.update(deadline=deadline, extended=True)
            recorded = {"approve": True, "deadline": deadline.isoformat()}
        else:
            recorded = {"approve": False, "reason": _text(payload, "reason", required=True)}
        changes.update(extension_deadline=None, extension_reason=None)
    elif action is ActionType.PUBLISH:
        recorded = {"reply": _text(payload, "reply", required=False)}
    elif action is ActionType.REOPEN:
        recorded = {"reason": _text(payload, "reason", required=True)}
        changes.update(
            resolved_at=None,
            deadline=ctx.clock.handling_deadline(report.category, report.urgency, now),
        )
    elif action is ActionType.CLOSE:
        recorded = {"note": _text(payload, "note", required=False)}
    elif action is ActionType.ACKNOWLEDGE:
        recorded = {}
    elif action is ActionType.RESOLVE:
        result = _text(payload, "result_text", required=True)
        changes.update(result_text=result, resolved_at=now)
        recorded = {"result_text": result}
    elif action is ActionType.RETURN:
        recorded = {"reason": _text(payload, "reason", required=True), "unit": report.unit}
        changes.update(unit=None, deadline=None)
    elif action is ActionType.REQUEST_EXTENSION:
        deadline = _time(payload, "deadline", required=True)
        assert deadline is not None
        if report.deadline is not None and deadline <= report.deadline:
            raise InvalidPayload(
                "Thời hạn xin gia hạn phải sau thời hạn hiện tại.", "Must be later."
            )
        reason = _text(payload, "reason", required=True)
        changes.update(extension_deadline=deadline, extension_reason=reason)
        recorded = {"deadline": deadline.isoformat(), "reason": reason}
    elif action is ActionType.RATE:
        rating = payload.get("rating")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            raise InvalidPayload("Điểm đánh giá từ 1 đến 5.", "Rating must be 1-5.")
        changes.update(rating=rating)
        recorded = {"rating": rating}

    updated = report.replace(status=target, version=report.version + 1, updated_at=now, **changes)
    event = Event(
        report_id=report.id,
        at=now,
        actor=actor,
        role=role,
        action=action,
        from_status=report.status,
        to_status=target,
        payload=recorded,
    )
    return updated, event
