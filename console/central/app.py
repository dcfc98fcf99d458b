"""Building the central API application: database, rules, accounts, routes, error shape."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from console.central import open311
from console.central.api import json_response, router
from console.central.api_accounts import router as accounts_router
from console.central.auth import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_account
from console.central.bell import MAX_WAIT_S, ChangeBell, listen_postgres
from console.central.db import make_engine, on_change
from console.central.errors import ApiError
from console.central.relay.api import router as relay_router
from console.central.relay.sender import RelaySender
from console.central.service import CentralService
from console.central.shared_pages import SharedPages
from console.central.token_cache import cache_for
from console.domain.escalation import load_escalation
from console.domain.model import Role, utcnow
from console.domain.reference import load_reference
from console.domain.sla import load_sla

log = logging.getLogger(__name__)

ADMIN_PASSWORD_ENV = "PAHT_ADMIN_PASSWORD"

_HTTP_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Yêu cầu không hợp lệ."),
    401: ("not_authenticated", "Chưa đăng nhập."),
    403: ("forbidden", "Không có quyền truy cập."),
    404: ("not_found", "Không tìm thấy địa chỉ yêu cầu."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ ở địa chỉ này."),
    413: ("too_large", "Dữ liệu gửi lên quá lớn."),
    415: ("unsupported_media_type", "Kiểu dữ liệu gửi lên không được hỗ trợ."),
}


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return json_response(exc.body(), exc.status, exc.headers)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code, message = _HTTP_CODES.get(
        exc.status_code, ("http_error", "Yêu cầu không thực hiện được.")
    )
    return json_response(
        {"code": code, "message": message}, exc.status_code, dict(exc.headers or {})
    )


async def _validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = list(exc.errors())
    if any(p.get("type") == "json_invalid" for p in problems):
        return json_response(
            {"code": "invalid_json", "message": "Nội dung gửi lên không phải JSON hợp lệ."}, 400
        )
    details = "; ".join(
        f"{'.'.join(str(part) for part in p.get('loc', ()) if part != 'body')}: {p.get('msg', '')}"
        for p in problems[:5]
    )
    return json_response(
        {"code": "invalid_request", "message": f"Dữ liệu gửi lên không hợp lệ ({details})."}, 422
    )


async def _unexpected(_request: Request, exc: Exception) -> Response:
    log.exception("Unexpected error in the central API", exc_info=exc)
    return json_response(
        {"code": "internal_error", "message": "Lỗi máy chủ trung tâm; vui lòng thử lại sau."}, 500
    )


def _live_lifespan(
    engine: Engine, bell: ChangeBell | None, relay: RelaySender
) -> Callable[[FastAPI], Any]:
    """The relay sender runs while the app serves. On PostgreSQL, one LISTEN task per server
    process rings the local bell and keeps the token cache honest."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        relay.start()
        try:
            async with _listening(engine, bell):
                yield
        finally:
            await asyncio.to_thread(relay.stop)

    return lifespan


@asynccontextmanager
async def _listening(engine: Engine, bell: ChangeBell | None) -> AsyncIterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    listener = asyncio.create_task(
        listen_postgres(url, bell, cache_for(engine)), name="paht-changes-listener"
    )
    try:
        yield
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener


def create_app(
    db_url: str,
    *,
    demo: bool = False,
    now: Callable[[], datetime] | None = None,
    live: bool = True,
    max_wait: int = MAX_WAIT_S,
    upgrade: bool = True,
    min_console_version: str | None = None,
    installer_url: str | None = None,
) -> FastAPI:
    """The central API over `db_url`. Demo mode adds the demo accounts (password "demo").

    Outside demo mode no account exists until an admin creates one; the first admin comes
    from the PAHT_ADMIN_PASSWORD environment variable when it is set. Without `live`,
    /changes ignores `wait` and answers at once without the X-Paht-Wait header, like a server
    that predates the live channel. Without `upgrade`, a database behind this code's schema
    revision raises SchemaError instead of being upgraded (workers: the parent upgraded).
    /health names `min_console_version` (older consoles stay read-only) and `installer_url`.
    """
    clock = now or utcnow
    engine = make_engine(db_url, upgrade=upgrade)
    service = CentralService(
        engine,
        demo=demo,
        now=clock,
        reference=load_reference(),
        sla=load_sla(),
        escalation=load_escalation(),
    )
    if demo:
        for name, role in DEMO_ACCOUNTS.items():
            ensure_account(engine, name, role, DEMO_PASSWORD, clock())
    admin_password = os.environ.get(ADMIN_PASSWORD_ENV)
    if admin_password:
        ensure_account(engine, "admin", Role.ADMIN, admin_password, clock())
    bell = ChangeBell() if live else None
    if bell is not None:
        on_change(engine, bell.ring)
    relay = RelaySender(engine.url.render_as_string(hide_password=False), clock)
    on_change(engine, relay.wake)
    app = FastAPI(
        lifespan=_live_lifespan(engine, bell, relay),
        title="PAHT central API",
        version="1.0",
        description="Phản ánh hiện trường (Huế IOC): the reference central API of PAHT Console. "
        "Every error is JSON {code, message} with a Vietnamese message.",
    )
    app.state.service = service
    app.state.bell = bell
    app.state.relay = relay
    app.state.pages = SharedPages()
    app.state.max_wait = max_wait
    app.state.min_console_version = min_console_version
    app.state.installer_url = installer_url
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
    app.include_router(router)
    app.include_router(accounts_router)
    app.include_router(open311.router)
    app.include_router(relay_router)
    return app
