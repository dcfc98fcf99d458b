"""What an operator reads for a fixed value of the domain, in the console's two languages.

Statuses, urgency levels, roles, actions, reject reasons and deadline stages are enums: their
Vietnamese labels live beside them in `model` and `sla` (the exports and the central API speak
Vietnamese), the English ones here, and `label(value, language)` is the one way to read either.
Sentences the domain composes (routing advice, time left) are in `PHRASES`, read through
`phrase`.
Names that are data (categories, units, wards, channels, escalation levels) carry their English
name in console/resources/ and are read through `Reference` and `EscalationLevel` the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from console.domain.model import (
    ACTION_LABELS_VI,
    REJECT_REASON_LABELS_VI,
    ROLE_LABELS_VI,
    STATUS_LABELS_VI,
    URGENCY_LABELS_VI,
    ActionType,
    RejectReason,
    Role,
    Status,
    Urgency,
)
from console.domain.sla import STAGE_LABELS_VI, Stage

LANGUAGES = ("vi", "en")

STATUS_LABELS_EN: dict[Status, str] = {
    Status.NEW: "Awaiting intake",
    Status.REJECTED: "Not accepted",
    Status.ACCEPTED: "Accepted",
    Status.ASSIGNED: "Sent for handling",
    Status.IN_PROGRESS: "In progress",
    Status.RETURNED: "Returned by unit",
    Status.EXTENSION_REQUESTED: "Extension requested",
    Status.RESOLVED: "Resolved",
    Status.PUBLISHED: "Published",
    Status.REOPENED: "Reopened",
    Status.CLOSED: "Closed",
}

URGENCY_LABELS_EN: dict[Urgency, str] = {
    Urgency.URGENT: "Urgent",
    Urgency.NORMAL: "Normal",
    Urgency.COMPLEX: "Complex",
}

ROLE_LABELS_EN: dict[Role, str] = {
    Role.OPERATOR: "Operator",
    Role.SUPERVISOR: "Supervisor",
    Role.MEDIA: "Media",
    Role.ADMIN: "Administrator",
    Role.UNIT: "Handling unit",
    Role.CITIZEN: "Citizen",
    Role.WALL: "Video wall",
}

ACTION_LABELS_EN: dict[ActionType, str] = {
    ActionType.ACCEPT: "Accept and classify",
    ActionType.REJECT: "Reject",
    ActionType.MERGE: "Merge duplicate",
    ActionType.ASSIGN: "Assign for handling",
    ActionType.NOTE: "Internal note",
    ActionType.ESCALATE: "Escalate",
    ActionType.DECIDE_EXTENSION: "Decide on extension",
    ActionType.PUBLISH: "Publish the result",
    ActionType.REOPEN: "Ask for rework",
    ActionType.CLOSE: "Close",
    ActionType.ACKNOWLEDGE: "Unit acknowledges",
    ActionType.RESOLVE: "Unit posts its result",
    ActionType.RETURN: "Unit returns the report",
    ActionType.REQUEST_EXTENSION: "Unit asks for an extension",
    ActionType.RATE: "Citizen rates",
}

REJECT_REASON_LABELS_EN: dict[RejectReason, str] = {
    RejectReason.OUT_OF_SCOPE: "Not a field report",
    RejectReason.INSUFFICIENT_INFO: "Not enough information",
    RejectReason.COMPLAINT: "Complaint or denunciation (another procedure applies)",
    RejectReason.ABUSIVE: "Abusive or not constructive",
    RejectReason.OUTSIDE_CITY: "Outside the city",
    RejectReason.DUPLICATE: "Duplicate (merged into another report)",
}

STAGE_LABELS_EN: dict[Stage, str] = {
    Stage.INTAKE: "IOC intake, classification and transfer",
    Stage.ACKNOWLEDGE: "Unit acknowledges",
    Stage.HANDLE: "Unit handles and posts the result",
}

_TABLES: dict[type[StrEnum], dict[str, Mapping[Any, str]]] = {
    Status: {"vi": STATUS_LABELS_VI, "en": STATUS_LABELS_EN},
    Urgency: {"vi": URGENCY_LABELS_VI, "en": URGENCY_LABELS_EN},
    Role: {"vi": ROLE_LABELS_VI, "en": ROLE_LABELS_EN},
    ActionType: {"vi": ACTION_LABELS_VI, "en": ACTION_LABELS_EN},
    RejectReason: {"vi": REJECT_REASON_LABELS_VI, "en": REJECT_REASON_LABELS_EN},
    Stage: {"vi": STAGE_LABELS_VI, "en": STAGE_LABELS_EN},
}


def label(value: StrEnum, language: str = "vi") -> str:
    """The label of an enum value; Vietnamese for an unknown language, the code if unknown."""
    tables = _TABLES.get(type(value))
    if tables is None:
        return str(value)
    table = tables.get(language, tables["vi"])
    return table.get(value) or tables["vi"].get(value) or str(value)


def label_of(kind: type[StrEnum], code: str | None, language: str = "vi") -> str:
    """`label` for a stored code (a string from the cache or the wire); the code if unknown."""
    if code is None:
        return ""
    try:
        return label(kind(code), language)
    except ValueError:
        return code


#: Sentences the domain composes for an operator, by key: {language: template}.
PHRASES: dict[str, dict[str, str]] = {
    "time.day": {"vi": "{n} ngày", "en": "{n}d"},
    "time.hour": {"vi": "{n} giờ", "en": "{n}h"},
    "time.minute": {"vi": "{n} phút", "en": "{n}min"},
    "time.none": {"vi": "dưới 1 phút", "en": "under 1 min"},
    "time.days": {"vi": "{n} ngày", "en": "{n} days"},
    "time.late": {"vi": "quá hạn {span}", "en": "{span} overdue"},
    "time.left": {"vi": "còn {span}", "en": "{span} left"},
    "time.working": {"vi": "còn {span} làm việc", "en": "{span} working time left"},
    "route.explanation": {
        "vi": "Lĩnh vực {category}{place} → {unit} ({notes})",
        "en": "Category {category}{place} → {unit} ({notes})",
    },
    "route.ward": {"vi": " tại {ward}", "en": " in {ward}"},
    "route.former_ward": {"vi": " tại {ward} (nay là {now})", "en": " in {ward} (now {now})"},
    "route.unknown_ward": {
        "vi": " tại địa bàn không rõ '{ward}'",
        "en": " in unknown ward '{ward}'",
    },
    "route.no_ward": {"vi": " (chưa rõ địa bàn)", "en": " (ward not known)"},
    "route.rule": {"vi": "quy tắc {number}", "en": "rule {number}"},
    "route.category_default": {"vi": "mặc định của lĩnh vực", "en": "category default"},
    "route.ward_committee": {"vi": "UBND địa bàn", "en": "ward committee"},
    "route.unknown_category": {
        "vi": "Lĩnh vực '{category}' không có trong danh mục",
        "en": "Category '{category}' is not in the list",
    },
    "route.none": {
        "vi": "Không có quy tắc phân công nào cho lĩnh vực {category} dẫn tới một đơn vị đang "
        "hoạt động; hãy chọn đơn vị thủ công",
        "en": "No routing rule for category {category} leads to an active unit; "
        "choose the unit by hand",
    },
    "route.none_in_ward": {
        "vi": "Không có quy tắc phân công nào cho lĩnh vực {category} tại {ward} dẫn tới một "
        "đơn vị đang hoạt động; hãy chọn đơn vị thủ công",
        "en": "No routing rule for category {category} in {ward} leads to an active unit; "
        "choose the unit by hand",
    },
}


def phrase(key: str, language: str = "vi", **values: str) -> str:
    """A domain sentence in `language` (Vietnamese when it has no other), fields filled."""
    templates = PHRASES[key]
    return templates.get(language, templates["vi"]).format(**values)
