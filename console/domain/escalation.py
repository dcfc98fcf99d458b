"""The escalation policy (đôn đốc): who is urged at each level, by whom, and how often.

Level 1 reminds the unit's focal point, 2 notifies the unit's head, 3 reports to the City
People's Committee leadership. Wording, recipients, roles and intervals are data
(console/resources/escalation.yaml) so the IOC can change them without a release.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from console.domain.calendar import RulesError, read_yaml, to_local
from console.domain.model import HANDLING_STATUSES, Report, Role
from console.paths import RESOURCES_DIR

PLACEHOLDERS = frozenset({"code", "unit", "deadline", "days_late"})


@dataclass(frozen=True, slots=True)
class EscalationLevel:
    level: int
    label: str
    recipient: str
    recipient_label: str
    roles: frozenset[Role]
    #: Wait after sending this level before the next one may be sent.
    min_interval: timedelta
    template: str
    #: English mode (the template stays Vietnamese: it goes to the unit).
    label_en: str = ""
    recipient_label_en: str = ""

    def name(self, language: str = "vi") -> str:
        return self.label_en if language == "en" and self.label_en else self.label

    def recipient_name(self, language: str = "vi") -> str:
        if language == "en" and self.recipient_label_en:
            return self.recipient_label_en
        return self.recipient_label

    @classmethod
    def parse(cls, raw: Any) -> EscalationLevel:
        if not isinstance(raw, dict):
            raise RulesError("levels: mỗi cấp đôn đốc phải là một bảng khóa: giá trị.")
        level = raw.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 3:
            raise RulesError(f"levels: cấp đôn đốc phải từ 1 đến 3 (nhận {level!r}).")
        where = f"Cấp đôn đốc {level}"
        texts = {}
        for key in ("label", "recipient", "recipient_label", "template"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                raise RulesError(f"{where}: thiếu «{key}».")
            texts[key] = value.strip()
        try:
            fields = {
                f for _, f, _, _ in string.Formatter().parse(texts["template"]) if f is not None
            }
        except ValueError as exc:
            raise RulesError(f"{where}: mẫu tin không hợp lệ ({exc}).") from exc
        if not fields <= PLACEHOLDERS:
            raise RulesError(
                f"{where}: mẫu tin dùng trường không có: {', '.join(sorted(fields - PLACEHOLDERS))}."
            )
        try:
            roles = frozenset(Role(r) for r in raw.get("roles") or [])
        except ValueError as exc:
            raise RulesError(f"{where}: vai trò không tồn tại trong {raw.get('roles')!r}.") from exc
        if not roles:
            raise RulesError(f"{where}: cần ít nhất một vai trò được gửi.")
        hours = raw.get("min_interval_hours", 0)
        if isinstance(hours, bool) or not isinstance(hours, int | float) or hours < 0:
            raise RulesError(f"{where}: min_interval_hours phải là số không âm.")
        return cls(
            level=level,
            label=texts["label"],
            recipient=texts["recipient"],
            recipient_label=texts["recipient_label"],
            roles=roles,
            min_interval=timedelta(hours=hours),
            template=texts["template"],
            label_en=str(raw.get("label_en") or ""),
            recipient_label_en=str(raw.get("recipient_label_en") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "label": self.label,
            "recipient": self.recipient,
            "recipient_label": self.recipient_label,
            "roles": sorted(r.value for r in self.roles),
            "min_interval_hours": self.min_interval / timedelta(hours=1),
            "template": self.template,
            "label_en": self.label_en,
            "recipient_label_en": self.recipient_label_en,
        }


class EscalationPolicy:
    """The levels in order; satisfies `workflow.EscalationRules`."""

    def __init__(self, levels: tuple[EscalationLevel, ...]) -> None:
        numbers = [lv.level for lv in levels]
        if numbers != list(range(1, len(levels) + 1)) or not levels:
            raise RulesError(f"Các cấp đôn đốc phải là 1, 2, 3... liên tiếp (nhận {numbers}).")
        self.levels = levels

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EscalationPolicy:
        raw = data.get("levels")
        if not isinstance(raw, list):
            raise RulesError("levels: cần danh sách các cấp đôn đốc.")
        return cls(tuple(EscalationLevel.parse(item) for item in raw))

    def to_json(self) -> dict[str, Any]:
        return {"levels": [lv.to_json() for lv in self.levels]}

    def level(self, level: int) -> EscalationLevel:
        if not 1 <= level <= len(self.levels):
            raise ValueError(f"Cấp đôn đốc {level} không tồn tại.")
        return self.levels[level - 1]

    def min_interval(self, level: int) -> timedelta:
        """Wait after level `level` was sent before the next; none before the first."""
        return timedelta() if level == 0 else self.level(level).min_interval

    def next_level(self, report: Report) -> int | None:
        """The level to send next, or None when the report cannot be escalated further."""
        if report.status not in HANDLING_STATUSES or report.escalation_level >= len(self.levels):
            return None
        return report.escalation_level + 1

    def ready_at(self, report: Report) -> datetime | None:
        """When the next level may be sent (None: now, or never if there is no next level)."""
        if self.next_level(report) is None or report.escalated_at is None:
            return None
        return report.escalated_at + self.min_interval(report.escalation_level)

    def render_message(self, level: int, **fields: object) -> str:
        """The level's message; a datetime is written in Vietnam time ("16:30 ngày 05/01/2026")."""
        values = {
            key: f"{to_local(v):%H:%M} ngày {to_local(v):%d/%m/%Y}"
            if isinstance(v, datetime)
            else str(v)
            for key, v in fields.items()
        }
        try:
            return self.level(level).template.format(**values)
        except KeyError as exc:
            raise ValueError(f"Thiếu trường {exc} để soạn tin đôn đốc cấp {level}.") from exc


def load_escalation(path: Path | None = None) -> EscalationPolicy:
    """The policy from console/resources/escalation.yaml (or `path`)."""
    return EscalationPolicy.from_json(read_yaml(path or RESOURCES_DIR / "escalation.yaml"))
