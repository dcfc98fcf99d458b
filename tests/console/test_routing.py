"""Routing suggestions: every report of Huế finds an active unit, with a readable reason."""

from __future__ import annotations

import pytest

from console.domain.reference import load_reference, reference_from_json
from console.domain.routing import NoRoute, routing_problems, suggest_unit


def test_every_category_in_every_current_ward_routes_to_an_active_unit() -> None:
    reference = load_reference()
    assert routing_problems(reference) == []
    for category in reference.categories:
        for ward in reference.current_wards():
            suggestion = suggest_unit(reference, category.code, ward.code)
            unit = reference.unit(suggestion.unit)
            assert unit is not None and unit.active, (category.code, ward.code)


def test_street_light_in_the_old_centre_goes_to_the_lighting_company() -> None:
    reference = load_reference()
    suggestion = suggest_unit(reference, "lighting", "phu-xuan")
    assert suggestion.unit == "chieu-sang-hue"
    rule = reference.routing.rules[suggestion.rule_index]
    assert rule.category == "lighting"
    assert suggestion.explanation(reference) == (
        "Lĩnh vực Chiếu sáng, điện tại Phường Phú Xuân → "
        f"Công ty CP Chiếu sáng và Thiết bị đô thị Huế (quy tắc {suggestion.rule_index + 1})"
    )


def test_rubbish_in_a_mountain_commune_goes_to_its_ubnd() -> None:
    reference = load_reference()
    suggestion = suggest_unit(reference, "environment", "a-luoi-3")
    assert suggestion.unit == "ubnd-a-luoi-3"
    assert "UBND xã A Lưới 3" in suggestion.explanation(reference)
    assert "mặc định của lĩnh vực" in suggestion.explanation(reference)


def test_a_former_ward_routes_as_its_successor() -> None:
    reference = load_reference()
    old = suggest_unit(reference, "environment", "phuong-phu-hoi")
    new = suggest_unit(reference, "environment", "thuan-hoa")
    assert old.unit == new.unit == "moi-truong-do-thi"
    assert "Phường Phú Hội (nay là Phường Thuận Hóa)" in old.explanation(reference)
    district = suggest_unit(reference, "urban-order", "thi-xa-huong-thuy")
    assert district.unit == "ubnd-huong-thuy"


def test_unknown_ward_falls_back_to_a_fixed_unit_default() -> None:
    reference = load_reference()
    suggestion = suggest_unit(reference, "heritage", None)
    assert suggestion.unit == "so-van-hoa-the-thao"
    assert "chưa rõ địa bàn" in suggestion.explanation(reference)


def test_first_matching_rule_wins() -> None:
    reference = load_reference()
    assert suggest_unit(reference, "tourism", "chan-may-lang-co").unit == "bql-khu-kinh-te"
    assert suggest_unit(reference, "tourism", "phu-xuan").unit == "so-du-lich"


def test_an_inactive_unit_is_skipped_for_the_next_rule() -> None:
    data = load_reference().to_json()
    for unit in data["units"]:
        if unit["code"] == "chieu-sang-hue":
            unit["active"] = False
    suggestion = suggest_unit(reference_from_json(data), "lighting", "phu-xuan")
    assert suggestion.unit == "dien-luc-hue"


def test_no_route_explains_in_vietnamese() -> None:
    reference = load_reference()
    with pytest.raises(NoRoute, match="Lĩnh vực 'weather' không có trong danh mục"):
        suggest_unit(reference, "weather", "phu-xuan")
    with pytest.raises(NoRoute, match="hãy chọn đơn vị thủ công"):
        suggest_unit(reference, "environment", None)


def test_the_advice_reads_in_english_for_an_english_operator() -> None:
    """One lookup (console.domain.labels.phrase) gives the same advice in either language."""
    reference = load_reference()
    old = suggest_unit(reference, "environment", "phuong-phu-hoi")
    assert old.explanation(reference, "en") == (
        "Category Environment and urban sanitation in Phú Hội Ward (now Thuận Hóa Ward) → "
        "Huế Environment and Urban Works JSC (rule 1)"
    )
    with pytest.raises(NoRoute) as refused:
        suggest_unit(reference, "environment", None)
    assert refused.value.message("en").endswith("choose the unit by hand")
    assert str(refused.value).endswith("hãy chọn đơn vị thủ công")
