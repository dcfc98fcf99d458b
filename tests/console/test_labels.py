"""Every fixed value and every reference name an operator reads has an English label."""

from __future__ import annotations

from enum import StrEnum

import pytest

from console.domain.escalation import load_escalation
from console.domain.labels import label, label_of
from console.domain.model import ActionType, RejectReason, Role, Status, Urgency
from console.domain.reference import load_reference, reference_from_json
from console.domain.sla import Stage

ENUMS: list[type[StrEnum]] = [Status, Urgency, Role, ActionType, RejectReason, Stage]


@pytest.mark.parametrize("kind", ENUMS, ids=lambda kind: kind.__name__)
def test_every_enum_value_has_its_own_english_and_vietnamese_label(kind: type[StrEnum]) -> None:
    for value in kind:
        english, vietnamese = label(value, "en"), label(value, "vi")
        assert english and vietnamese and english != vietnamese, value
        assert english.isascii(), english
    # Two values never read the same.
    assert len({label(v, "en") for v in kind}) == len(kind)


def test_stored_codes_read_through_the_same_lookup() -> None:
    assert label_of(Status, "extension_requested", "en") == "Extension requested"
    assert label_of(Status, "extension_requested", "vi") == "Xin gia hạn"
    assert label_of(Urgency, "urgent", "en") == "Urgent"
    assert label_of(Status, "from_the_future", "en") == "from_the_future"
    assert label(Status.NEW, "fr") == "Chờ tiếp nhận"


def test_every_reference_name_has_an_english_name() -> None:
    reference = load_reference()
    for code, name in reference.channels.items():
        assert reference.channel_name(code, "en") != name or name.isascii(), code
    for category in reference.categories:
        assert category.name_en.isascii(), category.code
        assert reference.category_name(category.code, "en") == category.name_en
    for unit in reference.units:
        assert unit.name_en, unit.code
    for ward in reference.wards:
        assert ward.name_en.endswith(("Ward", "Commune", "Town", "Township", "District")), ward
    assert reference.unit_name("ubnd-phu-xuan", "en") == "Phú Xuân Ward People's Committee"
    assert reference.unit_name("so-xay-dung", "en") == "Department of Construction"
    assert reference.ward_name("phu-xuan", "en") == "Phú Xuân Ward"
    assert reference.category_name("roads", "vi") == "Giao thông, đường sá"
    assert reference.channel_name("email", "en") == "E-mail"


def test_english_names_survive_the_wire_and_older_copies_still_read() -> None:
    reference = load_reference()
    assert reference_from_json(reference.to_json()) == reference
    older = reference.to_json()
    older.pop("channels_en")
    for item in older["categories"] + older["units"] + older["wards"]:
        item.pop("name_en")
    plain = reference_from_json(older)
    assert plain.category_name("roads", "en") == "Giao thông, đường sá"
    assert plain.channel_name("app", "en") == "Ứng dụng Hue-S"


def test_escalation_levels_have_english_names() -> None:
    for step in load_escalation().levels:
        assert step.name("en").isascii() and step.name("en") != step.name("vi")
        assert step.recipient_name("en").isascii() or "Huế" in step.recipient_name("en")
