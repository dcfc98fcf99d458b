"""The video wall's read-only account over real HTTP: it reads every report, its history and
its photos, but no name, phone, e-mail or plate reaches it, not even in free text; every
change it tries is refused with a Vietnamese reason; the accounts CLI creates one."""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from console.central.server import CentralServer
from console.cli import main
from tests.console.central.conftest import UNIT_CODE, Api, top_cursor, wait_until_parked

REPORTER = "Hoàng Thị Mai Phương"
PHONE = "0905 123 467"
EMAIL = "mai.phuong@gmail.com"
PLATE = "75A-123.45"
#: What must not reach the wall, as written and as the digits alone.
SECRETS = (REPORTER, REPORTER.lower(), PHONE, "0905123467", EMAIL, "mai.phuong", PLATE, "123.45")


def _planted(citizen: Api, operator: Api, unit: Api) -> dict[str, Any]:
    """A report whose title, description, address, notes and result all carry the secrets,
    taken from intake to resolved by the operator and the unit."""
    report = citizen.new_report(
        title=f"{REPORTER} báo xe {PLATE} đỗ chắn lối đi",
        description=f"Tôi là {REPORTER.lower()}, gọi {PHONE} hoặc {EMAIL}.",
        address=f"Nhà {REPORTER}, kiệt 12 Lê Lợi (xe {PLATE})",
        reporter={"name": REPORTER, "phone": "0905123467", "email": EMAIL},
        photos=1,
    )
    report = operator.step(report, "accept", {"category": "environment", "urgency": "normal"})
    report = operator.step(
        report, "note", {"text": f"Đã gọi chị {REPORTER} qua số {PHONE}, xe {PLATE}, {EMAIL}."}
    )
    report = operator.step(
        report, "assign", {"unit": UNIT_CODE, "message": f"Liên hệ {REPORTER}: {PHONE}"}
    )
    report = unit.step(report, "acknowledge")
    return unit.step(report, "resolve", {"result_text": f"Đã báo {REPORTER}, xe {PLATE} đã dời."})


def _changes_bytes(api: Api) -> bytes:
    body, cursor = b"", "0"
    while True:
        answer = api.get("/changes", after=cursor, limit=2)
        assert answer.status_code == 200, answer.text
        body += answer.content
        page = answer.json()
        cursor = page["next"]
        if not page["more"]:
            return body


def _leaks(raw: bytes) -> list[str]:
    text = raw.decode("utf-8")
    return [secret for secret in SECRETS if secret in text]


def test_the_wall_reads_nothing_personal_that_the_operator_still_sees(
    login: Callable[[str], Api],
) -> None:
    operator, wall = login("operator"), login("wall")
    report = _planted(login("citizen"), operator, login("unit"))

    seen_by_operator = operator.get(f"/reports/{report['id']}")
    assert set(_leaks(seen_by_operator.content)) == set(SECRETS)
    assert set(_leaks(_changes_bytes(operator))) == set(SECRETS)

    detail = wall.get(f"/reports/{report['id']}")
    assert detail.status_code == 200
    assert _leaks(detail.content) == []
    assert _leaks(_changes_bytes(wall)) == []

    shown = detail.json()
    assert "reporter" not in shown
    assert shown["title"] == "[đã ẩn] báo xe 75A-***.** đỗ chắn lối đi"
    assert shown["description"] == "Tôi là [đã ẩn], gọi 09******67 hoặc m***@gmail.com."
    assert shown["status"] == "resolved" and shown["unit"] == UNIT_CODE
    note = next(e for e in shown["history"] if e["action"] == "note")
    assert (
        note["payload"]["text"]
        == "Đã gọi chị [đã ẩn] qua số 09******67, xe 75A-***.**, m***@gmail.com."
    )
    assert {e["actor"] for e in shown["history"]} == {"Điều hành viên", "Đơn vị xử lý"}
    assert "operator" in {e["actor"] for e in seen_by_operator.json()["history"]}


def test_a_long_poll_page_read_for_media_staff_is_never_shared_with_the_wall(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    """Media staff see no reporter either, but the texts as written: not the wall's page."""
    media, wall, citizen = login("media"), login("wall"), login("citizen")
    cursor = top_cursor(media)
    with ThreadPoolExecutor(2) as pool:
        waiting = [
            pool.submit(api.get, "/changes", after=cursor, wait="10") for api in (media, wall)
        ]
        wait_until_parked(server, 2)
        citizen.new_report(
            title=f"{REPORTER} báo xe {PLATE}",
            description=f"Gọi {PHONE} hoặc {EMAIL}.",
            reporter={"name": REPORTER},
        )
        for_media, for_wall = (future.result(timeout=20) for future in waiting)

    assert {REPORTER, PHONE, EMAIL, PLATE} <= set(_leaks(for_media.content))
    assert len(for_wall.json()["items"]) == 1 and _leaks(for_wall.content) == []
    assert server.app.state.pages.joined == 0


def test_the_wall_reads_reference_photos_and_health(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    wall = login("wall")
    report = login("citizen").new_report(photos=1)

    assert wall.get("/me").json()["role"] == "wall"
    assert wall.get("/reference").status_code == 200
    assert wall.get("/health").json()["status"] == "ok"
    photo = wall.get(f"/reports/{report['id']}/media/1")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("what", "request_of"),
    [
        ("note", lambda r: ("/reports/{id}/actions", _action(r, "note", {"text": "x"}))),
        ("rating", lambda r: ("/reports/{id}/actions", _action(r, "rate", {"rating": 5}))),
        ("new report", lambda r: ("/reports", {"title": "Đèn hỏng", "category": "lighting"})),
        ("account", lambda r: ("/users", {"name": "x1", "password": "a" * 12, "role": "wall"})),
        ("own password", lambda r: ("/me/password", {"current": "demo", "new": "b" * 12})),
    ],
)
def test_every_change_the_wall_tries_is_refused_in_vietnamese(
    login: Callable[[str], Api],
    what: str,
    request_of: Callable[[dict[str, Any]], tuple[str, dict[str, Any]]],
) -> None:
    wall, operator = login("wall"), login("operator")
    report = login("citizen").new_report()
    path, body = request_of(report)

    answer = wall.post(path.format(id=report["id"]), body)

    assert answer.status_code == 403, what
    refusal = answer.json()
    assert refusal["code"] == "read_only_role"
    assert refusal["message"].startswith("Tài khoản «Màn hình tường» chỉ được xem, không được ")
    after = operator.get(f"/reports/{report['id']}").json()
    assert after["version"] == report["version"] and after["history"] == []


def _action(report: dict[str, Any], kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": kind,
        "payload": payload,
        "expected_version": report["version"],
        "idempotency_key": f"wall-{kind}-{report['id']}",
    }


def test_the_accounts_cli_creates_a_wall_account_that_signs_in(
    server: CentralServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAHT_PASSWORD", "demo")
    monkeypatch.setattr("sys.stdin", io.StringIO("man-hinh-tuong-2026\n"))

    where = ["--server", server.base_url, "--user", "admin"]
    code = main(["accounts", "add", "tuong.ioc", "--role", "wall", "--password-stdin", *where])

    assert code == 0
    assert capsys.readouterr().out == "Đã tạo tài khoản tuong.ioc (Màn hình tường).\n"
    signed_in = requests.post(
        f"{server.base_url}/api/v1/auth/token",
        json={"user": "tuong.ioc", "password": "man-hinh-tuong-2026"},
        timeout=10,
    )
    assert signed_in.status_code == 200 and signed_in.json()["role"] == "wall"
