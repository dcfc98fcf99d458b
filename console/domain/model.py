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

from console.domain.clock import utcnow as utcnow


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
    #: The video wall: reads only, and the server masks every personal detail it sends.
    WALL = "wall"


ROLE_LABELS_VI: dict[Role, str] = {
    Role.OPERATOR: "Điều hành viên",
    Role.SUPERVISOR: "Giám sát viên",
    Role.MEDIA: "Truyền thông",
    Role.ADMIN: "Quản trị",
    Role.UNIT: "Đơn vị xử lý",
    Role.CITIZEN: "Người dân",
    Role.WALL: "Màn hình tường",
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
    #: Queued on this workstation and not yet accepted by the server (never sent in JSON).
    pending: bool = False

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
    #: Empty: the Vietnamese name is shown in English too.
    name_en: str = ""


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
    name_en: str = ""


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
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """An operator's (or unit's) request to change a report."""

    type: ActionType
    payload: dict[str, Any] = field(default_factory=dict)
