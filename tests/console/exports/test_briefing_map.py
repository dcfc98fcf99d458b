"""The briefing's headless map has more than dots: a reader can place them (river, wards)."""

from __future__ import annotations

import io

from PIL import Image

from console.domain.reference import load_reference
from console.exports.briefing.pictures import MUTED, RIVER, SIZE, WardPoint, ward_map


def _picture(codes: dict[str, int]) -> Image.Image:
    reference = load_reference()
    points = []
    for code, count in codes.items():
        ward = reference.ward(code)
        assert ward is not None
        points.append(WardPoint(code, ward.name, ward.lat, ward.lon, count))
    return Image.open(io.BytesIO(ward_map(points, reference, "01/12 – 07/12/2026"))).convert("RGB")


def test_the_map_picture_draws_the_river_and_the_ward_names_under_the_dots() -> None:
    image = _picture({"phu-xuan": 40, "vy-da": 22, "an-cuu": 15})
    # The frame, less the note in its bottom corner (the only muted text it had before).
    frame = image.crop((62, 172, SIZE[0] - 62, SIZE[1] - 110))
    colours = frame.getcolors(maxcolors=frame.width * frame.height)
    assert colours is not None
    counts = {rgb: n for n, rgb in colours}
    assert counts.get(RIVER, 0) > 3000  # a long line several pixels wide
    assert counts.get(MUTED, 0) > 1500  # ward names and the graticule's degrees


def test_the_river_is_kept_inside_the_map_frame() -> None:
    image = _picture({"phong-dien": 3, "huong-thuy": 6})
    outside = image.crop((0, 0, SIZE[0], 150))  # title band above the frame
    colours = outside.getcolors(maxcolors=outside.width * outside.height) or []
    assert RIVER not in {rgb for _n, rgb in colours}
