"""Personal data out of what leaves the Center: free text masked, photos cleaned and blurred.

Text: console.domain.privacy.mask_personal (phones, e-mails, plates), and the reporter's own
name wherever a citizen wrote it. Photos: decoded and re-encoded, so no EXIF, GPS or
maker notes survive; faces and licence plates found by OpenCV's Haar cascades (shipped in
opencv-python-headless 4.x as cv2.data) and blurred beyond recognition. Detection misses
some and finds some that are not there, hence the staff's review: the boxes a photo is
finally blurred with are the detected ones as edited by hand.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image, ImageFilter, ImageOps

from console.domain.privacy import mask_personal

if TYPE_CHECKING:
    import cv2

#: (x, y, width, height) in the photo's pixels, after its EXIF orientation is applied.
Box = tuple[int, int, int, int]
HIDDEN_NAME = "[đã ẩn]"
#: Photos are scaled down to this longest side: enough for print and a big screen.
MAX_SIDE = 1280
JPEG_QUALITY = 85
FACE_CASCADE = "haarcascade_frontalface_default.xml"
#: The Russian plate cascade "haarcascade_russian_plate_number" fires on shop windows in
#: street scenes (65 false boxes in 936 demo photos); the 16-stage one fired once.
PLATE_CASCADE = "haarcascade_license_plate_rus_16stages.xml"
#: A box grows by this share on each side: a cascade's box is tight on eyes and mouth.
MARGIN = 0.15


class UnreadablePhoto(ValueError):
    """Bytes that are not a picture Pillow can decode."""


@dataclass(frozen=True, slots=True)
class Region:
    box: Box
    kind: str  # face | plate


def redact_text(text: str, names: Iterable[str | None] = ()) -> str:
    """`text` in NFC with phones, e-mails and plates masked and each of `names` hidden."""
    masked = mask_personal(unicodedata.normalize("NFC", text))
    for name in names:
        if name and name.strip():
            pattern = r"\s+".join(re.escape(p) for p in unicodedata.normalize("NFC", name).split())
            masked = re.sub(pattern, HIDDEN_NAME, masked, flags=re.IGNORECASE)
    return masked


def load_photo(data: bytes) -> Image.Image:
    """The photo upright (EXIF orientation applied) in RGB."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            upright = ImageOps.exif_transpose(opened)
            return upright.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadablePhoto(f"Ảnh không đọc được: {exc}") from exc


@functools.cache
def _cascade(name: str) -> cv2.CascadeClassifier:
    """OpenCV (and numpy) load on the first detection, not with the export package."""
    import cv2

    classifier = cv2.CascadeClassifier(cv2.data.haarcascades + name)  # type: ignore[attr-defined]
    if classifier.empty():
        raise RuntimeError(f"Không nạp được bộ nhận diện {name} của OpenCV.")
    return classifier


def _grow(box: Sequence[int], width: int, height: int) -> Box:
    x, y, w, h = (int(v) for v in box)
    dx, dy = int(w * MARGIN), int(h * MARGIN)
    left, top = max(0, x - dx), max(0, y - dy)
    right, bottom = min(width, x + w + dx), min(height, y + h + dy)
    return left, top, right - left, bottom - top


def detect_regions(image: Image.Image) -> list[Region]:
    """Faces and licence plates the cascades find in `image`, boxes grown by MARGIN."""
    import cv2
    import numpy as np

    grey = cv2.equalizeHist(cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY))
    width, height = image.size
    side = min(width, height)
    found: list[Region] = []
    for kind, name, size in (
        ("face", FACE_CASCADE, (max(20, side // 25),) * 2),
        ("plate", PLATE_CASCADE, (max(30, side // 20), max(10, side // 60))),
    ):
        boxes = _cascade(name).detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=size)
        found.extend(Region(_grow(b, width, height), kind) for b in boxes)
    return found


def blur_boxes(image: Image.Image, boxes: Iterable[Box]) -> Image.Image:
    """A copy of `image` with each box pixelated then smoothed: nothing recognisable left,
    nothing outside the boxes changed."""
    result = image.copy()
    for x, y, w, h in boxes:
        left, top = max(0, x), max(0, y)
        right, bottom = min(image.width, x + w), min(image.height, y + h)
        if right <= left or bottom <= top:
            continue
        patch = result.crop((left, top, right, bottom))
        block = max(4, max(patch.size) // 6)
        small = patch.resize(
            (max(1, patch.width // block), max(1, patch.height // block)), Image.Resampling.BOX
        )
        coarse = small.resize(patch.size, Image.Resampling.NEAREST)
        result.paste(coarse.filter(ImageFilter.GaussianBlur(block)), (left, top))
    return result


def encode_clean(image: Image.Image, max_side: int = MAX_SIDE) -> bytes:
    """A fresh baseline JPEG: no EXIF, GPS, ICC profile or comment, at most `max_side`."""
    if max(image.size) > max_side:
        image = image.copy()
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    Image.frombytes("RGB", image.size, image.tobytes()).save(
        buffer, "JPEG", quality=JPEG_QUALITY, optimize=True
    )
    return buffer.getvalue()


def redact_photo(data: bytes, boxes: Iterable[Box] | None = None) -> tuple[bytes, list[Box], int]:
    """(clean JPEG, boxes blurred, boxes detected). `boxes` None: blur what is detected;
    a sequence (the staff's reviewed list, maybe empty): blur exactly those."""
    image = load_photo(data)
    detected = [region.box for region in detect_regions(image)]
    final = detected if boxes is None else [tuple(int(v) for v in b) for b in boxes]
    chosen: list[Box] = [(b[0], b[1], b[2], b[3]) for b in final]
    return encode_clean(blur_boxes(image, chosen)), chosen, len(detected)


def review_copy(data: bytes) -> tuple[bytes, list[Region]]:
    """For the staff's review screen: the photo upright at full size (boxes are in its
    pixels), without EXIF and not yet blurred, and what the cascades found in it."""
    image = load_photo(data)
    return encode_clean(image, max_side=max(image.size)), detect_regions(image)
