"""What a field report is, as both the console and the central API see it.

Plain frozen dataclasses with a JSON shape that is the wire contract of DESIGN.md.
Times are timezone-aware UTC on the wire (ISO 8601) and in memory.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    NEW = "new"
    REJECTED = "rejected"
    ACCEPTED = "accepted"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RETURNED = "returned"
    EXTENSION_REQUESTED = "extension_requested"
    RESOLVED = "resolved"
    PUBLISHED = "published"
    REOPENED = "reopened"
    CLOSED = "closed"


STATUS_LABELS_VI: dict[Status, str] = {
    Status.NEW: "Chờ tiếp nhận",
    Status.REJECTED: "Không tiếp nhận",
    Status.ACCEPTED: "Đã tiếp nhận",
    Status.ASSIGNED: "Đã chuyển xử lý",
    Status.IN_PROGRESS: "Đang xử lý",
    Status.RETURNED: "Đơn vị trả lại",
    Status.EXTENSION_REQUESTED: "Xin gia hạn",
    Status.RESOLVED: "Đã xử lý",
    Status.PUBLISHED: "Đã công khai",
    Status.REOPENED: "Xử lý lại",
    Status.CLOSED: "Đã đóng",
}

#: Statuses in which the handling unit still owes a result (the deadline clock runs).
HANDLING_STATUSES = frozenset(
    {Status.ASSIGNED, Status.IN_PROGRESS, Status.EXTENSION_REQUESTED, Status.REOPENED}
)
#: Statuses in which the IOC still owes triage (the intake clock runs).
INTAKE_STATUSES = frozenset({Status.NEW, Status.ACCEPTED, Status.RETURNED})
FINAL_STATUSES = frozenset({Status.REJECTED, Status.CLOSED})


class Urgency(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"
    COMPLEX = "complex"


URGENCY_LABELS_VI: dict[Urgency, str] = {
    Urgency.URGENT: "Khẩn cấp",
    Urgency.NORMAL: "Thường",
    Urgency.COMPLEX: "Phức tạp",
}


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    MEDIA = "media"
    ADMIN = "admin"
    #: A handling unit's account (the demo simulator acts with it).
    UNIT = "unit"
    #: The citizen's own app (new reports, ratings) and timed closures.
    CITIZEN = "citizen"


ROLE_LABELS_VI: dict[Role, str] = {
    Role.OPERATOR: "Điều hành viên",
    Role.SUPERVISOR: "Giám sát viên",
    Role.MEDIA: "Truyền thông",
    Role.ADMIN: "Quản trị",
    Role.UNIT: "Đơn vị xử lý",
    Role.CITIZEN: "Người dân",
}

#: Roles allowed to see a reporter's identity and contact.
CONTACT_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})


class ActionType(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    MERGE = "merge"
    ASSIGN = "assign"
    NOTE = "note"
    ESCALATE = "escalate"
    DECIDE_EXTENSION = "decide_extension"
    PUBLISH = "publish"
    REOPEN = "reopen"
    CLOSE = "close"
    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    RATE = "rate"


ACTION_LABELS_VI: dict[ActionType, str] = {
    ActionType.ACCEPT: "Tiếp nhận, phân loại",
    ActionType.REJECT: "Không tiếp nhận",
    ActionType.MERGE: "Gộp trùng",
    ActionType.ASSIGN: "Chuyển xử lý",
    ActionType.NOTE: "Ghi chú nội bộ",
    ActionType.ESCALATE: "Đôn đốc",
    ActionType.DECIDE_EXTENSION: "Quyết định gia hạn",
    ActionType.PUBLISH: "Công khai kết quả",
    ActionType.REOPEN: "Yêu cầu xử lý lại",
    ActionType.CLOSE: "Đóng",
    ActionType.ACKNOWLEDGE: "Đơn vị tiếp nhận",
    ActionType.RESOLVE: "Đơn vị báo kết quả",
    ActionType.RETURN: "Đơn vị trả lại",
    ActionType.REQUEST_EXTENSION: "Đơn vị xin gia hạn",
    ActionType.RATE: "Người dân đánh giá",
}


class RejectReason(StrEnum):
    OUT_OF_SCOPE = "out_of_scope"
    INSUFFICIENT_INFO = "insufficient_info"
    COMPLAINT = "complaint"
    ABUSIVE = "abusive"
    OUTSIDE_CITY = "outside_city"
    DUPLICATE = "duplicate"


REJECT_REASON_LABELS_VI: dict[RejectReason, str] = {
    RejectReason.OUT_OF_SCOPE: "Không thuộc phạm vi phản ánh hiện trường",
    RejectReason.INSUFFICIENT_INFO: "Không đủ thông tin",
    RejectReason.COMPLAINT: "Khiếu nại, tố cáo (thực hiện theo thủ tục khác)",
    RejectReason.ABUSIVE: "Ngôn từ không phù hợp, không mang tính xây dựng",
    RejectReason.OUTSIDE_CITY: "Ngoài địa bàn thành phố",
    RejectReason.DUPLICATE: "Trùng lặp (đã gộp vào phản ánh khác)",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_time(value: str | None) -> datetime | None:
    """Parse an ISO 8601 time; a naive value is taken as UTC."""
    if value is None or value == "":
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Reporter:
    """The citizen who sent a report: personal data, only for CONTACT_ROLES."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Media:
    """A photo attached to a report; `url` is relative to the API origin."""

    url: str
    kind: str = "photo"  # photo | result_photo
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    id: int
    code: str
    title: str
    description: str
    category: str
    urgency: Urgency
    status: Status
    ward: str
    lat: float | None
    lon: float | None
    address: str
    channel: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    unit: str | None = None
    deadline: datetime | None = None
    escalation_level: int = 0
    escalated_at: datetime | None = None
    duplicate_of: int | None = None
    merged_count: int = 0
    media: tuple[Media, ...] = ()
    rating: int | None = None
    reporter: Reporter | None = None
    reject_reason: str | None = None
    result_text: str | None = None
    resolved_at: datetime | None = None
    extension_deadline: datetime | None = None
    extension_reason: str | None = None
    extended: bool = False
    views: int = 0

    def replace(self, **changes: Any) -> Report:
        return dataclasses.replace(self, **changes)

    def to_json(self, *, with_reporter: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "code": self.code,
            "title": self.title,
            "description": self.description,
            "category": self.category,
            "urgency": self.urgency.value,
            "status": self.status.value,
            "ward": self.ward,
            "lat": self.lat,
            "lon": self.lon,
            "address": self.address,
            "channel": self.channel,
            "created_at": format_time(self.created_at),
            "updated_at": format_time(self.updated_at),
            "version": self.version,
            "unit": self.unit,
            "deadline": format_time(self.deadline),
            "escalation_level": self.escalation_level,
            "escalated_at": format_time(self.escalated_at),
            "duplicate_of": self.duplicate_of,
            "merged_count": self.merged_count,
            "media": [dataclasses.asdict(m) for m in self.media],
            "rating": self.rating,
            "reject_reason": self.reject_reason,
            "result_text": self.result_text,
            "resolved_at": format_time(self.resolved_at),
            "extension_deadline": format_time(self.extension_deadline),
            "extension_reason": self.extension_reason,
            "extended": self.extended,
            "views": self.views,
        }
        if with_reporter and self.reporter is not None:
            data["reporter"] = dataclasses.asdict(self.reporter)
        return data


