"""The shipped reference data of Huế: complete, consistent, and served/cached without loss."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from console.domain.reference import (
    REFERENCE_DIR,
    ReferenceDataError,
    load_reference,
    reference_from_json,
)

HUE_BOX = (15.99, 16.75, 107.01, 108.22)


def test_forty_current_communes_inside_hue() -> None:
    reference = load_reference()
    current = reference.current_wards()
    assert len(current) == 40
    assert sum(w.kind == "phuong" for w in current) == 21
    assert sum(w.kind == "xa" for w in current) == 19
    assert reference.ward_name("phu-xuan") == "Phường Phú Xuân"
    assert reference.ward_name("chan-may-lang-co") == "Xã Chân Mây - Lăng Cô"
    for ward in current:
        assert ward.valid_from == "2025-07-01"
        assert HUE_BOX[0] <= ward.lat <= HUE_BOX[1] and HUE_BOX[2] <= ward.lon <= HUE_BOX[3]
        committee = reference.unit(ward.committee or "")
        assert committee is not None and committee.active and committee.kind == "ward_committee"
    assert all(code.isascii() for code in (w.code for w in reference.wards))


def test_former_wards_point_to_a_current_successor() -> None:
    reference = load_reference()
    former = [w for w in reference.wards if w.kind == "former"]
    assert len(former) >= 12
    for ward in former:
        assert ward.valid_to == "2025-06-30"
        successor = reference.current_ward(ward.code)
        assert successor is not None and successor.code == ward.successor
    assert reference.ward_name("phuong-phu-hoi") == "Phường Phú Hội"
    current = reference.current_ward("phuong-phu-hoi")
    assert current is not None and current.name == "Phường Thuận Hóa"
    assert reference.current_ward("no-such-ward") is None


def test_categories_units_and_channels() -> None:
    reference = load_reference()
    assert len(reference.categories) == 12
    assert reference.category_name("lighting") == "Chiếu sáng, điện"
    assert "roads" in reference.related_categories("trees")
    assert "trees" in reference.related_categories("roads")
    assert 60 <= len(reference.units) <= 80
    kinds = {u.kind for u in reference.units}
    assert kinds == {"department", "ward_committee", "company", "central_agency"}
    inactive = [u for u in reference.units if not u.active]
    assert inactive and all(u not in reference.active_units() for u in inactive)
    assert all(u.head and u.focal_point for u in reference.units)
    assert reference.unit_name("so-xay-dung") == "Sở Xây dựng"
    assert reference.unit_name("unknown-unit") == "unknown-unit"
    assert set(reference.channels) == {"app", "portal", "hotline", "zalo", "facebook", "email"}
    assert reference.channel_name("app") == "Ứng dụng Hue-S"


def test_reply_templates_follow_the_courtesy_form() -> None:
    reference = load_reference()
    for reason in (
        "out_of_scope",
        "insufficient_info",
        "complaint",
        "abusive",
        "outside_city",
        "duplicate",
    ):
        text = reference.render(f"reject.{reason}", code="PA-1", duplicate_code="PA-0")
        assert text.startswith("Kính gửi: Quý Ông/Bà.") and text.endswith("Trân trọng.")
    published = reference.render(
        "publication", unit="Công ty Cây xanh Huế", result="Đã cắt tỉa cây."
    )
    assert published == (
        "Kính gửi: Quý Ông/Bà. Vấn đề Quý Ông/Bà phản ánh, Công ty Cây xanh Huế xin thông báo "
        "kết quả xử lý như sau: Đã cắt tỉa cây. Trân trọng."
    )
    assignment = reference.render("assignment", unit="Sở Xây dựng", code="PA-7", title="Ổ gà")
    assert "Sở Xây dựng" in assignment and "PA-7" in assignment and "{deadline}" in assignment


def test_json_round_trip_is_lossless() -> None:
    reference = load_reference()
    again = reference_from_json(reference.to_json())
    assert again == reference
    assert again.ward("phu-xuan") == reference.ward("phu-xuan")
    assert again.routing.rules == reference.routing.rules


def test_loading_is_cached_per_folder(tmp_path: Path) -> None:
    assert load_reference() is load_reference(REFERENCE_DIR)
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    other = load_reference(copy)
    assert other is not load_reference() and other == load_reference()


def test_a_rule_naming_an_unknown_unit_is_refused_in_vietnamese(tmp_path: Path) -> None:
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    routing = copy / "routing.yaml"
    routing.write_text(
        routing.read_text(encoding="utf-8").replace("unit: so-du-lich", "unit: so-ma"),
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError, match="đơn vị không tồn tại 'so-ma'"):
        load_reference(copy)


def test_a_category_without_a_default_rule_is_refused(tmp_path: Path) -> None:
    data = load_reference().to_json()
    data["routing"]["rules"] = [r for r in data["routing"]["rules"] if r["category"] != "security"]
    with pytest.raises(ReferenceDataError, match="'security' chưa có quy tắc phân công mặc định"):
        reference_from_json(data)


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    (copy / "units.yaml").write_text("units: [unclosed", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"units\.yaml sai cú pháp YAML"):
        load_reference(copy)
