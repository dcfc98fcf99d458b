"""A chosen case as it appears in a pack: only what may leave the Center.

Built from the report and its history, but carrying no reporter, no account, no exact
position (the ward only), and free text already masked. Timelines name units and "the
Center", never the operators' accounts; internal notes stay inside.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from PIL import Image

from console.domain.hue_time import time_text
from console.domain.model import (
    ACTION_LABELS_VI,
    STATUS_LABELS_VI,
    URGENCY_LABELS_VI,
    ActionType,
    Event,
    Media,
    Report,
    Role,
    parse_time,
)
from console.domain.reference import Reference
from console.exports.briefing.redaction import Box, redact_photo, redact_text

#: At most this many photos of each kind (before, after) per case.
PHOTOS_PER_KIND = 2
FetchMedia = Callable[[int, int], bytes]
PhotoKey = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PackPhoto:
    report_id: int
    n: int
    kind: str  # photo | result_photo
    caption: str
    jpeg: bytes
    boxes: tuple[Box, ...]
    detected: int
    reviewed: bool
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class TimelineLine:
    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class CaseSheet:
    report_id: int
    code: str
    title: str
    category: str
    ward: str
    unit: str
    status: str
    urgency: str
    created_at: datetime
    deadline: datetime | None
    resolved_at: datetime | None
    rating: int | None
    merged_count: int
    views: int
    description: str
    result: str
    reasons: tuple[str, ...]
    timeline: tuple[TimelineLine, ...]
    photos: tuple[PackPhoto, ...]
    #: Photos that could not be fetched or read: (n, reason).
    missing_photos: tuple[tuple[int, str], ...] = ()


def vn_time(moment: datetime | None) -> str:
    return time_text(moment)


def _actor(event: Event, reference: Reference) -> str:
    if event.role == Role.UNIT:
        return reference.unit_name(event.actor)
    if event.role == Role.CITIZEN:
        return "Người dân" if event.action == ActionType.RATE else "Hệ thống"
    return "Trung tâm GSĐHĐTTM"


def _event_text(event: Event, reference: Reference, names: Sequence[str | None]) -> str | None:
    p = event.payload
    match event.action:
        case ActionType.NOTE:
            return None
        case ActionType.ACCEPT:
            detail = "Tiếp nhận, phân loại: " + reference.category_name(str(p.get("category", "")))
        case ActionType.ASSIGN:
            detail = "Chuyển " + reference.unit_name(str(p.get("unit", "")))
            deadline = p.get("deadline")
            if isinstance(deadline, str):
                detail += ", hạn xử lý " + vn_time(parse_time(deadline))
        case ActionType.ESCALATE:
            detail = f"Đôn đốc cấp {p.get('level', '')}"
        case ActionType.REQUEST_EXTENSION:
            detail = "Xin gia hạn: " + redact_text(str(p.get("reason", "")), names)
        case ActionType.DECIDE_EXTENSION:
            detail = "Đồng ý gia hạn" if p.get("approve") else "Không đồng ý gia hạn"
        case ActionType.REOPEN:
            detail = "Yêu cầu xử lý lại: " + redact_text(str(p.get("reason", "")), names)
        case ActionType.RETURN:
            detail = "Đơn vị trả lại: " + redact_text(str(p.get("reason", "")), names)
        case ActionType.RATE:
            detail = f"Người dân đánh giá {p.get('rating', '')}/5"
        case _:
            detail = ACTION_LABELS_VI.get(event.action, event.action.value)
    return f"{_actor(event, reference)}: {detail}"


def timeline(
    report: Report, history: Sequence[Event], reference: Reference, names: Sequence[str | None]
) -> tuple[TimelineLine, ...]:
    """The case's steps from its history; from its own times when no history is cached."""
    lines = [TimelineLine(report.created_at, "Người dân gửi phản ánh")]
    if history:
        for event in history:
            text = _event_text(event, reference, names)
            if text is not None:
                lines.append(TimelineLine(event.at, text))
        return tuple(lines)
    if report.unit and report.deadline is not None:
        lines.append(
            TimelineLine(
                report.created_at,
                f"Chuyển {reference.unit_name(report.unit)}, hạn xử lý {vn_time(report.deadline)}",
            )
        )
    if report.resolved_at is not None:
        lines.append(TimelineLine(report.resolved_at, "Đơn vị báo kết quả xử lý"))
    if report.rating is not None:
        lines.append(TimelineLine(report.updated_at, f"Người dân đánh giá {report.rating}/5"))
    return tuple(lines)


