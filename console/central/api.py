"""The /api/v1 routes: thin HTTP glue over CentralService, documented for /openapi.json."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from console.central.auth import (
    cached_principal,
    principal_for_token,
    refuse_read_only,
    require_role,
    sign_in,
)
from console.central.bell import ChangeBell, parse_wait
from console.central.errors import ApiError
from console.central.identity import HEADER, database_id
from console.central.principal import Principal
from console.central.schemas import (
    ActionIn,
    ChangesPage,
    ConflictBody,
    ErrorBody,
    HealthOut,
    IntakeIn,
    ReferenceOut,
    ReportOut,
    ReportWithHistory,
    TokenIn,
    TokenOut,
    UserOut,
)
from console.central.service import CentralService, dumps
from console.central.shared_pages import SharedPages
from console.central.wall_view import audience
from console.domain.model import Role

bearer = HTTPBearer(auto_error=False, description="Token from POST /api/v1/auth/token")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in (400, 401, 422, *statuses)}


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialised once, here: the body is sent exactly as built (no null reporter key)."""
    content = body if isinstance(body, str) else dumps(body)
    return Response(content, status_code=status, media_type="application/json", headers=headers)


async def service(request: Request) -> CentralService:
    found: CentralService = request.app.state.service
    return found


Service = Annotated[CentralService, Depends(service)]


async def principal(
    svc: Service,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """A cached token costs no thread hop and no database query; the rest are read off the
    event loop."""
    if credentials is None or not credentials.credentials:
        raise ApiError(
            401,
            "not_authenticated",
            "Chưa đăng nhập: cần mã phiên (Authorization: Bearer ...).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token, now = credentials.credentials, svc.now()
    cached = cached_principal(svc.engine, token, now)
    if cached is not None:
        return cached
    return await run_in_threadpool(principal_for_token, svc.engine, token, now)


Caller = Annotated[Principal, Depends(principal)]
ReportId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Report id")]

router = APIRouter(prefix="/api/v1")


@router.post(
    "/auth/token",
    response_model=TokenOut,
    responses={**_errors(), 429: {"model": ErrorBody, "description": "Too many failed sign-ins"}},
    tags=["auth"],
)
def issue_token(request: Request, svc: Service, body: TokenIn) -> Response:
    address = request.client.host if request.client else "?"
    issued = sign_in(svc.engine, body.user, body.password, address, svc.now())
    return json_response(issued.to_json())


@router.get("/me", response_model=UserOut, responses=_errors(), tags=["auth"])
def me(caller: Caller) -> Response:
    return json_response(
        {"name": caller.name, "role": caller.role.value, "unit_code": caller.unit_code}
    )


@router.get("/health", response_model=HealthOut, tags=["meta"])
def health(request: Request, svc: Service) -> Response:
    total, top = svc.counts()
    state = request.app.state
    return json_response(
        {
            "status": "ok",
            "demo": svc.demo,
            "reports": total,
            "cursor": str(top),
            "database": database_id(svc.engine),
            "min_console_version": state.min_console_version,
            "installer_url": state.installer_url,
            "relay_sender": state.relay.turn.held,
        }
    )


@router.get(
    "/changes",
    response_model=ChangesPage,
    responses={
        **_errors(),
        200: {
            "description": "A page of changes; X-Paht-Wait tells the wait applied and "
            "X-Paht-Database the id of the database the cursors belong to (it changes when the "
            "database is restored: a console then starts over from cursor 0)",
            "headers": {
                "X-Paht-Wait": {"schema": {"type": "string"}},
                HEADER: {"schema": {"type": "string"}},
            },
        },
        409: {
            "model": ErrorBody,
            "description": "cursor_ahead: the cursor is beyond this database's latest change "
            "(it was restored, or is another one); the body's `database` is its id",
        },
    },
    tags=["reports"],
)
async def changes(
    request: Request,
    svc: Service,
    caller: Caller,
    after: Annotated[str | None, Query(description="Cursor from the previous page")] = None,
    limit: Annotated[str | None, Query(description="Page size, 1..5000 (default 1000)")] = None,
    wait: Annotated[
        str | None,
        Query(
            description="Long-poll: hold the request up to this many seconds (0..55, more is "
            "clamped to 55) until a change after the cursor exists"
        ),
    ] = None,
) -> Response:
    bell: ChangeBell | None = request.app.state.bell
    if bell is None:
        page, database = await run_in_threadpool(svc.changes, caller, after, limit)
        return json_response(page, headers={HEADER: database})
    seconds = parse_wait(wait, request.app.state.max_wait)
    pages: SharedPages[ChangesText] = request.app.state.pages
    shape = audience(caller)

    def read() -> Awaitable[ChangesText]:
        return run_in_threadpool(_changes_text, svc, caller, after, limit)

    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        ticket = bell.ticket()
        text, has_items, database = await pages.get((ticket, after, limit, shape), read)
        remaining = deadline - loop.time()
        if has_items or remaining <= 0 or not await bell.wait(ticket, remaining):
            return json_response(text, headers={"X-Paht-Wait": str(seconds), HEADER: database})


#: A page as sent (JSON text), whether it holds items, and the database's id.
ChangesText = tuple[str, bool, str]


def _changes_text(
    svc: CentralService, caller: Principal, after: str | None, limit: str | None
) -> ChangesText:
    page, database = svc.changes(caller, after, limit)
    return dumps(page), bool(page["items"]), database


@router.get(
    "/reports/{report_id}",
    response_model=ReportWithHistory,
    responses=_errors(404),
    tags=["reports"],
)
def get_report(svc: Service, caller: Caller, report_id: ReportId) -> Response:
    return json_response(svc.report(caller, report_id))


@router.get(
    "/reports/{report_id}/media/{n}",
    response_class=Response,
    responses={
        **_errors(404),
        200: {"content": {"image/jpeg": {}}, "description": "The picture"},
    },
    tags=["reports"],
)
def get_media(
    svc: Service,
    caller: Caller,
    report_id: ReportId,
    n: Annotated[int, Path(ge=1, le=1000)],
) -> Response:
    data, content_type = svc.media(report_id, n)
    return Response(data, media_type=content_type, headers={"Cache-Control": "max-age=86400"})


@router.post(
    "/reports", response_model=ReportOut, status_code=201, responses=_errors(403), tags=["reports"]
)
def intake(svc: Service, caller: Caller, body: IntakeIn) -> Response:
    refuse_read_only(caller, "gửi phản ánh mới")
    require_role(caller, frozenset({Role.CITIZEN, Role.ADMIN}), "gửi phản ánh mới")
    return json_response(svc.intake(caller, body), 201)


@router.post(
    "/reports/{report_id}/actions",
    response_model=ReportOut,
    responses={
        **_errors(403, 404),
        409: {"model": ConflictBody, "description": "expected_version is not the current one"},
    },
    tags=["reports"],
)
def act(
    svc: Service, caller: Caller, report_id: ReportId, body: Annotated[ActionIn, Body()]
) -> Response:
    refuse_read_only(caller, "thay đổi phản ánh")
    status, text = svc.act(caller, report_id, body)
    return json_response(text, status)


@router.get("/reference", response_model=ReferenceOut, responses=_errors(), tags=["reference"])
def reference(svc: Service, caller: Caller) -> Response:
    return json_response(svc.reference_json)
