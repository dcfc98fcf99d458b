"""Which unit should handle a report: the routing rules applied, with a reason an operator reads.

The suggestion is advice for the operator who assigns; the rules are data (routing.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.reference import WARD_COMMITTEE, Reference, RoutingRule


class NoRoute(ValueError):
    """No rule gives an active unit; the message (Vietnamese) says why."""


@dataclass(frozen=True, slots=True)
class UnitSuggestion:
    unit: str
    explanation_vi: str
    #: Position of the winning rule in `reference.routing.rules` (0-based; shown 1-based).
    rule_index: int


def _rule_unit(reference: Reference, rule: RoutingRule, ward_code: str | None) -> str | None:
    if rule.unit != WARD_COMMITTEE:
        return rule.unit
    ward = reference.ward(ward_code) if ward_code else None
    return ward.committee if ward is not None else None


def suggest_unit(reference: Reference, category: str, ward: str | None) -> UnitSuggestion:
    """The first rule matching (category, ward) whose unit is active; former wards count as
    their successor. Raise NoRoute when the category is unknown or nothing matches."""
    if reference.category(category) is None:
        raise NoRoute(f"Lĩnh vực '{category}' không có trong danh mục")
    current = reference.current_ward(ward) if ward else None
    current_code = current.code if current is not None else None
    for index, rule in enumerate(reference.routing.rules):
        if rule.category != category:
            continue
        if rule.wards is not None and (current_code is None or current_code not in rule.wards):
            continue
        unit_code = _rule_unit(reference, rule, current_code)
        unit = reference.unit(unit_code) if unit_code else None
        if unit is None or not unit.active:
            continue
        return UnitSuggestion(
            unit=unit.code,
            explanation_vi=_explain(
                reference, category, ward, current_code, rule, index, unit.name
            ),
            rule_index=index,
        )
    place = f" tại {reference.ward_name(ward)}" if ward else ""
    raise NoRoute(
        f"Không có quy tắc phân công nào cho lĩnh vực {reference.category_name(category)}"
        f"{place} dẫn tới một đơn vị đang hoạt động; hãy chọn đơn vị thủ công"
    )


def _explain(
    reference: Reference,
    category: str,
    ward: str | None,
    current: str | None,
    rule: RoutingRule,
    index: int,
    unit_name: str,
) -> str:
    if ward is None:
        place = " (chưa rõ địa bàn)"
    elif current is None:
        place = f" tại địa bàn không rõ '{ward}'"
    elif current != ward:
        place = f" tại {reference.ward_name(ward)} (nay là {reference.ward_name(current)})"
    else:
        place = f" tại {reference.ward_name(current)}"
    notes = [f"quy tắc {index + 1}"]
    if rule.wards is None:
        notes.append("mặc định của lĩnh vực")
    if rule.unit == WARD_COMMITTEE:
        notes.append("UBND địa bàn")
    return f"Lĩnh vực {reference.category_name(category)}{place} → {unit_name} ({', '.join(notes)})"


def routing_problems(reference: Reference) -> list[str]:
    """Every (category, current ward) pair the rules cannot route, in Vietnamese; [] when sound."""
    problems: list[str] = []
    for category in reference.categories:
        for ward in reference.current_wards():
            try:
                suggest_unit(reference, category.code, ward.code)
            except NoRoute as exc:
                problems.append(str(exc))
    return problems
