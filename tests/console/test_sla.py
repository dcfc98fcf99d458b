"""The SLA clock: deadlines, time left and budgets per stage, category and urgency.

Expectations are worked out by hand in Vietnam time (helpers from test_calendar).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.calendar import RulesError
from console.domain.model import ActionType, Report, Role, Status, Urgency
from console.domain.sla import SlaClock, Stage, load_sla
from console.domain.workflow import Context, apply_action
from tests.console.test_calendar import DAY, H, calendar_config, vn


@pytest.fixture(scope="module")
def clock() -> SlaClock:
    return load_sla()


def test_handling_deadlines_by_urgency(clock: SlaClock) -> None:
    # normal: 7 working days across Tết 2026
    assert clock.handling_deadline("roads", Urgency.NORMAL, vn(2026, 2, 12, 10)) == vn(
        2026, 3, 2, 10
    )
    # complex: 15 working days from Monday 05/01: 06-09, 12-16, 19-23, 26/01
    assert clock.handling_deadline("roads", Urgency.COMPLEX, vn(2026, 1, 5, 9)) == vn(
        2026, 1, 26, 9
    )
    # urgent: wall-clock, 24 h even on Tết
    assert clock.handling_deadline("roads", Urgency.URGENT, vn(2026, 2, 14, 10)) == vn(
        2026, 2, 15, 10
    )


def test_intake_and_acknowledge_deadlines(clock: SlaClock) -> None:
    # urgent intake: 30 minutes of wall-clock time on a Saturday night
    assert clock.deadline(Stage.INTAKE, "trees", Urgency.URGENT, vn(2026, 1, 10, 23, 50)) == vn(
        2026, 1, 11, 0, 20
    )
    # normal intake: 4 working hours, Friday 15:00 before Tết -> Monday 23/02 09:30
    assert clock.deadline(Stage.INTAKE, "trees", Urgency.NORMAL, vn(2026, 2, 13, 15)) == vn(
        2026, 2, 23, 9, 30
    )
    # complex acknowledge: 8 working hours from Monday 08:00 = 7 h Monday + 1 h Tuesday
    assert clock.deadline(Stage.ACKNOWLEDGE, "trees", Urgency.COMPLEX, vn(2026, 1, 5, 8)) == vn(
        2026, 1, 6, 8, 30
    )
    # urgent acknowledge: 2 wall-clock hours on a Sunday
    assert clock.deadline(Stage.ACKNOWLEDGE, "trees", Urgency.URGENT, vn(2026, 1, 11, 22)) == vn(
        2026, 1, 12, 0
    )


def test_category_override_and_fallback() -> None:
    clock = SlaClock.from_config(
        {
            **load_sla().to_json()["sla"],
            "categories": {"lighting": {"handle": {"normal": {"working_days": 3}}}},
        },
        calendar_config(),
    )
    start = vn(2026, 1, 5, 10)
    assert clock.handling_deadline("lighting", Urgency.NORMAL, start) == vn(2026, 1, 8, 10)
    assert clock.handling_deadline("roads", Urgency.NORMAL, start) == vn(2026, 1, 14, 10)
    assert clock.handling_deadline("lighting", Urgency.COMPLEX, start) == vn(2026, 1, 26, 10)
    assert clock.budget(Stage.HANDLE, "lighting", Urgency.NORMAL) == 3 * DAY


def test_time_left_is_working_time_and_negative_when_overdue(clock: SlaClock) -> None:
    deadline = vn(2026, 1, 12, 9, 30)
    assert clock.time_left(deadline, vn(2026, 1, 9, 16), Urgency.NORMAL) == 3 * H
    assert clock.time_left(deadline, vn(2026, 1, 12, 10, 30), Urgency.NORMAL) == -H
    # overdue by a whole working day after a weekend
    assert clock.time_left(vn(2026, 1, 9, 9, 30), deadline, Urgency.COMPLEX) == -DAY


def test_time_left_urgent_is_wall_clock(clock: SlaClock) -> None:
    deadline = vn(2026, 1, 10, 10)  # Saturday
    assert clock.time_left(deadline, vn(2026, 1, 10, 12), Urgency.URGENT) == -2 * H
    assert clock.time_left(deadline, vn(2026, 1, 9, 22), Urgency.URGENT) == 12 * H


def test_budget(clock: SlaClock) -> None:
    assert clock.budget(Stage.HANDLE, "roads", Urgency.NORMAL) == timedelta(hours=52, minutes=30)
    assert clock.budget(Stage.HANDLE, "roads", Urgency.COMPLEX) == timedelta(hours=112, minutes=30)
    assert clock.budget(Stage.HANDLE, "roads", Urgency.URGENT) == timedelta(hours=24)
    assert clock.budget(Stage.INTAKE, "roads", Urgency.URGENT) == timedelta(minutes=30)
    assert clock.budget(Stage.INTAKE, "roads", Urgency.NORMAL) == 4 * H
    assert clock.budget(Stage.ACKNOWLEDGE, "roads", Urgency.COMPLEX) == 8 * H


def _report(status: Status, deadline: datetime | None) -> Report:
    t = vn(2026, 1, 5, 8)
    return Report(
        id=1, code="PA-1", title="Ổ gà", description="", category="roads",
        urgency=Urgency.NORMAL, status=status, ward="", lat=None, lon=None, address="",
        channel="app", created_at=t, updated_at=t, deadline=deadline,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("status", "deadline", "overdue"),
    [
        (Status.ASSIGNED, vn(2026, 1, 9, 17), True),
        (Status.IN_PROGRESS, vn(2026, 1, 9, 17), True),
        (Status.EXTENSION_REQUESTED, vn(2026, 1, 9, 17), True),
        (Status.REOPENED, vn(2026, 1, 9, 17), True),
        (Status.IN_PROGRESS, vn(2026, 1, 12, 17), False),
        (Status.RESOLVED, vn(2026, 1, 9, 17), False),
        (Status.CLOSED, vn(2026, 1, 9, 17), False),
        (Status.IN_PROGRESS, None, False),
    ],
)
def test_is_overdue(
    clock: SlaClock, status: Status, deadline: datetime | None, overdue: bool
) -> None:
    assert clock.is_overdue(_report(status, deadline), vn(2026, 1, 12, 8)) is overdue


def test_rules_round_trip_through_json(clock: SlaClock) -> None:
    """The console can run on the rules the central API publishes."""
    custom = SlaClock.from_config(
        {
            **clock.to_json()["sla"],
            "categories": {"water": {"intake": {"normal": {"minutes": 90}}}},
        },
        calendar_config(days_off=["2026-01-09"], working_days=["2026-01-17"]),
    )
    copy = SlaClock.from_json(json.loads(json.dumps(custom.to_json())))
    assert copy.to_json() == custom.to_json()
    start = vn(2026, 1, 8, 16)
    # 90 working minutes: 1 h on Thursday, Friday declared off, 30 min on Monday.
    assert copy.deadline(Stage.INTAKE, "water", Urgency.NORMAL, start) == vn(2026, 1, 12, 8)
    assert copy.handling_deadline("roads", Urgency.NORMAL, start) == vn(2026, 1, 19, 16)


def test_load_sla_from_files(tmp_path: Path) -> None:
    (tmp_path / "sla.yaml").write_text(
        "defaults:\n"
        + "".join(
            f"  {stage}:\n" + "".join(f"    {u}: {{working_hours: 1}}\n" for u in Urgency)
            for stage in Stage
        ),
        encoding="utf-8",
    )
    (tmp_path / "cal.yaml").write_text(
        'office_hours:\n  - {start: "08:00", end: "12:00"}\nworking_weekdays: [mon, tue, wed, thu, fri, sat]\n',
        encoding="utf-8",
    )
    clock = load_sla(tmp_path / "sla.yaml", tmp_path / "cal.yaml")
    # Saturday 11:30 + 1 working hour (morning only, Saturdays worked) -> Monday 08:30
    assert clock.handling_deadline("x", Urgency.NORMAL, vn(2026, 1, 10, 11, 30)) == vn(
        2026, 1, 12, 8, 30
    )


def _set_handle_normal(figure: Any) -> Callable[[dict[str, Any]], None]:
    def change(sla: dict[str, Any]) -> None:
        sla["defaults"]["handle"]["normal"] = figure

    return change


def _drop_handle_normal(sla: dict[str, Any]) -> None:
    del sla["defaults"]["handle"]["normal"]


def _add_unknown_stage(sla: dict[str, Any]) -> None:
    sla["defaults"]["later"] = {}


def _keep(sla: dict[str, Any]) -> None:
    return None


@pytest.mark.parametrize(
    ("sla_change", "calendar_change", "fragment"),
    [
        (_drop_handle_normal, {}, "thiếu thời hạn handle.normal"),
        (_set_handle_normal({"weeks": 1}), {}, "đơn vị «weeks»"),
        (_set_handle_normal({"working_days": 1.5}), {}, "số nguyên"),
        (_set_handle_normal({"working_days": -1}), {}, "số dương"),
        (_set_handle_normal({"working_days": 1, "minutes": 5}), {}, "đúng một khóa"),
        (_add_unknown_stage, {}, "giai đoạn «later»"),
        (_keep, {"office_hours": [{"start": 450, "end": "11:30"}]}, "ngoặc kép"),
        (
            _keep,
            {
                "office_hours": [
                    {"start": "07:30", "end": "12:00"},
                    {"start": "11:00", "end": "17:00"},
                ]
            },
            "chồng lấn",
        ),
        (_keep, {"working_weekdays": []}, "ít nhất một ngày"),
        (_keep, {"working_weekdays": ["monday", "caturday"]}, "tên ngày"),
        (_keep, {"days_off": ["09/01/2026"]}, "YYYY-MM-DD"),
    ],
)
def test_bad_rules_are_refused_with_a_vietnamese_reason(
    sla_change: Callable[[dict[str, Any]], None], calendar_change: dict[str, Any], fragment: str
) -> None:
    sla = json.loads(json.dumps(load_sla().to_json()["sla"]))
    sla_change(sla)
    with pytest.raises(RulesError, match=fragment):
        SlaClock.from_config(sla, calendar_config(**calendar_change))


def test_sla_clock_drives_the_workflow_deadline(clock: SlaClock) -> None:
    """Assigning a report sets the deadline the SLA clock computes (DeadlineClock protocol)."""
    report = _report(Status.ACCEPTED, None)
    now = vn(2026, 2, 12, 10)
    updated, _ = apply_action(
        report, ActionType.ASSIGN, {"unit": "u-roads"}, actor="op1", role=Role.OPERATOR,
        ctx=Context(now=now, clock=clock),
    )  # fmt: skip
    assert updated.deadline == vn(2026, 3, 2, 10)
