"""The rules for proposing units and wards for commendation, read from
console/resources/commendation.yaml so the Center can change the thresholds, and written out
in words for the report and the supervisor's dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.domain.calendar import RulesError, read_yaml
from console.exports.vn_text import vn_number
from console.paths import RESOURCES_DIR

RULES_FILE = RESOURCES_DIR / "commendation.yaml"


def _plain(value: float) -> str:
    """95.0 -> '95'; 4.5 -> '4,5'."""
    return vn_number(int(value)) if value == int(value) else vn_number(value)


@dataclass(frozen=True, slots=True)
class Rule:
    """One set of thresholds; `volume` names what is counted (handled or received)."""

    min_on_time_rate: float
    min_average_rating: float
    min_volume: int
    not_worse_than_previous: bool
    volume: str

    def criteria(self) -> tuple[str, ...]:
        """The rule in words, one criterion a line, as the document prints it."""
        lines = [
            f"tỷ lệ xử lý đúng hạn từ {_plain(self.min_on_time_rate)}% trở lên",
            f"điểm hài lòng bình quân của người dân từ {_plain(self.min_average_rating)}/5 trở lên",
            f"có ít nhất {vn_number(self.min_volume)} phản ánh {self.volume} trong kỳ",
        ]
        if self.not_worse_than_previous:
            lines.append(
                "tỷ lệ đúng hạn không giảm so với kỳ trước (kỳ trước không có số liệu thì "
                "không xét tiêu chí này)"
            )
        return tuple(lines)

    def failures(
        self, rate: float | None, average: float | None, volume: int, previous: float | None
    ) -> tuple[str, ...]:
        """The criteria not met, in words; empty when the rule is met."""
        missed = []
        if rate is None or rate < self.min_on_time_rate:
            missed.append("đúng hạn")
        if average is None or average < self.min_average_rating:
            missed.append("hài lòng")
        if volume < self.min_volume:
            missed.append("số lượng")
        if (
            self.not_worse_than_previous
            and previous is not None
            and (rate is None or rate < previous)
        ):
            missed.append("giảm so với kỳ trước")
        return tuple(missed)


@dataclass(frozen=True, slots=True)
class CommendationRules:
    units: Rule
    wards: Rule


def _rule(raw: Any, where: str, volume: str) -> Rule:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: thiếu mục tiêu chí.")
    try:
        return Rule(
            min_on_time_rate=float(raw["min_on_time_rate"]),
            min_average_rating=float(raw["min_average_rating"]),
            min_volume=int(raw["min_volume"]),
            not_worse_than_previous=bool(raw.get("not_worse_than_previous", True)),
            volume=volume,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"{where}: tiêu chí không hợp lệ ({exc}).") from exc


def load_rules(path: Path | None = None) -> CommendationRules:
    """The rules in `path` (default console/resources/commendation.yaml); RulesError if bad."""
    source = path or RULES_FILE
    data = read_yaml(source)
    return CommendationRules(
        units=_rule(data.get("units"), f"{source}: units", "đã xử lý"),
        wards=_rule(data.get("wards"), f"{source}: wards", "tiếp nhận"),
    )
