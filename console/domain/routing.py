"""Which unit should handle a report: the routing rules applied, with a reason an operator reads.

The suggestion is advice for the operator who assigns; the rules are data (routing.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.labels import phrase
from console.domain.reference import WARD_COMMITTEE, Reference, RoutingRule


class NoRoute(ValueError):
    """No rule gives an active unit; `message(language)` says why (str: in Vietnamese)."""

    def __init__(self, reference: Reference, category: str, ward: str | None) -> None:
        self.reference = reference
        self.category = category
        self.ward = ward
        super().__init__(self.message("vi"))

    def message(self, language: str = "vi") -> str:
        ref = self.reference
        if ref.category(self.category) is None:
            return phrase("route.unknown_category", language, category=self.category)
        category = ref.category_name(self.category, language)
        if self.ward is None:
            return phrase("route.none", language, category=category)
        ward = ref.ward_name(self.ward, language)
        return phrase("route.none_in_ward", language, category=category, ward=ward)


@dataclass(frozen=True, slots=True)
class UnitSuggestion:
    """The unit and why: `explanation(reference, language)` is what the operator reads."""

    unit: str
    #: Position of the winning rule in `reference.routing.rules` (0-based; shown 1-based).
    rule_index: int
    category: str
    #: The ward as the report gives it, and the current ward it stands for (None: unknown).
    ward: str | None
    current_ward: str | None

    def explanation(self, reference: Reference, language: str = "vi") -> str:
        """ "Category Lighting in Phú Xuân → <unit> (rule 3, category default, ward committee)"."""
        rule = reference.routing.rules[self.rule_index]
        ward, current = self.ward, self.current_ward
        if ward is None:
            place = phrase("route.no_ward", language)
        elif current is None:
            place = phrase("route.unknown_ward", language, ward=ward)
        elif current != ward:
            place = phrase(
                "route.former_ward",
                language,
                ward=reference.ward_name(ward, language),
                now=reference.ward_name(current, language),
            )
        else:
            place = phrase("route.ward", language, ward=reference.ward_name(current, language))
        notes = [phrase("route.rule", language, number=str(self.rule_index + 1))]
        if rule.wards is None:
            notes.append(phrase("route.category_default", language))
        if rule.unit == WARD_COMMITTEE:
            notes.append(phrase("route.ward_committee", language))
        return phrase(
            "route.explanation",
            language,
            category=reference.category_name(self.category, language),
            place=place,
            unit=reference.unit_name(self.unit, language),
            notes=", ".join(notes),
        )


def _rule_unit(reference: Reference, rule: RoutingRule, ward_code: str | None) -> str | None:
    if rule.unit != WARD_COMMITTEE:
        return rule.unit
    ward = reference.ward(ward_code) if ward_code else None
    return ward.committee if ward is not None else None


def suggest_unit(reference: Reference, category: str, ward: str | None) -> UnitSuggestion:
    """The first rule matching (category, ward) whose unit is active; former wards count as
    their successor. Raise NoRoute when the category is unknown or nothing matches."""
    if reference.category(category) is None:
        raise NoRoute(reference, category, ward)
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
        return UnitSuggestion(unit.code, index, category, ward, current_code)
    raise NoRoute(reference, category, ward or None)


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
