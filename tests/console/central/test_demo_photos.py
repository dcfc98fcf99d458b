"""Demo photos: real JPEGs, one scene per category, citizens' photos with GPS to strip."""

from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image, ImageFilter, ImageStat

from console.central.demo.photos import SCENES, render_photo
from console.domain.reference import load_reference


def test_every_category_has_its_own_scene() -> None:
    assert {c.code for c in load_reference().categories} <= set(SCENES)


def test_a_citizens_photo_is_a_jpeg_with_camera_and_gps() -> None:
    data = render_photo(42, "roads", "photo", 1)
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (640, 480)
    exif = image.getexif()
    assert exif[ExifTags.Base.Make]
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N" and gps[ExifTags.GPS.GPSLongitudeRef] == "E"
    latitude = gps[ExifTags.GPS.GPSLatitude]
    assert 15 <= latitude[0] + latitude[1] / 60 <= 17


def _busyness(data: bytes) -> float:
    """Mean edge strength: rubbish, tangled cables and fallen trees make a busy picture."""
    edges = Image.open(io.BytesIO(data)).convert("L").filter(ImageFilter.FIND_EDGES)
    return float(ImageStat.Stat(edges).mean[0])


@pytest.mark.parametrize("category", ["environment", "roads", "water", "trees", "telecom"])
def test_result_photos_show_the_same_place_cleaner_and_carry_no_exif(category: str) -> None:
    for report_id in (3, 8, 21):
        before = render_photo(report_id, category, "photo", 1)
        after = render_photo(report_id, category, "result_photo", 2)
        assert not Image.open(io.BytesIO(after)).getexif()
        assert _busyness(after) < _busyness(before)


def test_photos_are_deterministic_and_differ_between_reports() -> None:
    assert render_photo(5, "trees", "photo", 1) == render_photo(5, "trees", "photo", 1)
    assert render_photo(5, "trees", "photo", 1) != render_photo(6, "trees", "photo", 1)
    small = Image.open(io.BytesIO(render_photo(5, "unknown-category", "photo", 1, size=(320, 240))))
    assert small.size == (320, 240)