@dataclass(frozen=True, slots=True)
class Event:
    """One line of a report's history: who did what, when, and the state before and after."""

    report_id: int
    at: datetime
    actor: str
    role: Role
    action: ActionType
    from_status: Status
    to_status: Status
    payload: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "at": format_time(self.at),
            "actor": self.actor,
            "role": self.role.value,
            "action": self.action.value,
            "from_status": self.from_status.value,
            "to_status": self.to_status.value,
            "payload": self.payload,
        }


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    kind: str  # department | ward_committee | company | central_agency
    active: bool = True
    head: str = ""
    focal_point: str = ""
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True, slots=True)
class Ward:
    code: str
    name: str
    kind: str  # phuong | xa | former
    lat: float
    lon: float
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None
    #: The UBND unit that handles local matters here (current wards only).
    committee: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """An operator's (or unit's) request to change a report."""

    type: ActionType
    payload: dict[str, Any] = field(default_factory=dict)


class InvalidRecord(ValueError):
    """A record from the wire that cannot be a Report; the message says which field and why."""


def _field_time(data: dict[str, Any], name: str, *, required: bool = False) -> datetime | None:
    raw = data.get(name)
    if raw is None:
        if required:
            raise InvalidRecord(f"{name}: missing")
        return None
    if not isinstance(raw, str):
        raise InvalidRecord(f"{name}: not a time string")
    try:
        return parse_time(raw)
    except ValueError as exc:
        raise InvalidRecord(f"{name}: bad time {raw[:40]!r}") from exc


