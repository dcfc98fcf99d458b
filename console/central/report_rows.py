"""A `reports` row and the shapes it takes: the domain Report, the API's JSON, and back."""

from __future__ import annotations

import json
from typing import Any

from console.domain.model import (
    Media,
    Report,
    Reporter,
    Status,
    Urgency,
    format_time,
)


def report_from_row(row: Any) -> Report:
    """Build the domain Report from a `reports` row (ORM row or Core Row with the same names)."""
    reporter = None
    if row.reporter_name or row.reporter_phone or row.reporter_email:
        reporter = Reporter(
            name=row.reporter_name, phone=row.reporter_phone, email=row.reporter_email
        )
    media = tuple(
        Media(url=m["url"], kind=m.get("kind", "photo"), caption=m.get("caption", ""))
        for m in json.loads(row.media or "[]")
    )
    return Report(
        id=row.id,
        code=row.code,
        title=row.title,
        description=row.description,
        category=row.category,
        urgency=Urgency(row.urgency),
        status=Status(row.status),
        ward=row.ward,
        lat=row.lat,
        lon=row.lon,
        address=row.address,
        channel=row.channel,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        unit=row.unit,
        deadline=row.deadline,
        escalation_level=row.escalation_level,
        escalated_at=row.escalated_at,
        duplicate_of=row.duplicate_of,
        merged_count=row.merged_count,
        media=media,
        rating=row.rating,
        reporter=reporter,
        reject_reason=row.reject_reason,
        result_text=row.result_text,
        resolved_at=row.resolved_at,
        extension_deadline=row.extension_deadline,
        extension_reason=row.extension_reason,
        extended=row.extended,
        views=row.views,
    )


def report_json(row: Any, *, with_reporter: bool) -> dict[str, Any]:
    """The wire form of a `reports` row, as `Report.to_json` gives it, without the detour
    through dataclasses: /changes serves thousands of these per page."""
    data: dict[str, Any] = {
        "id": row.id,
        "code": row.code,
        "title": row.title,
        "description": row.description,
        "category": row.category,
        "urgency": row.urgency,
        "status": row.status,
        "ward": row.ward,
        "lat": row.lat,
        "lon": row.lon,
        "address": row.address,
        "channel": row.channel,
        "created_at": format_time(row.created_at),
        "updated_at": format_time(row.updated_at),
        "version": row.version,
        "unit": row.unit,
        "deadline": format_time(row.deadline),
        "escalation_level": row.escalation_level,
        "escalated_at": format_time(row.escalated_at),
        "duplicate_of": row.duplicate_of,
        "merged_count": row.merged_count,
        "media": json.loads(row.media or "[]"),
        "rating": row.rating,
        "reject_reason": row.reject_reason,
        "result_text": row.result_text,
        "resolved_at": format_time(row.resolved_at),
        "extension_deadline": format_time(row.extension_deadline),
        "extension_reason": row.extension_reason,
        "extended": bool(row.extended),
        "views": row.views,
    }
    if with_reporter and (row.reporter_name or row.reporter_phone or row.reporter_email):
        data["reporter"] = {
            "name": row.reporter_name,
            "phone": row.reporter_phone,
            "email": row.reporter_email,
        }
    return data


def report_values(report: Report) -> dict[str, Any]:
    """Column values for `report` (everything but `seq`)."""
    reporter = report.reporter or Reporter()
    return {
        "id": report.id,
        "code": report.code,
        "title": report.title,
        "description": report.description,
        "category": report.category,
        "urgency": report.urgency.value,
        "status": report.status.value,
        "ward": report.ward,
        "lat": report.lat,
        "lon": report.lon,
        "address": report.address,
        "channel": report.channel,
        "created_at": report.created_at,
        "updated_at": report.updated_at,
        "version": report.version,
        "unit": report.unit,
        "deadline": report.deadline,
        "escalation_level": report.escalation_level,
        "escalated_at": report.escalated_at,
        "duplicate_of": report.duplicate_of,
        "merged_count": report.merged_count,
        "media": json.dumps(
            [{"url": m.url, "kind": m.kind, "caption": m.caption} for m in report.media],
            ensure_ascii=False,
        ),
        "rating": report.rating,
        "reporter_name": reporter.name,
        "reporter_phone": reporter.phone,
        "reporter_email": reporter.email,
        "reject_reason": report.reject_reason,
        "result_text": report.result_text,
        "resolved_at": report.resolved_at,
        "extension_deadline": report.extension_deadline,
        "extension_reason": report.extension_reason,
        "extended": report.extended,
        "views": report.views,
    }
