"""Reading a report off the wire: every field checked, a bad record named with its reason.

The sync engine quarantines what fails here instead of storing it; the central API's seeding
and the exports' loaders use the same rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from console.domain.model import (
    Media,
    Report,
    Reporter,
    Status,
    Urgency,
    parse_time,
)


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
