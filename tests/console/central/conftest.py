"""A real central API on 127.0.0.1 (ephemeral port) over SQLite, and over PostgreSQL when
PAHT_TEST_PG_URL is set; a clock the tests move by hand; signed-in `requests` sessions."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from console.central.db import Base
from console.central.server import CentralServer
from console.domain.reference import load_reference

PG_URL = os.environ.get("PAHT_TEST_PG_URL")
START = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)  # Monday 09:00 in Huế
UNIT_CODE = load_reference().active_units()[0].code


class Clock:
    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set"),
            ],
        ),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    assert PG_URL is not None
    wipe_postgres(PG_URL)
    return PG_URL


def wipe_postgres(url: str) -> None:
    """Drop every table of the central, its schema revision too (a revision another
    checkout wrote would make this one refuse the database)."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(db_url: str, clock: Clock) -> Iterator[CentralServer]:
    central = CentralServer(db_url, demo=True, port=0, now=clock)
    central.start()
    yield central
    central.close()


class Api:
    """A signed-in session with the report-driving helpers the tests share."""

    def __init__(self, base: str, user: str, password: str = "demo") -> None:
        self.base = base + "/api/v1"
        self.http = requests.Session()
        answer = self.http.post(
            f"{self.base}/auth/token", json={"user": user, "password": password}, timeout=10
        )
        assert answer.status_code == 200, answer.text
        self.http.headers["Authorization"] = f"Bearer {answer.json()['token']}"

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.base + path, params=params, timeout=10)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.http.post(self.base + path, json=body, timeout=10)

    def act(
        self,
        report: dict[str, Any],
        action: str,
        payload: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        version: int | None = None,
    ) -> requests.Response:
        return self.post(
            f"/reports/{report['id']}/actions",
            {
                "type": action,
                "payload": payload or {},
                "expected_version": report["version"] if version is None else version,
                "idempotency_key": key or uuid.uuid4().hex,
            },
        )

    def step(
        self, report: dict[str, Any], action: str, payload: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        answer = self.act(report, action, payload)
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def new_report(self, **fields: Any) -> dict[str, Any]:
        body = {
            "title": "Rác thải tràn ra lòng đường",
            "description": "Rác không được thu gom ba ngày nay.",
            "category": "environment",
            "ward": "phu-xuan",
            "lat": 16.46,
            "lon": 107.59,
            "address": "12 Lê Lợi",
            "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": "a@example.vn"},
            **fields,
        }
        answer = self.post("/reports", body)
        assert answer.status_code == 201, answer.text
        result: dict[str, Any] = answer.json()
        return result


@pytest.fixture
def login(server: CentralServer) -> Callable[[str], Api]:
    return lambda user: Api(server.base_url, user)


def assigned(operator: Api, citizen: Api) -> dict[str, Any]:
    """A fresh report taken through accept and assign (to UNIT_CODE)."""
    report = citizen.new_report()
    report = operator.step(report, "accept", {"category": "environment", "urgency": "normal"})
    return operator.step(report, "assign", {"unit": UNIT_CODE})


def wire_report(report_id: int, at: datetime) -> dict[str, Any]:
    """A report in wire form, for bulk inserts."""
    stamp = at.isoformat()
    return {
        "id": report_id,
        "code": f"PA-2026-{report_id:06d}",
        "title": f"Phản ánh số {report_id}",
        "description": "Đèn đường không sáng.",
        "category": "lighting",
        "urgency": "normal",
        "status": "new",
        "ward": "phu-xuan",
        "lat": 16.46,
        "lon": 107.59,
        "address": "Lê Lợi",
        "channel": "app",
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
        "media": [],
        "reporter": {"name": "Trần Thị B", "phone": "0912345678", "email": None},
    }


# -- the live channel -------------------------------------------------------------------


def top_cursor(api: Api) -> str:
    """The cursor after the latest change (the feed read to its end)."""
    cursor = "0"
    while True:
        page = api.get("/changes", after=cursor, limit=5000).json()
        cursor = page["next"]
        if not page["more"]:
            return str(cursor)


def wait_until_parked(server: CentralServer, count: int, within: float = 10.0) -> None:
    """Until `count` requests are parked on the bell (the server's own count)."""
    deadline = time.monotonic() + within
    while server.app.state.bell.waiting < count:
        assert time.monotonic() < deadline, f"{server.app.state.bell.waiting} of {count} waiting"
        time.sleep(0.01)


def answered_at(future: Future[requests.Response]) -> tuple[requests.Response, float]:
    answer = future.result(timeout=20)
    return answer, time.monotonic()
