"""What an Open311 record becomes in the console: a request -> a report's wire record (then
validated like any other), the service list -> the reference data's categories.

Every value may come as a string ("lat": "16.46"), dates with an offset, `Z`, or slashes and no
zone (taken as UTC), statuses beyond open/closed. A request has no reporter: Open311 is public.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from console.domain.model import Status, format_time
from console.domain.reference import load_reference, reference_from_json

CHANNEL = "open311"
UNIT = "open311"
#: Numeric ids from 1 up to here stay as they are; every other id is numbered from here up.
FIRST_MAPPED_ID = 2_000_000_000

#: Open311 statuses (the spec's two, and those servers add) -> the nearest console status.
STATUSES: dict[str, Status] = {
    "open": Status.ACCEPTED,
    "new": Status.NEW,
    "submitted": Status.NEW,
    "acknowledged": Status.ACCEPTED,
    "confirmed": Status.ACCEPTED,
    "accepted": Status.ACCEPTED,
    "assigned": Status.ASSIGNED,
    "investigating": Status.IN_PROGRESS,
    "in_progress": Status.IN_PROGRESS,
    "action_scheduled": Status.IN_PROGRESS,
    "pending": Status.IN_PROGRESS,
    "reopened": Status.REOPENED,
    "fixed": Status.RESOLVED,
    "resolved": Status.RESOLVED,
    "completed": Status.RESOLVED,
    "closed": Status.CLOSED,
    "not_councils_responsibility": Status.REJECTED,
    "rejected": Status.REJECTED,
    "invalid": Status.REJECTED,
}


class BadRequestRecord(ValueError):
    """A request that cannot become a report even before validation (no usable id)."""


def console_status(raw: Any) -> Status:
    """open -> accepted, closed and closed_* -> closed, unknown -> accepted."""
    key = re.sub(r"[\s-]+", "_", str(raw or "").strip().lower())
    if key in STATUSES:
        return STATUSES[key]
    return Status.CLOSED if key.startswith("closed") else Status.ACCEPTED


def open311_time(raw: Any) -> str | None:
    """The time in the console's wire form; a value that is no time is passed on unchanged
    (validation then names it); an empty one is None."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not text:
        return None
    candidate = re.sub(r"^(\d{4})/(\d{1,2})/(\d{1,2})", _dashed, text).replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_time(moment)


def _dashed(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _number(raw: Any) -> Any:
    """A float from a number or a numeric string; None for missing/empty; else unchanged."""
    if raw is None or isinstance(raw, bool):
        return None if raw is None else raw
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def original_id(record: dict[str, Any]) -> str:
    raw = record.get("service_request_id")
    text = "" if raw is None or isinstance(raw, dict | list) else str(raw).strip()
    if not text:
        raise BadRequestRecord("service_request_id: missing")
    return text


def report_id(original: str, mapped: Callable[[str], int]) -> int:
    """A positive numeric id below FIRST_MAPPED_ID as is; any other through `mapped`."""
    if original.isdigit() and 0 < int(original) < FIRST_MAPPED_ID:
        return int(original)
    return mapped(original)


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    return "" if value is None or isinstance(value, dict | list) else str(value).strip()


def to_wire(record: Any, mapped: Callable[[str], int]) -> dict[str, Any]:
    """The console's wire record of an Open311 request (raises BadRequestRecord)."""
    if not isinstance(record, dict):
        raise BadRequestRecord("record: not an object")
    original = original_id(record)
    description = _text(record, "description")
    service_name = _text(record, "service_name")
    created = open311_time(record.get("requested_datetime"))
    updated = open311_time(record.get("updated_datetime")) or created
    first_line = description.splitlines()[0][:120] if description else ""
    media_url = _text(record, "media_url")
    return {
        "id": report_id(original, mapped),
        "code": original[:64],
        "title": first_line or service_name or _text(record, "service_code") or original,
        "description": description,
        "category": _text(record, "service_code"),
        "status": console_status(record.get("status")).value,
        "urgency": "normal",
        "ward": "",
        "lat": _number(record.get("lat")),
        "lon": _number(record.get("long")),
        "address": _text(record, "address"),
        "channel": CHANNEL,
        "created_at": created,
        "updated_at": updated,
        "version": _version(updated),
        "deadline": open311_time(record.get("expected_datetime")),
        "media": [{"url": media_url, "kind": "photo"}] if media_url else [],
        "result_text": _text(record, "status_notes") or None,
    }


def _version(updated: str | None) -> int:
    """The update time in seconds: a newer state always replaces an older one in the cache."""
    try:
        moment = datetime.fromisoformat(str(updated).replace("Z", "+00:00"))
    except ValueError:
        return 1
    return max(1, int(moment.timestamp()))


def reference_from_services(services: list[Any], agency: str) -> dict[str, Any]:
    """The reference data of another city: its services as categories, one unit (`agency`)
    handling all of them, no wards; templates and channels are the shipped ones."""
    shipped = load_reference().to_json()
    categories: list[dict[str, Any]] = []
    seen: set[str] = set()
    for service in services:
        if not isinstance(service, dict):
            continue
        code = _text(service, "service_code")
        if not code or code in seen:
            continue
        seen.add(code)
        name = _text(service, "service_name") or code
        categories.append({"code": code, "name": name, "name_en": name, "related": []})
    data = {
        "categories": categories,
        "units": [{"code": UNIT, "name": agency, "kind": "central_agency", "name_en": agency}],
        "wards": [],
        "routing": {"rules": [{"category": c["code"], "unit": UNIT} for c in categories]},
        "templates": shipped["templates"],
        "channels": {**shipped["channels"], CHANNEL: "Open311"},
        "channels_en": {**shipped["channels_en"], CHANNEL: "Open311"},
    }
    reference_from_json(data)
    return data
