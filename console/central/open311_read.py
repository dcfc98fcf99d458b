"""The public, read-only half of the Open311 face: discovery, services, definitions, requests.

Public, so nothing personal leaves: no reporter, and description, status notes and address
pass through hide_personal (phones, e-mails, plates, the reporter's own name). Rejected
reports are never listed. Without dates the list covers the last 90 days, at most 1,000.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Select, select

from console.central.api import service
from console.central.db import ReportRow
from console.central.open311_format import (
    FORMATS,
    JURISDICTION,
    Format,
    answer,
    documented,
    jurisdiction_problem,
    problem,
)
from console.central.open311_services import ATTRIBUTES, definition
from console.central.report_rows import report_from_row
from console.central.service import CentralService
from console.domain.model import Report, Status, format_time, parse_time
from console.domain.privacy import hide_personal

router = APIRouter(prefix="/open311", tags=["open311"])
Service = Annotated[CentralService, Depends(service)]
Jurisdiction = Annotated[str | None, Query(description=f"Only {JURISDICTION}")]
CLOSED = frozenset({Status.RESOLVED, Status.PUBLISHED, Status.CLOSED})
MAX_PAGE_SIZE = 1_000
DEFAULT_DAYS = 90
#: When this face last changed (the discovery document's changeset).
CHANGESET = "2026-12-06T00:00:00Z"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


class EndpointOut(BaseModel):
    specification: str
    url: str
    changeset: str
    type: str
    formats: list[str]


class DiscoveryOut(BaseModel):
    changeset: str
    contact: str
    key_service: str
    endpoints: list[EndpointOut]


class ServiceOut(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str


class ServiceDefinitionOut(BaseModel):
    service_code: str
    attributes: list[dict[str, Any]]


class RequestOut(BaseModel):
    service_request_id: str
    status: str
    status_notes: str
    service_code: str
    service_name: str
    description: str
    agency_responsible: str
    service_notice: str
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str
    lat: float | None
    long: float | None
    media_url: str | None


def _small_number(raw: str) -> bool:
    """Digits that fit a database integer (a longer one overflowed SQLite into a 500)."""
    return raw.isdigit() and len(raw) <= 9


def request_json(svc: CentralService, report: Report, origin: str) -> dict[str, Any]:
    unit = report.unit
    names = [report.reporter.name] if report.reporter else []
    return {
        "service_request_id": str(report.id),
        "status": "closed" if report.status in CLOSED else "open",
        "status_notes": hide_personal(report.result_text or "", names),
        "service_code": report.category,
        "service_name": svc.reference.category_name(report.category),
        "description": hide_personal(report.description, names),
        "agency_responsible": svc.reference.unit_name(unit) if unit else "",
        "service_notice": "",
        "requested_datetime": format_time(report.created_at),
        "updated_datetime": format_time(report.updated_at),
        "expected_datetime": format_time(report.deadline),
        "address": hide_personal(report.address, names),
        "lat": report.lat,
        "long": report.lon,
        "media_url": origin + report.media[0].url if report.media else None,
    }


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _discovery(fmt: Format) -> Callable[..., Response]:
    def discovery(request: Request) -> Response:
        endpoint = {
            "specification": SPECIFICATION,
            "url": _origin(request) + "/open311/v2",
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }
        body = {
            "changeset": CHANGESET,
            "contact": "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh Huế (IOC)",
            "key_service": "Khóa api_key cho ứng dụng đối tác: liên hệ quản trị viên IOC.",
            "endpoints": [endpoint],
        }
        return answer(fmt, body, "discovery", "")

    return discovery


def _services(fmt: Format) -> Callable[..., Response]:
    def services(svc: Service, jurisdiction_id: Jurisdiction = None) -> Response:
        refused = jurisdiction_problem(fmt, jurisdiction_id)
        if refused is not None:
            return refused
        body = [
            {
                "service_code": c.code,
                "service_name": c.name,
                "description": c.name,
                "metadata": c.code in ATTRIBUTES,
                "type": "realtime",
                "keywords": "",
                "group": "",
            }
            for c in svc.reference.categories
        ]
        return answer(fmt, body, "services", "service")

    return services


def _definition(fmt: Format) -> Callable[..., Response]:
    def service_definition(
        svc: Service, service_code: str, jurisdiction_id: Jurisdiction = None
    ) -> Response:
        refused = jurisdiction_problem(fmt, jurisdiction_id)
        if refused is not None:
            return refused
        if service_code not in svc.known_categories:
            return problem(fmt, 404, f"Không có dịch vụ «{service_code[:64]}».")
        return answer(fmt, definition(service_code), "service_definition", "")

    return service_definition


def _time_param(raw: str | None, name: str) -> datetime | None:
    try:
        return parse_time(raw)
    except ValueError as exc:
        raise ValueError(f"Tham số {name} không phải thời gian ISO 8601.") from exc


def _filtered(query: Select[Any], params: dict[str, str | None], now: datetime) -> Select[Any]:
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
    dated = False
    for name, column, lower in bounds:
        moment = _time_param(params[name], name)
        if moment is not None:
            dated = True
            query = query.where(column >= moment if lower else column <= moment)
    if not dated:
        query = query.where(table.c.created_at >= now - timedelta(days=DEFAULT_DAYS))
    return query


def _requests(fmt: Format) -> Callable[..., Response]:
    def requests_list(
        request: Request,
        svc: Service,
        jurisdiction_id: Jurisdiction = None,
        service_request_id: Annotated[str | None, Query()] = None,
        service_code: Annotated[str | None, Query()] = None,
        status: Annotated[str | None, Query()] = None,
        start_date: Annotated[str | None, Query()] = None,
        end_date: Annotated[str | None, Query()] = None,
        updated_after: Annotated[str | None, Query()] = None,
        updated_before: Annotated[str | None, Query()] = None,
        page: Annotated[str | None, Query()] = None,
        page_size: Annotated[str | None, Query(description="At most 1000")] = None,
    ) -> Response:
        refused = jurisdiction_problem(fmt, jurisdiction_id)
        if refused is not None:
            return refused
        if status not in (None, "", "open", "closed"):
            return problem(fmt, 400, "Tham số status phải là open hoặc closed.")
        if not _small_number(page or "1") or not _small_number(page_size or "1000"):
            return problem(fmt, 400, "Tham số page và page_size phải là số nguyên dương.")
        number = max(int(page or 1), 1)
        size = min(max(int(page_size or MAX_PAGE_SIZE), 1), MAX_PAGE_SIZE)
        table = ReportRow.__table__
        query: Select[Any] = select(table)
        if service_request_id:
            # The spec: a list of ids overrides every other filter.
            ids = [p.strip() for p in service_request_id.split(",")]
            wanted = [int(p) for p in ids if _small_number(p)]
            query = query.where(table.c.id.in_(wanted), table.c.status != Status.REJECTED.value)
        else:
            params = {
                "service_code": service_code,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "updated_after": updated_after,
                "updated_before": updated_before,
            }
            try:
                query = _filtered(query, params, svc.now())
            except ValueError as exc:
                return problem(fmt, 400, str(exc))
        query = query.order_by(table.c.created_at.desc(), table.c.id.desc())
        with svc.engine.connect() as conn:
            rows = conn.execute(query.offset((number - 1) * size).limit(size)).all()
        origin = _origin(request)
        body = [request_json(svc, report_from_row(row), origin) for row in rows]
        return answer(fmt, body, "service_requests", "request")

    return requests_list


def _request(fmt: Format) -> Callable[..., Response]:
    def request_one(
        request: Request, svc: Service, request_id: str, jurisdiction_id: Jurisdiction = None
    ) -> Response:
        refused = jurisdiction_problem(fmt, jurisdiction_id)
        if refused is not None:
            return refused
        table = ReportRow.__table__
        if not _small_number(request_id):
            return problem(fmt, 404, f"Không tìm thấy yêu cầu {request_id[:40]}.")
        with svc.engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.id == int(request_id))).first()
        if row is None or row.status == Status.REJECTED.value:
            return problem(fmt, 404, f"Không tìm thấy yêu cầu {request_id}.")
        body = [request_json(svc, report_from_row(row), _origin(request))]
        return answer(fmt, body, "service_requests", "request")

    return request_one


for _fmt in FORMATS:
    _class = Response if _fmt == "xml" else JSONResponse
    for _path in (f"/v2/discovery.{_fmt}", f"/discovery.{_fmt}"):
        router.add_api_route(
            _path,
            _discovery(_fmt),
            methods=["GET"],
            response_class=_class,
            responses=documented(_fmt, DiscoveryOut),
        )
    router.add_api_route(
        f"/v2/services.{_fmt}",
        _services(_fmt),
        methods=["GET"],
        response_class=_class,
        responses=documented(_fmt, list[ServiceOut], 404),
    )
    router.add_api_route(
        f"/v2/services/{{service_code}}.{_fmt}",
        _definition(_fmt),
        methods=["GET"],
        response_class=_class,
        responses=documented(_fmt, ServiceDefinitionOut, 404),
    )
    router.add_api_route(
        f"/v2/requests.{_fmt}",
        _requests(_fmt),
        methods=["GET"],
        response_class=_class,
        responses=documented(_fmt, list[RequestOut], 400, 404),
    )
    router.add_api_route(
        f"/v2/requests/{{request_id}}.{_fmt}",
        _request(_fmt),
        methods=["GET"],
        response_class=_class,
        responses=documented(_fmt, list[RequestOut], 404),
    )
