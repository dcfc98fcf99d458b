"""The SLA clock: how long each stage of a report may take, per category and urgency.

Every figure is configuration (console/resources/sla.yaml), because the province's own regulation
is not public; the shipped defaults are the table of DOMAIN.md "Deadlines".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from console.domain.calendar import RulesError, WorkingCalendar, read_yaml
from console.domain.model import HANDLING_STATUSES, Report, Urgency
from console.paths import RESOURCES_DIR


class Stage(StrEnum):
    INTAKE = "intake"
    ACKNOWLEDGE = "acknowledge"
    HANDLE = "handle"


STAGE_LABELS_VI: dict[Stage, str] = {
    Stage.INTAKE: "IOC tiếp nhận, phân loại và chuyển xử lý",
    Stage.ACKNOWLEDGE: "Đơn vị tiếp nhận",
    Stage.HANDLE: "Đơn vị xử lý và báo kết quả",
}

UNITS = ("minutes", "working_hours", "working_days")


@dataclass(frozen=True, slots=True)
class Allowance:
    """One deadline figure: `amount` minutes, working hours or working days."""

    amount: float
    unit: str

    @classmethod
    def parse(cls, raw: Any, where: str) -> Allowance:
        if not isinstance(raw, dict) or len(raw) != 1:
            raise RulesError(f"{where}: cần đúng một khóa trong {', '.join(UNITS)}.")
        ((unit, amount),) = raw.items()
        if unit not in UNITS:
            raise RulesError(f"{where}: đơn vị «{unit}» không hợp lệ (dùng {', '.join(UNITS)}).")
        if isinstance(amount, bool) or not isinstance(amount, int | float) or amount <= 0:
            raise RulesError(f"{where}: thời hạn phải là số dương (nhận {amount!r}).")
        if unit == "working_days" and not isinstance(amount, int):
            raise RulesError(f"{where}: số ngày làm việc phải là số nguyên.")
        return cls(amount, unit)

    def to_json(self) -> dict[str, float]:
        return {self.unit: self.amount}

    def wall_clock(self) -> timedelta:
        """The allowance read as elapsed time (a working day counts 24 hours)."""
        if self.unit == "minutes":
            return timedelta(minutes=self.amount)
        if self.unit == "working_hours":
            return timedelta(hours=self.amount)
        return timedelta(days=self.amount)


Table = dict[Stage, dict[Urgency, Allowance]]


def _parse_table(raw: Any, where: str, *, complete: bool) -> Table:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: cần một bảng theo giai đoạn.")
    table: Table = {}
    for stage_key, per_urgency in raw.items():
        try:
            stage = Stage(stage_key)
        except ValueError as exc:
            raise RulesError(f"{where}: giai đoạn «{stage_key}» không tồn tại.") from exc
        if not isinstance(per_urgency, dict):
            raise RulesError(f"{where}.{stage}: cần một bảng theo mức độ khẩn.")
        table[stage] = {}
        for urgency_key, allowance in per_urgency.items():
            try:
                urgency = Urgency(urgency_key)
            except ValueError as exc:
                raise RulesError(f"{where}.{stage}: mức độ «{urgency_key}» không tồn tại.") from exc
            table[stage][urgency] = Allowance.parse(allowance, f"{where}.{stage}.{urgency}")
    if complete:
        for stage in Stage:
            for urgency in Urgency:
                if urgency not in table.get(stage, {}):
                    raise RulesError(f"{where}: thiếu thời hạn {stage}.{urgency}.")
    return table


def _table_json(table: Table) -> dict[str, dict[str, dict[str, float]]]:
    return {
        stage.value: {urgency.value: a.to_json() for urgency, a in per.items()}
        for stage, per in table.items()
    }


class SlaClock:
    """Deadlines and time left, on the working calendar (wall-clock for urgent reports)."""

    def __init__(
        self,
        calendar: WorkingCalendar,
        defaults: Table,
        categories: dict[str, Table] | None = None,
        wall_clock: frozenset[Urgency] = frozenset({Urgency.URGENT}),
    ) -> None:
        self.calendar = calendar
        self.defaults = defaults
        self.categories = categories or {}
        self.wall_clock = wall_clock

    @classmethod
    def from_config(cls, sla: dict[str, Any], calendar: dict[str, Any]) -> SlaClock:
        try:
            wall_clock = frozenset(Urgency(u) for u in sla.get("wall_clock_urgencies", ["urgent"]))
        except ValueError as exc:
            raise RulesError("wall_clock_urgencies: mức độ khẩn không tồn tại.") from exc
        raw_categories = sla.get("categories") or {}
        if not isinstance(raw_categories, dict):
            raise RulesError("categories: cần một bảng theo mã lĩnh vực.")
        return cls(
            WorkingCalendar.from_config(calendar),
            _parse_table(sla.get("defaults"), "defaults", complete=True),
            {
                str(code): _parse_table(table, f"categories.{code}", complete=False)
                for code, table in raw_categories.items()
            },
            wall_clock,
        )

    def to_json(self) -> dict[str, Any]:
        """The rules as the central API publishes them (`from_json` reads them back)."""
        return {
            "sla": {
                "wall_clock_urgencies": sorted(u.value for u in self.wall_clock),
                "defaults": _table_json(self.defaults),
                "categories": {code: _table_json(t) for code, t in self.categories.items()},
            },
            "calendar": self.calendar.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SlaClock:
        return cls.from_config(data["sla"], data["calendar"])

    def allowance(self, stage: Stage, category: str, urgency: Urgency) -> Allowance:
        """The category's own figure if it has one, else the default."""
        override = self.categories.get(category, {}).get(stage, {}).get(urgency)
        return override or self.defaults[stage][urgency]

    def deadline(self, stage: Stage, category: str, urgency: Urgency, start: datetime) -> datetime:
        allowance = self.allowance(stage, category, urgency)
        if urgency in self.wall_clock:
            if start.tzinfo is None:
                start = start.replace(tzinfo=UTC)
            return (start + allowance.wall_clock()).astimezone(UTC)
        if allowance.unit == "working_days":
            return self.calendar.add_working_days(start, int(allowance.amount))
        return self.calendar.add_working(start, allowance.wall_clock())

    def handling_deadline(self, category: str, urgency: Urgency, start: datetime) -> datetime:
        return self.deadline(Stage.HANDLE, category, urgency, start)

    def budget(self, stage: Stage, category: str, urgency: Urgency) -> timedelta:
        """The whole allowed time, measured like `time_left` (for "under a quarter left")."""
        allowance = self.allowance(stage, category, urgency)
        if urgency in self.wall_clock or allowance.unit != "working_days":
            return allowance.wall_clock()
        return self.calendar.day_length * int(allowance.amount)

    def time_left(self, deadline: datetime, now: datetime, urgency: Urgency) -> timedelta:
        """Working time until `deadline` (elapsed time for urgent); negative when overdue."""
        if urgency in self.wall_clock:
            return _aware(deadline) - _aware(now)
        return self.calendar.working_between(now, deadline)

    def is_overdue(self, report: Report, now: datetime) -> bool:
        """The unit still owes a result and its deadline has passed."""
        return (
            report.deadline is not None
            and report.status in HANDLING_STATUSES
            and _aware(now) > _aware(report.deadline)
        )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def load_sla(path: Path | None = None, calendar_path: Path | None = None) -> SlaClock:
    """The SLA clock from console/resources/sla.yaml and console/resources/calendar.yaml (or the given files)."""
    return SlaClock.from_config(
        read_yaml(path or RESOURCES_DIR / "sla.yaml"),
        read_yaml(calendar_path or RESOURCES_DIR / "calendar.yaml"),
    )
