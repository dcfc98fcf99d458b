"""Actions on a report: success, stale version, illegal step, wrong role, replays, merges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from console.central.server import CentralServer
from tests.console.central.conftest import UNIT_CODE, Api, Clock, assigned


def test_accept_moves_the_report_on(login: Callable[[str], Api]) -> None:
    report = login("citizen").new_report()
    answer = login("operator").act(report, "accept", {"category": "roads"})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["status"], body["category"], body["version"]) == ("accepted", "roads", 2)


def test_stale_version_is_a_409_with_the_current_report(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    report = login("citizen").new_report()
    operator.step(report, "accept")
    stale = operator.act(report, "reject", {"reason": "out_of_scope"})
    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "version_conflict" and "phiên bản 2" in body["message"]
    assert body["current"]["status"] == "accepted" and body["current"]["version"] == 2


def test_illegal_step_and_bad_payload_are_422(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    report = login("citizen").new_report()
    illegal = operator.act(report, "publish")
    assert illegal.status_code == 422
    assert illegal.json()["code"] == "illegal_transition"
    assert "Chờ tiếp nhận" in illegal.json()["message"]
    bad = operator.act(report, "reject", {"reason": "bored"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_payload"
    unknown_unit = operator.act(operator.step(report, "accept"), "assign", {"unit": "no-such-unit"})
    assert unknown_unit.status_code == 422 and "no-such-unit" in unknown_unit.json()["message"]


def test_operator_cannot_take_supervisor_decisions(login: Callable[[str], Api]) -> None:
    operator, supervisor, unit = login("operator"), login("supervisor"), login("unit")
    report = assigned(operator, login("citizen"))
    for level in (2, 3):
        refused = operator.act(report, "escalate", {"level": level})
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden_role"
        assert "Giám sát viên" in refused.json()["message"]
    asking = unit.step(
        report, "request_extension", {"deadline": "2026-03-01T00:00:00Z", "reason": "Chờ vật tư"}
    )
    refused = operator.act(asking, "decide_extension", {"approve": True})
    assert refused.status_code == 403
    approved = supervisor.step(asking, "decide_extension", {"approve": True})
    assert approved["deadline"] == "2026-03-01T00:00:00Z" and approved["extended"] is True
    resolved = unit.step(approved, "resolve", {"result_text": "Đã thu gom xong."})
    refused = operator.act(resolved, "reopen", {"reason": "Chưa sạch"})
    assert refused.status_code == 403
    assert supervisor.step(resolved, "reopen", {"reason": "Chưa sạch"})["status"] == "reopened"


def test_second_escalation_waits_for_the_minimum_interval(
    login: Callable[[str], Api], clock: Clock
) -> None:
    supervisor = login("supervisor")
    report = assigned(login("operator"), login("citizen"))
    first = supervisor.step(report, "escalate", {"level": 1})
    too_soon = supervisor.act(first, "escalate", {"level": 2})
    assert too_soon.status_code == 422
    assert too_soon.json()["code"] == "escalation_too_soon"
    assert "Chưa đủ thời gian tối thiểu" in too_soon.json()["message"]
    clock.advance(timedelta(days=1, minutes=1))
    again = login("supervisor").step(first, "escalate", {"level": 2})
    assert again["escalation_level"] == 2


def test_repeated_idempotency_key_gives_the_first_answer(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    report = login("citizen").new_report()
    first = operator.act(report, "note", {"text": "Đã gọi cho người dân"}, key="k-1")
    second = operator.act(report, "note", {"text": "Đã gọi cho người dân"}, key="k-1")
    assert first.status_code == second.status_code == 200
    assert first.text == second.text
    history = operator.get(f"/reports/{report['id']}").json()["history"]
    assert len(history) == 1
    conflict = operator.act(report, "accept", key="k-2")
    assert conflict.status_code == 409
    replay = operator.act(report, "accept", key="k-2", version=2)
    assert replay.status_code == 409 and replay.text == conflict.text
    other = login("supervisor").act(report, "note", {"text": "x"}, key="k-1", version=2)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


def test_merge_raises_the_original_count_and_its_change(login: Callable[[str], Api]) -> None:
    operator, citizen = login("operator"), login("citizen")
    original, duplicate = citizen.new_report(), citizen.new_report()
    cursor = operator.get("/changes").json()["next"]
    merged = operator.step(duplicate, "merge", {"duplicate_of": original["id"]})
    assert merged["status"] == "rejected" and merged["duplicate_of"] == original["id"]
    items = {i["id"]: i for i in operator.get("/changes", after=cursor).json()["items"]}
    assert items[original["id"]]["merged_count"] == 1
    assert items[original["id"]]["version"] == original["version"]
    missing = operator.act(citizen.new_report(), "merge", {"duplicate_of": 9_999})
    assert missing.status_code == 422 and "9999" in missing.json()["message"]


def test_unit_account_acts_only_on_its_own_reports(
    server: CentralServer, login: Callable[[str], Api], tmp_path: Path
) -> None:
    admin = login("admin")
    admin.post(
        "/users",
        {
            "name": "other.unit",
            "password": "mat-khau-dai",
            "role": "unit",
            "unit_code": "ubnd-phu-xuan",
        },
    )
    report = assigned(login("operator"), login("citizen"))
    stranger = Api(server.base_url, "other.unit", "mat-khau-dai")
    refused = stranger.act(report, "acknowledge")
    assert refused.status_code == 403 and refused.json()["code"] == "not_your_unit"
    assert login("unit").step(report, "acknowledge")["status"] == "in_progress"
    assert report["unit"] == UNIT_CODE
