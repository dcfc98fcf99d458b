"""What a media officer would see of the automatic blurring, on the synthetic street photos of
reliability.redaction_photos (the set `python -m benchmarks redaction` measures).

Plates are asserted only where the benchmark found every one (120 px wide and more, straight
or seen at an angle); smaller ones are missed often, which the review page says.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from console.exports.briefing.redaction import (
    detect_regions,
    encode_clean,
    load_photo,
    redact_photo,
)
from reliability.redaction_photos import (
    ASTRONAUT_FACE,
    POSES,
    Photo,
    astronaut,
    demo_photo,
    face_photo,
    plate_photo,
    street_photo,
)
from tests.console.exports.briefing_photos import face_image

Box = tuple[int, int, int, int]
#: The drawn face of briefing_photos.face_image, from eyebrows to chin.
DRAWN_FACE = (250, 155, 140, 180)


def _jpeg(photo: Photo) -> bytes:
    buffer = io.BytesIO()
    photo.image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _covered(box: Box, by: list[Box]) -> float:
    """The largest share of `box` that one box of `by` covers."""
    x, y, w, h = box
    best = 0
    for bx, by_, bw, bh in by:
        dx = min(x + w, bx + bw) - max(x, bx)
        dy = min(y + h, by_ + bh) - max(y, by_)
        best = max(best, max(0, dx) * max(0, dy))
    return best / (w * h)


def _change(before: Image.Image, after: Image.Image, box: Box) -> float:
    """Mean absolute difference of the pixels inside `box`, in grey levels."""
    x, y, w, h = box
    crop = (x, y, x + w, y + h)
    a = np.asarray(before.crop(crop).convert("L"), dtype=np.int16)
    b = np.asarray(after.crop(crop).convert("L"), dtype=np.int16)
    return float(np.abs(a - b).mean())


def _portrait(name: str) -> tuple[Image.Image, Box]:
    if name == "drawn":
        return face_image(), DRAWN_FACE
    real = astronaut()
    if real is None:
        pytest.skip("scikit-image (whose wheel ships the astronaut photo) is not installed")
    return real, ASTRONAUT_FACE


@pytest.mark.parametrize("portrait", ["drawn", "astronaut"])
def test_a_large_frontal_face_comes_out_blurred_at_the_face(portrait: str) -> None:
    image, face = _portrait(portrait)
    photo = face_photo(11, image, face, 160)
    (target,) = photo.targets
    cleaned, boxes, detected = redact_photo(_jpeg(photo))
    assert detected >= 1
    assert _covered(target.box, boxes) >= 0.9, "the face is not inside a blurred box"
    assert _change(photo.image, load_photo(cleaned), target.box) > 12, "the face is not blurred"


@pytest.mark.parametrize(
    "photo",
    [street_photo(seed) for seed in (1, 2, 3)]
    + [demo_photo(7, "urban-order"), demo_photo(12, "roads")],
    ids=lambda p: p.name,
)
def test_a_photo_without_face_or_plate_comes_out_unblurred(photo: Photo) -> None:
    data = _jpeg(photo)
    cleaned, boxes, detected = redact_photo(data)
    assert (boxes, detected) == ([], 0)
    assert cleaned == encode_clean(load_photo(data)), "pixels were changed with nothing to hide"


@pytest.mark.parametrize("pose", [POSES[0], POSES[3]], ids=["straight", "tilted-and-turned"])
@pytest.mark.parametrize("width", [140, 250])
@pytest.mark.parametrize("layout", ["car", "moto"])
def test_a_plate_120_px_wide_or_more_comes_out_blurred(
    layout: str, width: int, pose: tuple[float, float]
) -> None:
    photo = plate_photo(7, layout, width, pose)
    (target,) = photo.targets
    plates = [r.box for r in detect_regions(photo.image) if r.kind == "plate"]
    assert _covered(target.box, plates) >= 0.8, f"the {layout} plate was not found"
    cleaned = redact_photo(_jpeg(photo))[0]
    assert _change(photo.image, load_photo(cleaned), target.box) > 12, "the plate is readable"
