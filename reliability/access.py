"""Access: every action and every personal field checked by role on the reference server.

For each role and each action, a fresh report is brought (by the admin) to a status where the
action is legal, then the role tries it over real HTTP. A role the workflow allows must
succeed; any other gets 403 and leaves the report untouched. Each role also reads a report
and the change feed: the reporter's contact is there only for contact roles, and absent (not
null) for the others. Creating accounts and filing reports are checked the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import requests

from console.central.auth import DEMO_ACCOUNTS
from console.domain.model import CONTACT_ROLES, ActionType, Role, Status, utcnow
from console.domain.reference import load_reference
from console.domain.workflow import TRANSITIONS
from reliability.crash_harness import CentralFixture

UNIT_CODE = load_reference().active_units()[0].code
OTHER_UNIT = load_reference().active_units()[1].code

#: A status in which each action is legal, and a payload the workflow accepts.
SOURCE: dict[ActionType, Status] = {
    ActionType.ACCEPT: Status.NEW,
    ActionType.REJECT: Status.NEW,
    ActionType.MERGE: Status.NEW,
    ActionType.NOTE: Status.NEW,
    ActionType.ASSIGN: Status.ACCEPTED,
    ActionType.ESCALATE: Status.ASSIGNED,
    ActionType.ACKNOWLEDGE: Status.ASSIGNED,
    ActionType.RESOLVE: Status.ASSIGNED,
    ActionType.RETURN: Status.ASSIGNED,
    ActionType.REQUEST_EXTENSION: Status.ASSIGNED,
    ActionType.DECIDE_EXTENSION: Status.EXTENSION_REQUESTED,
    ActionType.PUBLISH: Status.RESOLVED,
    ActionType.REOPEN: Status.RESOLVED,
    ActionType.CLOSE: Status.PUBLISHED,
    ActionType.RATE: Status.PUBLISHED,
}
_LATER = (utcnow() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
PAYLOADS: dict[ActionType, dict[str, Any]] = {
    ActionType.ACCEPT: {},
    ActionType.REJECT: {"reason": "out_of_scope"},
    ActionType.MERGE: {},  # duplicate_of is filled in per try
    ActionType.NOTE: {"text": "Đã gọi lại người dân"},
    ActionType.ASSIGN: {"unit": UNIT_CODE},
    ActionType.ESCALATE: {"level": 1},
    ActionType.ACKNOWLEDGE: {},
    ActionType.RESOLVE: {"result_text": "Đã xử lý xong."},
    ActionType.RETURN: {"reason": "Không thuộc thẩm quyền"},
    ActionType.REQUEST_EXTENSION: {"deadline": _LATER, "reason": "Chờ vật tư"},
    ActionType.DECIDE_EXTENSION: {"approve": True},
    ActionType.PUBLISH: {"reply": "Kính gửi: Quý Ông/Bà."},
    ActionType.REOPEN: {"reason": "Chưa xử lý triệt để"},
    ActionType.CLOSE: {},
    ActionType.RATE: {"rating": 4},
}
#: How the admin brings a new report to each status.
PATH: dict[Status, list[tuple[ActionType, dict[str, Any]]]] = {
    Status.NEW: [],
    Status.ACCEPTED: [(ActionType.ACCEPT, {})],
    Status.ASSIGNED: [(ActionType.ACCEPT, {}), (ActionType.ASSIGN, {"unit": UNIT_CODE})],
}
PATH[Status.EXTENSION_REQUESTED] = [
    *PATH[Status.ASSIGNED],
    (ActionType.REQUEST_EXTENSION, PAYLOADS[ActionType.REQUEST_EXTENSION]),
]
PATH[Status.RESOLVED] = [*PATH[Status.ASSIGNED], (ActionType.RESOLVE, PAYLOADS[ActionType.RESOLVE])]
PATH[Status.PUBLISHED] = [
    *PATH[Status.RESOLVED],
    (ActionType.PUBLISH, PAYLOADS[ActionType.PUBLISH]),
]


@dataclass
class AccessSummary:
    checks: int = 0
    allowed_ok: int = 0
    denied_ok: int = 0
    field_checks: int = 0
    violations: list[str] = field(default_factory=list)


class Session:
    def __init__(self, base: str, user: str, password: str = "demo") -> None:
        self.base = base + "/api/v1"
        self.http = requests.Session()
        answer = self.http.post(
            f"{self.base}/auth/token", json={"user": user, "password": password}, timeout=10
        )
        answer.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {answer.json()['token']}"

    def act(self, report: dict[str, Any], action: ActionType, payload: dict[str, Any]) -> Any:
        return self.http.post(
            f"{self.base}/reports/{report['id']}/actions",
            json={
                "type": action.value,
                "payload": payload,
                "expected_version": report["version"],
                "idempotency_key": uuid.uuid4().hex,
            },
            timeout=10,
        )

    def file(self) -> dict[str, Any]:
        answer = self.http.post(
            f"{self.base}/reports",
            json={
                "title": "Đèn đường không sáng",
                "category": "lighting",
                "ward": "phu-xuan",
                "lat": 16.46,
                "lon": 107.59,
                "reporter": {"name": "Lê Thị C", "phone": "0905111222", "email": "c@example.vn"},
            },
            timeout=10,
        )
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result


def report_in(admin: Session, status: Status) -> dict[str, Any]:
    report = admin.file()
    for action, payload in PATH[status]:
        answer = admin.act(report, action, payload)
        answer.raise_for_status()
        report = answer.json()
    return report


def _check_action(
    admin: Session, session: Session, role: Role, action: ActionType, summary: AccessSummary
) -> None:
    report = report_in(admin, SOURCE[action])
    payload = dict(PAYLOADS[action])
    if action is ActionType.MERGE:
        payload["duplicate_of"] = admin.file()["id"]
    answer = session.act(report, action, payload)
    allowed = role in TRANSITIONS[action].roles
    summary.checks += 1
    label = f"{role.value} {action.value}"
    if allowed and answer.status_code == 200:
        summary.allowed_ok += 1
    elif not allowed and answer.status_code == 403:
        after = admin.http.get(f"{admin.base}/reports/{report['id']}", timeout=10).json()
        if after["version"] == report["version"]:
            summary.denied_ok += 1
        else:
            summary.violations.append(f"{label}: refused but the report changed")
    else:
        expected = "200" if allowed else "403"
        summary.violations.append(f"{label}: {answer.status_code}, expected {expected}")


def _check_fields(session: Session, role: Role, report_id: int, summary: AccessSummary) -> None:
    contact = role in CONTACT_ROLES
    one = session.http.get(f"{session.base}/reports/{report_id}", timeout=10)
    page = session.http.get(f"{session.base}/changes", params={"limit": 5}, timeout=10)
    for what, answer in (("report", one), ("changes", page)):
        summary.field_checks += 1
        if answer.status_code != 200:
            summary.violations.append(f"{role.value} {what}: {answer.status_code}")
            continue
        body = answer.json()
        items = body["items"] if what == "changes" else [body]
        leaked = [item["id"] for item in items if ("reporter" in item) != contact]
        if leaked:
            summary.violations.append(
                f"{role.value} {what}: reporter {'missing' if contact else 'sent'} on {leaked}"
            )
        text = answer.text
        if not contact and ("0905111222" in text or "c@example.vn" in text):
            summary.violations.append(f"{role.value} {what}: a reporter's contact leaked")


def _check_admin_only(sessions: dict[Role, Session], summary: AccessSummary) -> None:
    for role, session in sessions.items():
        answer = session.http.post(
            f"{session.base}/users",
            json={"name": f"u{uuid.uuid4().hex[:8]}", "password": "mật-khẩu-dài", "role": "media"},
            timeout=10,
        )
        summary.checks += 1
        expected = 201 if role is Role.ADMIN else 403
        if answer.status_code == expected:
            summary.allowed_ok += expected == 201
            summary.denied_ok += expected == 403
        else:
            summary.violations.append(f"{role.value} create user: {answer.status_code}")


def check_other_unit(admin: Session, base: str, summary: AccessSummary) -> None:
    """A unit account acts only on reports assigned to its own unit."""
    name = f"unit-{uuid.uuid4().hex[:6]}"
    admin.http.post(
        f"{admin.base}/users",
        json={"name": name, "password": "mật-khẩu-dài", "role": "unit", "unit_code": OTHER_UNIT},
        timeout=10,
    ).raise_for_status()
    stranger = Session(base, name, "mật-khẩu-dài")
    report = report_in(admin, Status.ASSIGNED)
    answer = stranger.act(report, ActionType.ACKNOWLEDGE, {})
    summary.checks += 1
    if answer.status_code == 403 and answer.json().get("code") == "not_your_unit":
        summary.denied_ok += 1
    else:
        summary.violations.append(f"another unit acknowledged: {answer.status_code}")


def check_role(admin: Session, session: Session, role: Role, probe_id: int) -> AccessSummary:
    """Every action, the personal fields and account creation for one role."""
    summary = AccessSummary()
    for action in ActionType:
        _check_action(admin, session, role, action, summary)
    _check_fields(session, role, probe_id, summary)
    _check_admin_only({role: session}, summary)
    return summary


def run_access_matrix(work: Path, *, reports: int = 50) -> AccessSummary:
    central = CentralFixture(work, reports)
    summary = AccessSummary()
    try:
        sessions = {role: Session(central.base_url, name) for name, role in DEMO_ACCOUNTS.items()}
        admin = sessions[Role.ADMIN]
        probe = admin.file()
        for role, session in sessions.items():
            part = check_role(admin, session, role, probe["id"])
            summary.checks += part.checks
            summary.allowed_ok += part.allowed_ok
            summary.denied_ok += part.denied_ok
            summary.field_checks += part.field_checks
            summary.violations.extend(part.violations)
        check_other_unit(admin, central.base_url, summary)
    finally:
        central.close()
    return summary