def chosen_media(report: Report) -> list[tuple[int, Media]]:
    """The photos a pack shows of `report` (n is 1-based, as in the media URL): the first
    PHOTOS_PER_KIND before and the first PHOTOS_PER_KIND after."""
    taken = {"photo": 0, "result_photo": 0}
    chosen = []
    for n, media in enumerate(report.media, start=1):
        if taken.get(media.kind, PHOTOS_PER_KIND) < PHOTOS_PER_KIND:
            taken[media.kind] += 1
            chosen.append((n, media))
    return chosen


def case_photos(
    report: Report,
    fetch_media: FetchMedia | None,
    overrides: Mapping[PhotoKey, Sequence[Box]],
) -> tuple[list[PackPhoto], list[tuple[int, str]]]:
    """Up to PHOTOS_PER_KIND before and after photos, each cleaned and blurred."""
    photos: list[PackPhoto] = []
    missing: list[tuple[int, str]] = []
    names = [report.reporter.name] if report.reporter is not None else []
    if fetch_media is None:
        return photos, missing
    for n, media in chosen_media(report):
        try:
            raw = fetch_media(report.id, n)
            override = overrides.get((report.id, n))
            jpeg, boxes, detected = redact_photo(raw, override)
        except Exception as exc:  # one bad photo must not stop the pack; the manifest says so
            missing.append((n, f"{type(exc).__name__}: {exc}"[:200]))
            continue
        with Image.open(io.BytesIO(jpeg)) as shown:
            width, height = shown.size
        photos.append(
            PackPhoto(
                report_id=report.id,
                n=n,
                kind=media.kind,
                caption=redact_text(media.caption, names),
                jpeg=jpeg,
                boxes=tuple(boxes),
                detected=detected,
                reviewed=override is not None,
                width=width,
                height=height,
            )
        )
    return photos, missing


def case_sheet(
    report: Report,
    history: Sequence[Event],
    reference: Reference,
    *,
    reasons: Sequence[str],
    fetch_media: FetchMedia | None,
    overrides: Mapping[PhotoKey, Sequence[Box]],
) -> CaseSheet:
    names = [report.reporter.name] if report.reporter is not None else []
    photos, missing = case_photos(report, fetch_media, overrides)
    return CaseSheet(
        report_id=report.id,
        code=report.code,
        title=redact_text(report.title, names),
        category=reference.category_name(report.category),
        ward=reference.ward_name(report.ward),
        unit=reference.unit_name(report.unit) if report.unit else "Chưa chuyển đơn vị",
        status=STATUS_LABELS_VI[report.status],
        urgency=URGENCY_LABELS_VI[report.urgency],
        created_at=report.created_at,
        deadline=report.deadline,
        resolved_at=report.resolved_at,
        rating=report.rating,
        merged_count=report.merged_count,
        views=report.views,
        description=redact_text(report.description, names),
        result=redact_text(report.result_text or "", names),
        reasons=tuple(reasons),
        timeline=timeline(report, history, reference, names),
        photos=tuple(photos),
        missing_photos=tuple(missing),
    )


def photo_pairs(photos: Sequence[PackPhoto]) -> list[tuple[PackPhoto | None, PackPhoto | None]]:
    """Rows of (before, after): the two sides of a case next to each other."""
    before = [p for p in photos if p.kind == "photo"]
    after = [p for p in photos if p.kind != "photo"]
    rows = max(len(before), len(after))
    return [
        (before[i] if i < len(before) else None, after[i] if i < len(after) else None)
        for i in range(rows)
    ]
