"""A read-only Open311 GeoReport v2 face (JSON): public, so no reporter and no rejected reports.

Errors follow GeoReport v2 (a list of `{code, description}`), not the /api/v1 shape, because
Open311 clients expect that.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Select, select

from console.central.api import json_response, service
from console.central.db import ReportRow
from console.central.report_rows import report_from_row
from console.central.service import CentralService
from console.domain.model import Report, Status, format_time, parse_time

router = APIRouter(prefix="/open311/v2", tags=["open311"])
Service = Annotated[CentralService, Depends(service)]
CLOSED = frozenset({Status.RESOLVED, Status.PUBLISHED, Status.CLOSED})
MAX_PAGE_SIZE = 500


class Problem(BaseModel):
    code: int
    description: str


#: GeoReport v2 errors: a list of {code, description}.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": list[Problem], "description": "Bad parameter"},
    404: {"model": list[Problem], "description": "No such request"},
}


def _problem(status: int, description: str) -> Response:
    return json_response([{"code": status, "description": description}], status)


def _small_number(raw: str) -> bool:
    """Digits that fit a database integer (a longer one overflowed SQLite into a 500)."""
    return raw.isdigit() and len(raw) <= 9


def _request_json(svc: CentralService, report: Report, origin: str) -> dict[str, Any]:
    unit = report.unit
    return {
        "service_request_id": str(report.id),
        "status": "closed" if report.status in CLOSED else "open",
        "status_notes": report.result_text or "",
        "service_code": report.category,
        "service_name": svc.reference.category_name(report.category),
        "description": report.description,
        "agency_responsible": svc.reference.unit_name(unit) if unit else "",
        "service_notice": "",
        "requested_datetime": format_time(report.created_at),
        "updated_datetime": format_time(report.updated_at),
        "expected_datetime": format_time(report.deadline),
        "address": report.address,
        "lat": report.lat,
        "long": report.lon,
        "media_url": origin + report.media[0].url if report.media else None,
    }


@router.get("/services.json")
def services(svc: Service) -> Response:
    return json_response(
        [
            {
                "service_code": c.code,
                "service_name": c.name,
                "description": c.name,
                "metadata": False,
                "type": "realtime",
                "keywords": "",
                "group": "",
            }
            for c in svc.reference.categories
        ]
    )


def _time_param(raw: str | None, name: str) -> datetime | None:
    try:
        return parse_time(raw)
    except ValueError as exc:
        raise ValueError(f"Tham số {name} không phải thời gian ISO 8601.") from exc


def _filtered(query: Select[Any], params: dict[str, str | None]) -> Select[Any]:
    table = ReportRow.__table__
    query = query.where(table.c.status != Status.REJECTED.value)
    if params["service_code"]:
        query = query.where(table.c.category.in_(params["service_code"].split(",")))
    if params["status"] == "closed":
        query = query.where(table.c.status.in_([s.value for s in CLOSED]))
    elif params["status"] == "open":
        query = query.where(table.c.status.not_in([s.value for s in CLOSED]))
    bounds = (
        ("start_date", table.c.created_at, True),
        ("end_date", table.c.created_at, False),
        ("updated_after", table.c.updated_at, True),
        ("updated_before", table.c.updated_at, False),
    )
    for name, column, lower in bounds:
        moment = _time_param(params[name], name)
        if moment is not None:
            query = query.where(column >= moment if lower else column <= moment)
    return query


@router.get("/requests.json", responses=PROBLEMS)
def requests_list(
    request: Request,
    svc: Service,
    service_request_id: Annotated[str | None, Query()] = None,
    service_code: Annotated[str | None, Query()] = None,
    status: Annotated[str | None, Query()] = None,
    start_date: Annotated[str | None, Query()] = None,
    end_date: Annotated[str | None, Query()] = None,
    updated_after: Annotated[str | None, Query()] = None,
    updated_before: Annotated[str | None, Query()] = None,
    page: Annotated[str | None, Query()] = None,
    page_size: Annotated[str | None, Query()] = None,
) -> Response:
    if status not in (None, "", "open", "closed"):
        return _problem(400, "Tham số status phải là open hoặc closed.")
    if not _small_number(page or "1") or not _small_number(page_size or "50"):
        return _problem(400, "Tham số page và page_size phải là số nguyên dương.")
    number, size = max(int(page or 1), 1), min(max(int(page_size or 50), 1), MAX_PAGE_SIZE)
    table = ReportRow.__table__
    query: Select[Any] = select(table)
    if service_request_id:
        ids = [part for part in service_request_id.split(",") if _small_number(part.strip())]
        query = query.where(table.c.id.in_([int(part) for part in ids]))
    params = {
        "service_code": service_code,
        "status": status,
        "start_date": start_date,
        "end_date": end_date,
        "updated_after": updated_after,
        "updated_before": updated_before,
    }
    try:
        query = _filtered(query, params)
    except ValueError as exc:
        return _problem(400, str(exc))
    query = query.order_by(table.c.created_at.desc(), table.c.id.desc())
    with svc.engine.connect() as conn:
        rows = conn.execute(query.offset((number - 1) * size).limit(size)).all()
    origin = str(request.base_url).rstrip("/")
    return json_response([_request_json(svc, report_from_row(row), origin) for row in rows])


@router.get("/requests/{request_id}.json", responses=PROBLEMS)
def request_one(request: Request, svc: Service, request_id: str) -> Response:
    table = ReportRow.__table__
    if not request_id.isdigit() or len(request_id) > 9:
        return _problem(404, f"Không tìm thấy yêu cầu {request_id[:40]}.")
    with svc.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == int(request_id))).first()
    if row is None or row.status == Status.REJECTED.value:
        return _problem(404, f"Không tìm thấy yêu cầu {request_id}.")
    origin = str(request.base_url).rstrip("/")
    return json_response([_request_json(svc, report_from_row(row), origin)])
