"""What the workflow's action rules speak in: its errors, its context and payload readers.

Kept apart from `console.domain.workflow` so the per-action rules there read as a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from console.domain.model import Urgency, parse_time


class WorkflowError(Exception):
    """An action the workflow refuses. `code` is stable; messages are for people."""

    code = "workflow_error"
    http_status = 422

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, language: str = "vi") -> str:
        """For the operator, in the UI's language (the central answers in Vietnamese)."""
        return self.message_en if language == "en" else self.message_vi


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


def text_field(payload: dict[str, Any], key: str, *, required: bool, limit: int = 10_000) -> str:
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


def time_field(payload: dict[str, Any], key: str, *, required: bool) -> datetime | None:
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