def _field_str(
    data: dict[str, Any], name: str, *, required: bool = True, limit: int = 200_000
) -> str:
    raw = data.get(name)
    if raw is None:
        if required:
            raise InvalidRecord(f"{name}: missing")
        return ""
    if not isinstance(raw, str):
        raise InvalidRecord(f"{name}: not a string")
    if len(raw) > limit:
        raise InvalidRecord(f"{name}: longer than {limit} characters")
    return raw


def _field_float(data: dict[str, Any], name: str) -> float | None:
    raw = data.get(name)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InvalidRecord(f"{name}: not a number")
    value = float(raw)
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidRecord(f"{name}: not a finite number")
    return value


def _field_int(data: dict[str, Any], name: str, default: int | None = None) -> int | None:
    raw = data.get(name, default)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InvalidRecord(f"{name}: not an integer")
    return raw


def report_from_json(data: Any) -> Report:
    """Validate one wire record and build a Report, or raise InvalidRecord with the reason."""
    if not isinstance(data, dict):
        raise InvalidRecord("record: not an object")
    report_id = _field_int(data, "id")
    if report_id is None or report_id <= 0:
        raise InvalidRecord("id: missing or not positive")
    try:
        status = Status(str(data.get("status")))
    except ValueError as exc:
        raise InvalidRecord(f"status: unknown {str(data.get('status'))[:40]!r}") from exc
    try:
        urgency = Urgency(data.get("urgency") or "normal")
    except ValueError as exc:
        raise InvalidRecord(f"urgency: unknown {str(data.get('urgency'))[:40]!r}") from exc
    lat = _field_float(data, "lat")
    lon = _field_float(data, "lon")
    if lat is not None and not -90 <= lat <= 90:
        raise InvalidRecord("lat: outside -90..90")
    if lon is not None and not -180 <= lon <= 180:
        raise InvalidRecord("lon: outside -180..180")
    version = _field_int(data, "version", 1)
    if version is None or version < 1:
        raise InvalidRecord("version: missing or below 1")
    escalation = _field_int(data, "escalation_level", 0) or 0
    if not 0 <= escalation <= 3:
        raise InvalidRecord("escalation_level: outside 0..3")
    rating = _field_int(data, "rating")
    if rating is not None and not 1 <= rating <= 5:
        raise InvalidRecord("rating: outside 1..5")
    raw_media = data.get("media") or []
    if not isinstance(raw_media, list):
        raise InvalidRecord("media: not a list")
    media: list[Media] = []
    for item in raw_media:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise InvalidRecord("media: item without a url")
        media.append(
            Media(
                url=item["url"],
                kind=str(item.get("kind") or "photo"),
                caption=str(item.get("caption") or ""),
            )
        )
    raw_reporter = data.get("reporter")
    reporter = None
    if isinstance(raw_reporter, dict):
        reporter = Reporter(
            name=raw_reporter.get("name"),
            phone=raw_reporter.get("phone"),
            email=raw_reporter.get("email"),
        )
    elif raw_reporter is not None:
        raise InvalidRecord("reporter: not an object")
    created_at = _field_time(data, "created_at", required=True)
    updated_at = _field_time(data, "updated_at", required=True)
    assert created_at is not None and updated_at is not None
    duplicate_of = _field_int(data, "duplicate_of")
    return Report(
        id=report_id,
        code=_field_str(data, "code", limit=64),
        title=_field_str(data, "title", limit=2_000),
        description=_field_str(data, "description", required=False),
        category=_field_str(data, "category", limit=64),
        urgency=urgency,
        status=status,
        ward=_field_str(data, "ward", required=False, limit=64),
        lat=lat,
        lon=lon,
        address=_field_str(data, "address", required=False, limit=2_000),
        channel=_field_str(data, "channel", required=False, limit=64) or "app",
        created_at=created_at,
        updated_at=updated_at,
        version=version,
        unit=data.get("unit") if isinstance(data.get("unit"), str) else None,
        deadline=_field_time(data, "deadline"),
        escalation_level=escalation,
        escalated_at=_field_time(data, "escalated_at"),
        duplicate_of=duplicate_of,
        merged_count=_field_int(data, "merged_count", 0) or 0,
        media=tuple(media),
        rating=rating,
        reporter=reporter,
        reject_reason=data.get("reject_reason")
        if isinstance(data.get("reject_reason"), str)
        else None,
        result_text=_field_str(data, "result_text", required=False) or None,
        resolved_at=_field_time(data, "resolved_at"),
        extension_deadline=_field_time(data, "extension_deadline"),
        extension_reason=_field_str(data, "extension_reason", required=False) or None,
        extended=bool(data.get("extended", False)),
        views=_field_int(data, "views", 0) or 0,
    )
